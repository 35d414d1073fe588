//! The latency option: every `/api/*` request waits, side by side.

use std::time::{Duration, Instant};

use aitems_demo::DemoConfig;

use crate::common::*;

const TARGET: &str = "/api/v1/services";

#[tokio::test]
async fn every_request_waits_the_delay_but_not_for_each_other() {
    let delay = Duration::from_millis(200);
    let server = server_with(DemoConfig {
        delay,
        ..DemoConfig::default()
    })
    .await;
    let started = Instant::now();
    assert_eq!(get(&server, TARGET).await.status(), 200);
    assert!(started.elapsed() >= delay, "{:?}", started.elapsed());

    let started = Instant::now();
    let (a, b, c) = tokio::join!(
        get(&server, TARGET),
        get(&server, TARGET),
        get(&server, TARGET)
    );
    let took = started.elapsed();
    assert!([a, b, c].iter().all(|r| r.status() == 200));
    assert!(took >= delay, "{took:?}");
    assert!(took < delay * 3, "requests wait side by side: {took:?}");
    assert_eq!(server.request_count(), 4);
}

#[tokio::test]
async fn no_delay_by_default() {
    let server = server().await;
    let started = Instant::now();
    assert_eq!(get(&server, TARGET).await.status(), 200);
    assert!(started.elapsed() < Duration::from_secs(2));
    assert_eq!(DemoConfig::default().delay, Duration::ZERO);
}
