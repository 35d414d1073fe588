//! The client against the demo AiTEMS service, over real loopback HTTP.

mod fetch_ahead;
mod retries;

use std::time::{Duration, Instant};

use aitems::client::{ClientOptions, RetryPolicy};
use aitems::{Client, Credentials, Endpoint, Progress, TrainStatus, TrainsQuery};
use aitems_demo::data::{self, EMPTY_SERVICE, LARGE_SERVICE, MEDIUM_SERVICE};
use aitems_demo::{DemoConfig, DemoServer, Fault, DEMO_ACCESS_KEY, DEMO_SECRET_KEY};
use serde_json::Value;

/// Quick retries so fault tests do not wait long.
fn fast_options() -> ClientOptions {
    ClientOptions {
        retry: RetryPolicy {
            max_retries: 3,
            base_delay: Duration::from_millis(10),
            max_delay: Duration::from_secs(2),
        },
        ..ClientOptions::default()
    }
}

async fn demo() -> DemoServer {
    aitems_demo::start(DemoConfig::default())
        .await
        .expect("demo service starts")
}

fn client_with(server: &DemoServer, access: &str, secret: &str, options: ClientOptions) -> Client {
    let endpoint = Endpoint::parse(&server.url()).unwrap();
    Client::with_options(endpoint, Credentials::new(access, secret), options).unwrap()
}

fn client(server: &DemoServer) -> Client {
    client_with(server, DEMO_ACCESS_KEY, DEMO_SECRET_KEY, fast_options())
}

fn as_json<T: serde::Serialize>(value: &T) -> Value {
    serde_json::to_value(value).unwrap()
}

#[tokio::test]
async fn lists_every_page_of_a_large_service_exactly() {
    let server = demo().await;
    let mut progress = Vec::new();
    let listing = client(&server)
        .all_trains(LARGE_SERVICE, false, |p, _| progress.push(p))
        .await
        .unwrap();
    let expected = data::trains(LARGE_SERVICE).unwrap();
    assert_eq!(listing.trains.len(), 10_000);
    assert_eq!(as_json(&listing.trains), Value::Array(expected));
    assert_eq!(
        listing.pages, 11,
        "10 full pages and the empty one that ends the listing"
    );
    assert_eq!(
        progress.first(),
        Some(&Progress {
            pages: 1,
            items: 1000
        })
    );
    assert_eq!(
        progress.last(),
        Some(&Progress {
            pages: 11,
            items: 10_000
        })
    );
    let targets = server.last_request_targets();
    for page in 0..=10 {
        let target = format!(
            "/api/v1/services/{LARGE_SERVICE}/trains?offset={}&limit=1000",
            page * 1000
        );
        assert_eq!(
            targets.iter().filter(|t| **t == target).count(),
            1,
            "{target} in {targets:?}"
        );
    }
}

#[tokio::test]
async fn keeps_unknown_statuses_and_fields_from_the_server() {
    let server = demo().await;
    let listing = client(&server)
        .all_trains(MEDIUM_SERVICE, false, |_, _| {})
        .await
        .unwrap();
    assert_eq!(
        as_json(&listing.trains),
        Value::Array(data::trains(MEDIUM_SERVICE).unwrap())
    );
    assert!(listing
        .trains
        .iter()
        .any(|t| matches!(t.status, Some(TrainStatus::Unknown(_)))));
    assert!(listing.trains.iter().any(|t| !t.extra.is_empty()));
    assert_eq!(listing.pages, 1);
}

#[tokio::test]
async fn recent_only_and_single_pages() {
    let server = demo().await;
    let client = client(&server);
    let recent = client
        .all_trains(MEDIUM_SERVICE, true, |_, _| {})
        .await
        .unwrap();
    assert_eq!(
        as_json(&recent.trains),
        Value::Array(data::recent_trains(MEDIUM_SERVICE).unwrap())
    );
    assert!(server
        .last_request_targets()
        .last()
        .unwrap()
        .ends_with("&isRecent=true"));

    let page = client
        .trains_page(
            MEDIUM_SERVICE,
            TrainsQuery {
                offset: 5,
                limit: 7,
                recent: false,
            },
        )
        .await
        .unwrap();
    let all = data::trains(MEDIUM_SERVICE).unwrap();
    assert_eq!(as_json(&page.trains), Value::Array(all[5..12].to_vec()));
    assert_eq!((page.offset, page.limit), (Some(5), Some(7)));

    let empty = client
        .all_trains(EMPTY_SERVICE, false, |_, _| {})
        .await
        .unwrap();
    assert!(empty.trains.is_empty());
}

#[tokio::test]
async fn lists_services() {
    let server = demo().await;
    let services = client(&server).all_services().await.unwrap();
    assert_eq!(as_json(&services), Value::Array(data::services()));
    assert_eq!(server.request_count(), 1, "one page, nothing asked ahead");
}

#[tokio::test]
async fn unknown_service_is_not_found_with_a_trace_id() {
    let server = demo().await;
    let err = client(&server)
        .all_trains("nosuchsvc01", false, |_, _| {})
        .await
        .unwrap_err();
    assert_eq!(err.code(), "not_found");
    assert_eq!(err.message(), "Service `nosuchsvc01` was not found.");
    let detail = err.detail().unwrap();
    assert_eq!(detail.http_status, Some(404));
    assert!(detail.trace_id.as_deref().is_some_and(|t| !t.is_empty()));
    assert!(detail
        .server_message
        .as_deref()
        .unwrap()
        .contains("nosuchsvc01"));
}

