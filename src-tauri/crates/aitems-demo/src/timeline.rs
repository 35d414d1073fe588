//! The demo's step counter: when each step happened, and each service's trains at the
//! current step, computed once per step.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use serde_json::Value;

use crate::data;

/// A listing of trains after at least one step, shared by the requests of that step.
pub(crate) type MovedTrains = Arc<[Cow<'static, Value>]>;

/// A service's trains at the current step, newest first.
#[derive(Debug)]
pub(crate) enum Trains {
    /// Step 0: the generated data, borrowed.
    Initial(&'static [Value]),
    /// A later step: computed on the first request of that step.
    Moved(MovedTrains),
}

/// The steps taken so far and the listings computed at the current one.
#[derive(Debug, Default)]
pub(crate) struct Timeline(Mutex<Steps>);

#[derive(Debug, Default)]
struct Steps {
    /// When each step happened (UTC ms since the Unix epoch), oldest first; the current
    /// step is the count.
    times: Vec<i64>,
    /// The listings computed at the current step, by service id.
    listings: HashMap<String, MovedTrains>,
}

impl Timeline {
    /// A poisoned lock still holds a valid timeline: every change is a single push or
    /// insert.
    fn lock(&self) -> MutexGuard<'_, Steps> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The current step, 0 at start.
    pub(crate) fn step(&self) -> u64 {
        self.lock().times.len() as u64
    }

    /// Takes `steps` steps at `now` (UTC ms) and returns the new step. Each step happens
    /// at least 1 ms after the one before, so the requests they create have distinct,
    /// ordered dates even when many steps are taken at once or the clock goes back.
    pub(crate) fn advance(&self, steps: u32, now: i64) -> u64 {
        let mut state = self.lock();
        for _ in 0..steps {
            let time = state.times.last().map_or(now, |last| now.max(last + 1));
            state.times.push(time);
        }
        if steps > 0 {
            state.listings.clear();
        }
        state.times.len() as u64
    }

    /// The trains of a service at the current step; `None` if the service is unknown.
    pub(crate) fn trains(&self, service_id: &str) -> Option<Trains> {
        let mut state = self.lock();
        if state.times.is_empty() {
            drop(state);
            return data::trains_ref(service_id).map(Trains::Initial);
        }
        if let Some(listing) = state.listings.get(service_id) {
            return Some(Trains::Moved(listing.clone()));
        }
        // Computed under the lock, so concurrent page requests compute it only once.
        let listing: MovedTrains = data::trains_at(service_id, &state.times)?.into();
        state
            .listings
            .insert(service_id.to_owned(), listing.clone());
        Some(Trains::Moved(listing))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{LARGE_SERVICE, SMALL_SERVICE};

    fn moved(trains: Option<Trains>) -> MovedTrains {
        match trains {
            Some(Trains::Moved(listing)) => listing,
            other => panic!("expected a moved listing, got {other:?}"),
        }
    }

    #[test]
    fn step_zero_borrows_the_generated_data() {
        let timeline = Timeline::default();
        assert_eq!(timeline.step(), 0);
        match timeline.trains(SMALL_SERVICE) {
            Some(Trains::Initial(all)) => {
                assert!(data::trains_ref(SMALL_SERVICE).is_some_and(|g| std::ptr::eq(all, g)));
            }
            other => panic!("expected the generated data, got {other:?}"),
        }
        assert!(timeline.trains("nosuchservc").is_none());
    }

    #[test]
    fn a_listing_is_computed_once_per_step() {
        let timeline = Timeline::default();
        assert_eq!(timeline.advance(1, 1_800_000_000_000), 1);
        let first = moved(timeline.trains(LARGE_SERVICE));
        let again = moved(timeline.trains(LARGE_SERVICE));
        assert!(Arc::ptr_eq(&first, &again));
        assert_eq!(timeline.advance(0, 1_800_000_000_000), 1);
        assert!(Arc::ptr_eq(&first, &moved(timeline.trains(LARGE_SERVICE))));
        assert_eq!(timeline.advance(1, 1_800_000_000_000), 2);
        let next = moved(timeline.trains(LARGE_SERVICE));
        assert!(!Arc::ptr_eq(&first, &next));
        assert!(timeline.trains("nosuchservc").is_none());
    }

    #[test]
    fn steps_are_ordered_even_when_the_clock_is_not() {
        let timeline = Timeline::default();
        timeline.advance(3, 1_000);
        timeline.advance(1, 500);
        timeline.advance(1, 9_000);
        assert_eq!(timeline.lock().times, [1_000, 1_001, 1_002, 1_003, 9_000]);
        assert_eq!(timeline.step(), 5);
    }
}
