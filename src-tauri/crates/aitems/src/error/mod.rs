//! The one error type of the library. Each variant knows its stable code, a message for
//! people and a hint about what to do. None of them can contain the secret key.

mod body;
mod code;
mod wait;

pub use body::ServerError;
pub use code::ErrorCode;
pub use wait::wait_in_words;

use serde::Serialize;
use std::time::Duration;

/// What the server said, kept for support: HTTP status, trace id and its own words.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct ErrorDetail {
    /// The HTTP status code.
    pub http_status: Option<u16>,
    /// The `x-ncp-trace-id` or `x-ncp-request-id` header.
    pub trace_id: Option<String>,
    /// The server's error code and message, or a short excerpt of the body.
    pub server_message: Option<String>,
    /// How long the server asked to wait before the next request (`Retry-After`), in
    /// seconds, when it said.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub retry_after_seconds: Option<u64>,
}

/// Everything that can go wrong talking to AiTEMS.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Something the user typed cannot be used (bad service id, bad endpoint, ...).
    #[error("{message}")]
    InvalidInput {
        /// What is wrong, in plain words.
        message: String,
    },
    /// The gateway refused the keys.
    #[error("AiTEMS did not accept the access key and secret key.")]
    AuthFailed {
        /// What the server said.
        detail: ErrorDetail,
    },
    /// The gateway refused the request because the computer's clock is off.
    #[error("Your computer's clock is {} minutes off, so AiTEMS refused the request.", .minutes.abs())]
    ClockSkew {
        /// Local clock minus server clock, in whole minutes.
        minutes: i64,
        /// What the server said.
        detail: ErrorDetail,
    },
    /// The keys work but may not use AiTEMS.
    #[error("These keys are not allowed to use AiTEMS.")]
    PermissionDenied {
        /// What the server said.
        detail: ErrorDetail,
    },
    /// The service, training or path does not exist.
    #[error("{what} was not found.")]
    NotFound {
        /// What was looked for, e.g. "Service `abc`".
        what: String,
        /// What the server said.
        detail: ErrorDetail,
    },
    /// Too many requests.
    #[error("AiTEMS is receiving too many requests from this account.")]
    RateLimited {
        /// How long the server asked to wait, when it said.
        retry_after: Option<Duration>,
        /// What the server said.
        detail: ErrorDetail,
    },
    /// The server refused the request as malformed.
    #[error("AiTEMS refused the request as invalid.")]
    BadRequest {
        /// What the server said.
        detail: ErrorDetail,
    },
    /// AiTEMS or its gateway is down or failing.
    #[error("AiTEMS is not available right now.")]
    ServiceUnavailable {
        /// What the server said.
        detail: ErrorDetail,
    },
    /// No answer in time.
    #[error("AiTEMS did not answer in time.")]
    Timeout {
        /// What the server said, when the gateway reported the timeout.
        detail: ErrorDetail,
    },
    /// The server could not be reached.
    #[error("Could not reach AiTEMS: {reason}.")]
    Network {
        /// What failed (DNS, refused connection, TLS, ...), without any secret.
        reason: String,
    },
    /// The answer was not what AiTEMS sends.
    #[error("AiTEMS sent an answer that could not be read: {reason}.")]
    InvalidResponse {
        /// What was wrong with it.
        reason: String,
        /// What the server said.
        detail: ErrorDetail,
    },
    /// A listing grew past the safety limit.
    #[error("This service has more than {limit} training requests, more than AiTEMS Desk loads at once.")]
    TooManyResults {
        /// The limit that was passed.
        limit: usize,
    },
}

