//! Routes, paging, validation and the backend's error shape, over HTTP.

use std::collections::HashSet;

use aitems_demo::data::{self, EMPTY_SERVICE, LARGE_SERVICE, MEDIUM_SERVICE, SMALL_SERVICE};
use serde_json::{json, Value};

use crate::common::*;

#[tokio::test]
async fn pages_concatenate_to_the_data() {
    let server = server().await;
    for (service, limit) in [
        (SMALL_SERVICE, 5),
        (MEDIUM_SERVICE, 7),
        (EMPTY_SERVICE, 10),
        (SMALL_SERVICE, 12),
    ] {
        let fetched = fetch_all(&server, service, limit, false).await;
        assert_eq!(Some(fetched), data::trains(service), "{service} by {limit}");
    }
}

#[tokio::test]
async fn the_large_service_pages_by_1000() {
    let server = server().await;
    let fetched = fetch_all(&server, LARGE_SERVICE, 1000, false).await;
    assert_eq!(fetched.len(), 10_000);
    assert_eq!(Some(fetched), data::trains(LARGE_SERVICE));
    // 10 full pages and one empty page.
    assert_eq!(server.request_count(), 11);
}

#[tokio::test]
async fn default_paging_returns_up_to_1000() {
    let server = server().await;
    let target = format!("/api/v1/services/{MEDIUM_SERVICE}/trains");
    let (status, body) = json(get(&server, &target).await).await;
    assert_eq!(status, 200);
    assert_eq!(body["trains"].as_array().map(Vec::len), Some(300));
    assert_eq!(
        (body["offset"].clone(), body["limit"].clone()),
        (json!(0), json!(1000))
    );
    let keys: HashSet<&str> = body["trains"][0]
        .as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect();
    for key in [
        "serviceId",
        "type",
        "hpConfig",
        "version",
        "status",
        "createdDate",
        "inference",
    ] {
        assert!(keys.contains(key), "{key}");
    }
}

#[tokio::test]
async fn is_recent_returns_the_latest_of_each_type() {
    let server = server().await;
    for service in [SMALL_SERVICE, MEDIUM_SERVICE, LARGE_SERVICE, EMPTY_SERVICE] {
        let target = format!("/api/v1/services/{service}/trains?isRecent=true");
        let (status, body) = json(get(&server, &target).await).await;
        assert_eq!(status, 200);
        assert_eq!(
            Some(body["trains"].clone()),
            data::recent_trains(service).map(Value::from)
        );
        let target = format!("/api/v1/services/{service}/trains?isRecent=false&limit=3");
        let (_, body) = json(get(&server, &target).await).await;
        let expected: Vec<Value> = data::trains(service)
            .expect("known")
            .into_iter()
            .take(3)
            .collect();
        assert_eq!(body["trains"], json!(expected));
    }
    // Paged too.
    let recent = fetch_all(&server, MEDIUM_SERVICE, 1, true).await;
    assert_eq!(Some(recent), data::recent_trains(MEDIUM_SERVICE));
}

#[tokio::test]
async fn invalid_query_values_get_a_backend_400() {
    let server = server().await;
    let path = format!("/api/v1/services/{SMALL_SERVICE}/trains");
    for query in [
        "limit=0",
        "limit=1001",
        "limit=abc",
        "offset=-1",
        "isRecent=maybe",
    ] {
        let (status, body) = json(get(&server, &format!("{path}?{query}")).await).await;
        assert_eq!(status, 400, "{query}");
        assert_backend_error(&body, 400, "BAD_REQUEST", &path);
    }
    let (_, body) = json(get(&server, &format!("{path}?limit=1001")).await).await;
    assert_eq!(body["message"], "limit must be between 1 and 1000.");
    let (status, body) = json(get(&server, "/api/v1/services?limit=0").await).await;
    assert_eq!(status, 400);
    assert_backend_error(&body, 400, "BAD_REQUEST", "/api/v1/services");
    assert_eq!(
        get(&server, &format!("{path}?limit=1000")).await.status(),
        200
    );
    assert_eq!(get(&server, &format!("{path}?limit=1")).await.status(), 200);
}

#[tokio::test]
async fn an_unknown_service_gets_a_backend_404() {
    let server = server().await;
    for path in [
        "/api/v1/services/nosuchservc/trains",
        "/api/v1/services/nosuchservc",
        "/api/v1/services/nosuchservc/trains/pop/versions/abcdefghijk",
    ] {
        let (status, body) = json(get(&server, path).await).await;
        assert_eq!(status, 404, "{path}");
        assert_backend_error(&body, 404, "NOT_FOUND", path);
        assert_eq!(body["message"], "Service [nosuchservc] is not found.");
    }
}

