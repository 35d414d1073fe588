//! Named profiles: non-secret settings in the OS config directory.
//!
//! A profile is a name plus [`ProfileSettings`] (endpoint, default service, recently used
//! services). They live in `settings.json` in [`config_dir`], shared by the app and the
//! CLI; the keys of each profile live in a [`SecretStore`](crate::credentials::SecretStore).
//! [`ProfileManager`] keeps both in step.

mod layout;
mod manager;
mod settings;
#[cfg(test)]
mod tests;
mod watch;

pub use layout::{LayoutCreated, LayoutSort, TableLayout, LAYOUT_VERSION};
pub use manager::ProfileManager;
pub use settings::SETTINGS_FILE_NAME;
pub use watch::RefreshEvery;

use crate::credentials::StoreError;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::ffi::OsString;
use std::path::PathBuf;

use crate::client::Endpoint;
pub use crate::client::DEFAULT_ENDPOINT;

/// How many recently used services a profile remembers.
pub const MAX_RECENT_SERVICES: usize = 20;

/// The longest profile name, in characters.
pub const MAX_PROFILE_NAME_CHARS: usize = 64;

/// The environment variable that overrides the config directory (used by tests).
pub const CONFIG_DIR_ENV: &str = "AITEMS_CONFIG_DIR";

/// The non-secret settings of one profile.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProfileSettings {
    /// The API base URL, e.g. [`DEFAULT_ENDPOINT`].
    #[serde(default = "default_endpoint")]
    pub endpoint: String,
    /// The service opened by default, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_service: Option<String>,
    /// Recently used service ids, most recent first, without duplicates, at most
    /// [`MAX_RECENT_SERVICES`].
    #[serde(default)]
    pub recent_services: Vec<String>,
    /// How often the app refreshes on its own; `None` until the user chooses (see
    /// [`ProfileSettings::refresh_every`]).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "watch::lenient_interval"
    )]
    pub refresh_interval: Option<RefreshEvery>,
    /// The services whose finished, failed and new trainings the app notifies about.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub watched_services: Vec<String>,
    /// The table layout of each service, by service id, as stored (see
    /// [`ProfileSettings::table_layout`]).
    #[serde(
        default,
        skip_serializing_if = "Map::is_empty",
        deserialize_with = "layout::lenient_layouts"
    )]
    table_layouts: Map<String, Value>,
    /// Keys of the file this version does not know; written back unchanged.
    #[serde(flatten)]
    extra: Map<String, Value>,
}

fn default_endpoint() -> String {
    DEFAULT_ENDPOINT.to_owned()
}

impl Default for ProfileSettings {
    fn default() -> Self {
        Self {
            endpoint: default_endpoint(),
            default_service: None,
            recent_services: Vec::new(),
            refresh_interval: None,
            watched_services: Vec::new(),
            table_layouts: Map::new(),
            extra: Map::new(),
        }
    }
}

impl ProfileSettings {
    /// Default settings with another endpoint.
    #[must_use]
    pub fn with_endpoint(mut self, endpoint: impl Into<String>) -> Self {
        self.endpoint = endpoint.into();
        self
    }

    /// These settings with a default service.
    #[must_use]
    pub fn with_default_service(mut self, service_id: impl Into<String>) -> Self {
        self.default_service = Some(service_id.into());
        self
    }

    /// Trims and checks the values: the endpoint must pass [`Endpoint::parse`] (`https`,
    /// or `http` on this computer only; a trailing `/` is removed), a blank default service becomes `None`, recent services are
    /// trimmed, deduplicated and capped; watched services trimmed and deduplicated.
    ///
    /// # Errors
    /// [`StoreError::InvalidInput`] for an unusable endpoint.
    pub fn normalized(mut self) -> Result<Self, StoreError> {
        let endpoint = Endpoint::parse(&self.endpoint).map_err(|e| StoreError::InvalidInput {
            message: e.message(),
        })?;
        self.endpoint = endpoint.as_str().to_owned();
        self.default_service = self
            .default_service
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty());
        let recent = std::mem::take(&mut self.recent_services);
        for service in recent.iter().rev() {
            self.push_recent(service);
        }
        self.watched_services = service_ids(&self.watched_services);
        Ok(self)
    }

    /// The service the app opens for this profile (as [`ProfileSummary::open_service`]).
    pub fn open_service(&self) -> Option<&str> {
        open_service(self.default_service.as_deref(), &self.recent_services)
    }

    /// How often the app refreshes this profile's listings on its own: the chosen
    /// interval, else the default for whether it watches anything.
    #[must_use]
    pub fn refresh_every(&self) -> RefreshEvery {
        self.refresh_interval
            .unwrap_or_else(|| RefreshEvery::default_for(!self.watched_services.is_empty()))
    }

    /// Puts `service_id` (trimmed, non-blank) first in the recent list, removing an
    /// older occurrence and keeping at most [`MAX_RECENT_SERVICES`]. Returns whether the
    /// list changed (it does not when the service is already first).
    pub fn push_recent(&mut self, service_id: &str) -> bool {
        let id = service_id.trim();
        if id.is_empty() || self.recent_services.first().is_some_and(|s| s == id) {
            return false;
        }
        self.recent_services.retain(|s| s != id);
        self.recent_services.insert(0, id.to_owned());
        self.recent_services.truncate(MAX_RECENT_SERVICES);
        true
    }
}

