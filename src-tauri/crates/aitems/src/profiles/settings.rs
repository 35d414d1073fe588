//! The settings file (`settings.json`): read, validated, and written atomically.

use super::{Profile, ProfileSettings};
use crate::atomic_file::write_atomically;
use crate::credentials::StoreError;
use indexmap::IndexMap;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

/// The settings file name inside the config directory.
pub const SETTINGS_FILE_NAME: &str = "settings.json";

/// The current format version written to the file.
const FORMAT_VERSION: u32 = 1;

fn format_version() -> u32 {
    FORMAT_VERSION
}

/// The whole settings document. Unknown keys, at the top and in each profile, are kept.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct SettingsDoc {
    #[serde(default = "format_version")]
    pub version: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_profile: Option<String>,
    #[serde(default)]
    pub profiles: IndexMap<String, ProfileSettings>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Default for SettingsDoc {
    fn default() -> Self {
        Self {
            version: FORMAT_VERSION,
            default_profile: None,
            profiles: IndexMap::new(),
            extra: Map::new(),
        }
    }
}

impl SettingsDoc {
    /// The marked default if it names a profile, else the only profile, else `None`.
    pub fn effective_default(&self) -> Option<&str> {
        match &self.default_profile {
            Some(name) if self.profiles.contains_key(name) => Some(name),
            _ if self.profiles.len() == 1 => self.profiles.keys().next().map(String::as_str),
            _ => None,
        }
    }

    /// An existing profile whose name equals `name` ignoring case, other than `except`.
    pub fn case_clash(&self, name: &str, except: Option<&str>) -> Option<&str> {
        let lower = name.to_lowercase();
        self.profiles
            .keys()
            .map(String::as_str)
            .find(|k| Some(*k) != except && k.to_lowercase() == lower)
    }
}

impl SettingsDoc {
    /// The [`Profile`] view of one entry.
    pub fn profile(&self, name: &str, settings: ProfileSettings) -> Profile {
        Profile {
            name: name.to_owned(),
            settings,
            is_default: self.effective_default() == Some(name),
        }
    }

    /// Renames a profile in place, keeping its position and the default mark.
    pub fn rename(&mut self, old: &str, new: &str) {
        self.profiles = std::mem::take(&mut self.profiles)
            .into_iter()
            .map(|(k, v)| {
                if k == old {
                    (new.to_owned(), v)
                } else {
                    (k, v)
                }
            })
            .collect();
        if self.default_profile.as_deref() == Some(old) {
            self.default_profile = Some(new.to_owned());
        }
    }
}

/// The settings file at a fixed path.
#[derive(Debug)]
pub(crate) struct SettingsFile {
    path: PathBuf,
    /// Tests set this to make the next saves fail like a full disk would.
    #[cfg(test)]
    pub fail_saves: std::sync::atomic::AtomicBool,
}

impl SettingsFile {
    /// The settings file inside `dir`.
    pub fn in_dir(dir: &Path) -> Self {
        Self {
            path: dir.join(SETTINGS_FILE_NAME),
            #[cfg(test)]
            fail_saves: std::sync::atomic::AtomicBool::new(false),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Reads the document; a missing (or blank) file is an empty document.
    pub fn load(&self) -> Result<SettingsDoc, StoreError> {
        let text = match std::fs::read_to_string(&self.path) {
            Ok(text) => text,
            Err(e) if e.kind() == ErrorKind::NotFound => return Ok(SettingsDoc::default()),
            Err(e) if e.kind() == ErrorKind::InvalidData => {
                return Err(self.corrupt("the file is not UTF-8 text".to_owned()))
            }
            Err(e) => return Err(self.io(&e)),
        };
        if text.trim().is_empty() {
            return Ok(SettingsDoc::default());
        }
        serde_json::from_str(&text).map_err(|e| self.corrupt(e.to_string()))
    }

    /// Writes the document atomically: a temporary file in the same folder, flushed to
    /// disk, then renamed over the old file. Refuses to replace a file that cannot be
    /// parsed, so a damaged file is never silently lost.
    pub fn save(&self, doc: &SettingsDoc) -> Result<(), StoreError> {
        // Re-check right before writing: another process may have damaged it meanwhile.
        self.load()?;
        #[cfg(test)]
        if self.fail_saves.load(std::sync::atomic::Ordering::SeqCst) {
            return Err(self.io(&std::io::Error::other("simulated write failure")));
        }
        let mut json = serde_json::to_vec_pretty(doc)
            .map_err(|e| self.io(&std::io::Error::other(e.to_string())))?;
        json.push(b'\n');
        write_atomically(&self.path, &json).map_err(|e| self.io(&e))
    }

    fn corrupt(&self, reason: String) -> StoreError {
        StoreError::SettingsCorrupt {
            path: self.path.clone(),
            reason,
        }
    }

    fn io(&self, error: &std::io::Error) -> StoreError {
        StoreError::SettingsIo {
            path: self.path.clone(),
            reason: error.to_string(),
        }
    }
}
