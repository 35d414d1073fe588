//! [`MemoryStore`]: keys kept in memory only, for tests and demo mode.

use super::{validate_credentials, SecretStore, StoreError};
use crate::Credentials;
use std::collections::BTreeMap;
use std::fmt;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, MutexGuard};

/// An in-memory [`SecretStore`]: nothing is persisted. For tests and the app's demo mode.
#[derive(Default)]
pub struct MemoryStore {
    entries: Mutex<BTreeMap<String, Credentials>>,
    reads: AtomicUsize,
}

impl MemoryStore {
    /// An empty store.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// How many times keys were read (`get`): what a keychain that prompts would have
    /// asked the user.
    #[must_use]
    pub fn reads(&self) -> usize {
        self.reads.load(Ordering::Relaxed)
    }

    /// The profile names that have keys, in order.
    #[must_use]
    pub fn profiles(&self) -> Vec<String> {
        self.lock().keys().cloned().collect()
    }

    fn lock(&self) -> MutexGuard<'_, BTreeMap<String, Credentials>> {
        // A poisoned lock only means another thread panicked mid-call; the map itself
        // is always in a consistent state, so keep using it.
        self.entries
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

impl fmt::Debug for MemoryStore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MemoryStore")
            .field("profiles", &self.profiles())
            .finish()
    }
}

impl SecretStore for MemoryStore {
    fn get(&self, profile: &str) -> Result<Option<Credentials>, StoreError> {
        self.reads.fetch_add(1, Ordering::Relaxed);
        Ok(self.lock().get(profile).cloned())
    }

    fn set(&self, profile: &str, credentials: &Credentials) -> Result<(), StoreError> {
        validate_credentials(credentials)?;
        self.lock().insert(profile.to_owned(), credentials.clone());
        Ok(())
    }

    fn delete(&self, profile: &str) -> Result<(), StoreError> {
        self.lock().remove(profile);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_delete_missing_is_ok() {
        let store = MemoryStore::new();
        assert_eq!(store.get("a").unwrap(), None);
        let creds = Credentials::new("AKIDEXAMPLE", "top-secret-key");
        store.set("a", &creds).unwrap();
        assert_eq!(store.get("a").unwrap(), Some(creds));
        assert_eq!(store.profiles(), vec!["a".to_owned()]);
        let printed = format!("{store:?}");
        assert!(!printed.contains("top-secret-key") && !printed.contains("AKIDEXAMPLE"));
        store.delete("a").unwrap();
        store.delete("a").unwrap();
        assert_eq!(store.get("a").unwrap(), None);
        assert_eq!(
            store
                .set("b", &Credentials::new(" ", "x"))
                .unwrap_err()
                .code(),
            "invalid_input"
        );
    }
}
