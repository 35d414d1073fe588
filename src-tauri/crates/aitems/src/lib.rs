//! AiTEMS client library: signing, the training-request model, the HTTP client and its
//! errors. No UI and no Tauri here, so everything is testable with plain `cargo test`.
#![deny(unsafe_code)]

pub mod secret;
pub mod sign;

pub use secret::{mask_access_key, Credentials, SecretString};
pub mod credentials;
pub mod profiles;
pub mod model;
