//! NCP API Gateway signature v2.

use base64::Engine as _;
use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::secret::SecretString;

/// Signs one request with NCP signature v2.
///
/// `request_target` is the path and query exactly as sent on the wire (no scheme or host);
/// `timestamp` is the same string sent in `x-ncp-apigw-timestamp`.
#[must_use]
pub fn signature_v2(
    method: &str,
    request_target: &str,
    timestamp: &str,
    access_key: &str,
    secret_key: &SecretString,
) -> String {
    let message = format!("{method} {request_target}\n{timestamp}\n{access_key}");
    // HMAC accepts keys of any length, so `new_from_slice` cannot fail here.
    let mut mac = Hmac::<Sha256>::new_from_slice(secret_key.expose().as_bytes())
        .expect("HMAC-SHA256 accepts keys of any length");
    mac.update(message.as_bytes());
    base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes())
}

/// Checks a signature in constant time, as the gateway does.
#[must_use]
pub fn verify_signature_v2(
    method: &str,
    request_target: &str,
    timestamp: &str,
    access_key: &str,
    secret_key: &SecretString,
    signature: &str,
) -> bool {
    let Ok(given) = base64::engine::general_purpose::STANDARD.decode(signature) else {
        return false;
    };
    let message = format!("{method} {request_target}\n{timestamp}\n{access_key}");
    let mut mac = Hmac::<Sha256>::new_from_slice(secret_key.expose().as_bytes())
        .expect("HMAC-SHA256 accepts keys of any length");
    mac.update(message.as_bytes());
    mac.verify_slice(&given).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The published vectors from the API notes.
    const VECTORS: [(&str, &str, &str, &str, &str, &str); 4] = [
        (
            "POST",
            "/vserver/v2/createServerInstances?regionCode=KR",
            "1700000000000",
            "AK_TEST",
            "SK_TEST",
            "xBcE26XFU55BMjppdPT7ZY3oDrqoOedfPyAn3Cq4lUw=",
        ),
        (
            "GET",
            "/vserver/v2/getServerInstanceList?responseFormatType=json",
            "1234567890123",
            "TestAccessKey",
            "TestSecretKey",
            "FPsYYX8fuMAgi+cue3eACOW0dNtIwu1LYWfg/megA2M=",
        ),
        (
            "GET",
            "/api/v1/services/6wxgu******/trains?isRecent=true",
            "1700000000000",
            "AK_TEST",
            "SK_TEST",
            "VC2M2DFshGGJgncCmA5TKCP+nvT2R1sZlWCEzDfYGZs=",
        ),
        (
            "GET",
            "/api/v1/services/6wxgu******/trains",
            "1700000000000",
            "AK_TEST",
            "SK_TEST",
            "Z6BOzGw/DaXTkHuoxegAioGtVqGHNAUzFmmneLh2Azg=",
        ),
    ];

    #[test]
    fn published_vectors_match() {
        for (method, target, ts, ak, sk, expected) in VECTORS {
            let secret = SecretString::from(sk);
            assert_eq!(
                signature_v2(method, target, ts, ak, &secret),
                expected,
                "{method} {target}"
            );
            assert!(verify_signature_v2(
                method, target, ts, ak, &secret, expected
            ));
        }
    }

    #[test]
    fn any_change_to_the_message_changes_the_signature() {
        let secret = SecretString::from("SK_TEST");
        let base = signature_v2("GET", "/api/v1/services/a/trains", "1", "AK", &secret);
        assert_ne!(
            base,
            signature_v2("GET", "/api/v1/services/a/trains?", "1", "AK", &secret)
        );
        assert_ne!(
            base,
            signature_v2("GET", "/api/v1/services/a/trains", "2", "AK", &secret)
        );
        assert_ne!(
            base,
            signature_v2("GET", "/api/v1/services/a/trains", "1", "AK ", &secret)
        );
        assert!(!verify_signature_v2(
            "GET",
            "/api/v1/services/b/trains",
            "1",
            "AK",
            &secret,
            &base
        ));
        assert!(!verify_signature_v2(
            "GET",
            "/api/v1/services/a/trains",
            "1",
            "AK",
            &secret,
            "not base64!"
        ));
    }
}
