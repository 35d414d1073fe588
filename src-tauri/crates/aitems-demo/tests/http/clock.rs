//! The server's clock: the `Date` header and the timestamp check follow `clock_offset`.

use std::time::{Duration, SystemTime};

use aitems_demo::DemoConfig;

use crate::common::*;

fn date_header(response: &reqwest::Response) -> SystemTime {
    let dates: Vec<_> = response.headers().get_all("date").iter().collect();
    // Exactly one: hyper must not add its own next to ours.
    assert_eq!(dates.len(), 1, "{dates:?}");
    httpdate::parse_http_date(dates[0].to_str().expect("ascii")).expect("an HTTP date")
}

fn seconds_between(a: SystemTime, b: SystemTime) -> i64 {
    match a.duration_since(b) {
        Ok(d) => i64::try_from(d.as_secs()).expect("fits"),
        Err(e) => -i64::try_from(e.duration().as_secs()).expect("fits"),
    }
}

#[tokio::test]
async fn without_offset_the_date_is_now() {
    let server = server().await;
    let response = get(&server, "/api/v1/services").await;
    let gap = seconds_between(date_header(&response), SystemTime::now());
    assert!(gap.abs() <= 2, "{gap}");
}

#[tokio::test]
async fn the_offset_moves_the_date_and_the_timestamp_window() {
    let offset = chrono::Duration::minutes(-30);
    let server = server_with(DemoConfig {
        clock_offset: offset,
        ..DemoConfig::default()
    })
    .await;

    // A client with the real clock is refused, and the Date header shows the server's.
    let response = get(&server, "/api/v1/services").await;
    let date = date_header(&response);
    let gap = seconds_between(date, SystemTime::now() - Duration::from_secs(30 * 60));
    assert!(gap.abs() <= 2, "{gap}");
    let (status, body) = json(response).await;
    assert_eq!(status, 401);
    assert_eq!(
        body["error"]["details"],
        "Invalid authentication information."
    );

    // A client that corrects its clock by the server's Date succeeds.
    let signing = Signing {
        timestamp: now_millis() + offset.num_milliseconds(),
        ..Signing::default()
    };
    let response = get_signed(&server, "/api/v1/services", signing).await;
    assert_eq!(response.status(), 200);
    // Error responses and gateway 404s carry the offset Date as well.
    let response = get_unsigned(&server, "/nothing").await;
    let gap = seconds_between(
        date_header(&response),
        SystemTime::now() - Duration::from_secs(30 * 60),
    );
    assert!(gap.abs() <= 2, "{gap}");
}
