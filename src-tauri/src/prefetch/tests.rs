//! Answers fetched ahead, against the demo service over loopback HTTP.

use aitems::{Client, Credentials, Endpoint};
use aitems_demo::data::{self, LARGE_SERVICE, MEDIUM_SERVICE, SMALL_SERVICE};
use aitems_demo::{DemoConfig, DEMO_ACCESS_KEY, DEMO_SECRET_KEY};

use super::{LaunchView, Prefetch};

async fn demo() -> (aitems_demo::DemoServer, Client) {
    let server = aitems_demo::start(DemoConfig::default())
        .await
        .expect("demo starts");
    let endpoint = Endpoint::parse(&server.url()).expect("loopback endpoint");
    let client =
        Client::new(endpoint, Credentials::new(DEMO_ACCESS_KEY, DEMO_SECRET_KEY)).expect("client");
    (server, client)
}

fn view(service_id: &str) -> LaunchView {
    LaunchView {
        profile: "Demo".into(),
        service_id: service_id.into(),
    }
}

#[tokio::test]
async fn a_listing_started_ahead_is_served_without_asking_again() {
    let (server, client) = demo().await;
    let prefetch = Prefetch::default();
    prefetch.start(&view(LARGE_SERVICE), &client);
    let early = prefetch
        .take_trains("Demo", LARGE_SERVICE, false)
        .expect("fetched ahead");
    let mut reported = Vec::new();
    let mut rows = Vec::new();
    let listing = early
        .finish(|p, page| {
            reported.push((p.pages, p.items));
            rows.extend_from_slice(page);
        })
        .await
        .expect("listing");

    let expected = data::trains(LARGE_SERVICE).expect("demo data");
    assert_eq!(listing.trains.len(), expected.len());
    assert_eq!(listing.pages, expected.len() / 1000 + 1);
    assert!(!reported.is_empty(), "progress is passed on");
    assert!(
        reported
            .windows(2)
            .all(|w| w[0].0 < w[1].0 && w[0].1 <= w[1].1),
        "each page reported once, in order: {reported:?}"
    );
    assert_eq!(reported.last(), Some(&(listing.pages, expected.len())));
    assert_eq!(rows, listing.trains, "every page handed over, in order");

    let services = prefetch
        .take_services("Demo")
        .expect("fetched ahead")
        .await
        .expect("joined");
    assert_eq!(services.expect("services").len(), data::services().len());
    let asked = server.request_count();
    assert!(
        prefetch.take_trains("Demo", LARGE_SERVICE, false).is_none(),
        "taken once"
    );
    assert!(prefetch.take_services("Demo").is_none(), "taken once");
    assert_eq!(server.request_count(), asked, "nothing asked again");
    server.shutdown().await;
}

#[tokio::test]
async fn another_service_profile_or_recent_only_is_not_served_ahead() {
    let (server, client) = demo().await;
    let prefetch = Prefetch::default();
    prefetch.start(&view(MEDIUM_SERVICE), &client);
    assert!(
        prefetch.take_trains("Demo", MEDIUM_SERVICE, true).is_none(),
        "recent only"
    );
    prefetch.start(&view(MEDIUM_SERVICE), &client);
    assert!(
        prefetch.take_trains("Demo", SMALL_SERVICE, false).is_none(),
        "other service"
    );
    assert!(
        prefetch
            .take_trains("Demo", MEDIUM_SERVICE, false)
            .is_none(),
        "a miss empties the slot: the answer is not reused later"
    );
    prefetch.start(&view(MEDIUM_SERVICE), &client);
    assert!(prefetch.take_services("Work").is_none(), "other profile");
    server.shutdown().await;
}

#[tokio::test]
async fn an_error_met_ahead_is_the_commands_error() {
    let (server, _) = demo().await;
    let endpoint = Endpoint::parse(&server.url()).expect("loopback endpoint");
    let wrong =
        Client::new(endpoint, Credentials::new(DEMO_ACCESS_KEY, "wrong-secret")).expect("client");
    let prefetch = Prefetch::default();
    prefetch.start(&view(SMALL_SERVICE), &wrong);
    let early = prefetch
        .take_trains("Demo", SMALL_SERVICE, false)
        .expect("fetched ahead");
    let error = early.finish(|_, _| {}).await.expect_err("wrong keys");
    assert_eq!(error.code, "auth_failed");
    server.shutdown().await;
}

#[tokio::test]
async fn commands_wait_until_launch_has_decided_even_if_it_panicked() {
    use std::time::Duration;
    use tokio::time::timeout;

    let prefetch = Prefetch::default();
    let quick = Duration::from_millis(200);
    timeout(quick, prefetch.launch_decided())
        .await
        .expect("launch never started: no wait");

    let deciding = prefetch.deciding();
    assert!(
        timeout(Duration::from_millis(50), prefetch.launch_decided())
            .await
            .is_err(),
        "waits while launch reads settings and keys"
    );
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(move || {
        let _deciding = deciding;
        panic!("a bug while deciding");
    }));
    assert!(outcome.is_err());
    timeout(quick, prefetch.launch_decided())
        .await
        .expect("decided on every way out");
}
