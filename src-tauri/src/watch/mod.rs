//! Watching services: what changed since the last listing, marks the user has not seen,
//! desktop notices when trainings finish, fail or are requested, and refreshes on a
//! timer (see [`scheduler`]).

mod history;
mod notice;
mod notifier;
pub mod scheduler;

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use aitems::changes::Change;
use serde::Serialize;
use tauri::ipc::Channel;
use ts_rs::TS;

pub use history::{History, ListingKey, Recorded};
pub use notice::{first_named, notice, Language, Notice, NoticeTarget};
pub use notifier::{open_on_click, DesktopNotifier, Notifier, SilentNotifier};

use crate::error::CommandError;

/// What a refresh the user did not ask for found, sent to the window (which refreshes
/// the table when it shows that service, and shows a failure quietly).
#[derive(Clone, Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct WatchUpdate {
    /// The profile.
    pub profile: String,
    /// The service refreshed.
    pub service_id: String,
    /// When the listing finished, RFC 3339 in UTC; `None` when the refresh failed.
    pub fetched_at: Option<String>,
    /// The service's changes the user has not seen yet.
    pub unseen: Vec<Change>,
    /// Why the refresh failed, when it did.
    pub error: Option<CommandError>,
    /// When the next attempt is due after a failure, RFC 3339 in UTC.
    pub retry_at: Option<String>,
}

/// The window's ear for [`WatchUpdate`]s and for the notices clicked, and the language it speaks.
struct Listener {
    channel: Channel<WatchUpdate>,
    opened: Channel<NoticeTarget>,
    language: Language,
}

/// Everything watching holds while the app runs.
pub struct Watch {
    history: Mutex<History>,
    notifier: Mutex<Arc<dyn Notifier>>,
    listener: Mutex<Option<Listener>>,
    names: Mutex<HashMap<(String, String), String>>,
    backoff: Mutex<scheduler::Backoffs>,
    watching: AtomicBool,
    paused: AtomicBool,
}

impl Default for Watch {
    fn default() -> Self {
        Self {
            history: Mutex::default(),
            notifier: Mutex::new(Arc::new(SilentNotifier)),
            listener: Mutex::default(),
            names: Mutex::default(),
            backoff: Mutex::default(),
            watching: AtomicBool::new(false),
            paused: AtomicBool::new(false),
        }
    }
}

/// A lock that a panic elsewhere cannot have left half-changed in a way that matters.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Watch {
    /// What the app last saw of each listing.
    pub fn history(&self) -> MutexGuard<'_, History> {
        lock(&self.history)
    }

    /// Shows notices with `notifier` from now on.
    pub fn set_notifier(&self, notifier: Arc<dyn Notifier>) {
        *lock(&self.notifier) = notifier;
    }

    /// Asks the system for leave to show notices.
    pub fn ask_permission(&self) -> bool {
        lock(&self.notifier).clone().ask_permission()
    }

    /// Sends later updates over `channel` and the targets of clicked notices over
    /// `opened`, and writes notices in `language`.
    pub fn listen(
        &self,
        channel: Channel<WatchUpdate>,
        opened: Channel<NoticeTarget>,
        language: Language,
    ) {
        *lock(&self.listener) = Some(Listener {
            channel,
            opened,
            language,
        });
    }

    /// The language notices are written in (the window's).
    pub fn language(&self) -> Language {
        lock(&self.listener)
            .as_ref()
            .map(|ear| ear.language)
            .unwrap_or_default()
    }

    /// Whether any profile refreshes watched services on its own (as of the last look).
    pub fn is_watching(&self) -> bool {
        self.watching.load(Ordering::SeqCst)
    }

    /// Notes whether any profile refreshes watched services on its own.
    pub fn set_watching(&self, watching: bool) {
        self.watching.store(watching, Ordering::SeqCst);
    }

    /// Whether the user paused watching (from the tray).
    pub fn is_paused(&self) -> bool {
        self.paused.load(Ordering::SeqCst)
    }

    /// Pauses or resumes background refreshes.
    pub fn set_paused(&self, paused: bool) {
        self.paused.store(paused, Ordering::SeqCst);
    }

    /// Shows `notice` as it is.
    pub fn tell(&self, notice: &Notice) {
        let notifier = lock(&self.notifier).clone();
        notifier.show(notice);
    }

    /// Tells the window about an update; a window that stopped listening is forgotten.
    pub fn announce(&self, update: WatchUpdate) {
        let mut listener = lock(&self.listener);
        if let Some(ear) = listener.as_ref() {
            if let Err(error) = ear.channel.send(update) {
                tracing::debug!("the window stopped listening for updates: {error}");
                *listener = None;
            }
        }
    }

    /// Tells the window to open `target`, the target of a clicked notice.
    pub fn open(&self, target: NoticeTarget) {
        if let Some(ear) = lock(&self.listener).as_ref() {
            if let Err(error) = ear.opened.send(target) {
                tracing::debug!("the window could not be told what to open: {error}");
            }
        }
    }

    /// Remembers the names of `profile`'s services, for notices.
    pub fn learn_names<'a>(
        &self,
        profile: &str,
        services: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) {
        let mut names = lock(&self.names);
        for (id, name) in services {
            names.insert((profile.to_owned(), id.to_owned()), name.to_owned());
        }
    }

    /// Whether the name of `profile`'s `service_id` is known.
    pub fn knows_name(&self, profile: &str, service_id: &str) -> bool {
        lock(&self.names).contains_key(&(profile.to_owned(), service_id.to_owned()))
    }

    /// Shows the notice that `fresh` changes of `profile`'s `service_id` earn, if any.
    pub fn notify(&self, profile: &str, service_id: &str, fresh: &[Change]) {
        let name = lock(&self.names)
            .get(&(profile.to_owned(), service_id.to_owned()))
            .cloned()
            .unwrap_or_else(|| service_id.to_owned());
        if let Some(mut notice) = notice(&name, fresh, self.language()) {
            notice.opens = Some(NoticeTarget {
                profile: profile.to_owned(),
                service_id: service_id.to_owned(),
                train: first_named(fresh).cloned(),
            });
            self.tell(&notice);
        }
    }

    /// Whether the background refresh of `key` waits after a failure at `now`.
    pub fn backoff_waiting(&self, key: &ListingKey, now: std::time::SystemTime) -> bool {
        lock(&self.backoff).waiting(key, now)
    }

    /// Notes a failed background refresh; returns when to try again.
    pub fn backoff_failed(
        &self,
        key: &ListingKey,
        now: std::time::SystemTime,
        period: std::time::Duration,
        asked: Option<std::time::Duration>,
    ) -> std::time::SystemTime {
        lock(&self.backoff).failed(key, now, period, asked)
    }

    /// Notes a background refresh that worked.
    pub fn backoff_succeeded(&self, key: &ListingKey) {
        lock(&self.backoff).succeeded(key);
    }

    /// Forgets everything of `profile` (deleted or renamed).
    pub fn forget_profile(&self, profile: &str) {
        self.history().forget_profile(profile);
        lock(&self.names).retain(|(name, _), _| name != profile);
        lock(&self.backoff).forget_profile(profile);
    }
}
