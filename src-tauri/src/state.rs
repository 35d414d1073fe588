//! What the app holds while it runs: profiles, the demo session and reusable clients.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

use aitems::changes::Change;
use aitems::client::{Progress, TrainListing};
use aitems::profiles::{ProfileManager, ProfileSettings};
use aitems::{Client, Credentials, Endpoint, Service, Train};
use tauri::async_runtime::{self, JoinHandle};
use tauri::{AppHandle, Manager, Runtime};

use crate::demo::{DemoSession, DEMO_PROFILE};
use crate::error::{CommandError, CommandResult};
use crate::offline::Offline;
use crate::prefetch::{LaunchView, Prefetch};
use crate::sent::SentListings;
use crate::views::{rfc3339, saved_profile_view, ProfileView};
use crate::watch::{ListingKey, Watch};

/// The managed state behind every command.
pub struct AppState {
    profiles: Result<Arc<ProfileManager>, CommandError>,
    demo: tokio::sync::Mutex<Option<DemoSession>>,
    clients: Mutex<HashMap<String, Client>>,
    prefetch: Prefetch,
    offline: Offline,
    watch: Watch,
    sent: SentListings,
    demo_requested: bool,
}

/// What a refresh brought, its trainings aside (they went to the page handler).
#[derive(Debug)]
pub struct Refreshed {
    /// How many pages it took.
    pub pages: usize,
    /// How many trainings there are.
    pub total: usize,
    /// When it finished, RFC 3339 in UTC.
    pub fetched_at: String,
    /// The service's changes the user has not seen yet.
    pub unseen: Vec<Change>,
}

impl AppState {
    /// State over `profiles` (an error when the settings folder could not be found).
    pub fn new(profiles: Result<ProfileManager, CommandError>, demo_requested: bool) -> Self {
        Self {
            profiles: profiles.map(Arc::new),
            demo: tokio::sync::Mutex::new(None),
            clients: Mutex::new(HashMap::new()),
            prefetch: Prefetch::default(),
            offline: Offline::default(),
            watch: Watch::default(),
            sent: SentListings::default(),
            demo_requested,
        }
    }

    /// The same state, keeping the last listings in `offline`.
    #[must_use]
    pub fn with_offline(mut self, offline: Offline) -> Self {
        self.offline = offline;
        self
    }

    /// The listings kept for when AiTEMS cannot be reached.
    pub fn offline(&self) -> &Offline {
        &self.offline
    }

    /// What the window was last sent of each listing.
    pub fn sent(&self) -> &SentListings {
        &self.sent
    }

    /// What the app watches: listings seen, unseen changes, notices.
    pub fn watch(&self) -> &Watch {
        &self.watch
    }

    /// Whether the app was started with `--demo`.
    pub fn demo_requested(&self) -> bool {
        self.demo_requested
    }

    /// The profile manager, or why there is none.
    pub fn profiles(&self) -> CommandResult<Arc<ProfileManager>> {
        self.profiles.clone()
    }

    /// The profile manager once launch has read the keys it needs: a keychain that asks
    /// to be unlocked then asks once, not twice at the same time.
    pub async fn profiles_after_launch(&self) -> CommandResult<Arc<ProfileManager>> {
        self.prefetch.launch_decided().await;
        self.profiles()
    }

    /// Starts fetching, in the background, what the first screen will show (demo mode's
    /// service, else the default or first saved profile's), so that the commands asking
    /// for it get the answers already on their way. Does nothing when there is nothing
    /// to open or no client can be made: the screen then asks and shows what it meets.
    /// The handle ends once the requests have started.
    pub fn prefetch_at_launch<R: Runtime>(app: &AppHandle<R>) -> JoinHandle<()> {
        let state = app.state::<AppState>();
        // Only a saved profile's keys come from the keychain; demo mode's never do, and
        // then nothing needs to wait.
        let deciding = (!state.demo_requested).then(|| state.prefetch.deciding());
        let app = app.clone();
        async_runtime::spawn(async move {
            let _deciding = deciding;
            let state = app.state::<AppState>();
            let Some(view) = state.launch_view().await else {
                return;
            };
            match state.client(&view.profile).await {
                Ok(client) => state.prefetch.start(&view, &client),
                Err(e) => tracing::debug!(code = %e.code, "nothing fetched ahead"),
            }
        })
    }

    /// Demo mode's profile and service, else the default (or first) saved profile's.
    async fn launch_view(&self) -> Option<LaunchView> {
        if self.demo_requested {
            let summary = self.demo().await.ok()?.summary();
            return Some(LaunchView {
                service_id: summary.open_service()?.to_owned(),
                profile: summary.name,
            });
        }
        let profiles = self.profiles().ok()?;
        let profile = blocking(move || Ok(profiles.opening_profile()?))
            .await
            .ok()??;
        Some(LaunchView {
            service_id: profile.settings.open_service()?.to_owned(),
            profile: profile.name,
        })
    }

    /// Every service `profile` can see (taken from launch when it asked already). Their
    /// names are remembered for notices.
    pub async fn services(&self, profile: &str) -> CommandResult<Vec<Service>> {
        let services = match self.prefetch.take_services(profile) {
            Some(early) => early.await??,
            None => self.client(profile).await?.all_services().await?,
        };
        self.watch.learn_names(
            profile,
            services
                .iter()
                .filter_map(|s| Some((s.service_id.as_str(), s.name.as_deref()?))),
        );
        Ok(services)
    }

