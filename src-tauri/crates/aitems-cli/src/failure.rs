//! What the CLI prints and returns when something fails.

use std::process::ExitCode;

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
            code: error.code(),
            message: error.message(),
            hint: error.hint(),
            detail: detail.filter(|d| !d.is_empty()),
        }
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
