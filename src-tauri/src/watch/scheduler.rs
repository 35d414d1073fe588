//! Refreshes watched services on their profile's interval, in the background, a few at a
//! time; a failure waits longer each time (and at least as long as AiTEMS asked) before
//! the next attempt, and is told to the window quietly.
//!
//! Due times are read off the wall clock, so a computer that slept past a refresh
//! catches up at the first tick after it wakes, and nothing runs while it sleeps.

use std::collections::HashMap;
use std::time::{Duration, SystemTime};

use futures_util::StreamExt;
use tauri::{AppHandle, Manager, Runtime};

use super::{ListingKey, WatchUpdate};
use crate::state::AppState;
use crate::views::rfc3339;

/// How often the scheduler looks for due refreshes.
pub const TICK: Duration = Duration::from_secs(15);

/// How many watched services are refreshed at the same time.
const AT_ONCE: usize = 2;

/// The first wait after a failure; it doubles with each further failure.
const FIRST_WAIT: Duration = Duration::from_secs(30);

/// The failures of each listing refreshed in the background, and when to try again.
#[derive(Debug, Default)]
pub struct Backoffs(HashMap<ListingKey, Backoff>);

#[derive(Clone, Copy, Debug)]
struct Backoff {
    failures: u32,
    retry_at: SystemTime,
}

impl Backoffs {
    /// Notes a failed refresh at `now`; returns when to try again: 30 s, doubling with
    /// each failure, at most `period`, and never sooner than `asked` (`Retry-After`).
    pub fn failed(
        &mut self,
        key: &ListingKey,
        now: SystemTime,
        period: Duration,
        asked: Option<Duration>,
    ) -> SystemTime {
        let failures = self.0.get(key).map_or(0, |b| b.failures) + 1;
        let doubled = FIRST_WAIT.saturating_mul(1 << (failures - 1).min(16));
        let wait = doubled.min(period).max(asked.unwrap_or_default());
        let retry_at = now + wait;
        self.0.insert(key.clone(), Backoff { failures, retry_at });
        retry_at
    }

    /// Notes a refresh that worked: the next one is due on the normal interval.
    pub fn succeeded(&mut self, key: &ListingKey) {
        self.0.remove(key);
    }

    /// Whether `key` is still waiting after a failure at `now`.
    pub fn waiting(&self, key: &ListingKey, now: SystemTime) -> bool {
        self.0.get(key).is_some_and(|b| now < b.retry_at)
    }

    /// Forgets the failures of `profile`'s listings.
    pub fn forget_profile(&mut self, profile: &str) {
        self.0.retain(|key, _| key.profile != profile);
    }
}

/// Runs [`tick`] every [`TICK`] for as long as the app runs.
pub fn start<R: Runtime>(app: AppHandle<R>) {
    tauri::async_runtime::spawn(async move {
        let mut ticks = tokio::time::interval(TICK);
        ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            ticks.tick().await;
            tick(&app.state::<AppState>(), SystemTime::now()).await;
        }
    });
}

/// Refreshes every watched service that is due at `now` (its profile's interval has
/// passed since it was last listed, it is not waiting after a failure, and no refresh of
/// it is under way), [`AT_ONCE`] at a time. Returns the listings it refreshed.
pub async fn tick(state: &AppState, now: SystemTime) -> Vec<ListingKey> {
    let mut due = Vec::new();
    for (profile, period, services) in state.watching_profiles().await {
        for service_id in services {
            let key = ListingKey::new(&profile, &service_id, false);
            if is_due(state, &key, period, now) {
                due.push((key, period));
            }
        }
    }
    futures_util::stream::iter(due)
        .map(|(key, period)| refresh_quietly(state, key, period, now))
        .buffer_unordered(AT_ONCE)
        .filter_map(|key| async move { key })
        .collect()
        .await
}

fn is_due(state: &AppState, key: &ListingKey, period: Duration, now: SystemTime) -> bool {
    let watch = state.watch();
    if watch.backoff_waiting(key, now) {
        return false;
    }
    watch
        .history()
        .refreshed_at(key)
        .is_none_or(|at| now.duration_since(at).unwrap_or_default() >= period)
}

/// Refreshes one listing in the background (due at `now`) and tells the window how it
/// went; `None` when a refresh of it was already under way.
async fn refresh_quietly(
    state: &AppState,
    key: ListingKey,
    period: Duration,
    now: SystemTime,
) -> Option<ListingKey> {
    if !state.watch().history().begin_refresh(&key) {
        return None;
    }
    let result = state.refresh(&key, |_, _| {}).await;
    let watch = state.watch();
    watch.history().end_refresh(&key);
    let update = match result {
        Ok(refreshed) => {
            watch.backoff_succeeded(&key);
            WatchUpdate {
                profile: key.profile.clone(),
                service_id: key.service_id.clone(),
                fetched_at: Some(refreshed.fetched_at),
                unseen: refreshed.unseen,
                error: None,
                retry_at: None,
            }
        }
        Err(error) => {
            let asked = error
                .detail
                .as_ref()
                .and_then(|d| d.retry_after_seconds)
                .map(Duration::from_secs);
            let retry_at = watch.backoff_failed(&key, now, period, asked);
            tracing::info!(code = %error.code, "a background refresh failed");
            WatchUpdate {
                profile: key.profile.clone(),
                service_id: key.service_id.clone(),
                fetched_at: None,
                unseen: watch.history().unseen(&key.profile, &key.service_id),
                error: Some(error),
                retry_at: Some(rfc3339(retry_at)),
            }
        }
    };
    watch.announce(update);
    Some(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_failure_waits_twice_as_long_up_to_the_interval_and_at_least_what_was_asked() {
        let mut backoffs = Backoffs::default();
        let key = ListingKey::new("work", "shop01", false);
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_000_000);
        let five_minutes = Duration::from_secs(300);
        let waits: Vec<u64> = (0..5)
            .map(|_| {
                let at = backoffs.failed(&key, now, five_minutes, None);
                at.duration_since(now).unwrap().as_secs()
            })
            .collect();
        assert_eq!(waits, [30, 60, 120, 240, 300]);
        assert!(backoffs.waiting(&key, now + Duration::from_secs(299)));
        assert!(!backoffs.waiting(&key, now + Duration::from_secs(300)));

        let asked = backoffs.failed(&key, now, five_minutes, Some(Duration::from_secs(3600)));
        assert_eq!(
            asked.duration_since(now).unwrap().as_secs(),
            3600,
            "Retry-After wins"
        );

        backoffs.succeeded(&key);
        assert!(!backoffs.waiting(&key, now));
        let again = backoffs.failed(&key, now, five_minutes, None);
        assert_eq!(
            again.duration_since(now).unwrap().as_secs(),
            30,
            "starts over"
        );
        backoffs.forget_profile("work");
        assert!(!backoffs.waiting(&key, now));
    }
}
