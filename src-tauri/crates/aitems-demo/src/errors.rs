//! The two error body shapes AiTEMS returns: the API gateway's and the backend's.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, SecondsFormat, Utc};
use serde_json::{json, Value};

/// `Content-Type` of the backend's JSON (Spring adds the charset).
pub(crate) const BACKEND_JSON: &str = "application/json;charset=UTF-8";
/// `Content-Type` of the gateway's JSON.
pub(crate) const GATEWAY_JSON: &str = "application/json";

/// A response with a JSON body (already serialised) and an explicit content type.
pub(crate) fn json_response(
    status: StatusCode,
    content_type: &'static str,
    body: String,
) -> Response {
    let mut response = (status, body).into_response();
    response
        .headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    response
}

/// How the gateway writes `errorCode`: live responses have shown both forms.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CodeForm {
    /// `"errorCode":"200"`: the usual form.
    String,
    /// `"errorCode":200`: seen on some 401s; clients must accept it.
    Number,
}

/// An API-gateway error: `{"error":{"errorCode":"200","message":...,"details":...}}`.
#[derive(Clone, Debug)]
pub(crate) struct GatewayError {
    pub(crate) status: StatusCode,
    pub(crate) code: u16,
    pub(crate) form: CodeForm,
    pub(crate) message: &'static str,
    pub(crate) details: String,
}

impl GatewayError {
    /// An error whose `errorCode` is a string.
    pub(crate) fn new(
        status: StatusCode,
        code: u16,
        message: &'static str,
        details: impl Into<String>,
    ) -> Self {
        Self {
            status,
            code,
            form: CodeForm::String,
            message,
            details: details.into(),
        }
    }

    /// The same error with a numeric `errorCode`.
    pub(crate) fn numeric(mut self) -> Self {
        self.form = CodeForm::Number;
        self
    }

    /// 401, 200 "Authentication Failed".
    pub(crate) fn authentication_failed(details: &str) -> Self {
        Self::new(
            StatusCode::UNAUTHORIZED,
            200,
            "Authentication Failed",
            details,
        )
    }

    /// 404, 300 "Not Found Exception": no such route on the gateway.
    pub(crate) fn not_found() -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            300,
            "Not Found Exception",
            "The requested URL was not found on this server.",
        )
    }

    /// The JSON body.
    pub(crate) fn body(&self) -> Value {
        let code = match self.form {
            CodeForm::String => json!(self.code.to_string()),
            CodeForm::Number => json!(self.code),
        };
        json!({"error": {"errorCode": code, "message": self.message, "details": self.details}})
    }
}

impl IntoResponse for GatewayError {
    fn into_response(self) -> Response {
        json_response(self.status, GATEWAY_JSON, self.body().to_string())
    }
}

/// An AiTEMS backend error:
/// `{"timestamp","path","status","error","requestId","errorCode","message"}`.
#[derive(Clone, Debug)]
pub(crate) struct BackendError {
    pub(crate) status: StatusCode,
    /// `BAD_REQUEST` or `NOT_FOUND`, used for both `error` and `errorCode`.
    pub(crate) kind: &'static str,
    pub(crate) message: String,
    /// The request path (no query), as the backend reports it.
    pub(crate) path: String,
    /// The server's time, for the `timestamp` field.
    pub(crate) now: DateTime<Utc>,
}

impl BackendError {
    /// 400 `BAD_REQUEST`.
    pub(crate) fn bad_request(path: &str, now: DateTime<Utc>, message: impl Into<String>) -> Self {
        Self {
            status: StatusCode::BAD_REQUEST,
            kind: "BAD_REQUEST",
            message: message.into(),
            path: path.to_owned(),
            now,
        }
    }

    /// 404 `NOT_FOUND`.
    pub(crate) fn not_found(path: &str, now: DateTime<Utc>, message: impl Into<String>) -> Self {
        Self {
            status: StatusCode::NOT_FOUND,
            kind: "NOT_FOUND",
            message: message.into(),
            path: path.to_owned(),
            now,
        }
    }

    /// The JSON body.
    pub(crate) fn body(&self) -> Value {
        json!({
            "timestamp": self.now.to_rfc3339_opts(SecondsFormat::Millis, false),
            "path": self.path,
            "status": self.status.as_u16(),
            "error": self.kind,
            "requestId": format!("{:08x}", rand::random::<u32>()),
            "errorCode": self.kind,
            "message": self.message,
        })
    }
}

impl IntoResponse for BackendError {
    fn into_response(self) -> Response {
        json_response(self.status, BACKEND_JSON, self.body().to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gateway_code_forms() {
        let err = GatewayError::authentication_failed("x");
        assert_eq!(err.body()["error"]["errorCode"], json!("200"));
        assert_eq!(err.numeric().body()["error"]["errorCode"], json!(200));
    }

    #[test]
    fn backend_shape() {
        let body = BackendError::bad_request("/api/v1/services", Utc::now(), "m").body();
        for key in [
            "timestamp",
            "path",
            "status",
            "error",
            "requestId",
            "errorCode",
            "message",
        ] {
            assert!(body.get(key).is_some(), "{key}");
        }
        assert_eq!(body["status"], 400);
        assert_eq!(body["requestId"].as_str().map(str::len), Some(8));
    }
}
