//! Demo mode: the embedded demo AiTEMS service on loopback, with in-memory keys.

use aitems::profiles::{ProfileSettings, ProfileSummary, RefreshEvery, TableLayout};
use aitems::{Credentials, Endpoint};
use aitems_demo::{DemoConfig, DemoServer, DEMO_ACCESS_KEY, DEMO_SECRET_KEY};

use crate::error::{CommandError, CommandResult};

/// The name of the demo profile. Never written to the settings file or the keychain,
/// so a saved profile may not take it.
pub const DEMO_PROFILE: &str = "Demo";

/// How often the demo service moves its trainings along (requesting → waiting →
/// learning → completed or failed, and a new request every other step), so that
/// watching can be seen at work in demo mode.
pub const DEMO_STEP: std::time::Duration = std::time::Duration::from_secs(30);

/// A running demo service.
pub struct DemoSession {
    server: DemoServer,
    endpoint: Endpoint,
    /// How demo mode watches its services and lays out their tables, for this run only
    /// (the rest of the settings is unused).
    settings: ProfileSettings,
}

impl DemoSession {
    /// Starts the demo service on a free loopback port.
    ///
    /// # Errors
    /// `internal` when no port can be bound.
    pub async fn start() -> CommandResult<Self> {
        let config = DemoConfig {
            advance_every: Some(DEMO_STEP),
            ..DemoConfig::default()
        };
        let server = aitems_demo::start(config).await.map_err(|e| {
            CommandError::internal("The demo service could not start.", e.to_string())
        })?;
        let endpoint = Endpoint::parse(&server.url())?;
        Ok(Self {
            server,
            endpoint,
            settings: ProfileSettings::default(),
        })
    }

    /// Where the demo service listens.
    pub fn endpoint(&self) -> &Endpoint {
        &self.endpoint
    }

    /// The demo service itself (tests drive its clock and faults).
    pub fn server(&self) -> &DemoServer {
        &self.server
    }

    /// How many requests the demo service has answered so far.
    pub fn requests_served(&self) -> usize {
        self.server.request_count()
    }

    /// The demo keys (held in memory only).
    pub fn credentials(&self) -> Credentials {
        Credentials::new(DEMO_ACCESS_KEY, DEMO_SECRET_KEY)
    }

    /// Sets how demo mode watches its services, for this run only (watching is off
    /// until the user turns it on).
    pub fn set_watch(
        &mut self,
        refresh_interval: Option<RefreshEvery>,
        watched_services: &[String],
    ) {
        self.settings.refresh_interval = refresh_interval;
        self.settings.watched_services = aitems::profiles::service_ids(watched_services);
    }

    /// How demo mode watches its services.
    pub fn watch(&self) -> &ProfileSettings {
        &self.settings
    }

    /// The table layout of a demo service, kept for this run only.
    pub fn table_layout(&self, service_id: &str) -> Option<TableLayout> {
        self.settings.table_layout(service_id)
    }

    /// Keeps the table layout of a demo service in memory (`None`: the default).
    ///
    /// # Errors
    /// `invalid_input` for a blank service id or another layout format version.
    pub fn set_table_layout(
        &mut self,
        service_id: &str,
        layout: Option<&TableLayout>,
    ) -> CommandResult<()> {
        self.settings.set_table_layout(service_id, layout)?;
        Ok(())
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
            refresh_every: self.settings.refresh_every(),
            refresh_interval: self.settings.refresh_interval,
            watched_services: self.settings.watched_services.clone(),
        }
    }
}
