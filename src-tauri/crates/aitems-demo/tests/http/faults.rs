//! Injected faults, over HTTP.

use std::time::{Duration, Instant};

use aitems_demo::data::SMALL_SERVICE;
use aitems_demo::Fault;
use serde_json::json;

use crate::common::*;

const TARGET: &str = "/api/v1/services";

#[tokio::test]
async fn rate_limited() {
    let server = server().await;
    server.inject(
        Fault::RateLimited {
            retry_after_secs: 7,
        },
        1,
    );
    let response = get(&server, TARGET).await;
    assert_eq!(response.headers()["retry-after"], "7");
    assert!(response.headers().contains_key("x-ncp-trace-id"));
    let (status, body) = json(response).await;
    assert_eq!(status, 429);
    assert_gateway_error(&body, &json!("420"), "Rate Limited");
    assert_eq!(get(&server, TARGET).await.status(), 200);
}

#[tokio::test]
async fn unavailable_and_gateway_timeout() {
    let server = server().await;
    server.inject(Fault::Unavailable, 1);
    server.inject(Fault::GatewayTimeout, 1);
    let (status, body) = json(get(&server, TARGET).await).await;
    assert_eq!(status, 503);
    assert_gateway_error(&body, &json!("500"), "Endpoint Error");
    let (status, body) = json(get(&server, TARGET).await).await;
    assert_eq!(status, 504);
    assert_gateway_error(&body, &json!("510"), "Endpoint Timeout");
}

#[tokio::test]
async fn slow_then_normal() {
    let server = server().await;
    let delay = Duration::from_millis(300);
    server.inject(Fault::Slow { delay }, 1);
    let started = Instant::now();
    let response = get(&server, TARGET).await;
    assert!(started.elapsed() >= delay);
    assert_eq!(response.status(), 200);
    // A slow request is still authenticated.
    server.inject(
        Fault::Slow {
            delay: Duration::from_millis(10),
        },
        1,
    );
    assert_eq!(get_unsigned(&server, TARGET).await.status(), 401);
}

#[tokio::test]
async fn truncated_json() {
    let server = server().await;
    let target = format!("/api/v1/services/{SMALL_SERVICE}/trains");
    let full = get(&server, &target).await.bytes().await.expect("body");
    server.inject(Fault::TruncatedJson, 1);
    let response = get(&server, &target).await;
    assert_eq!(response.status(), 200);
    let cut = response.bytes().await.expect("body");
    assert_eq!(cut.len(), full.len() / 2);
    assert!(full.starts_with(&cut));
    assert!(serde_json::from_slice::<serde_json::Value>(&cut).is_err());
}

#[tokio::test]
async fn html_error_page() {
    let server = server().await;
    server.inject(Fault::HtmlErrorPage, 1);
    let response = get(&server, TARGET).await;
    assert_eq!(response.status(), 502);
    assert!(response.headers()["content-type"]
        .to_str()
        .is_ok_and(|t| t.starts_with("text/html")));
    assert!(response
        .text()
        .await
        .expect("body")
        .contains("502 Bad Gateway"));
}

#[tokio::test]
async fn redirect() {
    let server = server().await;
    let location = "https://login.example.com/?next=%2Fapi";
    server.inject(
        Fault::Redirect {
            location: location.into(),
        },
        1,
    );
    let response = get(&server, TARGET).await;
    assert_eq!(response.status(), 302);
    assert_eq!(response.headers()["location"], location);
}

#[tokio::test]
async fn faults_are_fifo_counted_and_come_before_auth() {
    let server = server().await;
    server.inject(Fault::Unavailable, 2);
    server.inject(Fault::GatewayTimeout, 1);
    server.inject(
        Fault::RateLimited {
            retry_after_secs: 1,
        },
        0,
    );
    // Unsigned, yet the fault answers first.
    assert_eq!(get_unsigned(&server, TARGET).await.status(), 503);
    // Paths outside /api do not consume faults.
    assert_eq!(get_unsigned(&server, "/health").await.status(), 404);
    assert_eq!(get(&server, TARGET).await.status(), 503);
    assert_eq!(get(&server, TARGET).await.status(), 504);
    assert_eq!(get(&server, TARGET).await.status(), 200);
    assert_eq!(server.request_count(), 4);

    server.inject(Fault::HtmlErrorPage, 3);
    server.clear_faults();
    assert_eq!(get(&server, TARGET).await.status(), 200);
}
