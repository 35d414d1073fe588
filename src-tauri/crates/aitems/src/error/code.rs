//! The stable error codes, one enum for the library, the CLI and the app's UI (which gets
//! a generated TypeScript union of them).

use serde::Serialize;
use std::fmt;

/// Declares [`ErrorCode`] from one list of variants and their wire spellings.
macro_rules! error_codes {
    ($($(#[$meta:meta])* $variant:ident => $text:literal),+ $(,)?) => {
        /// What kind of error happened: the UI and the CLI match on this, never on text.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
        #[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
        pub enum ErrorCode {
            $($(#[$meta])* #[serde(rename = $text)] $variant,)+
        }

        impl ErrorCode {
            /// Every code, in declaration order.
            pub const ALL: &'static [ErrorCode] = &[$(ErrorCode::$variant),+];

            /// The code as it goes over the wire (`auth_failed`, ...).
            #[must_use]
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Self::$variant => $text,)+
                }
            }
        }
    };
}

error_codes! {
    /// Something the user entered cannot be used.
    InvalidInput => "invalid_input",
    /// The gateway refused the keys.
    AuthFailed => "auth_failed",
    /// The computer's clock is too far off.
    ClockSkew => "clock_skew",
    /// The keys may not use AiTEMS.
    PermissionDenied => "permission_denied",
    /// The service or training does not exist.
    NotFound => "not_found",
    /// Too many requests.
    RateLimited => "rate_limited",
    /// The server refused the request as malformed.
    BadRequest => "bad_request",
    /// AiTEMS or its gateway is down.
    ServiceUnavailable => "service_unavailable",
    /// No answer in time.
    Timeout => "timeout",
    /// The server could not be reached.
    Network => "network",
    /// The answer could not be read.
    InvalidResponse => "invalid_response",
    /// A listing grew past the safety limit.
    TooManyResults => "too_many_results",
    /// The OS keychain cannot be used.
    KeychainUnavailable => "keychain_unavailable",
    /// A profile's keys are gone from the keychain.
    MissingKeys => "missing_keys",
    /// No profile has this name.
    ProfileNotFound => "profile_not_found",
    /// A profile with this name exists.
    ProfileExists => "profile_exists",
    /// The settings file cannot be read.
    SettingsCorrupt => "settings_corrupt",
    /// The settings file cannot be read or written.
    SettingsIo => "settings_io",
    /// A file the user asked for (an export) could not be saved.
    ExportFailed => "export_failed",
    /// The update server could not be reached.
    UpdateUnreachable => "update_unreachable",
    /// The update server's manifest cannot be read or names nothing for this system.
    UpdateUnreadable => "update_unreadable",
    /// A downloaded update is not signed with the app's key.
    UpdateUnsigned => "update_unsigned",
    /// The download of an update stopped before its end.
    UpdateInterrupted => "update_interrupted",
    /// The system refused to install a downloaded update.
    UpdateNotInstalled => "update_not_installed",
    /// The app was installed by a package manager, which must update it.
    UpdateByPackageManager => "update_by_package_manager",
    /// An install was asked for while no update is on offer.
    NoUpdateOffered => "no_update_offered",
    /// A problem inside the app itself.
    Internal => "internal",
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq<&str> for ErrorCode {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<str> for ErrorCode {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_spelling_is_the_serialised_one_and_unique() {
        let mut seen = std::collections::HashSet::new();
        for code in ErrorCode::ALL {
            let json = serde_json::to_string(code).unwrap();
            assert_eq!(json, format!("\"{}\"", code.as_str()));
            assert!(seen.insert(code.as_str()), "{code} twice");
            assert_eq!(*code, code.as_str());
        }
    }
}
