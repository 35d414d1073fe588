//! Starting, inspecting and stopping the demo service.

use std::net::{Ipv4Addr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

use crate::clock::Clock;
use crate::faults::Fault;
use crate::routes::router;
use crate::state::AppState;

/// How long [`DemoServer::shutdown`] lets in-flight requests finish.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(5);

/// How to run the demo service.
#[derive(Clone, Debug)]
pub struct DemoConfig {
    /// The port on 127.0.0.1; `0` picks any free port.
    pub port: u16,
    /// The server's clock is the real clock plus this offset; it drives the `Date`
    /// header and the 5-minute timestamp check. Default zero.
    pub clock_offset: chrono::Duration,
    /// Added to every request to `/api/*` before it is answered, as network latency
    /// would be (requests wait side by side, not one after another). Default zero.
    pub delay: Duration,
    /// Advance the demo one step every period while the service runs (see
    /// [`DemoServer::advance`]). Default `None`: the trains move only when asked to.
    /// A zero period counts as `None`.
    pub advance_every: Option<Duration>,
}

impl Default for DemoConfig {
    fn default() -> Self {
        Self {
            port: 0,
            clock_offset: chrono::Duration::zero(),
            delay: Duration::ZERO,
            advance_every: None,
        }
    }
}

/// A running demo service. Dropping it stops the service too (without waiting).
#[derive(Debug)]
pub struct DemoServer {
    addr: SocketAddr,
    state: Arc<AppState>,
    stop: Option<oneshot::Sender<()>>,
    task: Option<JoinHandle<()>>,
    /// Takes a step every [`DemoConfig::advance_every`], if set.
    ticker: Option<JoinHandle<()>>,
}

/// Binds 127.0.0.1:`port` and serves the demo service in a spawned tokio task.
///
/// Cheap: the demo data is generated lazily, on first request.
///
/// # Errors
/// The port cannot be bound.
pub async fn start(config: DemoConfig) -> std::io::Result<DemoServer> {
    let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, config.port)).await?;
    let addr = listener.local_addr()?;
    let state = Arc::new(AppState::new(Clock::new(config.clock_offset), config.delay));
    let app = router(state.clone());
    let (stop, stopped) = oneshot::channel::<()>();
    let task = tokio::spawn(async move {
        let serve = axum::serve(listener, app).with_graceful_shutdown(async {
            // Either a stop request or the handle being dropped ends the service.
            let _ = stopped.await;
        });
        if let Err(error) = serve.await {
            tracing::error!(%error, "demo service stopped with an error");
        }
    });
    let ticker = config
        .advance_every
        .filter(|period| !period.is_zero())
        .map(|period| tokio::spawn(tick(state.clone(), period)));
    tracing::info!(%addr, "demo AiTEMS service listening");
    Ok(DemoServer {
        addr,
        state,
        stop: Some(stop),
        task: Some(task),
        ticker,
    })
}

/// Takes one step every non-zero `period`, the first one `period` after the start,
/// until aborted.
async fn tick(state: Arc<AppState>, period: Duration) {
    let mut interval = tokio::time::interval_at(tokio::time::Instant::now() + period, period);
    interval.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        interval.tick().await;
        let step = state.advance(1);
        tracing::debug!(step, "demo advanced");
    }
}

impl DemoServer {
    /// The base URL, `http://127.0.0.1:PORT` (no trailing slash).
    #[must_use]
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The port the service listens on.
    #[must_use]
    pub fn port(&self) -> u16 {
        self.addr.port()
    }

    /// Makes the next `times` requests to `/api/*` fail with `fault`, after any faults
    /// already queued (first in, first out). `times == 0` does nothing.
    pub fn inject(&self, fault: Fault, times: u32) {
        self.state.faults.push(fault, times, None);
    }

    /// Makes the next `times` requests about `service_id` (its trainings, its details)
    /// fail with `fault`; other requests are answered as usual. `times == 0` does nothing.
    pub fn inject_for_service(&self, service_id: &str, fault: Fault, times: u32) {
        self.state.faults.push(fault, times, Some(service_id));
    }

    /// Drops all queued faults.
    pub fn clear_faults(&self) {
        self.state.faults.clear();
    }

    /// Requests received on `/api/*` so far, including refused and faulted ones.
    #[must_use]
    pub fn request_count(&self) -> usize {
        self.state.log.count()
    }

    /// The most requests to `/api/*` that were being answered at the same time (from
    /// arrival until the response, body aside, was ready), since the service started.
    #[must_use]
    pub fn max_concurrent_requests(&self) -> usize {
        self.state.log.max_answering()
    }

    /// Path and query (as received) of the most recent requests to `/api/*` (at most
    /// 1000), oldest first.
    #[must_use]
    pub fn last_request_targets(&self) -> Vec<String> {
        self.state.log.targets()
    }

    /// The current demo step: 0 at start, then one more per step taken.
    #[must_use]
    pub fn step(&self) -> u64 {
        self.state.step()
    }

    /// Takes `steps` demo steps now and returns the new step. Each step moves every
    /// training in progress one status along `requesting` -> `waiting` -> `learning` ->
    /// `completed` or `learningFailed`; every second step adds a new training request to
    /// [`crate::data::SMALL_SERVICE`]. `steps == 0` changes nothing. Not bounded here:
    /// every second step keeps one more train in memory.
    pub fn advance(&self, steps: u32) -> u64 {
        self.state.advance(steps)
    }

    /// Stops accepting connections and advancing, lets in-flight requests finish (for up
    /// to 5 seconds), then stops.
    pub async fn shutdown(mut self) {
        self.stop_ticker();
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(mut task) = self.task.take() {
            if tokio::time::timeout(SHUTDOWN_GRACE, &mut task)
                .await
                .is_err()
            {
                task.abort();
            }
        }
    }

    /// Stops the background steps, if any.
    fn stop_ticker(&mut self) {
        if let Some(ticker) = self.ticker.take() {
            ticker.abort();
        }
    }
}

impl Drop for DemoServer {
    fn drop(&mut self) {
        self.stop_ticker();
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn the_period_advances_until_the_server_is_dropped() {
        let period = Duration::from_millis(20);
        let server = start(DemoConfig {
            advance_every: Some(period),
            ..DemoConfig::default()
        })
        .await
        .expect("starts");
        let state = server.state.clone();
        let started = std::time::Instant::now();
        while state.step() < 2 {
            assert!(
                started.elapsed() < Duration::from_secs(10),
                "no steps taken"
            );
            tokio::time::sleep(period).await;
        }
        drop(server);
        let stopped = state.step();
        tokio::time::sleep(period * 5).await;
        assert_eq!(state.step(), stopped);
    }

    #[tokio::test]
    async fn a_zero_period_takes_no_steps() {
        let server = start(DemoConfig {
            advance_every: Some(Duration::ZERO),
            ..DemoConfig::default()
        })
        .await
        .expect("starts");
        assert!(server.ticker.is_none());
        assert_eq!(server.step(), 0);
    }
}
