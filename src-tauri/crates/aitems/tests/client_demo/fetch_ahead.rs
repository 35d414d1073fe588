//! Listings fetch pages ahead, within the bound, and drop what lies past the end.

use std::time::{Duration, Instant};

use aitems::client::{FIRST_PAGES_IN_FLIGHT, MAX_PAGES_IN_FLIGHT};
use aitems_demo::data::{self, LARGE_SERVICE, MEDIUM_SERVICE, SMALL_SERVICE};
use aitems_demo::DemoConfig;

use super::{as_json, client};

/// Pages a listing of `trains` needs: the full ones and the short one that ends it.
fn pages_for(trains: usize) -> usize {
    trains / 1000 + 1
}

#[tokio::test]
async fn ten_thousand_trainings_cost_the_pages_needed_and_a_few_more_at_most() {
    let server = aitems_demo::start(DemoConfig::default()).await.unwrap();
    let listing = client(&server)
        .all_trains(LARGE_SERVICE, false, |_, _| {})
        .await
        .unwrap();
    assert_eq!(listing.trains.len(), 10_000);
    assert_eq!(listing.pages, pages_for(10_000));
    let asked = server.request_count();
    assert!(
        (11..=11 + MAX_PAGES_IN_FLIGHT - 1).contains(&asked),
        "{asked} requests"
    );
    assert!(server.max_concurrent_requests() <= MAX_PAGES_IN_FLIGHT);
}

#[tokio::test]
async fn a_service_of_fewer_than_1000_trainings_costs_the_first_pages_at_most() {
    let server = aitems_demo::start(DemoConfig::default()).await.unwrap();
    for (service, trains) in [(SMALL_SERVICE, 12), (MEDIUM_SERVICE, 300)] {
        let before = server.request_count();
        let listing = client(&server)
            .all_trains(service, false, |_, _| {})
            .await
            .unwrap();
        assert_eq!(listing.trains.len(), trains);
        assert_eq!(listing.pages, 1);
        let asked = server.request_count() - before;
        assert!((1..=FIRST_PAGES_IN_FLIGHT).contains(&asked), "{asked}");
    }
}

#[tokio::test]
async fn a_recent_only_listing_asks_once() {
    let server = aitems_demo::start(DemoConfig::default()).await.unwrap();
    let listing = client(&server)
        .all_trains(MEDIUM_SERVICE, true, |_, _| {})
        .await
        .unwrap();
    assert_eq!(listing.pages, 1);
    assert_eq!(server.request_count(), 1);
}

#[tokio::test]
async fn under_latency_pages_overlap_within_the_bound_in_order() {
    let delay = Duration::from_millis(300);
    // The demo builds its data on first use: not part of what is timed.
    let expected = data::trains(LARGE_SERVICE).unwrap();
    let server = aitems_demo::start(DemoConfig {
        delay,
        ..DemoConfig::default()
    })
    .await
    .unwrap();
    let mut progress = Vec::new();
    let mut reported = Vec::new();
    let started = Instant::now();
    let listing = client(&server)
        .all_trains(LARGE_SERVICE, false, |p, page| {
            progress.push(p);
            reported.extend(page.iter().map(|t| t.version.clone()));
        })
        .await
        .unwrap();
    let took = started.elapsed();
    let pages = pages_for(10_000);
    assert!(
        took < delay * u32::try_from(pages).unwrap(),
        "page by page would take at least {:?}; took {took:?}",
        delay * u32::try_from(pages).unwrap()
    );
    assert_eq!(as_json(&listing.trains), serde_json::Value::Array(expected));
    let versions: Vec<_> = listing.trains.iter().map(|t| t.version.clone()).collect();
    assert_eq!(reported, versions, "pages reported once each, in order");
    let expected: Vec<_> = (1..=pages)
        .map(|n| aitems::Progress {
            pages: n,
            items: (n * 1000).min(10_000),
        })
        .collect();
    assert_eq!(progress, expected);
    let most = server.max_concurrent_requests();
    assert!(
        (2..=MAX_PAGES_IN_FLIGHT).contains(&most),
        "{most} requests at once"
    );
    assert!(server.request_count() < pages + MAX_PAGES_IN_FLIGHT);
}
