//! Where the CLI finds keys and the endpoint: the environment first, else a saved profile.

use aitems::profiles::Profile;
use aitems::{Credentials, Endpoint};

use crate::args::ConnectionArgs;
use crate::failure::Failure;
use crate::profile;

/// Environment variable holding the access key.
pub const ACCESS_KEY_VAR: &str = "NCLOUD_ACCESS_KEY";
/// Environment variable holding the secret key.
pub const SECRET_KEY_VAR: &str = "NCLOUD_SECRET_KEY";

/// What a command connects with: keys, endpoint, and the profile they came from.
#[derive(Debug)]
pub struct Connection {
    /// The API keys.
    pub credentials: Credentials,
    /// The checked endpoint.
    pub endpoint: Endpoint,
    /// The profile the keys were read from; `None` for keys from the environment.
    pub profile: Option<Profile>,
}

/// Keys from the environment: `None` when neither variable is set (or both are blank),
/// a failure when only one of them is.
pub fn from_env() -> Result<Option<Credentials>, Failure> {
    let read = |name| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
    match (read(ACCESS_KEY_VAR), read(SECRET_KEY_VAR)) {
        (Some(access), Some(secret)) => Ok(Some(Credentials::new(access, secret))),
        (None, None) => Ok(None),
        (Some(_), None) => Err(half_set(ACCESS_KEY_VAR, SECRET_KEY_VAR)),
        (None, Some(_)) => Err(half_set(SECRET_KEY_VAR, ACCESS_KEY_VAR)),
    }
}

/// The keys and endpoint to use: both environment keys when set, else the `--profile`
/// profile, else the default profile. The endpoint is `--endpoint`/`AITEMS_ENDPOINT`
/// when given, else the profile's, else the real AiTEMS host.
pub fn resolve(args: &ConnectionArgs) -> Result<Connection, Failure> {
    let given_endpoint = args.endpoint.as_deref().map(Endpoint::parse).transpose()?;
    if let Some(credentials) = from_env()? {
        if let Some(name) = &args.profile {
            tracing::warn!(
                "{ACCESS_KEY_VAR} and {SECRET_KEY_VAR} are set: using them, not the keys of \
                 profile \"{name}\" (unset both to use the profile)"
            );
        }
        return Ok(Connection {
            credentials,
            endpoint: given_endpoint.unwrap_or_default(),
            profile: None,
        });
    }
    let profiles = profile::manager()?;
    let name = match &args.profile {
        Some(name) => name.clone(),
        None => profiles.default_profile()?.ok_or_else(no_keys)?,
    };
    let found = profiles.get(&name)?;
    let endpoint = match given_endpoint {
        Some(endpoint) => endpoint,
        None => Endpoint::parse(&found.settings.endpoint)?,
    };
    let credentials = profiles.credentials(&found.name)?;
    Ok(Connection {
        credentials,
        endpoint,
        profile: Some(found),
    })
}

/// Neither environment keys nor a profile to use.
fn no_keys() -> Failure {
    Failure::new(
        "missing_credentials",
        "No API keys were given.",
        format!(
            "Set {ACCESS_KEY_VAR} and {SECRET_KEY_VAR}, save a profile with `aitems profile \
             add NAME`, or pick a saved one with --profile NAME (`aitems profile default NAME` \
             makes it the default)."
        ),
    )
}

/// Only one of the two key variables is set.
fn half_set(set: &str, missing: &str) -> Failure {
    Failure::new(
        "missing_credentials",
        format!("{set} is set but {missing} is not."),
        format!("Set both {ACCESS_KEY_VAR} and {SECRET_KEY_VAR}, or unset both to use a profile."),
    )
}
