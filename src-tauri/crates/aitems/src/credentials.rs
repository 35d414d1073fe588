//! Keychain storage of API keys: one [`Credentials`] pair per profile name.
//!
//! [`KeychainStore`] keeps the keys in the operating system's own store (Secret Service
//! on Linux, the Keychain on macOS, Credential Manager on Windows); [`MemoryStore`] keeps
//! them in memory for tests and demo mode; [`CachedStore`] reads another store once per
//! profile and run. All implement [`SecretStore`].

mod cached;
mod keychain;
mod memory;
mod payload;
mod store_error;

pub use cached::CachedStore;
pub use keychain::{KeychainStore, DEFAULT_TIMEOUT};
pub use memory::MemoryStore;
pub use store_error::StoreError;

use crate::Credentials;
use std::sync::Arc;

/// The keychain service name under which every profile's keys are stored; the account
/// (user name) of an entry is the profile name.
pub const KEYCHAIN_SERVICE: &str = "aitems-desk";

/// A place that stores one [`Credentials`] pair per profile name.
pub trait SecretStore: Send + Sync {
    /// The keys stored for `profile`, or `None` when there is no entry.
    ///
    /// # Errors
    /// [`StoreError::KeychainUnavailable`] when the store cannot be used,
    /// [`StoreError::MissingKeys`] when an entry exists but cannot be read as keys.
    fn get(&self, profile: &str) -> Result<Option<Credentials>, StoreError>;

    /// Stores (or replaces) the keys for `profile`.
    ///
    /// # Errors
    /// [`StoreError::InvalidInput`] for blank keys,
    /// [`StoreError::KeychainUnavailable`] when the store cannot be used.
    fn set(&self, profile: &str, credentials: &Credentials) -> Result<(), StoreError>;

    /// Deletes the keys for `profile`; deleting a missing entry is not an error.
    ///
    /// # Errors
    /// [`StoreError::KeychainUnavailable`] when the store cannot be used.
    fn delete(&self, profile: &str) -> Result<(), StoreError>;
}

impl<T: SecretStore + ?Sized> SecretStore for Arc<T> {
    fn get(&self, profile: &str) -> Result<Option<Credentials>, StoreError> {
        (**self).get(profile)
    }
    fn set(&self, profile: &str, credentials: &Credentials) -> Result<(), StoreError> {
        (**self).set(profile, credentials)
    }
    fn delete(&self, profile: &str) -> Result<(), StoreError> {
        (**self).delete(profile)
    }
}

/// Checks that neither key is blank.
///
/// # Errors
/// [`StoreError::InvalidInput`] naming the blank key (never its value).
pub fn validate_credentials(credentials: &Credentials) -> Result<(), StoreError> {
    if credentials.access_key.trim().is_empty() {
        return Err(StoreError::InvalidInput {
            message: "The access key is empty.".to_owned(),
        });
    }
    if credentials.secret_key.is_blank() {
        return Err(StoreError::InvalidInput {
            message: "The secret key is empty.".to_owned(),
        });
    }
    Ok(())
}
