//! Turning an HTTP response into a body or an [`Error`].

use reqwest::header::{HeaderMap, DATE};
use reqwest::{Response, StatusCode};
use std::time::SystemTime;

use super::retry::retry_after;
use crate::error::{Error, ErrorDetail, Result, ServerError};

/// The largest body read; a larger one is refused, not loaded.
pub const MAX_BODY_BYTES: usize = 64 * 1024 * 1024;

/// A clock this far from the gateway's, on a 401, is reported as clock skew (the gateway
/// refuses at 5 minutes; 4 leaves room for the request's own travel time).
const CLOCK_SKEW_MINUTES: i64 = 4;

/// Reads the whole body, refusing more than [`MAX_BODY_BYTES`].
pub(crate) async fn read_body(mut response: Response, detail: &ErrorDetail) -> Result<Vec<u8>> {
    let too_large = || Error::InvalidResponse {
        reason: format!(
            "the answer is larger than {} MiB",
            MAX_BODY_BYTES / (1024 * 1024)
        ),
        detail: detail.clone(),
    };
    let declared = response.content_length().unwrap_or(0);
    if declared > MAX_BODY_BYTES as u64 {
        return Err(too_large());
    }
    let mut body = Vec::with_capacity(usize::try_from(declared).unwrap_or(0));
    while let Some(chunk) = response
        .chunk()
        .await
        .map_err(|e| super::transport_error(&e))?
    {
        if body.len() + chunk.len() > MAX_BODY_BYTES {
            return Err(too_large());
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

/// The support details of a response: status and trace id.
pub(crate) fn detail_of(status: StatusCode, headers: &HeaderMap) -> ErrorDetail {
    let trace_id = ["x-ncp-trace-id", "x-ncp-request-id"]
        .iter()
        .find_map(|name| headers.get(*name)?.to_str().ok())
        .map(str::to_owned);
    ErrorDetail {
        http_status: Some(status.as_u16()),
        trace_id,
        ..ErrorDetail::default()
    }
}

/// Maps a non-success response to the error the user should see.
///
/// `what` names the thing asked for ("Service `abc`") for a 404.
pub(crate) fn error_for(
    status: StatusCode,
    headers: &HeaderMap,
    body: &[u8],
    what: &str,
    now: SystemTime,
) -> Error {
    let server = ServerError::parse(body);
    let mut detail = detail_of(status, headers);
    detail.server_message = server.summary();
    let gateway_code = server.error_code.as_deref().unwrap_or_default();
    match status.as_u16() {
        401 | 403 if gateway_code == "210" || status == StatusCode::FORBIDDEN => {
            Error::PermissionDenied { detail }
        }
        401 => match clock_skew_minutes(headers, now) {
            Some(minutes) => Error::ClockSkew { minutes, detail },
            None => Error::AuthFailed { detail },
        },
        404 => Error::NotFound {
            what: if gateway_code == "300" { "The AiTEMS address".to_owned() } else { what.to_owned() },
            detail,
        },
        429 => {
            let retry_after = retry_after(headers);
            detail.retry_after_seconds = retry_after.map(|wait| wait.as_secs());
            Error::RateLimited { retry_after, detail }
        }
        400 | 413 => Error::BadRequest { detail },
        504 => Error::Timeout { detail },
        300..=399 => Error::InvalidResponse {
            reason: "the server tried to send the request to another address; AiTEMS Desk does not follow redirects so that your keys only go to the endpoint you chose".to_owned(),
            detail,
        },
        _ => Error::ServiceUnavailable { detail },
    }
}

/// Local clock minus the server's `Date`, rounded to whole minutes, when at least 4
/// minutes apart.
fn clock_skew_minutes(headers: &HeaderMap, now: SystemTime) -> Option<i64> {
    let server = httpdate::parse_http_date(headers.get(DATE)?.to_str().ok()?).ok()?;
    let seconds = match now.duration_since(server) {
        Ok(ahead) => i64::try_from(ahead.as_secs()).ok()?,
        Err(behind) => -i64::try_from(behind.duration().as_secs()).ok()?,
    };
    let rounded = (seconds + seconds.signum() * 30) / 60;
    (seconds.abs() >= CLOCK_SKEW_MINUTES * 60).then_some(rounded)
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;
    use std::time::Duration;

    fn headers(pairs: &[(&'static str, String)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.insert(*name, HeaderValue::from_str(value).unwrap());
        }
        map
    }

    fn code(status: u16, body: &str) -> &'static str {
        error_for(
            StatusCode::from_u16(status).unwrap(),
            &HeaderMap::new(),
            body.as_bytes(),
            "x",
            SystemTime::now(),
        )
        .code()
        .as_str()
    }

    #[test]
    fn statuses_and_gateway_codes_map_to_stable_codes() {
        assert_eq!(
            code(
                401,
                r#"{"error":{"errorCode":"200","message":"Authentication Failed"}}"#
            ),
            "auth_failed"
        );
        assert_eq!(
            code(
                401,
                r#"{"error":{"errorCode":210,"message":"Permission Denied"}}"#
            ),
            "permission_denied"
        );
        assert_eq!(code(403, "{}"), "permission_denied");
        assert_eq!(
            code(
                404,
                r#"{"status":404,"errorCode":"NOT_FOUND","message":"no"}"#
            ),
            "not_found"
        );
        assert_eq!(
            code(429, r#"{"error":{"errorCode":"420"}}"#),
            "rate_limited"
        );
        assert_eq!(code(400, "{}"), "bad_request");
        assert_eq!(code(503, "<html>down</html>"), "service_unavailable");
        assert_eq!(code(502, ""), "service_unavailable");
        assert_eq!(
            code(500, r#"{"error":{"errorCode":"900"}}"#),
            "service_unavailable"
        );
        assert_eq!(code(504, "{}"), "timeout");
        assert_eq!(code(302, ""), "invalid_response");
    }

    #[test]
    fn keeps_trace_id_status_and_server_words() {
        let map = headers(&[("x-ncp-trace-id", "abc123".into())]);
        let err = error_for(StatusCode::NOT_FOUND, &map, br#"{"status":404,"error":"NOT_FOUND","errorCode":"NOT_FOUND","message":"Service [q] is not found."}"#, "Service `q`", SystemTime::now());
        let detail = err.detail().unwrap();
        assert_eq!(detail.http_status, Some(404));
        assert_eq!(detail.trace_id.as_deref(), Some("abc123"));
        assert_eq!(
            detail.server_message.as_deref(),
            Some("[NOT_FOUND] Service [q] is not found. (NOT_FOUND)")
        );
        assert_eq!(err.message(), "Service `q` was not found.");
        let map = headers(&[("x-ncp-request-id", "r-1".into())]);
        let err = error_for(
            StatusCode::NOT_FOUND,
            &map,
            br#"{"error":{"errorCode":"300"}}"#,
            "x",
            SystemTime::now(),
        );
        assert_eq!(err.detail().unwrap().trace_id.as_deref(), Some("r-1"));
        assert_eq!(err.message(), "The AiTEMS address was not found.");
    }

    #[test]
    fn a_401_with_a_distant_server_clock_is_clock_skew() {
        let now = SystemTime::now();
        let server_time = |offset: i64| {
            let when = if offset >= 0 {
                now + Duration::from_secs(offset as u64)
            } else {
                now - Duration::from_secs((-offset) as u64)
            };
            headers(&[("date", httpdate::fmt_http_date(when))])
        };
        let err = error_for(
            StatusCode::UNAUTHORIZED,
            &server_time(-7 * 60 - 5),
            b"{}",
            "x",
            now,
        );
        assert_eq!(err.code(), "clock_skew");
        assert_eq!(
            err.message(),
            "Your computer's clock is 7 minutes off, so AiTEMS refused the request."
        );
        let err = error_for(
            StatusCode::UNAUTHORIZED,
            &server_time(10 * 60 + 5),
            b"{}",
            "x",
            now,
        );
        assert!(
            matches!(err, Error::ClockSkew { minutes: -10, .. }),
            "{err:?}"
        );
        let err = error_for(
            StatusCode::UNAUTHORIZED,
            &server_time(-3 * 60),
            b"{}",
            "x",
            now,
        );
        assert_eq!(err.code(), "auth_failed");
        let err = error_for(StatusCode::UNAUTHORIZED, &HeaderMap::new(), b"{}", "x", now);
        assert_eq!(err.code(), "auth_failed");
    }
}
