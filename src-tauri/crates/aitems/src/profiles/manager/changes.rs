//! [`ProfileManager`]'s changes: each writes the keychain first, then the settings file,
//! and undoes the keychain change when the file cannot be written.

use super::super::settings::SettingsDoc;
use super::super::{validate_profile_name, Profile, ProfileSettings, RefreshEvery};
use super::ProfileManager;
use crate::credentials::{validate_credentials, StoreError};
use crate::Credentials;

impl ProfileManager {
    /// Adds a new profile with its keys; the first profile becomes the default.
    ///
    /// # Errors
    /// [`StoreError::ProfileExists`], invalid name, settings or keys, keychain or
    /// settings errors.
    pub fn add(
        &self,
        name: &str,
        settings: ProfileSettings,
        credentials: &Credentials,
    ) -> Result<Profile, StoreError> {
        let name = validate_profile_name(name)?;
        let settings = settings.normalized()?;
        validate_credentials(credentials)?;
        let _guard = self.lock();
        let doc = self.file.load()?;
        if doc.profiles.contains_key(&name) {
            return Err(StoreError::ProfileExists { name });
        }
        self.insert_new(doc, &name, settings, credentials)
    }

    /// Creates or updates a profile. The settings are replaced (unknown keys of the
    /// file and the table layouts are kept); the keys are replaced when given and required for a new profile.
    ///
    /// # Errors
    /// As [`add`](Self::add), and [`StoreError::InvalidInput`] when a new profile has
    /// no keys.
    pub fn save(
        &self,
        name: &str,
        settings: ProfileSettings,
        credentials: Option<&Credentials>,
    ) -> Result<Profile, StoreError> {
        let name = validate_profile_name(name)?;
        let mut settings = settings.normalized()?;
        if let Some(keys) = credentials {
            validate_credentials(keys)?;
        }
        let _guard = self.lock();
        let mut doc = self.file.load()?;
        let Some(existing) = doc.profiles.get(&name) else {
            let keys = credentials.ok_or_else(|| StoreError::InvalidInput {
                message: "Enter the access key and the secret key for the new profile.".to_owned(),
            })?;
            return self.insert_new(doc, &name, settings, keys);
        };
        settings.extra.clone_from(&existing.extra);
        settings.keep_table_layouts(existing);
        let previous = match credentials {
            Some(keys) => {
                let previous = self.current_keys(&name)?;
                self.store.set(&name, keys)?;
                previous
            }
            None => None,
        };
        doc.profiles.insert(name.clone(), settings.clone());
        if let Err(e) = self.file.save(&doc) {
            if credentials.is_some() {
                self.undo(&name, previous.as_ref());
            }
            return Err(e);
        }
        Ok(doc.profile(&name, settings))
    }

    /// Renames a profile, moving its keychain entry (written under the new name, then
    /// deleted under the old one; undone on failure).
    ///
    /// # Errors
    /// [`StoreError::ProfileNotFound`], [`StoreError::ProfileExists`], invalid name,
    /// keychain or settings errors.
    pub fn rename(&self, old: &str, new: &str) -> Result<(), StoreError> {
        let old = validate_profile_name(old)?;
        let new = validate_profile_name(new)?;
        let _guard = self.lock();
        let (old, mut doc) = self.load_with(&old)?;
        if old == new {
            return Ok(());
        }
        if let Some(clash) = doc.case_clash(&new, Some(&old)) {
            return Err(StoreError::ProfileExists {
                name: clash.to_owned(),
            });
        }
        let keys = self.current_keys(&old)?;
        if let Some(keys) = &keys {
            self.move_keys(&old, &new, keys)?;
        }
        doc.rename(&old, &new);
        if let Err(e) = self.file.save(&doc) {
            if let Some(keys) = &keys {
                if let Err(undo) = self.move_keys(&new, &old, keys) {
                    tracing::warn!("could not move the keys back to the old profile name: {undo}");
                }
            }
            return Err(e);
        }
        Ok(())
    }

    /// Removes a profile and its keychain entry.
    ///
    /// # Errors
    /// [`StoreError::ProfileNotFound`], invalid name, keychain or settings errors.
    pub fn remove(&self, name: &str) -> Result<(), StoreError> {
        let _guard = self.lock();
        let (name, mut doc) = self.load_with(name)?;
        let previous = self.current_keys(&name)?;
        self.store.delete(&name)?;
        doc.profiles.shift_remove(&name);
        if doc.default_profile.as_deref() == Some(name.as_str()) {
            doc.default_profile = match doc.profiles.len() {
                1 => doc.profiles.keys().next().cloned(),
                _ => None,
            };
        }
        if let Err(e) = self.file.save(&doc) {
            if previous.is_some() {
                self.undo(&name, previous.as_ref());
            }
            return Err(e);
        }
        Ok(())
    }