impl Error {
    /// A stable code that programs match on (the UI, the CLI's exit code).
    #[must_use]
    pub fn code(&self) -> ErrorCode {
        match self {
            Self::InvalidInput { .. } => ErrorCode::InvalidInput,
            Self::AuthFailed { .. } => ErrorCode::AuthFailed,
            Self::ClockSkew { .. } => ErrorCode::ClockSkew,
            Self::PermissionDenied { .. } => ErrorCode::PermissionDenied,
            Self::NotFound { .. } => ErrorCode::NotFound,
            Self::RateLimited { .. } => ErrorCode::RateLimited,
            Self::BadRequest { .. } => ErrorCode::BadRequest,
            Self::ServiceUnavailable { .. } => ErrorCode::ServiceUnavailable,
            Self::Timeout { .. } => ErrorCode::Timeout,
            Self::Network { .. } => ErrorCode::Network,
            Self::InvalidResponse { .. } => ErrorCode::InvalidResponse,
            Self::TooManyResults { .. } => ErrorCode::TooManyResults,
        }
    }

    /// Whether the message or hint says more than the code alone (what was wrong with the
    /// input, by how many minutes, what was not found, how long to wait): a UI shows them
    /// as they are rather than its own text for the code.
    #[must_use]
    pub fn is_specific(&self) -> bool {
        matches!(
            self,
            Self::InvalidInput { .. }
                | Self::ClockSkew { .. }
                | Self::NotFound { .. }
                | Self::RateLimited {
                    retry_after: Some(_),
                    ..
                }
                | Self::Network { .. }
                | Self::InvalidResponse { .. }
                | Self::TooManyResults { .. }
        )
    }

    /// The message for people: what happened.
    #[must_use]
    pub fn message(&self) -> String {
        self.to_string()
    }

    /// What the user can do about it.
    #[must_use]
    pub fn hint(&self) -> String {
        match self {
            Self::InvalidInput { .. } => "Check what you typed and try again.".into(),
            Self::AuthFailed { .. } => "Check the access key and secret key in your profile (NCP console > My Page > Authentication Key Management), and that your computer's clock is correct.".into(),
            Self::ClockSkew { .. } => "Set your computer's clock to the correct time (turn on automatic time), then try again.".into(),
            Self::PermissionDenied { .. } => "Use keys of an account that subscribes to AiTEMS, or ask its administrator to grant this sub account AiTEMS access.".into(),
            Self::NotFound { .. } => "Check the service id (it is shown in the AiTEMS console), or pick the service from the list.".into(),
            Self::RateLimited { retry_after: Some(wait), .. } => format!("Wait {}, then try again.", wait_in_words(*wait)),
            Self::RateLimited { retry_after: None, .. } => "Wait a minute, then try again.".into(),
            Self::BadRequest { .. } => "Try again; if it keeps happening, report it with the details below.".into(),
            Self::ServiceUnavailable { .. } | Self::Timeout { .. } => "Try again in a few minutes. If it lasts, check the NCP service status page.".into(),
            Self::Network { .. } => "Check your internet connection, proxy or VPN, and the endpoint address of your profile.".into(),
            Self::InvalidResponse { .. } => "Check the endpoint address of your profile. If it is correct, try again later and report it with the details below.".into(),
            Self::TooManyResults { .. } => "Turn on \"Recent only\" to see the latest training of each type.".into(),
        }
    }

    /// What the server said, for the expandable details and support.
    #[must_use]
    pub fn detail(&self) -> Option<&ErrorDetail> {
        match self {
            Self::AuthFailed { detail }
            | Self::ClockSkew { detail, .. }
            | Self::PermissionDenied { detail }
            | Self::NotFound { detail, .. }
            | Self::RateLimited { detail, .. }
            | Self::BadRequest { detail }
            | Self::ServiceUnavailable { detail }
            | Self::Timeout { detail }
            | Self::InvalidResponse { detail, .. } => Some(detail),
            Self::InvalidInput { .. } | Self::Network { .. } | Self::TooManyResults { .. } => None,
        }
    }

    /// Builds an `InvalidInput` error.
    pub(crate) fn invalid_input(message: impl Into<String>) -> Self {
        Self::InvalidInput {
            message: message.into(),
        }
    }
}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
