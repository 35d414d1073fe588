//! Where the CLI finds keys and the endpoint.

use aitems::{Credentials, Endpoint};

use crate::failure::Failure;

/// Environment variable holding the access key.
pub const ACCESS_KEY_VAR: &str = "NCLOUD_ACCESS_KEY";
/// Environment variable holding the secret key.
pub const SECRET_KEY_VAR: &str = "NCLOUD_SECRET_KEY";

/// Keys from the environment, when both variables are set and not blank.
pub fn from_env() -> Option<Credentials> {
    let access = std::env::var(ACCESS_KEY_VAR)
        .ok()
        .filter(|v| !v.trim().is_empty())?;
    let secret = std::env::var(SECRET_KEY_VAR)
        .ok()
        .filter(|v| !v.trim().is_empty())?;
    Some(Credentials::new(access, secret))
}

/// The keys to use, or a failure that says how to provide them.
pub fn resolve() -> Result<Credentials, Failure> {
    from_env().ok_or_else(|| Failure {
        code: "missing_credentials",
        message: "No API keys were given.".into(),
        hint: format!("Set {ACCESS_KEY_VAR} and {SECRET_KEY_VAR}, or save a profile with `aitems profile add NAME`."),
        detail: None,
    })
}

/// The endpoint from `--endpoint`/`AITEMS_ENDPOINT`, else the real host.
pub fn endpoint(given: Option<&str>) -> Result<Endpoint, Failure> {
    match given {
        Some(text) => Ok(Endpoint::parse(text)?),
        None => Ok(Endpoint::default()),
    }
}
