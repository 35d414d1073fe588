//! Fetching every page of a listing, a few pages ahead.
//!
//! The API gives no total, so a listing ends at the first page shorter than
//! [`PAGE_LIMIT`]. Waiting for each page before asking for the next costs one round trip
//! per page; instead the next pages are asked for speculatively, a few at a time, more
//! while pages keep coming back full. Pages are still taken in order, so the result,
//! the progress and the errors are those of a page-by-page listing: pages past the first
//! short one are dropped unread (an error in one of them does not matter), and an error
//! in a page before it fails the listing.

use std::future::Future;

use futures_util::stream::{FuturesOrdered, StreamExt};

use super::listing::{Progress, PAGE_LIMIT};
use crate::error::{Error, ErrorDetail, Result};

/// Page requests a training listing starts with: the first page and one ahead, so a
/// service of fewer than 1000 trainings costs one request more than strictly needed.
pub const FIRST_PAGES_IN_FLIGHT: usize = 2;
/// The most page requests one listing has in flight at a time (a page counts from the
/// moment it is asked for until the listing has taken it), so that a listing stays well
/// inside AiTEMS's rate limit.
pub const MAX_PAGES_IN_FLIGHT: usize = 4;

/// How many page requests a listing keeps in flight.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct FetchAhead {
    /// Requests in flight at the start.
    pub(crate) initial: usize,
    /// Requests in flight at most; one more is allowed after each full page, up to this.
    pub(crate) max: usize,
}

impl FetchAhead {
    /// The trainings listing: starts at [`FIRST_PAGES_IN_FLIGHT`], grows to
    /// [`MAX_PAGES_IN_FLIGHT`].
    pub(crate) const TRAINS: Self = Self {
        initial: FIRST_PAGES_IN_FLIGHT,
        max: MAX_PAGES_IN_FLIGHT,
    };

    /// The latest training of each type (`isRecent`): one page in practice (three types),
    /// so nothing is asked ahead unless a page comes back full.
    pub(crate) const RECENT: Self = Self {
        initial: 1,
        max: MAX_PAGES_IN_FLIGHT,
    };

    /// One page at a time: for lists that almost always fit on one page (services).
    pub(crate) const SEQUENTIAL: Self = Self { initial: 1, max: 1 };
}

/// Fetches pages of [`PAGE_LIMIT`] from offset 0 until a short page, keeping up to
/// `ahead` requests in flight, and returns the items in page order with the number of
/// pages kept.
///
/// `on_page` is called once per kept page, in page order, with the progress so far and
/// that page's items. No page past offset `max_items` is asked for; more than
/// `max_items` items fail with `TooManyResults`.
pub(crate) async fn collect_pages<T, F, Fut>(
    max_items: usize,
    ahead: FetchAhead,
    mut on_page: impl FnMut(Progress, &[T]),
    mut fetch: F,
) -> Result<(Vec<T>, usize)>
where
    F: FnMut(u64) -> Fut,
    Fut: Future<Output = Result<Vec<T>>>,
{
    let limit = PAGE_LIMIT as usize;
    let mut in_flight = FuturesOrdered::new();
    let mut window = ahead.initial.clamp(1, ahead.max.max(1));
    let mut next_offset = 0usize;
    let mut items = Vec::new();
    let mut pages = 0;
    loop {
        // The page at offset `max_items` is the last one needed: it tells whether there
        // are more items than the cap allows.
        while in_flight.len() < window && next_offset <= max_items {
            in_flight.push_back(fetch(next_offset as u64));
            next_offset += limit;
        }
        // The page at offset `items.len()` (at most `max_items`, checked below) is
        // always in flight here, so the queue is empty only if that invariant broke;
        // the cap is then the honest answer.
        let Some(page) = in_flight.next().await else {
            return Err(Error::TooManyResults { limit: max_items });
        };
        // An error in this page fails the listing: every page before it was full.
        // Dropping `in_flight` on return cancels the requests still under way.
        let page = page?;
        let count = page.len();
        if count > limit {
            return Err(Error::InvalidResponse {
                reason: format!(
                    "a page held {count} items although at most {limit} were asked for"
                ),
                detail: ErrorDetail::default(),
            });
        }
        let start = items.len();
        items.extend(page);
        pages += 1;
        if items.len() > max_items {
            return Err(Error::TooManyResults { limit: max_items });
        }
        on_page(
            Progress {
                pages,
                items: items.len(),
            },
            &items[start..],
        );
        if count < limit {
            // The pages still in flight lie past the end: dropped unread.
            return Ok((items, pages));
        }
        window = (window + 1).min(ahead.max);
    }
}

#[cfg(test)]
mod tests;
