//! AiTEMS client library: signing, the training-request model, the HTTP client and its
//! errors, the keychain store and profiles. No UI and no Tauri here, so everything is
//! testable with plain `cargo test`.
#![deny(unsafe_code)]

pub mod atomic_file;
pub mod cache;
pub mod changes;
pub mod client;
pub mod credentials;
pub mod error;
pub mod export;
#[cfg(feature = "logging")]
pub mod logging;
pub mod model;
pub mod profiles;
pub mod secret;
pub mod sign;

pub use client::{
    Client, ClientOptions, Endpoint, Progress, RetryPolicy, TrainListing, TrainsQuery,
};
pub use error::{Error, ErrorCode, ErrorDetail, Result};
pub use model::{ApiDateTime, Service, Train, TrainStatus, TrainType};
pub use secret::{mask_access_key, Credentials, SecretString};
