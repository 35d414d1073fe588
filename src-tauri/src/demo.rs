//! Demo mode: the embedded demo AiTEMS service on loopback, with in-memory keys.

use aitems::profiles::ProfileSummary;
use aitems::{Credentials, Endpoint};
use aitems_demo::{DemoConfig, DemoServer, DEMO_ACCESS_KEY, DEMO_SECRET_KEY};

use crate::error::{CommandError, CommandResult};

/// The name of the demo profile. Never written to the settings file or the keychain,
/// so a saved profile may not take it.
pub const DEMO_PROFILE: &str = "Demo";

/// A running demo service.
pub struct DemoSession {
    server: DemoServer,
    endpoint: Endpoint,
}

impl DemoSession {
    /// Starts the demo service on a free loopback port.
    ///
    /// # Errors
    /// `internal` when no port can be bound.
    pub async fn start() -> CommandResult<Self> {
        let server = aitems_demo::start(DemoConfig::default())
            .await
            .map_err(|e| {
                CommandError::internal("The demo service could not start.", e.to_string())
            })?;
        let endpoint = Endpoint::parse(&server.url())?;
        Ok(Self { server, endpoint })
    }

    /// Where the demo service listens.
    pub fn endpoint(&self) -> &Endpoint {
        &self.endpoint
    }

    /// How many requests the demo service has answered so far.
    pub fn requests_served(&self) -> usize {
        self.server.request_count()
    }

    /// The demo keys (held in memory only).
    pub fn credentials(&self) -> Credentials {
        Credentials::new(DEMO_ACCESS_KEY, DEMO_SECRET_KEY)
    }

    /// The demo profile as the UI lists it.
    pub fn summary(&self) -> ProfileSummary {
        ProfileSummary {
            name: DEMO_PROFILE.into(),
            masked_access_key: Some(aitems::mask_access_key(DEMO_ACCESS_KEY)),
            endpoint: self.server.url(),
            default_service: Some(aitems_demo::data::MEDIUM_SERVICE.into()),
            recent_services: Vec::new(),
            is_default: false,
        }
    }
}