    /// Lists `key` again (each page to `on_page`), compares it with what was seen before
    /// (this run, else the listing kept from an earlier one), keeps it for offline use and,
    /// when the profile watches the service, shows the notice its changes earn.
    pub async fn refresh(
        &self,
        key: &ListingKey,
        on_page: impl FnMut(Progress, &[Train]) + Send,
    ) -> CommandResult<Refreshed> {
        let earlier = async {
            if self.watch.history().knows(key) {
                return None;
            }
            self.offline
                .last(&key.profile, &key.service_id, key.recent)
                .await
        };
        let (listing, earlier) = tokio::join!(
            self.trains(&key.profile, &key.service_id, key.recent, on_page),
            earlier
        );
        let listing = listing?;
        let now = SystemTime::now();
        let recorded = {
            let mut history = self.watch.history();
            if let Some(kept) = earlier {
                history.remember_earlier(key, &kept.trains, SystemTime::UNIX_EPOCH);
            }
            history.record(key, &listing.trains, now)
        };
        // A recent-only listing's news reaches the whole listing too: notices come from
        // whole listings only, so that one change earns one notice.
        if !key.recent
            && !recorded.fresh.is_empty()
            && self.watches(&key.profile, &key.service_id).await
        {
            if !self.watch.knows_name(&key.profile, &key.service_id) {
                if let Err(e) = self.services(&key.profile).await {
                    tracing::debug!(code = %e.code, "the notice names the service by its id");
                }
            }
            self.watch
                .notify(&key.profile, &key.service_id, &recorded.fresh);
        }
        let fetched_at = rfc3339(now);
        let (pages, total) = (listing.pages, listing.trains.len());
        self.offline.keep(
            &key.profile,
            &key.service_id,
            key.recent,
            fetched_at.clone(),
            listing.trains,
        );
        Ok(Refreshed {
            pages,
            total,
            fetched_at,
            unseen: recorded.unseen,
        })
    }

    /// [`Self::refresh`] as the window asks for it: a background refresh of the same
    /// listing meanwhile waits for its next tick.
    pub async fn refresh_asked(
        &self,
        key: &ListingKey,
        on_page: impl FnMut(Progress, &[Train]) + Send,
    ) -> CommandResult<Refreshed> {
        let started = self.watch.history().begin_refresh(key);
        let refreshed = self.refresh(key, on_page).await;
        if started {
            self.watch.history().end_refresh(key);
        }
        refreshed
    }

    /// How `profile` watches its services (demo mode's are kept in memory).
    pub async fn watch_settings(&self, profile: &str) -> CommandResult<ProfileSettings> {
        if profile == DEMO_PROFILE {
            let demo = self.running_demo().await;
            return Ok(demo.map(|d| d.watch().clone()).unwrap_or_default());
        }
        let profiles = self.profiles()?;
        let name = profile.to_owned();
        blocking(move || Ok(profiles.get(&name)?.settings)).await
    }

    /// Whether `profile` watches `service_id`.
    async fn watches(&self, profile: &str, service_id: &str) -> bool {
        self.watch_settings(profile)
            .await
            .is_ok_and(|s| s.watched_services.iter().any(|id| id == service_id))
    }

    /// Each profile that refreshes its watched services on its own: its name, interval
    /// and those services (demo mode's included while it runs).
    pub async fn watching_profiles(&self) -> Vec<(String, Duration, Vec<String>)> {
        let mut all = Vec::new();
        if let Ok(profiles) = self.profiles() {
            match blocking(move || Ok(profiles.all_settings()?)).await {
                Ok(saved) => all.extend(saved),
                Err(e) => tracing::debug!(code = %e.code, "no saved profile is watched"),
            }
        }
        if let Some(demo) = self.running_demo().await {
            all.push((DEMO_PROFILE.to_owned(), demo.watch().clone()));
        }
        all.into_iter()
            .filter_map(|(name, settings)| {
                let period = settings.refresh_every().period()?;
                Some((name, period, settings.watched_services))
            })
            .filter(|(_, _, services)| !services.is_empty())
            .collect()
    }

    /// Every training of a service, handing each page to `on_page` as it arrives (taken
    /// from launch when it started the same listing).
    pub async fn trains(
        &self,
        profile: &str,
        service_id: &str,
        recent: bool,
        on_page: impl FnMut(Progress, &[Train]) + Send,
    ) -> CommandResult<TrainListing> {
        if let Some(early) = self.prefetch.take_trains(profile, service_id, recent) {
            return early.finish(on_page).await;
        }
        let client = self.client(profile).await?;
        Ok(client.all_trains(service_id, recent, on_page).await?)
    }

    /// Records `service_id` as `profile`'s latest service; returns the profile as it now
    /// is when that changed it. The demo profile keeps no recent services, and a failure
    /// only costs the suggestion, so it is logged rather than returned.
    pub async fn remember_service(&self, profile: &str, service_id: &str) -> Option<ProfileView> {
        if profile == DEMO_PROFILE {
            return None;
        }
        let profiles = self.profiles().ok()?;
        let (name, service_id) = (profile.to_owned(), service_id.to_owned());
        let changed = blocking(move || {
            if profiles.remember_service(&name, &service_id)?.is_none() {
                return Ok(None);
            }
            Ok(saved_profile_view(&profiles, &name)?)
        });
        match changed.await {
            Ok(view) => view,
            Err(e) => {
                tracing::warn!(code = %e.code, "could not remember the service");
                None
            }
        }
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