#[tokio::test]
async fn services_and_one_service() {
    let server = server().await;
    let (_, body) = json(get(&server, "/api/v1/services?offset=1&limit=2").await).await;
    assert_eq!(body["services"], json!(data::services()[1..3]));
    let (status, body) =
        json(get(&server, &format!("/api/v1/services/{MEDIUM_SERVICE}")).await).await;
    assert_eq!(status, 200);
    assert_eq!(Some(body.clone()), data::service_detail(MEDIUM_SERVICE));
    for key in [
        "name",
        "description",
        "status",
        "type",
        "hpConfig",
        "learningInterval",
    ] {
        assert!(body.get(key).is_some(), "{key}");
    }
}

#[tokio::test]
async fn one_train_by_version() {
    let server = server().await;
    let wanted = &data::trains(SMALL_SERVICE).expect("known")[3];
    let (train_type, version) = (
        wanted["type"].as_str().expect("type"),
        wanted["version"].as_str().expect("version"),
    );
    let path = format!("/api/v1/services/{SMALL_SERVICE}/trains/{train_type}/versions/{version}");
    let (status, body) = json(get(&server, &path).await).await;
    assert_eq!((status, &body), (200, wanted));

    let path = format!("/api/v1/services/{SMALL_SERVICE}/trains/{train_type}/versions/nosuchversn");
    let (status, body) = json(get(&server, &path).await).await;
    assert_eq!(status, 404);
    assert_backend_error(&body, 404, "NOT_FOUND", &path);

    let path = format!("/api/v1/services/{SMALL_SERVICE}/trains/bogus/versions/{version}");
    let (status, body) = json(get(&server, &path).await).await;
    assert_eq!(status, 400);
    assert_backend_error(&body, 400, "BAD_REQUEST", &path);
}

#[tokio::test]
async fn unknown_paths_get_the_gateway_404() {
    let server = server().await;
    for path in [
        "/api/v1/nothing",
        "/api/v2/services",
        "/",
        "/api/v1/services/x/y/z",
    ] {
        let (status, body) = json(get(&server, path).await).await;
        assert_eq!(status, 404, "{path}");
        assert_gateway_error(&body, &json!("300"), "Not Found Exception");
    }
}

#[tokio::test]
async fn every_response_has_a_trace_id_and_the_json_content_type() {
    let server = server().await;
    let mut ids = HashSet::new();
    let ok = get(&server, "/api/v1/services").await;
    assert!(ok.headers()["content-type"]
        .to_str()
        .is_ok_and(|t| t.starts_with("application/json")));
    let responses = [
        ok,
        get_unsigned(&server, "/api/v1/services").await,
        get(&server, "/api/v1/nothing").await,
        get(&server, "/api/v1/services/nosuchservc").await,
    ];
    for response in responses {
        let id = response.headers()["x-ncp-trace-id"]
            .to_str()
            .expect("ascii")
            .to_owned();
        assert!(
            id.len() >= 16 && id.bytes().all(|b| b.is_ascii_hexdigit()),
            "{id}"
        );
        assert!(ids.insert(id), "trace ids differ");
    }
}

#[tokio::test]
async fn requests_are_counted_and_logged() {
    let server = server().await;
    let targets = ["/api/v1/services?limit=2", "/api/v1/nothing"];
    for target in targets {
        let _ = get(&server, target).await;
    }
    let _ = get_unsigned(&server, "/api/v1/services").await;
    let _ = get_unsigned(&server, "/not-api").await;
    assert_eq!(server.request_count(), 3);
    assert_eq!(
        server.last_request_targets(),
        [
            "/api/v1/services?limit=2",
            "/api/v1/nothing",
            "/api/v1/services"
        ]
    );
}

#[tokio::test]
async fn shutdown_stops_the_server() {
    let server = server().await;
    let url = server.url();
    assert!(url.starts_with("http://127.0.0.1:") && !url.ends_with('/'));
    assert_eq!(url, format!("http://127.0.0.1:{}", server.port()));
    assert_eq!(get(&server, "/api/v1/services").await.status(), 200);
    server.shutdown().await;
    assert!(client()
        .get(format!("{url}/api/v1/services"))
        .send()
        .await
        .is_err());
}

#[tokio::test]
async fn other_methods_get_the_gateway_404() {
    let server = server().await;
    let response = client()
        .post(format!("{}/api/v1/services", server.url()))
        .send()
        .await
        .expect("answered");
    let (status, body) = json(response).await;
    assert_eq!(status, 404, "{body}");
    assert_gateway_error(&body, &json!("300"), "Not Found Exception");
}
