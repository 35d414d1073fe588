//! The keychain password format: `{"accessKey":"…","secretKey":"…"}`.
//!
//! Built and parsed without ever formatting the secret; buffers are zeroised.

use crate::{Credentials, SecretString};
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PayloadRef<'a> {
    access_key: &'a str,
    secret_key: &'a str,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct PayloadOwned {
    access_key: String,
    secret_key: String,
}

/// Encodes a key pair as the JSON stored in the keychain, in a buffer zeroised on drop.
pub(crate) fn encode(credentials: &Credentials) -> Zeroizing<String> {
    let secret = credentials.secret_key.expose();
    // Room for the worst case (every character escaped as \uXXXX) so that the buffer is
    // never reallocated, which would leave an unzeroised copy of the secret behind.
    let capacity = 40 + 6 * (credentials.access_key.len() + secret.len());
    let mut buf = Zeroizing::new(Vec::with_capacity(capacity));
    let payload = PayloadRef {
        access_key: &credentials.access_key,
        secret_key: secret,
    };
    // Serialising two &str into a Vec cannot fail: a failure here is a bug.
    serde_json::to_writer(&mut *buf, &payload).expect("serialising two strings cannot fail");
    let bytes = std::mem::take(&mut *buf);
    // serde_json writes valid UTF-8; a failure here is a bug.
    Zeroizing::new(String::from_utf8(bytes).expect("serde_json writes UTF-8"))
}

/// Decodes the keychain JSON; `None` when it is not in the expected format. The parser's
/// error is dropped on purpose: its text may quote the stored value.
pub(crate) fn decode(stored: &str) -> Option<Credentials> {
    let parsed: PayloadOwned = serde_json::from_str(stored).ok()?;
    let secret_key = SecretString::new(parsed.secret_key);
    if parsed.access_key.trim().is_empty() || secret_key.is_blank() {
        return None;
    }
    Some(Credentials {
        access_key: parsed.access_key,
        secret_key,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_with_odd_characters() {
        let creds = Credentials::new("AK\"é", "s\\e\"c\u{1}ret한");
        let json = encode(&creds);
        assert!(json.starts_with("{\"accessKey\":"));
        let back = decode(&json).unwrap();
        assert_eq!(back, creds);
    }

    #[test]
    fn rejects_other_formats() {
        assert!(decode("plain-password").is_none());
        assert!(decode("{\"accessKey\":\"a\"}").is_none());
        assert!(decode("{\"accessKey\":\" \",\"secretKey\":\"x\"}").is_none());
    }
}
