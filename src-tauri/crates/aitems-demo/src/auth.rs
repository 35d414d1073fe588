//! Request authentication, as the NCP API gateway does it (signature v2).

use axum::http::{HeaderMap, Method, StatusCode};

use crate::errors::GatewayError;

/// Header carrying the request time in milliseconds since the Unix epoch.
pub(crate) const TIMESTAMP_HEADER: &str = "x-ncp-apigw-timestamp";
/// Header carrying the access key.
pub(crate) const ACCESS_KEY_HEADER: &str = "x-ncp-iam-access-key";
/// Header carrying the signature.
pub(crate) const SIGNATURE_HEADER: &str = "x-ncp-apigw-signature-v2";

/// The gateway refuses timestamps this far (or farther) from its clock: 5 minutes.
const MAX_SKEW_MS: u64 = 5 * 60 * 1000;

const MISSING: &str = "Authentication information are missing.";
const INVALID: &str = "Invalid authentication information.";

/// What a key may do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Permission {
    /// Subscribed to AiTEMS: may call every route.
    AiTems,
    /// Authenticates, but the account has no AiTEMS subscription.
    None,
}

/// The key pairs the demo gateway knows.
const KEYS: [(&str, &str, Permission); 2] = [
    (
        crate::DEMO_ACCESS_KEY,
        crate::DEMO_SECRET_KEY,
        Permission::AiTems,
    ),
    (
        crate::DEMO_READONLY_ACCESS_KEY,
        crate::DEMO_READONLY_SECRET_KEY,
        Permission::None,
    ),
];

/// A header's value, or `None` when it is absent or empty.
fn header<'a>(headers: &'a HeaderMap, name: &str) -> Option<Result<&'a str, ()>> {
    let value = headers.get(name)?;
    if value.is_empty() {
        return None;
    }
    Some(value.to_str().map_err(|_| ()))
}

/// Whether `timestamp` is plain decimal milliseconds less than 5 minutes from `now_ms`.
fn timestamp_is_fresh(timestamp: &str, now_ms: i64) -> bool {
    if timestamp.is_empty()
        || timestamp.len() > 19
        || !timestamp.bytes().all(|b| b.is_ascii_digit())
    {
        return false;
    }
    let Ok(millis) = timestamp.parse::<i64>() else {
        return false;
    };
    millis.abs_diff(now_ms) < MAX_SKEW_MS
}

/// Authenticates one request.
///
/// `request_target` must be the path and query exactly as received. `now_ms` is the
/// server's clock. Errors are the gateway's 401s, which never say which check failed.
pub(crate) fn authenticate(
    method: &Method,
    request_target: &str,
    headers: &HeaderMap,
    now_ms: i64,
) -> Result<(), GatewayError> {
    let (Some(timestamp), Some(access_key), Some(signature)) = (
        header(headers, TIMESTAMP_HEADER),
        header(headers, ACCESS_KEY_HEADER),
        header(headers, SIGNATURE_HEADER),
    ) else {
        return Err(GatewayError::authentication_failed(MISSING));
    };
    let invalid = || GatewayError::authentication_failed(INVALID);
    let (Ok(timestamp), Ok(access_key), Ok(signature)) = (timestamp, access_key, signature) else {
        return Err(invalid());
    };
    if !timestamp_is_fresh(timestamp, now_ms) {
        return Err(invalid());
    }
    let Some(&(_, secret, permission)) = KEYS.iter().find(|(key, _, _)| *key == access_key) else {
        return Err(invalid());
    };
    let secret = aitems::SecretString::from(secret);
    // Constant-time comparison inside `verify_signature_v2`.
    if !aitems::sign::verify_signature_v2(
        method.as_str(),
        request_target,
        timestamp,
        access_key,
        &secret,
        signature,
    ) {
        // The live gateway has answered a bad signature with a numeric `errorCode`
        // (`200`, not `"200"`) while its other errors use strings; the demo reproduces
        // that here so clients are tested against both forms.
        return Err(invalid().numeric());
    }
    match permission {
        Permission::AiTems => Ok(()),
        Permission::None => Err(GatewayError::new(
            StatusCode::UNAUTHORIZED,
            210,
            "Permission Denied",
            "A subscription to the API is required.",
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    const NOW: i64 = 1_800_000_000_000;

    fn signed(target: &str, timestamp: i64, access: &str, secret: &str) -> HeaderMap {
        let ts = timestamp.to_string();
        let sig = aitems::sign::signature_v2("GET", target, &ts, access, &secret.into());
        let mut headers = HeaderMap::new();
        for (name, value) in [
            (TIMESTAMP_HEADER, ts),
            (ACCESS_KEY_HEADER, access.to_owned()),
            (SIGNATURE_HEADER, sig),
        ] {
            headers.insert(name, HeaderValue::from_str(&value).expect("ascii"));
        }
        headers
    }

    fn check(headers: &HeaderMap, target: &str) -> Result<(), GatewayError> {
        authenticate(&Method::GET, target, headers, NOW)
    }

    #[test]
    fn a_good_signature_passes() {
        let h = signed(
            "/api/v1/services",
            NOW,
            crate::DEMO_ACCESS_KEY,
            crate::DEMO_SECRET_KEY,
        );
        assert!(check(&h, "/api/v1/services").is_ok());
    }

    #[test]
    fn timestamps_must_be_decimal_and_within_five_minutes() {
        assert!(timestamp_is_fresh(&(NOW - 299_999).to_string(), NOW));
        assert!(timestamp_is_fresh(&(NOW + 299_999).to_string(), NOW));
        assert!(!timestamp_is_fresh(&(NOW - 300_000).to_string(), NOW));
        assert!(!timestamp_is_fresh(&(NOW + 300_000).to_string(), NOW));
        for bad in [
            "",
            "abc",
            "+1800000000000",
            "-1",
            "1800000000000.0",
            "99999999999999999999",
        ] {
            assert!(!timestamp_is_fresh(bad, NOW), "{bad}");
        }
    }

    #[test]
    fn failures_are_the_gateway_401s() {
        let target = "/api/v1/services";
        let missing = check(&HeaderMap::new(), target).expect_err("missing");
        assert_eq!(missing.details, MISSING);
        let wrong_secret = signed(target, NOW, crate::DEMO_ACCESS_KEY, "nope");
        let err = check(&wrong_secret, target).expect_err("bad signature");
        assert_eq!(
            (err.status, err.code, err.details.as_str()),
            (StatusCode::UNAUTHORIZED, 200, INVALID)
        );
        assert_eq!(err.form, crate::errors::CodeForm::Number);
        let old = signed(
            target,
            NOW - 360_000,
            crate::DEMO_ACCESS_KEY,
            crate::DEMO_SECRET_KEY,
        );
        assert_eq!(check(&old, target).expect_err("old").details, INVALID);
        let readonly = signed(
            target,
            NOW,
            crate::DEMO_READONLY_ACCESS_KEY,
            crate::DEMO_READONLY_SECRET_KEY,
        );
        assert_eq!(check(&readonly, target).expect_err("readonly").code, 210);
    }
}