#[tokio::test]
async fn bad_service_ids_never_reach_the_network() {
    let server = demo().await;
    for bad in ["../services", "a?b=c", "", "x y"] {
        let err = client(&server)
            .all_trains(bad, false, |_, _| {})
            .await
            .unwrap_err();
        assert_eq!(err.code(), "invalid_input", "{bad}");
    }
    assert_eq!(server.request_count(), 0);
}

#[tokio::test]
async fn wrong_keys_and_missing_permission() {
    let server = demo().await;
    let wrong_secret = client_with(&server, DEMO_ACCESS_KEY, "not-the-secret", fast_options());
    let err = wrong_secret.all_services().await.unwrap_err();
    assert_eq!(err.code(), "auth_failed");
    assert_eq!(err.detail().unwrap().http_status, Some(401));
    assert!(!format!("{err:?} {err}").contains("not-the-secret"));

    let unknown_key = client_with(&server, "UNKNOWNKEY", DEMO_SECRET_KEY, fast_options());
    assert_eq!(
        unknown_key.all_services().await.unwrap_err().code(),
        "auth_failed"
    );

    let readonly = client_with(
        &server,
        aitems_demo::DEMO_READONLY_ACCESS_KEY,
        aitems_demo::DEMO_READONLY_SECRET_KEY,
        fast_options(),
    );
    assert_eq!(
        readonly.all_services().await.unwrap_err().code(),
        "permission_denied"
    );
    assert_eq!(server.request_count(), 3, "auth failures are not retried");
}

#[tokio::test]
async fn a_skewed_clock_is_named_as_such() {
    let config = DemoConfig {
        clock_offset: chrono::Duration::minutes(10),
        ..DemoConfig::default()
    };
    let server = aitems_demo::start(config).await.unwrap();
    let err = client(&server).all_services().await.unwrap_err();
    assert_eq!(err.code(), "clock_skew");
    assert!(
        err.message().contains("10 minutes off"),
        "{}",
        err.message()
    );

    let slightly = DemoConfig {
        clock_offset: chrono::Duration::minutes(2),
        ..DemoConfig::default()
    };
    let server = aitems_demo::start(slightly).await.unwrap();
    assert!(
        client(&server).all_services().await.is_ok(),
        "2 minutes is inside the gateway's window"
    );
}

#[tokio::test]
async fn transient_faults_are_retried_then_succeed() {
    let server = demo().await;
    server.inject(Fault::Unavailable, 1);
    server.inject(
        Fault::RateLimited {
            retry_after_secs: 1,
        },
        1,
    );
    server.inject(Fault::GatewayTimeout, 1);
    let started = Instant::now();
    // The service list asks for one page at a time, so each fault meets the same page.
    let services = client(&server).all_services().await.unwrap();
    assert_eq!(as_json(&services), Value::Array(data::services()));
    assert_eq!(server.request_count(), 4);
    assert!(
        started.elapsed() >= Duration::from_secs(1),
        "Retry-After is honoured"
    );
}

#[tokio::test]
async fn persistent_faults_give_up_after_three_retries() {
    let server = demo().await;
    server.inject(
        Fault::RateLimited {
            retry_after_secs: 0,
        },
        10,
    );
    let err = client(&server).all_services().await.unwrap_err();
    assert_eq!(err.code(), "rate_limited");
    assert_eq!(server.request_count(), 4);

    server.clear_faults();
    server.inject(Fault::HtmlErrorPage, 10);
    let err = client(&server).all_services().await.unwrap_err();
    assert_eq!(err.code(), "service_unavailable");
    let detail = err.detail().unwrap();
    assert_eq!(detail.http_status, Some(502));
    let excerpt = detail.server_message.as_deref().unwrap();
    assert!(!excerpt.contains('<') && !excerpt.is_empty(), "{excerpt}");
}

#[tokio::test]
async fn truncated_json_is_an_invalid_response() {
    let server = demo().await;
    server.inject(Fault::TruncatedJson, 1);
    let err = client(&server).all_services().await.unwrap_err();
    assert_eq!(err.code(), "invalid_response");
    assert_eq!(server.request_count(), 1);
}

#[tokio::test]
async fn redirects_are_refused_not_followed() {
    let server = demo().await;
    let elsewhere = demo().await;
    server.inject(
        Fault::Redirect {
            location: format!("{}/api/v1/services", elsewhere.url()),
        },
        1,
    );
    let err = client(&server).all_services().await.unwrap_err();
    assert_eq!(err.code(), "invalid_response");
    assert_eq!(
        elsewhere.request_count(),
        0,
        "the signed request must not go to another host"
    );
}

#[tokio::test]
async fn slow_replies_time_out() {
    let server = demo().await;
    server.inject(
        Fault::Slow {
            delay: Duration::from_secs(3),
        },
        1,
    );
    let options = ClientOptions {
        request_timeout: Duration::from_millis(300),
        retry: RetryPolicy::none(),
        ..fast_options()
    };
    let client = client_with(&server, DEMO_ACCESS_KEY, DEMO_SECRET_KEY, options);
    let err = client.all_services().await.unwrap_err();
    assert_eq!(err.code(), "timeout");
}

#[tokio::test]
async fn connection_refused_is_a_network_error_after_retries() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    drop(listener);
    let endpoint = Endpoint::parse(&format!("http://127.0.0.1:{port}")).unwrap();
    let client =
        Client::with_options(endpoint, Credentials::new("AK", "SK"), fast_options()).unwrap();
    let err = client.all_services().await.unwrap_err();
    assert_eq!(err.code(), "network");
    assert!(!err.hint().is_empty());
}
