//! Sending a listing's pages to the web view over the channel of its call.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Mutex;

use aitems::{Progress, Train};
use tauri::ipc::{Channel, InvokeResponseBody};

use crate::error::{CommandError, CommandResult};
use crate::sent::{diff_page, HeldTrains};
use crate::views::TrainsPage;

/// Sends each page as JSON text (the page is borrowed, and a channel clones what it is
/// given to own), counts them, and remembers whether one could not be sent. To a window
/// that holds an earlier listing of the service, the trainings it holds go as runs of its
/// rows instead of whole.
pub struct PageSender<'a> {
    channel: &'a Channel<InvokeResponseBody>,
    held: Option<Mutex<Held>>,
    sent: AtomicUsize,
    failed: AtomicBool,
}

/// The listing the window holds, and the fingerprints of the trainings sent so far.
struct Held {
    trains: HeldTrains,
    prints: Vec<u64>,
}

impl<'a> PageSender<'a> {
    /// A sender over `channel` that sends every training whole and keeps no fingerprints.
    pub fn new(channel: &'a Channel<InvokeResponseBody>) -> Self {
        Self {
            channel,
            held: None,
            sent: AtomicUsize::new(0),
            failed: AtomicBool::new(false),
        }
    }

    /// A sender over `channel` to a window that holds a listing whose trainings have the
    /// fingerprints `held`, in the order they were sent (none: it holds nothing).
    pub fn holding(channel: &'a Channel<InvokeResponseBody>, held: &[u64]) -> Self {
        Self {
            held: Some(Mutex::new(Held {
                trains: HeldTrains::new(held),
                prints: Vec::new(),
            })),
            ..Self::new(channel)
        }
    }

    /// Sends one page and the progress so far.
    pub fn send(&self, progress: Progress, trains: &[Train]) {
        self.send_page(None, progress, trains);
    }

    /// Sends one page of `service_id` and that service's progress so far, in a listing
    /// of several services.
    pub fn send_of(&self, service_id: &str, progress: Progress, trains: &[Train]) {
        self.send_page(Some(service_id), progress, trains);
    }

    /// How many pages were sent.
    pub fn sent(&self) -> usize {
        self.sent.load(Ordering::Relaxed)
    }

    /// The fingerprints of the trainings sent so far by a sender `holding` a listing,
    /// in order.
    pub fn fingerprints(&self) -> Vec<u64> {
        self.held.as_ref().map_or_else(Vec::new, |held| {
            held.lock()
                .unwrap_or_else(|e| e.into_inner())
                .prints
                .clone()
        })
    }

    fn send_page(&self, service_id: Option<&str>, progress: Progress, trains: &[Train]) {
        // A page is sent while the fingerprints are held, so that their order is the
        // order the window gets the trainings in, services listed at once included.
        let mut held = self
            .held
            .as_ref()
            .map(|held| held.lock().unwrap_or_else(|e| e.into_inner()));
        let (kept, trains) = match held.as_deref_mut() {
            Some(Held {
                trains: holds,
                prints,
            }) => {
                let diff = diff_page(service_id, trains, holds, prints);
                (diff.kept, diff.trains)
            }
            None => (Vec::new(), trains.iter().collect()),
        };
        let page = TrainsPage {
            service_id,
            pages: progress.pages,
            total: progress.items,
            kept,
            trains,
        };
        let sent = serde_json::to_string(&page)
            .map_err(tauri::Error::from)
            .and_then(|json| self.channel.send(InvokeResponseBody::Json(json)));
        drop(held);
        match sent {
            Ok(()) => {
                self.sent.fetch_add(1, Ordering::Relaxed);
            }
            Err(e) => {
                tracing::warn!("could not send a page of trainings: {e}");
                self.failed.store(true, Ordering::Relaxed);
            }
        }
    }

    /// Whether every page went out. The page counts the pages it receives against the
    /// listing's result, so a page that was lost must fail the listing, not leave it
    /// waiting.
    ///
    /// # Errors
    /// `internal` when a page could not be sent.
    pub fn finish(&self) -> CommandResult<()> {
        if self.failed.load(Ordering::Relaxed) {
            return Err(CommandError::internal(
                "The trainings could not be passed to the window.",
                "a page of the listing could not be sent over its channel",
            ));
        }
        Ok(())
    }
}
