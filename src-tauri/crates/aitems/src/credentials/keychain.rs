//! [`KeychainStore`]: the OS keychain through `keyring` 3, never its mock store.

use super::{payload, validate_credentials, SecretStore, StoreError, KEYCHAIN_SERVICE};
use crate::Credentials;
use keyring::Entry;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread;
use std::time::Duration;
use zeroize::Zeroizing;

#[cfg(not(any(target_os = "linux", target_os = "macos", windows)))]
compile_error!(
    "aitems stores API keys in the OS keychain, which is supported on Linux (Secret Service), \
     macOS and Windows only; keyring's non-persistent mock store must never be used"
);

/// How long a keychain call may take before it is reported as unavailable (a password
/// prompt the user never answers, or a D-Bus service that never replies).
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(120);

/// The OS keychain: Secret Service (GNOME Keyring, `KWallet`) on Linux, the login
/// Keychain on macOS, Credential Manager on Windows. Service name
/// [`KEYCHAIN_SERVICE`], account = profile name, password = a small JSON object
/// holding both keys.
///
/// Each call runs on a short-lived worker thread and gives up after a timeout, so a
/// prompt nobody answers cannot freeze the caller.
#[derive(Debug, Clone)]
pub struct KeychainStore {
    service: String,
    timeout: Duration,
}

impl Default for KeychainStore {
    fn default() -> Self {
        Self::new()
    }
}

impl KeychainStore {
    /// The store used by the app and the CLI (service `aitems-desk`).
    #[must_use]
    pub fn new() -> Self {
        Self {
            service: KEYCHAIN_SERVICE.to_owned(),
            timeout: DEFAULT_TIMEOUT,
        }
    }

    /// The same store with another timeout per keychain call.
    #[must_use]
    pub fn with_timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// Runs `op` on a worker thread, waiting at most the timeout.
    fn run<T, F>(&self, op: F) -> Result<T, StoreError>
    where
        T: Send + 'static,
        F: FnOnce() -> Result<T, StoreError> + Send + 'static,
    {
        let (tx, rx) = mpsc::sync_channel(1);
        thread::Builder::new()
            .name("aitems-keychain".to_owned())
            .spawn(move || {
                // The receiver may have given up (timeout): nothing to do then.
                let _ = tx.send(op());
            })
            .map_err(|e| unavailable(format!("could not start a keychain thread: {e}")))?;
        match rx.recv_timeout(self.timeout) {
            Ok(result) => result,
            Err(RecvTimeoutError::Timeout) => Err(unavailable(format!(
                "the keychain did not answer within {} seconds (a password prompt may be \
                 waiting, or the keychain service is not responding)",
                self.timeout.as_secs()
            ))),
            Err(RecvTimeoutError::Disconnected) => Err(unavailable(
                "the keychain call failed unexpectedly".to_owned(),
            )),
        }
    }
}

impl SecretStore for KeychainStore {
    fn get(&self, profile: &str) -> Result<Option<Credentials>, StoreError> {
        let (service, user) = (self.service.clone(), profile.to_owned());
        self.run(move || {
            let entry = entry(&service, &user)?;
            match entry.get_password() {
                Ok(password) => {
                    let password = Zeroizing::new(password);
                    let decoded = payload::decode(&password);
                    if decoded.is_none() {
                        tracing::warn!(profile = %user, "keychain entry has an unknown format");
                    }
                    decoded
                        .map(Some)
                        .ok_or(StoreError::MissingKeys { profile: user })
                }
                Err(keyring::Error::NoEntry) => Ok(None),
                Err(keyring::Error::BadEncoding(_)) => {
                    Err(StoreError::MissingKeys { profile: user })
                }
                Err(e) => Err(map_error(&e, &[])),
            }
        })
    }

    fn set(&self, profile: &str, credentials: &Credentials) -> Result<(), StoreError> {
        validate_credentials(credentials)?;
        let (service, user) = (self.service.clone(), profile.to_owned());
        let json = payload::encode(credentials);
        let secret = Zeroizing::new(credentials.secret_key.expose().to_owned());
        self.run(move || {
            let entry = entry(&service, &user)?;
            entry
                .set_password(&json)
                .map_err(|e| map_error(&e, &[secret.as_str(), json.as_str()]))
        })
    }

