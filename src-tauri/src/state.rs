//! What the app holds while it runs: profiles, the demo session and reusable clients.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use aitems::profiles::ProfileManager;
use aitems::{Client, Credentials, Endpoint};

use crate::demo::{DemoSession, DEMO_PROFILE};
use crate::error::{CommandError, CommandResult};
use crate::prefetch::Prefetch;

/// The managed state behind every command.
pub struct AppState {
    profiles: Result<Arc<ProfileManager>, CommandError>,
    demo: tokio::sync::Mutex<Option<DemoSession>>,
    clients: Mutex<HashMap<String, Client>>,
    prefetch: Prefetch,
    demo_requested: bool,
}

impl AppState {
    /// State over `profiles` (an error when the settings folder could not be found).
    pub fn new(profiles: Result<ProfileManager, CommandError>, demo_requested: bool) -> Self {
        Self {
            profiles: profiles.map(Arc::new),
            demo: tokio::sync::Mutex::new(None),
            clients: Mutex::new(HashMap::new()),
            prefetch: Prefetch::default(),
            demo_requested,
        }
    }

    /// Whether the app was started with `--demo`.
    pub fn demo_requested(&self) -> bool {
        self.demo_requested
    }

    /// Answers fetched ahead for the first screen.
    pub fn prefetch(&self) -> &Prefetch {
        &self.prefetch
    }

    /// The profile manager, or why there is none.
    pub fn profiles(&self) -> CommandResult<Arc<ProfileManager>> {
        self.profiles.clone()
    }

    /// The demo session, started on first use.
    pub async fn demo(&self) -> CommandResult<tokio::sync::MappedMutexGuard<'_, DemoSession>> {
        let mut slot = self.demo.lock().await;
        if slot.is_none() {
            *slot = Some(DemoSession::start().await?);
        }
        // The slot was filled just above while the lock was held, so it cannot be empty.
        Ok(tokio::sync::MutexGuard::map(slot, |s| {
            s.as_mut().expect("set just above")
        }))
    }

    /// The demo session if it runs.
    pub async fn running_demo(&self) -> Option<tokio::sync::MappedMutexGuard<'_, DemoSession>> {
        let slot = self.demo.lock().await;
        tokio::sync::MutexGuard::try_map(slot, Option::as_mut).ok()
    }

    /// A client for `profile`, reused across calls until the profile changes.
    pub async fn client(&self, profile: &str) -> CommandResult<Client> {
        if let Some(client) = self.cached(profile) {
            return Ok(client);
        }
        let (endpoint, credentials) = if profile == DEMO_PROFILE {
            let demo = self.running_demo().await.ok_or_else(|| {
                CommandError::invalid_input(
                    "Demo mode is not running. Choose \"Explore with demo data\" first.",
                )
            })?;
            (demo.endpoint().clone(), demo.credentials())
        } else {
            self.stored_connection(profile.to_owned()).await?
        };
        let client = Client::new(endpoint, credentials)?;
        self.lock_clients()
            .insert(profile.to_owned(), client.clone());
        Ok(client)
    }

    /// Forgets the cached client of `profile` (after it was saved, renamed or deleted).
    pub fn forget_client(&self, profile: &str) {
        self.lock_clients().remove(profile);
    }

    fn cached(&self, profile: &str) -> Option<Client> {
        self.lock_clients().get(profile).cloned()
    }

    fn lock_clients(&self) -> std::sync::MutexGuard<'_, HashMap<String, Client>> {
        // A panic while holding this lock cannot leave the map inconsistent, so a
        // poisoned lock is still safe to use.
        self.clients
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Endpoint and keys of a saved profile, read off the async runtime (keychain calls block).
    async fn stored_connection(&self, profile: String) -> CommandResult<(Endpoint, Credentials)> {
        let profiles = self.profiles()?;
        blocking(move || {
            let settings = profiles.get(&profile)?;
            let credentials = profiles.credentials(&profile)?;
            let endpoint = Endpoint::parse(&settings.settings.endpoint)?;
            Ok((endpoint, credentials))
        })
        .await
    }
}

/// Runs blocking work (keychain, settings file) on the blocking thread pool.
pub async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> CommandResult<T> + Send + 'static,
) -> CommandResult<T> {
    tauri::async_runtime::spawn_blocking(work).await?
}