/// Service ids trimmed, without blanks or repeats, in their first order.
#[must_use]
pub fn service_ids(ids: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(ids.len());
    for id in ids.iter().map(|id| id.trim()) {
        if !id.is_empty() && !out.iter().any(|s| s == id) {
            out.push(id.to_owned());
        }
    }
    out
}

/// A profile: its name and non-secret settings.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Profile {
    /// The profile name (also the keychain account).
    pub name: String,
    /// Its settings.
    #[serde(flatten)]
    pub settings: ProfileSettings,
    /// Whether this is the default profile.
    pub is_default: bool,
}

/// What the UI lists for a profile. Holds no secret: only a masked access key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct ProfileSummary {
    /// The profile name.
    pub name: String,
    /// The access key masked for display; `None` when the keychain entry is missing.
    pub masked_access_key: Option<String>,
    /// The API base URL.
    pub endpoint: String,
    /// The service opened by default, if any.
    pub default_service: Option<String>,
    /// Recently used service ids, most recent first.
    pub recent_services: Vec<String>,
    /// Whether this is the default profile.
    pub is_default: bool,
    /// How often the app refreshes this profile's listings on its own.
    pub refresh_every: RefreshEvery,
    /// The interval the user chose; `None` while the default applies.
    pub refresh_interval: Option<RefreshEvery>,
    /// The services it notifies about.
    pub watched_services: Vec<String>,
}

impl ProfileSummary {
    /// The service the app opens for this profile: its default service, else the one used
    /// most recently.
    pub fn open_service(&self) -> Option<&str> {
        open_service(self.default_service.as_deref(), &self.recent_services)
    }
}

fn open_service<'a>(default_service: Option<&'a str>, recent: &'a [String]) -> Option<&'a str> {
    default_service.or_else(|| recent.first().map(String::as_str))
}

/// Checks a profile name and returns it trimmed: 1 to 64 characters, no control
/// characters, no `/` or `\`. Names are case-sensitive.
///
/// # Errors
/// [`StoreError::InvalidProfileName`].
pub fn validate_profile_name(name: &str) -> Result<String, StoreError> {
    let trimmed = name.trim();
    let chars = trimmed.chars().count();
    let bad_char = trimmed
        .chars()
        .any(|c| c.is_control() || c == '/' || c == '\\');
    if chars == 0 || chars > MAX_PROFILE_NAME_CHARS || bad_char {
        return Err(StoreError::InvalidProfileName {
            name: name.to_owned(),
        });
    }
    Ok(trimmed.to_owned())
}

/// The folder holding `settings.json`: `$AITEMS_CONFIG_DIR` when set, else the OS
/// config folder for `AiTEMS Desk` (`~/.config/aitemsdesk` on Linux,
/// `~/Library/Application Support/com.aitems.AiTEMS-Desk` on macOS,
/// `%APPDATA%\aitems\AiTEMS Desk\config` on Windows). The app and
/// the CLI share it.
///
/// # Errors
/// [`StoreError::SettingsIo`] when no home directory can be found.
pub fn config_dir() -> Result<PathBuf, StoreError> {
    resolve_config_dir(std::env::var_os(CONFIG_DIR_ENV))
}

fn resolve_config_dir(overridden: Option<OsString>) -> Result<PathBuf, StoreError> {
    if let Some(dir) = overridden.filter(|d| !d.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("com", "aitems", "AiTEMS Desk")
        .map(|dirs| dirs.config_dir().to_path_buf())
        .ok_or_else(|| StoreError::SettingsIo {
            path: PathBuf::from(SETTINGS_FILE_NAME),
            reason: "no home folder was found to keep the settings in".to_owned(),
        })
}
