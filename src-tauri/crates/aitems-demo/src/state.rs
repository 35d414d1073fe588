//! State shared by the request handlers and the [`crate::DemoServer`] handle.

use std::collections::VecDeque;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, PoisonError};
use std::time::Duration;

use crate::clock::Clock;
use crate::faults::FaultQueue;
use crate::timeline::{Timeline, Trains};

/// How many request targets the log keeps.
const TARGETS_KEPT: usize = 1000;

/// Everything the running service shares.
#[derive(Debug)]
pub(crate) struct AppState {
    pub(crate) clock: Clock,
    pub(crate) faults: FaultQueue,
    pub(crate) log: RequestLog,
    /// Latency added to every `/api/*` request.
    pub(crate) delay: Duration,
    /// The demo steps taken so far, and the trains they moved.
    timeline: Timeline,
}

impl AppState {
    pub(crate) fn new(clock: Clock, delay: Duration) -> Self {
        Self {
            clock,
            faults: FaultQueue::default(),
            log: RequestLog::default(),
            delay,
            timeline: Timeline::default(),
        }
    }

    /// The current demo step, 0 at start.
    pub(crate) fn step(&self) -> u64 {
        self.timeline.step()
    }

    /// Takes `steps` demo steps at the server clock's now; returns the new step.
    pub(crate) fn advance(&self, steps: u32) -> u64 {
        self.timeline.advance(steps, self.clock.now_millis())
    }

    /// A service's trains at the current step; `None` if the service is unknown.
    pub(crate) fn trains(&self, service_id: &str) -> Option<Trains> {
        self.timeline.trains(service_id)
    }
}

/// Counts `/api/*` requests, keeps their most recent targets, and how many were being
/// answered at once.
#[derive(Debug, Default)]
pub(crate) struct RequestLog {
    count: AtomicUsize,
    targets: Mutex<VecDeque<String>>,
    answering: AtomicUsize,
    max_answering: AtomicUsize,
}

/// One request being answered; counted until dropped.
#[derive(Debug)]
pub(crate) struct Answering<'a>(&'a RequestLog);

impl Drop for Answering<'_> {
    fn drop(&mut self) {
        self.0.answering.fetch_sub(1, Ordering::SeqCst);
    }
}

impl RequestLog {
    /// Records one request's path and query.
    pub(crate) fn record(&self, target: &str) {
        self.count.fetch_add(1, Ordering::SeqCst);
        // A poisoned log is still a valid log.
        let mut targets = self.targets.lock().unwrap_or_else(PoisonError::into_inner);
        if targets.len() == TARGETS_KEPT {
            targets.pop_front();
        }
        targets.push_back(target.to_owned());
    }

    /// Counts a request as being answered until the returned guard is dropped.
    pub(crate) fn answering(&self) -> Answering<'_> {
        let now = self.answering.fetch_add(1, Ordering::SeqCst) + 1;
        self.max_answering.fetch_max(now, Ordering::SeqCst);
        Answering(self)
    }

    /// The most requests ever answered at the same time.
    pub(crate) fn max_answering(&self) -> usize {
        self.max_answering.load(Ordering::SeqCst)
    }

    /// Requests recorded so far.
    pub(crate) fn count(&self) -> usize {
        self.count.load(Ordering::SeqCst)
    }

    /// The most recent targets, oldest first.
    pub(crate) fn targets(&self) -> Vec<String> {
        let targets = self.targets.lock().unwrap_or_else(PoisonError::into_inner);
        targets.iter().cloned().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_log_is_bounded_but_the_count_is_not() {
        let log = RequestLog::default();
        for i in 0..(TARGETS_KEPT + 5) {
            log.record(&format!("/api/{i}"));
        }
        assert_eq!(log.count(), TARGETS_KEPT + 5);
        let targets = log.targets();
        assert_eq!(targets.len(), TARGETS_KEPT);
        assert_eq!(targets[0], "/api/5");
    }

    #[test]
    fn the_log_keeps_the_most_requests_answered_at_once() {
        let log = RequestLog::default();
        {
            let _a = log.answering();
            let _b = log.answering();
            assert_eq!(log.max_answering(), 2);
        }
        let _c = log.answering();
        assert_eq!(log.max_answering(), 2);
        assert_eq!(log.answering.load(Ordering::SeqCst), 1);
    }
}
