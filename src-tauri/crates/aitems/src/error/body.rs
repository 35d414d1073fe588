//! Reading an error response: both body shapes the API uses, or the raw text.

use serde_json::Value;

/// What an error body said, whichever shape it had.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ServerError {
    /// `errorCode` (a string or a number on the wire).
    pub error_code: Option<String>,
    /// `message`.
    pub message: Option<String>,
    /// The gateway's `details`, or the backend's `error` name.
    pub details: Option<String>,
    /// A short excerpt of a body that was not JSON.
    pub excerpt: Option<String>,
}

/// How many characters of a non-JSON body to keep.
const EXCERPT_CHARS: usize = 200;

impl ServerError {
    /// Reads the gateway shape (`{"error":{"errorCode",...}}`), the backend shape
    /// (`{"status","error","errorCode","message"}`), or keeps an excerpt of the text.
    #[must_use]
    pub fn parse(body: &[u8]) -> Self {
        match serde_json::from_slice::<Value>(body) {
            Ok(Value::Object(root)) => {
                let (fields, details_key) = match root.get("error") {
                    Some(Value::Object(gateway)) => (gateway, "details"),
                    _ => (&root, "error"),
                };
                let read = |key: &str| fields.get(key).and_then(scalar_text);
                let parsed = Self {
                    error_code: read("errorCode"),
                    message: read("message"),
                    details: read(details_key),
                    excerpt: None,
                };
                if parsed == Self::default() {
                    Self::from_text(body)
                } else {
                    parsed
                }
            }
            _ => Self::from_text(body),
        }
    }

    fn from_text(body: &[u8]) -> Self {
        let text = String::from_utf8_lossy(body);
        let without_tags = strip_tags(&text);
        let folded = without_tags
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let excerpt: String = folded.chars().take(EXCERPT_CHARS).collect();
        Self {
            excerpt: (!excerpt.is_empty()).then_some(excerpt),
            ..Self::default()
        }
    }

    /// One line for people and support: `code: message (details)` or the excerpt.
    #[must_use]
    pub fn summary(&self) -> Option<String> {
        let mut parts = Vec::new();
        if let Some(code) = &self.error_code {
            parts.push(format!("[{code}]"));
        }
        if let Some(message) = &self.message {
            parts.push(message.clone());
        }
        if let Some(details) = &self.details {
            parts.push(format!("({details})"));
        }
        if parts.is_empty() {
            self.excerpt.clone()
        } else {
            Some(parts.join(" "))
        }
    }
}

fn scalar_text(value: &Value) -> Option<String> {
    match value {
        Value::String(text) if !text.is_empty() => Some(text.clone()),
        Value::Number(number) => Some(number.to_string()),
        _ => None,
    }
}

/// Drops `<...>` tags so an HTML error page reads as its text.
fn strip_tags(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_gateway_shape_with_string_or_number_codes() {
        let text = ServerError::parse(br#"{"error":{"errorCode":"200","message":"Authentication Failed","details":"Invalid authentication information."}}"#);
        assert_eq!(text.error_code.as_deref(), Some("200"));
        assert_eq!(
            text.details.as_deref(),
            Some("Invalid authentication information.")
        );
        let number =
            ServerError::parse(br#"{"error":{"errorCode":210,"message":"Permission Denied"}}"#);
        assert_eq!(number.error_code.as_deref(), Some("210"));
        assert_eq!(number.summary().as_deref(), Some("[210] Permission Denied"));
    }

    #[test]
    fn reads_the_backend_shape() {
        let parsed = ServerError::parse(br#"{"timestamp":"2024","path":"/api/services","status":400,"error":"DUPLICATE_NAME","requestId":"3fd67b58","errorCode":"BAD_REQUEST","message":"[Version3] is a duplicate name."}"#);
        assert_eq!(parsed.error_code.as_deref(), Some("BAD_REQUEST"));
        assert_eq!(
            parsed.message.as_deref(),
            Some("[Version3] is a duplicate name.")
        );
        assert_eq!(parsed.details.as_deref(), Some("DUPLICATE_NAME"));
    }

    #[test]
    fn falls_back_to_a_short_excerpt() {
        let html = b"<html><head><title>502 Bad Gateway</title></head><body><h1>Bad   Gateway</h1></body></html>";
        let parsed = ServerError::parse(html);
        assert_eq!(
            parsed.summary().as_deref(),
            Some("502 Bad Gateway Bad Gateway")
        );
        let long = "x".repeat(10_000);
        assert_eq!(
            ServerError::parse(long.as_bytes()).excerpt.unwrap().len(),
            EXCERPT_CHARS
        );
        assert_eq!(ServerError::parse(b"").summary(), None);
        assert_eq!(
            ServerError::parse(b"[1,2]").excerpt.as_deref(),
            Some("[1,2]")
        );
        assert_eq!(ServerError::parse(b"{}").summary().as_deref(), Some("{}"));
    }
}
