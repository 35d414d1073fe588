//! A string that must never be shown, logged or serialised: the NCP secret key.

use std::fmt;
use zeroize::Zeroizing;

/// A secret string. `Debug` and `Display` print `***`, it has no `Serialize`
/// implementation, and its memory is zeroised when it is dropped.
#[derive(Clone, PartialEq, Eq)]
pub struct SecretString(Zeroizing<String>);

impl SecretString {
    /// Wraps a secret.
    #[must_use]
    pub fn new(secret: String) -> Self {
        Self(Zeroizing::new(secret))
    }

    /// The secret itself, for signing or storing. Never format the result.
    #[must_use]
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// Whether the secret is empty (after trimming white space).
    #[must_use]
    pub fn is_blank(&self) -> bool {
        self.0.trim().is_empty()
    }
}

impl From<String> for SecretString {
    fn from(secret: String) -> Self {
        Self::new(secret)
    }
}

impl From<&str> for SecretString {
    fn from(secret: &str) -> Self {
        Self::new(secret.to_owned())
    }
}

/// Secrets may be read in (from the profile form), never written out: there is
/// deliberately no `Serialize`.
impl<'de> serde::Deserialize<'de> for SecretString {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(Self::new)
    }
}

impl fmt::Debug for SecretString {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}

impl fmt::Display for SecretString {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}

/// An NCP API key pair.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Credentials {
    /// The access key id; not secret, but shown masked.
    pub access_key: String,
    /// The secret key.
    pub secret_key: SecretString,
}

impl Credentials {
    /// Builds a key pair, trimming white space that copy-paste often adds.
    #[must_use]
    pub fn new(access_key: impl Into<String>, secret_key: impl Into<String>) -> Self {
        Self {
            access_key: access_key.into().trim().to_owned(),
            secret_key: SecretString::new(secret_key.into().trim().to_owned()),
        }
    }

    /// The access key masked for display: its first four characters, then `…`.
    #[must_use]
    pub fn masked_access_key(&self) -> String {
        mask_access_key(&self.access_key)
    }
}

/// Masks an access key for display: the first four characters and `…`.
#[must_use]
pub fn mask_access_key(access_key: &str) -> String {
    let shown: String = access_key.chars().take(4).collect();
    format!("{shown}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_and_display_redact_the_secret() {
        let creds = Credentials::new("AKID1234", "very-secret-value");
        let printed = format!("{creds:?} {} {:?}", creds.secret_key, creds.secret_key);
        assert!(!printed.contains("very-secret-value"), "{printed}");
        assert!(printed.contains("***"));
        assert!(printed.contains("AKID1234"));
    }

    #[test]
    fn secrets_can_be_read_from_json() {
        let secret: SecretString = serde_json::from_str("\"abc\"").unwrap();
        assert_eq!(secret.expose(), "abc");
    }

    #[test]
    fn keys_are_trimmed_and_masked() {
        let creds = Credentials::new("  ABCDEFGH\n", " s3cret \n");
        assert_eq!(creds.access_key, "ABCDEFGH");
        assert_eq!(creds.secret_key.expose(), "s3cret");
        assert_eq!(creds.masked_access_key(), "ABCD…");
        assert_eq!(mask_access_key("ab"), "ab…");
    }
}