    fn delete(&self, profile: &str) -> Result<(), StoreError> {
        let (service, user) = (self.service.clone(), profile.to_owned());
        self.run(move || {
            let entry = entry(&service, &user)?;
            match entry.delete_credential() {
                Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
                Err(e) => Err(map_error(&e, &[])),
            }
        })
    }
}

/// Builds an entry with the platform's own credential type, never `keyring`'s default
/// builder (which silently becomes a non-persistent mock without a platform feature).
fn entry(service: &str, user: &str) -> Result<Entry, StoreError> {
    #[cfg(target_os = "linux")]
    let credential: Box<keyring::Credential> = {
        let mut credential =
            keyring::secret_service::SsCredential::new_with_target(None, service, user)
                .map_err(|e| map_error(&e, &[]))?;
        // The label is what keyring managers (Seahorse, KWallet) show.
        credential.label = format!("AiTEMS Desk API keys ({user})");
        Box::new(credential)
    };
    #[cfg(target_os = "macos")]
    let credential: Box<keyring::Credential> = Box::new(
        keyring::macos::MacCredential::new_with_target(None, service, user)
            .map_err(|e| map_error(&e, &[]))?,
    );
    #[cfg(windows)]
    let credential: Box<keyring::Credential> = Box::new(
        keyring::windows::WinCredential::new_with_target(None, service, user)
            .map_err(|e| map_error(&e, &[]))?,
    );
    Ok(Entry::new_with_credential(credential))
}

fn unavailable(reason: String) -> StoreError {
    StoreError::KeychainUnavailable { reason }
}

/// Maps a `keyring` error (other than `NoEntry`, which callers handle) to a
/// [`StoreError`], removing any of `secrets` from the platform's text.
fn map_error(error: &keyring::Error, secrets: &[&str]) -> StoreError {
    use keyring::Error as K;
    match error {
        K::TooLong(..) | K::Invalid(..) => StoreError::InvalidInput {
            message: format!(
                "The keychain rejected the entry: {}",
                redact(error, secrets)
            ),
        },
        // NoStorageAccess, PlatformFailure, Ambiguous, and any future variant.
        _ => unavailable(redact(error, secrets)),
    }
}

/// The error's text with every occurrence of a secret replaced by `***`, cut to a
/// readable length.
fn redact(error: &keyring::Error, secrets: &[&str]) -> String {
    const MAX_CHARS: usize = 500;
    let mut text = error.to_string();
    for secret in secrets.iter().filter(|s| !s.is_empty()) {
        if text.contains(secret) {
            text = text.replace(secret, "***");
        }
    }
    if text.chars().count() > MAX_CHARS {
        text = text.chars().take(MAX_CHARS).collect::<String>() + "…";
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug)]
    struct Echo(String);
    impl std::fmt::Display for Echo {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str(&self.0)
        }
    }
    impl std::error::Error for Echo {}

    #[test]
    fn platform_errors_become_unavailable_without_the_secret() {
        let e = keyring::Error::PlatformFailure(Box::new(Echo("echo s3cr3t-value".into())));
        let mapped = map_error(&e, &["s3cr3t-value"]);
        assert_eq!(mapped.code(), "keychain_unavailable");
        let all = format!("{mapped} {mapped:?} {} {}", mapped.message(), mapped.hint());
        assert!(!all.contains("s3cr3t-value"), "{all}");
        assert!(all.contains("echo ***"), "{all}");

        let e = keyring::Error::NoStorageAccess(Box::new(Echo("locked".into())));
        assert!(matches!(
            map_error(&e, &[]),
            StoreError::KeychainUnavailable { reason } if reason.contains("locked")
        ));
        let e = keyring::Error::TooLong("username".into(), 10);
        assert_eq!(map_error(&e, &[]).code(), "invalid_input");
    }

    #[test]
    fn blank_keys_are_refused_before_the_keychain_is_touched() {
        let store = KeychainStore::new().with_timeout(Duration::from_millis(1));
        let err = store.set("p", &Credentials::new("AK", "  ")).unwrap_err();
        assert_eq!(err.code(), "invalid_input");
    }
}
