//! The error shape the UI receives: `{ code, message, hint, detail, specific }`.

use aitems::credentials::StoreError;
use aitems::{ErrorCode, ErrorDetail};
use serde::Serialize;
use ts_rs::TS;

/// An error as the web view sees it. The UI matches on `code`; `message` and `hint` are
/// for people; `detail` keeps what the server said for support. Never holds a secret.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename = "AppError")]
pub struct CommandError {
    /// A stable code such as `auth_failed` or `keychain_unavailable`.
    pub code: ErrorCode,
    /// What happened, in plain words.
    pub message: String,
    /// What to do about it.
    pub hint: String,
    /// HTTP status, trace id and the server's own words, when there are any.
    pub detail: Option<Box<ErrorDetail>>,
    /// Whether `message` and `hint` say more than the code alone (what was wrong with the
    /// input, by how many minutes, what was not found): the UI then shows them as they
    /// are, and otherwise may put its own words for the code.
    pub specific: bool,
}

impl CommandError {
    /// An error in what the user entered.
    pub fn invalid_input(message: impl Into<String>) -> Self {
        Self {
            code: ErrorCode::InvalidInput,
            message: message.into(),
            hint: "Check what you entered and try again.".into(),
            detail: None,
            specific: true,
        }
    }

    /// A problem inside the app itself; `reason` goes to the details, for support.
    pub fn internal(message: impl Into<String>, reason: impl Into<String>) -> Self {
        Self {
            code: ErrorCode::Internal,
            message: message.into(),
            hint: "Try again; if it keeps happening, restart AiTEMS Desk.".into(),
            detail: Some(Box::new(ErrorDetail {
                server_message: Some(reason.into()),
                ..ErrorDetail::default()
            })),
            specific: false,
        }
    }
}

impl From<aitems::Error> for CommandError {
    fn from(error: aitems::Error) -> Self {
        Self {
            code: error.code(),
            message: error.message(),
            hint: error.hint(),
            detail: error.detail().cloned().map(Box::new),
            specific: error.is_specific(),
        }
    }
}

impl From<StoreError> for CommandError {
    fn from(error: StoreError) -> Self {
        Self {
            code: error.code(),
            message: error.message(),
            hint: error.hint(),
            detail: error.detail().map(|text| {
                Box::new(ErrorDetail {
                    server_message: Some(text),
                    ..ErrorDetail::default()
                })
            }),
            specific: error.is_specific(),
        }
    }
}

impl From<tauri::Error> for CommandError {
    fn from(error: tauri::Error) -> Self {
        Self::internal("AiTEMS Desk hit an internal problem.", error.to_string())
    }
}

/// The result type of every command.
pub type CommandResult<T> = Result<T, CommandError>;
