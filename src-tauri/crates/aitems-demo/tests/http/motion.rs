//! The trains move when the demo advances: `POST /demo/advance`, the handle, or the
//! background period; listings, `isRecent` and the single-train route agree.

use std::time::{Duration, Instant};

use aitems_demo::data::{self, LARGE_SERVICE, SMALL_SERVICE};
use aitems_demo::{DemoConfig, DemoServer, Fault};
use chrono::NaiveDateTime;
use serde_json::{json, Value};

use crate::common::*;

const STEPS_MESSAGE: &str = "steps must be an integer from 1 to 100.";

/// `POST /demo/advance` with `query`, expecting the new step.
async fn advance(server: &DemoServer, query: &str) -> u64 {
    let (status, body) = json(post_unsigned(server, &format!("/demo/advance{query}")).await).await;
    assert_eq!(status, 200, "{body}");
    body["step"]
        .as_u64()
        .unwrap_or_else(|| panic!("a step: {body}"))
}

/// `GET /demo/step`.
async fn step(server: &DemoServer) -> u64 {
    let (status, body) = json(get_unsigned(server, "/demo/step").await).await;
    assert_eq!(status, 200, "{body}");
    body["step"]
        .as_u64()
        .unwrap_or_else(|| panic!("a step: {body}"))
}

/// The listing of a service (in pages of 5), after checking that `isRecent` returns its
/// first train of each type and the single-train route returns each train as listed.
async fn consistent_listing(server: &DemoServer, service: &str) -> Vec<Value> {
    let all = fetch_all(server, service, 5, false).await;
    let mut expected_recent: Vec<&Value> = Vec::new();
    for train in &all {
        if !expected_recent.iter().any(|r| r["type"] == train["type"]) {
            expected_recent.push(train);
        }
    }
    let recent = fetch_all(server, service, 1000, true).await;
    assert_eq!(recent.iter().collect::<Vec<_>>(), expected_recent);
    for train in &all {
        let path = format!(
            "/api/v1/services/{service}/trains/{}/versions/{}",
            train["type"].as_str().expect("type"),
            train["version"].as_str().expect("version"),
        );
        let (status, body) = json(get(server, &path).await).await;
        assert_eq!((status, &body), (200, train), "{path}");
    }
    all
}

fn status_of<'a>(trains: &'a [Value], version: &Value) -> &'a Value {
    let train = trains.iter().find(|t| t["version"] == *version);
    &train.unwrap_or_else(|| panic!("{version} is listed"))["status"]
}

#[tokio::test]
async fn advancing_moves_the_listing_recent_and_single_train_alike() {
    let server = server().await;
    let generated = data::trains(SMALL_SERVICE).expect("known");
    let requesting = &generated[0]["version"];
    assert_eq!(generated[0]["status"], "requesting");
    assert_eq!(step(&server).await, 0);
    assert_eq!(consistent_listing(&server, SMALL_SERVICE).await, generated);

    assert_eq!(advance(&server, "").await, 1);
    let listing = consistent_listing(&server, SMALL_SERVICE).await;
    assert_eq!(listing.len(), generated.len());
    assert_eq!(status_of(&listing, requesting), "waiting");

    assert_eq!(advance(&server, "?steps=2").await, 3);
    let listing = consistent_listing(&server, SMALL_SERVICE).await;
    assert_eq!(
        listing.len(),
        generated.len() + 1,
        "one new request at step 2"
    );
    let final_status = status_of(&listing, requesting);
    assert!(
        final_status == "completed" || final_status == "learningFailed",
        "{final_status}"
    );
    // The new request is the newest train; made at step 2, it moved once since.
    let new = &listing[0];
    assert!(!generated.iter().any(|t| t["version"] == new["version"]));
    assert_eq!(
        (&new["type"], &new["status"]),
        (&json!("personalRecommend"), &json!("waiting"))
    );

    assert_eq!(advance(&server, "?steps=3").await, 6);
    let listing = consistent_listing(&server, SMALL_SERVICE).await;
    assert_eq!(listing.len(), generated.len() + 3);
    let types: Vec<&Value> = listing[..3].iter().map(|t| &t["type"]).collect();
    assert_eq!(types, ["pop", "relatedItem", "personalRecommend"]);
    assert_eq!(status_of(&listing, requesting), final_status, "final stays");
    assert_eq!(server.step(), 6);
}

