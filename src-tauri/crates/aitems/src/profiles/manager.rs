//! [`ProfileManager`]: profiles in the settings file, their keys in a secret store. Reading
//! is here; changing (keychain and file in step) is in `changes`.

mod changes;
mod layouts;

use super::settings::{SettingsDoc, SettingsFile};
use super::{config_dir, validate_profile_name, Profile, ProfileSettings, ProfileSummary};
use crate::credentials::{SecretStore, StoreError};
use crate::Credentials;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

/// Keeps the settings file and the secret store in step.
///
/// Every operation reads the file afresh (the CLI may have changed it), and operations
/// that touch both write the keychain first, then the file; when the file cannot be
/// written the keychain change is undone. Profile names are case-sensitive, but two
/// profiles may not differ only by case, because Windows Credential Manager ignores case.
pub struct ProfileManager {
    file: SettingsFile,
    store: Arc<dyn SecretStore>,
    /// Serialises read-modify-write cycles within this process.
    lock: Mutex<()>,
}

impl fmt::Debug for ProfileManager {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ProfileManager")
            .field("settings", &self.file.path())
            .finish_non_exhaustive()
    }
}

impl ProfileManager {
    /// Profiles in the standard [`config_dir`].
    ///
    /// # Errors
    /// [`StoreError::SettingsIo`] when no config folder can be found.
    pub fn new(store: Arc<dyn SecretStore>) -> Result<Self, StoreError> {
        Ok(Self::with_config_dir(config_dir()?, store))
    }

    /// Profiles in `settings.json` inside `dir` (created on first save).
    pub fn with_config_dir(dir: impl Into<PathBuf>, store: Arc<dyn SecretStore>) -> Self {
        Self {
            file: SettingsFile::in_dir(&dir.into()),
            store,
            lock: Mutex::new(()),
        }
    }

    /// The settings file path (for messages and support).
    #[must_use]
    pub fn settings_path(&self) -> &Path {
        self.file.path()
    }

    /// All profiles in file order, with masked access keys.
    ///
    /// # Errors
    /// Settings errors, or [`StoreError::KeychainUnavailable`].
    pub fn list(&self) -> Result<Vec<ProfileSummary>, StoreError> {
        let doc = self.file.load()?;
        let default = doc.effective_default();
        let mut out = Vec::with_capacity(doc.profiles.len());
        for (name, settings) in &doc.profiles {
            let masked_access_key = match self.store.get(name) {
                Ok(Some(keys)) => Some(keys.masked_access_key()),
                Ok(None) | Err(StoreError::MissingKeys { .. }) => None,
                Err(e) => return Err(e),
            };
            out.push(ProfileSummary {
                name: name.clone(),
                masked_access_key,
                endpoint: settings.endpoint.clone(),
                default_service: settings.default_service.clone(),
                recent_services: settings.recent_services.clone(),
                is_default: default == Some(name.as_str()),
                refresh_every: settings.refresh_every(),
                refresh_interval: settings.refresh_interval,
                watched_services: settings.watched_services.clone(),
            });
        }
        Ok(out)
    }

    /// Every profile's settings, in file order, read from the settings file alone
    /// (without the keychain).
    ///
    /// # Errors
    /// Settings errors.
    pub fn all_settings(&self) -> Result<Vec<(String, ProfileSettings)>, StoreError> {
        let doc = self.file.load()?;
        Ok(doc.profiles.into_iter().collect())
    }

    /// One profile's settings.
    ///
    /// # Errors
    /// [`StoreError::ProfileNotFound`], invalid name, or settings errors.
    pub fn get(&self, name: &str) -> Result<Profile, StoreError> {
        let name = validate_profile_name(name)?;
        let doc = self.file.load()?;
        let settings = doc.profiles.get(&name).ok_or_else(|| not_found(&name))?;
        Ok(doc.profile(&name, settings.clone()))
    }

    /// The profile the app opens with: the default one, else the first. Read from the
    /// settings file alone, without the keychain.
    ///
    /// # Errors
    /// Settings errors.
    pub fn opening_profile(&self) -> Result<Option<Profile>, StoreError> {
        let doc = self.file.load()?;
        let opening = doc
            .effective_default()
            .or_else(|| doc.profiles.keys().next().map(String::as_str));
        Ok(opening.and_then(|name| {
            let settings = doc.profiles.get(name)?.clone();
            Some(doc.profile(name, settings))
        }))
    }

    /// The default profile: the marked one, else the only one, else `None`.
    ///
    /// # Errors
    /// Settings errors.
    pub fn default_profile(&self) -> Result<Option<String>, StoreError> {
        Ok(self.file.load()?.effective_default().map(str::to_owned))
    }

    /// The keys of a profile.
    ///
    /// # Errors
    /// [`StoreError::ProfileNotFound`] when there is no such profile,
    /// [`StoreError::MissingKeys`] when it exists but its keychain entry does not,
    /// [`StoreError::KeychainUnavailable`], invalid name, or settings errors.
    pub fn credentials(&self, name: &str) -> Result<Credentials, StoreError> {
        let (name, _) = self.load_with(name)?;
        self.store
            .get(&name)?
            .ok_or(StoreError::MissingKeys { profile: name })
    }

    /// The settings file, read afresh, with `name` checked and found in it.
    fn load_with(&self, name: &str) -> Result<(String, SettingsDoc), StoreError> {
        let name = validate_profile_name(name)?;
        let doc = self.file.load()?;
        if !doc.profiles.contains_key(&name) {
            return Err(not_found(&name));
        }
        Ok((name, doc))
    }

    /// Changes the settings of the profile `name` with `change`: under the lock, on the
    /// settings file read afresh, which is written only when the settings changed.
    /// Returns whether they did, and the profile as it now is.
    fn with_profile_settings(
        &self,
        name: &str,
        change: impl FnOnce(&mut ProfileSettings) -> Result<(), StoreError>,
    ) -> Result<(bool, Profile), StoreError> {
        let _guard = self.lock();
        let (name, mut doc) = self.load_with(name)?;
        let settings = doc
            .profiles
            .get_mut(&name)
            .ok_or_else(|| not_found(&name))?;
        let before = settings.clone();
        change(settings)?;
        let changed = *settings != before;
        let settings = settings.clone();
        if changed {
            self.file.save(&doc)?;
        }
        Ok((changed, doc.profile(&name, settings)))
    }

    fn lock(&self) -> MutexGuard<'_, ()> {
        // The guard protects no data, so a poisoned lock is still usable.
        self.lock
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

fn not_found(name: &str) -> StoreError {
    StoreError::ProfileNotFound {
        name: name.to_owned(),
    }
}
