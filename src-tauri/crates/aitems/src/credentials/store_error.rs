//! The error type of the key store and the profile settings.

use std::path::PathBuf;

use crate::error::ErrorCode;

/// What went wrong while reading or writing keys or profile settings.
///
/// Every variant has a stable [`code`](Self::code) for the UI to match on, a plain
/// [`message`](Self::message) and a [`hint`](Self::hint) for people. No variant ever
/// holds a secret key.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// The OS keychain cannot be used: no Secret Service, no D-Bus session, locked,
    /// access refused, or another platform failure.
    #[error("keychain unavailable: {reason}")]
    KeychainUnavailable {
        /// The platform's own description (never contains a secret).
        reason: String,
    },
    /// The profile exists but its keychain entry is gone (or unreadable).
    #[error("the keys of profile {profile:?} are missing from the keychain")]
    MissingKeys {
        /// The profile name.
        profile: String,
    },
    /// No profile has this name.
    #[error("no profile named {name:?}")]
    ProfileNotFound {
        /// The requested name.
        name: String,
    },
    /// A profile with this name already exists.
    #[error("a profile named {name:?} already exists")]
    ProfileExists {
        /// The conflicting name.
        name: String,
    },
    /// The name is empty, too long, or has forbidden characters.
    #[error("invalid profile name {name:?}")]
    InvalidProfileName {
        /// The rejected name.
        name: String,
    },
    /// The settings file exists but is not valid; it is left untouched.
    #[error("settings file {} is corrupt: {reason}", path.display())]
    SettingsCorrupt {
        /// The settings file.
        path: PathBuf,
        /// The parser's description.
        reason: String,
    },
    /// The settings file or its folder could not be read or written.
    #[error("settings file {} could not be read or written: {reason}", path.display())]
    SettingsIo {
        /// The settings file (or folder).
        path: PathBuf,
        /// The OS error.
        reason: String,
    },
    /// A value given by the user is not acceptable (e.g. a blank key).
    #[error("invalid input: {message}")]
    InvalidInput {
        /// What is wrong, in plain language.
        message: String,
    },
}

impl StoreError {
    /// The stable code the UI matches on.
    #[must_use]
    pub fn code(&self) -> ErrorCode {
        match self {
            Self::KeychainUnavailable { .. } => ErrorCode::KeychainUnavailable,
            Self::MissingKeys { .. } => ErrorCode::MissingKeys,
            Self::ProfileNotFound { .. } => ErrorCode::ProfileNotFound,
            Self::ProfileExists { .. } => ErrorCode::ProfileExists,
            Self::InvalidProfileName { .. } | Self::InvalidInput { .. } => ErrorCode::InvalidInput,
            Self::SettingsCorrupt { .. } => ErrorCode::SettingsCorrupt,
            Self::SettingsIo { .. } => ErrorCode::SettingsIo,
        }
    }

    /// Whether the message says more than the code alone (what was wrong with the input,
    /// which file): a UI shows it as it is rather than its own text for the code.
    #[must_use]
    pub fn is_specific(&self) -> bool {
        matches!(
            self,
            Self::InvalidProfileName { .. }
                | Self::InvalidInput { .. }
                | Self::SettingsCorrupt { .. }
                | Self::SettingsIo { .. }
        )
    }

    /// A plain-language description for someone who is not a programmer.
    #[must_use]
    pub fn message(&self) -> String {
        match self {
            Self::KeychainUnavailable { .. } => {
                "The system keychain could not be used, so your API keys cannot be read or saved."
                    .to_owned()
            }
            Self::MissingKeys { profile } => format!(
                "The API keys of profile “{}” are no longer in the system keychain.",
                shown(profile)
            ),
            Self::ProfileNotFound { name } => {
                format!("There is no profile named “{}”.", shown(name))
            }
            Self::ProfileExists { name } => {
                format!("A profile named “{}” already exists.", shown(name))
            }
            Self::InvalidProfileName { name } => {
                format!("“{}” cannot be used as a profile name.", shown(name))
            }
            Self::SettingsCorrupt { path, .. } => format!(
                "The settings file {} is damaged and could not be read. Nothing will be saved \
                 until it is fixed or removed.",
                path.display()
            ),
            Self::SettingsIo { path, .. } => format!(
                "The settings file {} could not be read or written.",
                path.display()
            ),
            Self::InvalidInput { message } => message.clone(),
        }
    }

    /// What the user can do about it.
    #[must_use]
    pub fn hint(&self) -> String {
        match self {
            Self::KeychainUnavailable { .. } => keychain_hint().to_owned(),
            Self::MissingKeys { .. } => {
                "Edit the profile and enter its access key and secret key again.".to_owned()
            }
            Self::ProfileNotFound { .. } => {
                "Choose an existing profile or create a new one.".to_owned()
            }
            Self::ProfileExists { .. } => {
                "Choose another name, or edit the existing profile instead.".to_owned()
            }
            Self::InvalidProfileName { .. } => {
                "Use 1 to 64 characters, without slashes, backslashes or control characters."
                    .to_owned()
            }
            Self::SettingsCorrupt { path, .. } => format!(
                "Fix {} in a text editor, or delete it to start with no profiles (the keys stay \
                 in the keychain).",
                path.display()
            ),
            Self::SettingsIo { .. } => {
                "Check that the folder exists, that the disk is not full and that you may write \
                 to it."
                    .to_owned()
            }
            Self::InvalidInput { .. } => "Check the value you entered and try again.".to_owned(),
        }
    }

    /// Technical details for support (the platform or parser text), if any.
    #[must_use]
    pub fn detail(&self) -> Option<String> {
        match self {
            Self::KeychainUnavailable { reason }
            | Self::SettingsCorrupt { reason, .. }
            | Self::SettingsIo { reason, .. } => Some(reason.clone()),
            _ => None,
        }
    }
}

/// The keychain hint for the OS this was built for.
fn keychain_hint() -> &'static str {
    if cfg!(target_os = "macos") {
        "Allow access in the Keychain prompt, and make sure your login keychain is unlocked."
    } else if cfg!(windows) {
        "Check Credential Manager: it must be available and allowed for your Windows account."
    } else {
        "Install and unlock GNOME Keyring or KWallet (a Secret Service provider), then try \
         again. Logging in to a desktop session normally unlocks it."
    }
}

/// A user-supplied name made safe to show: control characters escaped, long names cut.
fn shown(name: &str) -> String {
    const MAX: usize = 80;
    let mut out = String::new();
    for c in name.chars().take(MAX) {
        if c.is_control() {
            out.extend(c.escape_debug());
        } else {
            out.push(c);
        }
    }
    if name.chars().count() > MAX {
        out.push('…');
    }
    out
}
