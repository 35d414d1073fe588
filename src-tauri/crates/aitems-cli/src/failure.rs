//! What the CLI prints and returns when something fails.

use std::process::ExitCode;

use aitems::credentials::StoreError;

/// A failure to report: a stable code, a message and a hint. Never holds a secret.
#[derive(Debug)]
pub struct Failure {
    /// The stable error code (`auth_failed`, `not_found`, ...).
    pub code: &'static str,
    /// What happened.
    pub message: String,
    /// What to do.
    pub hint: String,
    /// Server details for support (status, trace id), when any.
    pub detail: Option<String>,
}

impl Failure {
    /// A failure without details.
    pub fn new(code: &'static str, message: impl Into<String>, hint: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
            hint: hint.into(),
            detail: None,
        }
    }

    /// The process exit code: 2 input, 3 credentials, 4 not found, 5 everything else.
    pub fn exit_code(&self) -> ExitCode {
        ExitCode::from(match self.code {
            "invalid_input" | "profile_exists" | "profile_not_found" | "settings_corrupt" => 2,
            "auth_failed"
            | "permission_denied"
            | "clock_skew"
            | "missing_credentials"
            | "missing_keys"
            | "keychain_unavailable" => 3,
            "not_found" => 4,
            _ => 5,
        })
    }

    /// Prints `error: ...` and `hint: ...` (and details) on stderr.
    pub fn report(&self) {
        eprintln!("error: {}", self.message);
        if let Some(detail) = &self.detail {
            eprintln!("detail: {detail}");
        }
        eprintln!("hint: {}", self.hint);
    }
}

impl From<aitems::Error> for Failure {
    fn from(error: aitems::Error) -> Self {
        let detail = error.detail().map(|d| {
            let mut parts = Vec::new();
            if let Some(status) = d.http_status {
                parts.push(format!("HTTP {status}"));
            }
            if let Some(trace) = &d.trace_id {
                parts.push(format!("trace id {trace}"));
            }
            if let Some(server) = &d.server_message {
                parts.push(server.clone());
            }
            parts.join(", ")
        });
        Self {
            code: error.code().as_str(),
            message: error.message(),
            hint: error.hint(),
            detail: detail.filter(|d| !d.is_empty()),
        }
    }
}

impl From<StoreError> for Failure {
    fn from(error: StoreError) -> Self {
        Self {
            code: error.code().as_str(),
            message: error.message(),
            hint: cli_hint(&error).unwrap_or_else(|| error.hint()),
            detail: error.detail().filter(|d| !d.is_empty()),
        }
    }
}

/// A hint naming the `aitems` command to run, where the library's hint speaks of the
/// app's profile form.
fn cli_hint(error: &StoreError) -> Option<String> {
    match error {
        StoreError::MissingKeys { profile } => Some(format!(
            "Save the keys again: `aitems profile remove {profile}`, then `aitems profile add \
             {profile}`."
        )),
        StoreError::ProfileNotFound { .. } => Some(
            "`aitems profile list` shows the saved profiles; `aitems profile add NAME` saves a \
             new one."
                .to_owned(),
        ),
        StoreError::ProfileExists { .. } => Some(
            "Choose another name, or remove the existing profile first with `aitems profile \
             remove NAME`."
                .to_owned(),
        ),
        _ => None,
    }
}

impl From<std::io::Error> for Failure {
    fn from(error: std::io::Error) -> Self {
        Self {
            code: "io",
            message: format!("Could not write the output: {error}."),
            hint: "Check the disk or the program reading the output.".into(),
            detail: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn exit(error: StoreError) -> ExitCode {
        Failure::from(error).exit_code()
    }

    #[test]
    fn store_errors_keep_their_code_and_exit_code() {
        let unavailable = StoreError::KeychainUnavailable {
            reason: "no bus".into(),
        };
        let failure = Failure::from(unavailable.clone());
        assert_eq!(failure.code, "keychain_unavailable");
        assert_eq!(failure.detail.as_deref(), Some("no bus"));
        assert_eq!(exit(unavailable), ExitCode::from(3));
        let missing = StoreError::MissingKeys {
            profile: "p".into(),
        };
        assert!(Failure::from(missing.clone())
            .hint
            .contains("aitems profile add p"));
        assert_eq!(exit(missing), ExitCode::from(3));
        for error in [
            StoreError::ProfileNotFound { name: "p".into() },
            StoreError::ProfileExists { name: "p".into() },
            StoreError::InvalidProfileName { name: "/".into() },
            StoreError::SettingsCorrupt {
                path: "/x".into(),
                reason: "eof".into(),
            },
        ] {
            assert_eq!(exit(error), ExitCode::from(2));
        }
    }
}
