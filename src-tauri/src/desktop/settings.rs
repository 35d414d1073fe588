//! The desktop app's own settings (today only whether to look for updates at start), in
//! `desktop.json` next to the profiles' `settings.json`.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{CommandError, CommandResult};

/// The file's name in the settings folder.
pub const FILE_NAME: &str = "desktop.json";

/// What the file holds. A missing or unreadable file means the defaults.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct DesktopSettings {
    /// Whether the app looks for a new version when it starts (never in demo mode).
    pub check_updates_at_start: bool,
}

impl Default for DesktopSettings {
    fn default() -> Self {
        Self {
            check_updates_at_start: true,
        }
    }
}

/// Where the settings are read from and written to; `None` when there is no settings
/// folder (no home folder), in which case the defaults hold and saving fails plainly.
#[derive(Clone, Debug)]
pub struct SettingsFile {
    path: Option<PathBuf>,
}

impl SettingsFile {
    /// `desktop.json` in the settings folder (`AITEMS_CONFIG_DIR` moves it).
    #[must_use]
    pub fn in_config_dir() -> Self {
        Self {
            path: aitems::profiles::config_dir()
                .ok()
                .map(|dir| dir.join(FILE_NAME)),
        }
    }

    /// `desktop.json` in `dir`.
    #[must_use]
    pub fn in_dir(dir: &Path) -> Self {
        Self {
            path: Some(dir.join(FILE_NAME)),
        }
    }

    /// The settings, or the defaults when the file is missing or cannot be read.
    #[must_use]
    pub fn load(&self) -> DesktopSettings {
        let Some(path) = &self.path else {
            return DesktopSettings::default();
        };
        match std::fs::read(path) {
            Ok(bytes) => serde_json::from_slice(&bytes).unwrap_or_else(|error| {
                tracing::warn!(
                    "{} cannot be read, using the defaults: {error}",
                    path.display()
                );
                DesktopSettings::default()
            }),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                DesktopSettings::default()
            }
            Err(error) => {
                tracing::warn!(
                    "{} cannot be read, using the defaults: {error}",
                    path.display()
                );
                DesktopSettings::default()
            }
        }
    }

    /// Writes the settings whole or not at all.
    ///
    /// # Errors
    /// `settings_io` when there is no settings folder or it cannot be written.
    pub fn save(&self, settings: &DesktopSettings) -> CommandResult<()> {
        let path = self.path.as_deref().ok_or_else(|| {
            settings_io(
                Path::new(FILE_NAME),
                "no home folder was found to keep the settings in",
            )
        })?;
        let json = serde_json::to_vec_pretty(settings).map_err(|error| {
            CommandError::internal("The settings could not be saved.", error.to_string())
        })?;
        aitems::atomic_file::write_atomically(path, &json)
            .map_err(|error| settings_io(path, &error.to_string()))
    }
}

fn settings_io(path: &Path, reason: &str) -> CommandError {
    CommandError::from(aitems::credentials::StoreError::SettingsIo {
        path: path.to_owned(),
        reason: reason.to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_or_broken_file_means_the_defaults_and_a_saved_choice_comes_back() {
        let dir = tempfile::tempdir().unwrap();
        let file = SettingsFile::in_dir(dir.path());
        assert!(file.load().check_updates_at_start);
        std::fs::write(dir.path().join(FILE_NAME), b"{not json").unwrap();
        assert!(file.load().check_updates_at_start);
        let off = DesktopSettings {
            check_updates_at_start: false,
        };
        file.save(&off).unwrap();
        assert_eq!(file.load(), off);
    }

    #[test]
    fn saving_without_a_settings_folder_is_a_settings_error() {
        let file = SettingsFile { path: None };
        let error = file.save(&DesktopSettings::default()).unwrap_err();
        assert_eq!(error.code, "settings_io");
    }
}
