//! The error shape the UI receives: `{ code, message, hint, detail }`.

use aitems::credentials::StoreError;
use aitems::ErrorDetail;
use serde::Serialize;

/// An error as the web view sees it. The UI matches on `code`; `message` and `hint` are
/// for people; `detail` keeps what the server said for support. Never holds a secret.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CommandError {
    /// A stable code such as `auth_failed` or `keychain_unavailable`.
    pub code: String,
    /// What happened, in plain words.
    pub message: String,
    /// What to do about it.
    pub hint: String,
    /// HTTP status, trace id and the server's own words, when there are any.
    pub detail: Option<Box<ErrorDetail>>,
}

impl CommandError {
    /// An error in what the user entered.
    pub fn invalid_input(message: impl Into<String>) -> Self {
        Self {
            code: "invalid_input".into(),
            message: message.into(),
            hint: "Check what you entered and try again.".into(),
            detail: None,
        }
    }
}

impl From<aitems::Error> for CommandError {
    fn from(error: aitems::Error) -> Self {
        Self {
            code: error.code().into(),
            message: error.message(),
            hint: error.hint(),
            detail: error.detail().cloned().map(Box::new),
        }
    }
}

impl From<StoreError> for CommandError {
    fn from(error: StoreError) -> Self {
        Self {
            code: error.code().into(),
            message: error.message(),
            hint: error.hint(),
            detail: error.detail().map(|text| {
                Box::new(ErrorDetail {
                    server_message: Some(text),
                    ..ErrorDetail::default()
                })
            }),
        }
    }
}

impl From<tauri::Error> for CommandError {
    fn from(error: tauri::Error) -> Self {
        Self {
            code: "internal".into(),
            message: "AiTEMS Desk hit an internal problem.".into(),
            hint: "Try again; if it keeps happening, restart AiTEMS Desk.".into(),
            detail: Some(Box::new(ErrorDetail {
                server_message: Some(error.to_string()),
                ..ErrorDetail::default()
            })),
        }
    }
}

/// The result type of every command.
pub type CommandResult<T> = Result<T, CommandError>;
