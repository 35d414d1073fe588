//! [`CachedStore`]: reads each profile's keys from another store once per run.

use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard, PoisonError};

use super::{SecretStore, StoreError};
use crate::Credentials;

/// A [`SecretStore`] in front of another that remembers what it read, so a keychain that
/// asks the user (macOS, a locked GNOME Keyring) asks once per profile per run, not on
/// every listing. Writes and deletes go through and update what is remembered; a failed
/// read is not remembered, so it is tried again next time.
pub struct CachedStore<S> {
    inner: S,
    known: Mutex<HashMap<String, Option<Credentials>>>,
}

impl<S: SecretStore> CachedStore<S> {
    /// Wraps `inner`.
    pub fn new(inner: S) -> Self {
        Self {
            inner,
            known: Mutex::new(HashMap::new()),
        }
    }

    fn known(&self) -> MutexGuard<'_, HashMap<String, Option<Credentials>>> {
        // Nothing panics while the lock is held, so a poisoned map is still whole.
        self.known.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl<S: SecretStore> SecretStore for CachedStore<S> {
    fn get(&self, profile: &str) -> Result<Option<Credentials>, StoreError> {
        if let Some(keys) = self.known().get(profile) {
            return Ok(keys.clone());
        }
        let keys = self.inner.get(profile)?;
        self.known().insert(profile.to_owned(), keys.clone());
        Ok(keys)
    }

    fn set(&self, profile: &str, credentials: &Credentials) -> Result<(), StoreError> {
        // Forget first: if the write fails half-way, the next read asks the store again.
        self.known().remove(profile);
        self.inner.set(profile, credentials)?;
        self.known()
            .insert(profile.to_owned(), Some(credentials.clone()));
        Ok(())
    }

    fn delete(&self, profile: &str) -> Result<(), StoreError> {
        self.known().remove(profile);
        self.inner.delete(profile)?;
        self.known().insert(profile.to_owned(), None);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::credentials::MemoryStore;
    use std::sync::atomic::Ordering;

    #[test]
    fn reads_each_profile_once_and_follows_writes() {
        let inner = MemoryStore::new();
        inner.set("a", &Credentials::new("AK1", "SK1")).unwrap();
        let cached = CachedStore::new(inner);
        for _ in 0..3 {
            assert_eq!(cached.get("a").unwrap().unwrap().access_key, "AK1");
            assert!(cached.get("missing").unwrap().is_none());
        }
        assert_eq!(cached.inner.reads(), 2);

        cached.set("a", &Credentials::new("AK2", "SK2")).unwrap();
        assert_eq!(cached.get("a").unwrap().unwrap().access_key, "AK2");
        cached.delete("a").unwrap();
        assert!(cached.get("a").unwrap().is_none());
        assert_eq!(cached.inner.reads(), 2);
        assert!(
            cached.inner.get("a").unwrap().is_none(),
            "deleted in the store too"
        );
    }

    /// A store whose reads fail until told otherwise.
    struct Flaky {
        locked: std::sync::atomic::AtomicBool,
        store: MemoryStore,
    }

    impl SecretStore for Flaky {
        fn get(&self, profile: &str) -> Result<Option<Credentials>, StoreError> {
            if self.locked.load(Ordering::SeqCst) {
                return Err(StoreError::KeychainUnavailable {
                    reason: "locked".into(),
                });
            }
            self.store.get(profile)
        }
        fn set(&self, profile: &str, credentials: &Credentials) -> Result<(), StoreError> {
            self.store.set(profile, credentials)
        }
        fn delete(&self, profile: &str) -> Result<(), StoreError> {
            self.store.delete(profile)
        }
    }

    #[test]
    fn a_failed_read_is_tried_again() {
        let store = MemoryStore::new();
        store.set("a", &Credentials::new("AK1", "SK1")).unwrap();
        let cached = CachedStore::new(Flaky {
            locked: true.into(),
            store,
        });
        assert_eq!(cached.get("a").unwrap_err().code(), "keychain_unavailable");
        cached.inner.locked.store(false, Ordering::SeqCst);
        assert_eq!(cached.get("a").unwrap().unwrap().access_key, "AK1");
    }
}
