//! Answers fetched ahead for the first screen. Before the window has loaded its page, the
//! app knows which profile and service it will open, so it starts that listing and the
//! list of services at once ([`crate::state::AppState::prefetch_at_launch`] decides
//! what). This module only keeps those answers until the first screen asks, each taken at
//! most once while fresh; the pages already received are handed over first, then the rest
//! as they arrive.

use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use aitems::client::{Progress, TrainListing};
use aitems::{Client, Service, Train};
use tauri::async_runtime::{self, JoinHandle};
use tokio::sync::{mpsc, watch};

use crate::error::CommandResult;

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
    deciding: Arc<watch::Sender<bool>>,
    services: Slot<JoinHandle<aitems::Result<Vec<Service>>>>,
    trains: Slot<EarlyTrains>,
}

impl Default for Prefetch {
    fn default() -> Self {
        Self {
            deciding: Arc::new(watch::Sender::new(false)),
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
        let (pages, received) = mpsc::unbounded_channel();
        let trains_client = client.clone();
        let service_id = view.service_id.clone();
        let listing = async_runtime::spawn(async move {
            trains_client
                .all_trains(&service_id, false, |progress, page| {
                    // Nobody listening any more is fine: the page is simply not shown.
                    let _ = pages.send((progress, page.to_vec()));
                })
                .await
        });
        self.trains.put(
            trains_key(&view.profile, &view.service_id),
            EarlyTrains { received, listing },
        );
    }

    /// Marks launch as deciding what to fetch until the returned token is dropped (on
    /// every way out, a panic included). Take it before the page can ask anything.
    pub fn deciding(&self) -> Deciding {
        self.deciding.send_replace(true);
        Deciding(self.deciding.clone())
    }

    /// Returns once launch has decided (at once when it never started deciding). Commands
    /// that read the keychain wait for it, so that a locked keychain asks to be unlocked
    /// once rather than twice at the same time.
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

/// Launch is deciding what to fetch while this lives.
pub struct Deciding(Arc<watch::Sender<bool>>);

impl Drop for Deciding {
    fn drop(&mut self) {
        self.0.send_replace(false);
    }
}

/// A listing started ahead of time, with the pages it has received so far.
pub struct EarlyTrains {
    received: mpsc::UnboundedReceiver<(Progress, Vec<Train>)>,
    listing: JoinHandle<aitems::Result<TrainListing>>,
}

impl EarlyTrains {
    /// Waits for the listing, handing each page to `on_page` in order: the pages already
    /// received first, then each new one.
    ///
    /// # Errors
    /// Whatever the listing met, as the command would have.
    pub async fn finish(
        mut self,
        mut on_page: impl FnMut(Progress, &[Train]),
    ) -> CommandResult<TrainListing> {
        // The listing holds the sender until it ends, so this sees every last page.
        while let Some((progress, page)) = self.received.recv().await {
            on_page(progress, &page);
        }
        Ok(self.listing.await??)
    }
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