#[tokio::test]
async fn new_requests_are_dated_by_the_servers_clock_in_korea_time() {
    let offset = chrono::Duration::minutes(-2);
    let server = server_with(DemoConfig {
        clock_offset: offset,
        ..DemoConfig::default()
    })
    .await;
    assert_eq!(advance(&server, "?steps=2").await, 2);
    let listing = fetch_all(&server, SMALL_SERVICE, 1000, false).await;
    let text = listing[0]["createdDate"].as_str().expect("a date");
    let created = NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%.3f")
        .unwrap_or_else(|e| panic!("{text}: {e}"));
    let expected = (chrono::Utc::now() + offset + chrono::Duration::hours(9)).naive_utc();
    let gap = (expected - created).num_seconds().abs();
    assert!(gap <= 5, "{text} is {gap} s from the server's Korea time");
}

#[tokio::test]
async fn bad_steps_get_a_400_and_change_nothing() {
    let server = server().await;
    for query in ["steps=0", "steps=101", "steps=x", "steps=-3", "steps="] {
        let response = post_unsigned(&server, &format!("/demo/advance?{query}")).await;
        let (status, body) = json(response).await;
        assert_eq!(
            (status, body),
            (400, json!({"message": STEPS_MESSAGE})),
            "{query}"
        );
    }
    assert_eq!(advance(&server, "?steps=100").await, 100);
    let (status, _) = json(get_unsigned(&server, "/demo/advance").await).await;
    assert_eq!(status, 404, "advancing takes a POST");
    assert_eq!(step(&server).await, 100);
}

#[tokio::test]
async fn the_demo_routes_are_unsigned_unlogged_and_free_of_faults() {
    let server = server().await;
    server.inject(Fault::Unavailable, 1);
    assert_eq!(advance(&server, "").await, 1);
    assert_eq!(step(&server).await, 1);
    assert_eq!(server.request_count(), 0);
    // The fault is still queued for the next `/api` request.
    assert_eq!(get(&server, "/api/v1/services").await.status(), 503);
    assert_eq!(server.request_count(), 1);
}

#[tokio::test]
async fn the_handle_and_http_share_the_step() {
    let server = server().await;
    assert_eq!(server.advance(4), 4);
    assert_eq!(step(&server).await, 4);
    assert_eq!(advance(&server, "?steps=1").await, 5);
    assert_eq!(server.advance(0), 5);
    assert_eq!(server.step(), 5);
}

#[tokio::test]
async fn the_large_service_pages_one_listing_after_a_step() {
    let server = server().await;
    server.advance(1);
    let generated = data::trains(LARGE_SERVICE).expect("known");
    let fetched = fetch_all(&server, LARGE_SERVICE, 1000, false).await;
    assert_eq!(fetched.len(), generated.len());
    assert_eq!(server.request_count(), 11);
    let mut moved = 0;
    for (now, before) in fetched.iter().zip(&generated) {
        assert_eq!(now["version"], before["version"], "same order");
        if now != before {
            moved += 1;
        }
    }
    // One training each was requesting, waiting and learning.
    assert_eq!(moved, 3);
}

#[tokio::test]
async fn advance_every_moves_the_trains_on_its_own() {
    assert_eq!(DemoConfig::default().advance_every, None);
    let moving = server_with(DemoConfig {
        advance_every: Some(Duration::from_millis(30)),
        ..DemoConfig::default()
    })
    .await;
    let still = server().await;
    let started = Instant::now();
    while step(&moving).await < 3 {
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "no steps taken"
        );
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    let generated = data::trains(SMALL_SERVICE).expect("known");
    let listing = fetch_all(&moving, SMALL_SERVICE, 1000, false).await;
    assert!(listing.len() > generated.len(), "a new request appeared");
    assert_ne!(status_of(&listing, &generated[0]["version"]), "requesting");
    assert_eq!(still.step(), 0, "no steps without a period");
}
