//! A tiny signing client for the tests.

use std::time::{SystemTime, UNIX_EPOCH};

use aitems_demo::{DemoConfig, DemoServer, DEMO_ACCESS_KEY, DEMO_SECRET_KEY};
use serde_json::Value;

/// The real clock in milliseconds since the Unix epoch.
pub fn now_millis() -> i64 {
    let since = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .expect("the clock is after 1970");
    i64::try_from(since.as_millis()).expect("fits")
}

/// A demo server on a free port.
pub async fn server() -> DemoServer {
    server_with(DemoConfig::default()).await
}

pub async fn server_with(config: DemoConfig) -> DemoServer {
    aitems_demo::start(config)
        .await
        .expect("demo server starts")
}

/// A client that neither follows redirects nor uses a proxy.
pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .no_proxy()
        .build()
        .expect("client builds")
}

/// How to sign one request.
#[derive(Clone, Debug)]
pub struct Signing<'a> {
    pub access_key: &'a str,
    pub secret_key: &'a str,
    pub timestamp: i64,
    /// The target to sign; `None` signs the target that is sent.
    pub signed_target: Option<&'a str>,
}

impl Default for Signing<'_> {
    fn default() -> Self {
        Self {
            access_key: DEMO_ACCESS_KEY,
            secret_key: DEMO_SECRET_KEY,
            timestamp: now_millis(),
            signed_target: None,
        }
    }
}

/// `GET target`, signed as `signing` says.
pub async fn get_signed(
    server: &DemoServer,
    target: &str,
    signing: Signing<'_>,
) -> reqwest::Response {
    let timestamp = signing.timestamp.to_string();
    let secret = aitems::SecretString::from(signing.secret_key);
    let signature = aitems::sign::signature_v2(
        "GET",
        signing.signed_target.unwrap_or(target),
        &timestamp,
        signing.access_key,
        &secret,
    );
    client()
        .get(format!("{}{target}", server.url()))
        .header("x-ncp-apigw-timestamp", timestamp)
        .header("x-ncp-iam-access-key", signing.access_key)
        .header("x-ncp-apigw-signature-v2", signature)
        .header("Content-Type", "application/json")
        .send()
        .await
        .expect("request is answered")
}

/// `GET target`, correctly signed with the demo key.
pub async fn get(server: &DemoServer, target: &str) -> reqwest::Response {
    get_signed(server, target, Signing::default()).await
}

/// `GET target` without any authentication header.
pub async fn get_unsigned(server: &DemoServer, target: &str) -> reqwest::Response {
    client()
        .get(format!("{}{target}", server.url()))
        .send()
        .await
        .expect("request is answered")
}

/// Every train of a service, fetched page by page until a short page.
pub async fn fetch_all(
    server: &DemoServer,
    service: &str,
    limit: usize,
    recent: bool,
) -> Vec<Value> {
    let mut all = Vec::new();
    let mut offset = 0;
    loop {
        let recent = if recent { "&isRecent=true" } else { "" };
        let target =
            format!("/api/v1/services/{service}/trains?offset={offset}&limit={limit}{recent}");
        let (status, body) = json(get(server, &target).await).await;
        assert_eq!(status, 200, "{body}");
        assert_eq!(body["offset"], offset);
        assert_eq!(body["limit"], limit);
        let page = body["trains"].as_array().expect("trains array").clone();
        let short = page.len() < limit;
        all.extend(page);
        if short {
            return all;
        }
        offset += limit;
    }
}

/// `POST target` without any authentication header.
pub async fn post_unsigned(server: &DemoServer, target: &str) -> reqwest::Response {
    client()
        .post(format!("{}{target}", server.url()))
        .send()
        .await
        .expect("request is answered")
}

/// The status and JSON body of a response.
pub async fn json(response: reqwest::Response) -> (u16, Value) {
    let status = response.status().as_u16();
    let text = response.text().await.expect("body is read");
    let body = serde_json::from_str(&text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"));
    (status, body)
}

/// Asserts a gateway error body: `{"error":{"errorCode","message","details"}}`.
pub fn assert_gateway_error(body: &Value, code: &Value, message: &str) {
    let error = &body["error"];
    assert_eq!(&error["errorCode"], code, "{body}");
    assert_eq!(error["message"], message, "{body}");
    assert!(error["details"].is_string(), "{body}");
}

/// Asserts an AiTEMS backend error body.
pub fn assert_backend_error(body: &Value, status: u16, kind: &str, path: &str) {
    assert_eq!(body["status"], status, "{body}");
    assert_eq!(body["error"], kind, "{body}");
    assert_eq!(body["errorCode"], kind, "{body}");
    assert_eq!(body["path"], path, "{body}");
    assert!(body["message"].is_string(), "{body}");
    assert!(
        body["timestamp"]
            .as_str()
            .is_some_and(|t| t.starts_with("20")),
        "{body}"
    );
    assert!(
        body["requestId"].as_str().is_some_and(|id| !id.is_empty()),
        "{body}"
    );
}
