//! Sending a listing's pages to the web view over the channel of its call.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Mutex;

use aitems::{Progress, Train};
use tauri::ipc::{Channel, InvokeResponseBody};

use crate::error::{CommandError, CommandResult};
use crate::sent::fingerprint;
use crate::views::TrainsPage;

/// Sends each page as JSON text (the page is borrowed, and a channel clones what it is
/// given to own), counts them, and remembers whether one could not be sent. A page the
/// same as the window already holds goes out marked `unchanged`, without its trainings.
pub struct PageSender<'a> {
    channel: &'a Channel<InvokeResponseBody>,
    held: Vec<u64>,
    fingerprints: Mutex<Vec<u64>>,
    sent: AtomicUsize,
    failed: AtomicBool,
}

impl<'a> PageSender<'a> {
    /// A sender over `channel`, to a window that holds none of the listing.
    pub fn new(channel: &'a Channel<InvokeResponseBody>) -> Self {
        Self::holding(channel, Vec::new())
    }

    /// A sender over `channel`, to a window that holds a listing whose pages have the
    /// fingerprints `held`, in order.
    pub fn holding(channel: &'a Channel<InvokeResponseBody>, held: Vec<u64>) -> Self {
        Self {
            channel,
            held,
            fingerprints: Mutex::new(Vec::new()),
            sent: AtomicUsize::new(0),
            failed: AtomicBool::new(false),
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

    /// The fingerprints of the pages of one service's listing sent so far, in order.
    pub fn fingerprints(&self) -> Vec<u64> {
        self.fingerprints
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    fn send_page(&self, service_id: Option<&str>, progress: Progress, trains: &[Train]) {
        let mut page = TrainsPage {
            service_id,
            pages: progress.pages,
            total: progress.items,
            unchanged: false,
            trains,
        };
        let sent = serde_json::to_string(&page)
            .and_then(|whole| {
                let print = fingerprint(&whole);
                self.fingerprints
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .push(print);
                if self.held.get(progress.pages.wrapping_sub(1)) != Some(&print) {
                    return Ok(whole);
                }
                page.unchanged = true;
                page.trains = &[];
                serde_json::to_string(&page)
            })
            .map_err(tauri::Error::from)
            .and_then(|json| self.channel.send(InvokeResponseBody::Json(json)));
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