    /// Marks a profile as the default.
    ///
    /// # Errors
    /// [`StoreError::ProfileNotFound`], invalid name, or settings errors.
    pub fn set_default(&self, name: &str) -> Result<(), StoreError> {
        let _guard = self.lock();
        let (name, mut doc) = self.load_with(name)?;
        doc.default_profile = Some(name);
        self.file.save(&doc)
    }

    /// Records that `service_id` was just used with this profile (front of the recent
    /// list, deduplicated, capped). Returns the new list when it changed; when the
    /// service was already the latest, the settings file is not written at all.
    ///
    /// # Errors
    /// [`StoreError::InvalidInput`] for a blank id, [`StoreError::ProfileNotFound`],
    /// invalid name, or settings errors.
    pub fn remember_service(
        &self,
        name: &str,
        service_id: &str,
    ) -> Result<Option<Vec<String>>, StoreError> {
        let name = validate_profile_name(name)?;
        if service_id.trim().is_empty() {
            return Err(StoreError::InvalidInput {
                message: "The service id is empty.".to_owned(),
            });
        }
        let (changed, profile) = self.with_profile_settings(&name, |settings| {
            settings.push_recent(service_id);
            Ok(())
        })?;
        Ok(changed.then_some(profile.settings.recent_services))
    }

    /// Sets how the profile watches its services: how often the app refreshes on its
    /// own (`None`: the default) and which services it notifies about (trimmed,
    /// deduplicated, blanks dropped). The settings file is written only when that changed
    /// anything. Returns the profile as it now is.
    ///
    /// # Errors
    /// [`StoreError::ProfileNotFound`], invalid name, or settings errors.
    pub fn set_watch(
        &self,
        name: &str,
        refresh_interval: Option<RefreshEvery>,
        watched_services: &[String],
    ) -> Result<Profile, StoreError> {
        let (_, profile) = self.with_profile_settings(name, |settings| {
            settings.refresh_interval = refresh_interval;
            settings.watched_services = watched_services.to_vec();
            *settings = std::mem::take(settings).normalized()?;
            Ok(())
        })?;
        Ok(profile)
    }

    /// Keychain first, then the file; the keychain write is undone if the file fails.
    fn insert_new(
        &self,
        mut doc: SettingsDoc,
        name: &str,
        settings: ProfileSettings,
        credentials: &Credentials,
    ) -> Result<Profile, StoreError> {
        if let Some(clash) = doc.case_clash(name, None) {
            return Err(StoreError::ProfileExists {
                name: clash.to_owned(),
            });
        }
        // New profiles never take unknown keys from the caller: only from the file.
        let settings = ProfileSettings {
            extra: serde_json::Map::new(),
            ..settings
        };
        self.store.set(name, credentials)?;
        // Keep an implied default (the only profile) once there are two.
        let implied = doc.effective_default().map(str::to_owned);
        doc.profiles.insert(name.to_owned(), settings.clone());
        doc.default_profile =
            implied.or_else(|| (doc.profiles.len() == 1).then(|| name.to_owned()));
        if let Err(e) = self.file.save(&doc) {
            self.undo(name, None);
            return Err(e);
        }
        Ok(doc.profile(name, settings))
    }

    /// Writes `keys` under `to` and deletes them under `from`, leaving things as they
    /// were on failure. A rename that only changes case deletes first, since on
    /// Windows both names are the same entry.
    fn move_keys(&self, from: &str, to: &str, keys: &Credentials) -> Result<(), StoreError> {
        if from.to_lowercase() == to.to_lowercase() {
            self.store.delete(from)?;
            if let Err(e) = self.store.set(to, keys) {
                self.undo(from, Some(keys));
                return Err(e);
            }
        } else {
            self.store.set(to, keys)?;
            if let Err(e) = self.store.delete(from) {
                self.undo(to, None);
                return Err(e);
            }
        }
        Ok(())
    }

    /// The keys now stored for `name`; an unreadable entry counts as none.
    fn current_keys(&self, name: &str) -> Result<Option<Credentials>, StoreError> {
        match self.store.get(name) {
            Err(StoreError::MissingKeys { .. }) => Ok(None),
            other => other,
        }
    }

    /// Puts back the keychain state for `name` after a failed operation (best effort).
    fn undo(&self, name: &str, previous: Option<&Credentials>) {
        let result = match previous {
            Some(keys) => self.store.set(name, keys),
            None => self.store.delete(name),
        };
        if let Err(e) = result {
            tracing::warn!(profile = name, "could not undo a keychain change: {e}");
        }
    }

    /// Makes every later settings save fail (tests of the undo paths).
    #[cfg(test)]
    pub(crate) fn fail_saves(&self, fail: bool) {
        self.file
            .fail_saves
            .store(fail, std::sync::atomic::Ordering::SeqCst);
    }
}
