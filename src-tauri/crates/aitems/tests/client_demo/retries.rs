//! The retry policy a client is built with is the one it follows, and a server that asks
//! for a longer wait than the policy allows is answered at once.

use std::time::Duration;

use aitems::client::{ClientOptions, RetryPolicy, FIRST_PAGES_IN_FLIGHT};
use aitems_demo::data::LARGE_SERVICE;
use aitems_demo::{DemoConfig, Fault, DEMO_ACCESS_KEY, DEMO_SECRET_KEY};

use super::client_with;

/// Long enough for one request, far shorter than any retry the default policy would wait.
const QUICKLY: Duration = Duration::from_secs(5);

#[tokio::test]
async fn a_client_built_with_zero_retries_asks_once_on_a_503() {
    let server = aitems_demo::start(DemoConfig::default()).await.unwrap();
    server.inject(Fault::Unavailable, 10);
    let options = ClientOptions {
        retry: RetryPolicy::none(),
        ..ClientOptions::default()
    };
    let client = client_with(&server, DEMO_ACCESS_KEY, DEMO_SECRET_KEY, options);
    let err = tokio::time::timeout(QUICKLY, client.all_services())
        .await
        .expect("no retry waits")
        .unwrap_err();
    assert_eq!(err.code(), "service_unavailable");
    assert_eq!(server.request_count(), 1);
}

#[tokio::test]
async fn a_429_asking_for_a_day_fails_at_once_with_the_wait_in_words() {
    let server = aitems_demo::start(DemoConfig::default()).await.unwrap();
    server.inject(
        Fault::RateLimited {
            retry_after_secs: 86_400,
        },
        10,
    );
    // The default policy: up to 3 retries, waits capped at 30 seconds.
    let client = client_with(
        &server,
        DEMO_ACCESS_KEY,
        DEMO_SECRET_KEY,
        ClientOptions::default(),
    );
    let err = tokio::time::timeout(QUICKLY, client.all_services())
        .await
        .expect("answered at once, not after capped retries")
        .unwrap_err();
    assert_eq!(err.code(), "rate_limited");
    assert!(err.hint().contains("about 24 hours"), "{}", err.hint());
    assert!(!err.hint().contains("86400"), "{}", err.hint());
    assert_eq!(server.request_count(), 1);

    let err = tokio::time::timeout(QUICKLY, client.all_trains(LARGE_SERVICE, false, |_, _| {}))
        .await
        .expect("a listing too")
        .unwrap_err();
    assert_eq!(err.code(), "rate_limited");
    assert!(server.request_count() <= 1 + FIRST_PAGES_IN_FLIGHT);
}

#[tokio::test]
async fn a_short_retry_after_is_still_waited_for() {
    let server = aitems_demo::start(DemoConfig::default()).await.unwrap();
    server.inject(
        Fault::RateLimited {
            retry_after_secs: 1,
        },
        1,
    );
    let client = client_with(
        &server,
        DEMO_ACCESS_KEY,
        DEMO_SECRET_KEY,
        ClientOptions::default(),
    );
    let services = client.all_services().await.unwrap();
    assert!(!services.is_empty());
    assert_eq!(server.request_count(), 2);
}
