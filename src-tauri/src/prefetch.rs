//! The first screen's data, asked for at launch. Before the window has loaded its page, the
//! app already knows which profile and service it will open (demo mode's, or the default
//! profile's), so it starts that listing and the list of services at once. The commands
//! that then ask for the same thing take these answers instead of starting again.

use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

use aitems::client::{Progress, TrainListing};
use aitems::{Client, Service};
use tauri::async_runtime::{self, JoinHandle};
use tauri::{AppHandle, Manager, Runtime};
use tokio::sync::watch;

use crate::error::CommandResult;
use crate::state::{blocking, AppState};

/// How long an answer fetched ahead stays fresh enough to show instead of asking again.
pub const FRESH_FOR: Duration = Duration::from_secs(20);

/// What the first screen opens: a profile and one of its services.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LaunchView {
    /// The profile's name.
    pub profile: String,
    /// The service whose trainings the table shows.
    pub service_id: String,
}

/// Answers fetched ahead, each taken at most once.
pub struct Prefetch {
    /// True while launch reads the settings and the keychain to decide what to fetch.
    deciding: watch::Sender<bool>,
    services: Slot<JoinHandle<aitems::Result<Vec<Service>>>>,
    trains: Slot<EarlyTrains>,
}

impl Default for Prefetch {
    fn default() -> Self {
        Self {
            deciding: watch::Sender::new(false),
            services: Slot::default(),
            trains: Slot::default(),
        }
    }
}

impl Prefetch {
    /// Starts listing the services of `view.profile` and every training of `view.service_id`.
    pub fn start(&self, view: &LaunchView, client: &Client) {
        let services_client = client.clone();
        self.services.put(
            view.profile.clone(),
            async_runtime::spawn(async move { services_client.all_services().await }),
        );
        let (progress, receiver) = watch::channel(None);
        let trains_client = client.clone();
        let service_id = view.service_id.clone();
        let listing = async_runtime::spawn(async move {
            trains_client
                .all_trains(&service_id, false, |p, _| {
                    // Nobody listening yet is fine: the latest value is kept.
                    let _ = progress.send(Some(p));
                })
                .await
        });
        self.trains.put(
            trains_key(&view.profile, &view.service_id),
            EarlyTrains {
                progress: receiver,
                listing,
            },
        );
    }

    /// Returns once launch has read the keys it needs (at once when it never started, or
    /// reads none: demo mode). Commands that read the keychain wait for it, so that a
    /// locked keychain asks to be unlocked once rather than twice at the same time.
    pub async fn launch_decided(&self) {
        let mut deciding = self.deciding.subscribe();
        // The sender lives as long as `self`, so this cannot fail while we wait.
        let _ = deciding.wait_for(|busy| !busy).await;
    }

    /// The services of `profile` if they were asked for ahead and are still fresh.
    pub fn take_services(&self, profile: &str) -> Option<JoinHandle<aitems::Result<Vec<Service>>>> {
        self.services.take(profile)
    }

    /// The listing of `service_id` if it was started ahead and is still fresh. Launch only
    /// lists every training, so a `recent` listing is never taken from here.
    pub fn take_trains(
        &self,
        profile: &str,
        service_id: &str,
        recent: bool,
    ) -> Option<EarlyTrains> {
        if recent {
            return None;
        }
        self.trains.take(&trains_key(profile, service_id))
    }
}

/// A listing started ahead of time, with its progress so far.
pub struct EarlyTrains {
    progress: watch::Receiver<Option<Progress>>,
    listing: JoinHandle<aitems::Result<TrainListing>>,
}

impl EarlyTrains {
    /// Waits for the listing, reporting its progress: the pages already received first,
    /// then each new one.
    ///
    /// # Errors
    /// Whatever the listing met, as the command would have.
    pub async fn finish(mut self, mut report: impl FnMut(Progress)) -> CommandResult<TrainListing> {
        if let Some(progress) = *self.progress.borrow_and_update() {
            report(progress);
        }
        // The listing holds the sender until it ends, so this sees every last page.
        while self.progress.changed().await.is_ok() {
            if let Some(progress) = *self.progress.borrow_and_update() {
                report(progress);
            }
        }
        Ok(self.listing.await??)
    }
}

/// Starts fetching what the first screen will show, in the background; the handle ends once
/// the requests have started. Does nothing when there is nothing to open (no profile, or no
/// service known for it) or no client can be made: the screen then asks, and shows whatever
/// error it meets.
pub fn start_at_launch<R: Runtime>(app: &AppHandle<R>) -> JoinHandle<()> {
    // Only a saved profile's keys come from the keychain; demo mode's never do, and then
    // nothing needs to wait.
    let reads_keychain = !app.state::<AppState>().demo_requested();
    if reads_keychain {
        app.state::<AppState>()
            .prefetch()
            .deciding
            .send_replace(true);
    }
    let app = app.clone();
    async_runtime::spawn(async move {
        let state = app.state::<AppState>();
        let _decided = reads_keychain.then(|| Decided(&state.prefetch().deciding));
        let Some(view) = launch_view(&state).await else {
            return;
        };
        match state.client(&view.profile).await {
            Ok(client) => state.prefetch().start(&view, &client),
            Err(e) => tracing::debug!(code = e.code, "nothing fetched ahead"),
        }
    })
}

/// Marks launch as decided when dropped: on every way out, a panic included.
struct Decided<'a>(&'a watch::Sender<bool>);

impl Drop for Decided<'_> {
    fn drop(&mut self) {
        self.0.send_replace(false);
    }
}

/// Demo mode's profile and service, else the default (or first) saved profile's.
async fn launch_view(state: &AppState) -> Option<LaunchView> {
    if state.demo_requested() {
        let summary = state.demo().await.ok()?.summary();
        return Some(LaunchView {
            service_id: summary.open_service()?.to_owned(),
            profile: summary.name,
        });
    }
    let profiles = state.profiles().ok()?;
    let profile = blocking(move || Ok(profiles.opening_profile()?))
        .await
        .ok()??;
    Some(LaunchView {
        service_id: profile.settings.open_service()?.to_owned(),
        profile: profile.name,
    })
}

fn trains_key(profile: &str, service_id: &str) -> String {
    format!("{profile}\n{service_id}")
}

/// One answer fetched ahead, under a key, taken at most once while fresh.
struct Slot<V> {
    entry: Mutex<Option<(String, Instant, V)>>,
}

impl<V> Default for Slot<V> {
    fn default() -> Self {
        Self {
            entry: Mutex::new(None),
        }
    }
}

impl<V> Slot<V> {
    fn put(&self, key: String, value: V) {
        *self.lock() = Some((key, Instant::now(), value));
    }

    /// The value if it is under `key` and fresh. Empties the slot either way: whatever
    /// the first screen asked for first, an answer fetched ahead is not reused later.
    fn take(&self, key: &str) -> Option<V> {
        let (stored, at, value) = self.lock().take()?;
        (stored == key && at.elapsed() < FRESH_FOR).then_some(value)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Option<(String, Instant, V)>> {
        // Holding the lock never panics, so a poisoned lock still holds a whole value.
        self.entry.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests;
