//! The AiTEMS HTTP client: signed GETs with timeouts, retries and size limits.

mod endpoint;
mod listing;
mod pages;
mod response;
mod retry;

pub use endpoint::{check_service_id, Endpoint, DEFAULT_ENDPOINT};
pub use listing::{Progress, TrainListing, TrainsQuery, MAX_TRAINS, PAGE_LIMIT};
pub use pages::{FIRST_PAGES_IN_FLIGHT, MAX_PAGES_IN_FLIGHT};
pub use response::MAX_BODY_BYTES;
pub use retry::RetryPolicy;

use reqwest::header::{HeaderValue, ACCEPT, CONTENT_TYPE};
use reqwest::{redirect, StatusCode};
use serde::de::DeserializeOwned;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use crate::error::{Error, ErrorDetail, Result};
use crate::secret::Credentials;
use crate::sign::signature_v2;

/// How long to wait for a connection.
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// How long one whole request may take.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// Timeouts and retries of a [`Client`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClientOptions {
    /// How long to wait for a connection.
    pub connect_timeout: Duration,
    /// How long one whole request may take.
    pub request_timeout: Duration,
    /// When to retry.
    pub retry: RetryPolicy,
}

impl Default for ClientOptions {
    fn default() -> Self {
        Self {
            connect_timeout: CONNECT_TIMEOUT,
            request_timeout: REQUEST_TIMEOUT,
            retry: RetryPolicy::default(),
        }
    }
}

/// A client for one endpoint and one key pair. Cheap to clone; reuse it.
#[derive(Clone)]
pub struct Client {
    http: reqwest::Client,
    endpoint: Endpoint,
    credentials: Credentials,
    retry: RetryPolicy,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client")
            .field("endpoint", &self.endpoint.as_str())
            .field("access_key", &self.credentials.masked_access_key())
            .finish_non_exhaustive()
    }
}

impl Client {
    /// Builds a client with the default timeouts and retries.
    ///
    /// # Errors
    /// As [`Client::with_options`].
    pub fn new(endpoint: Endpoint, credentials: Credentials) -> Result<Self> {
        Self::with_options(endpoint, credentials, ClientOptions::default())
    }

    /// Builds a client. Redirects are never followed: a signed request must not travel on.
    ///
    /// # Errors
    /// `InvalidInput` when a key is blank; `Network` if the TLS stack cannot start.
    pub fn with_options(
        endpoint: Endpoint,
        credentials: Credentials,
        options: ClientOptions,
    ) -> Result<Self> {
        if credentials.access_key.is_empty() || credentials.secret_key.is_blank() {
            return Err(Error::invalid_input(
                "Enter both the access key and the secret key.",
            ));
        }
        if credentials.access_key.chars().any(char::is_control) {
            return Err(Error::invalid_input(
                "The access key contains characters that are not allowed.",
            ));
        }
        let http = reqwest::Client::builder()
            .user_agent(concat!("aitems-desk/", env!("CARGO_PKG_VERSION")))
            .connect_timeout(options.connect_timeout)
            .timeout(options.request_timeout)
            .redirect(redirect::Policy::none())
            .build()
            .map_err(|e| Error::Network {
                reason: root_cause(&e),
            })?;
        Ok(Self {
            http,
            endpoint,
            credentials,
            retry: options.retry,
        })
    }

    /// The endpoint this client talks to.
    #[must_use]
    pub fn endpoint(&self) -> &Endpoint {
        &self.endpoint
    }

    /// A signed GET of `api_path` with `query`, retried when transient, parsed as `T`.
    /// `what` names the resource for a "not found" message.
    ///
    /// A server that asks to wait longer than the policy's longest wait is not retried:
    /// its answer comes back at once, with the wait it asked for.
    async fn get_json<T: DeserializeOwned + Send + 'static>(
        &self,
        api_path: &str,
        query: &[(&str, String)],
        what: &str,
    ) -> Result<T> {
        let url = self.endpoint.url(api_path, query);
        let mut retry = 0;
        loop {
            let outcome = self.get_once(&url, what).await;
            let wait = match &outcome {
                Err(Failure::Retryable { retry_after, .. })
                    if retry < self.retry.max_retries && self.retry.allows(*retry_after) =>
                {
                    self.retry.delay(retry, *retry_after)
                }
                _ => {
                    if let Err(Failure::Retryable {
                        retry_after: Some(wait),
                        ..
                    }) = &outcome
                    {
                        if !self.retry.allows(Some(*wait)) {
                            tracing::debug!(
                                target = endpoint::request_target(&url),
                                ?wait,
                                "not retrying: the server asks to wait longer than allowed"
                            );
                        }
                    }
                    return match outcome {
                        Ok(body) => parse_body(body).await,
                        Err(failure) => Err(failure.into_error()),
                    };
                }
            };
            tracing::debug!(
                target = endpoint::request_target(&url),
                retry,
                ?wait,
                "retrying"
            );
            tokio::time::sleep(wait).await;
            retry += 1;
        }
    }

    /// One signed attempt; returns the successful body.
    async fn get_once(&self, url: &url::Url, what: &str) -> Result<Body, Failure> {
        let timestamp = unix_millis(SystemTime::now()).to_string();
        let target = endpoint::request_target(url);
        let signature = signature_v2(
            "GET",
            target,
            &timestamp,
            &self.credentials.access_key,
            &self.credentials.secret_key,
        );
        let sent = self
            .http
            .get(url.clone())
            .header("x-ncp-apigw-timestamp", &timestamp)
            .header("x-ncp-iam-access-key", &self.credentials.access_key)
            .header("x-ncp-apigw-signature-v2", signature)
            .header(CONTENT_TYPE, HeaderValue::from_static("application/json"))
            .header(ACCEPT, HeaderValue::from_static("application/json"))
            .send()
            .await;
        let response = match sent {
            Ok(response) => response,
            Err(e) if e.is_connect() => {
                return Err(Failure::Retryable {
                    error: transport_error(&e),
                    retry_after: None,
                })
            }
            Err(e) => return Err(Failure::Final(transport_error(&e))),
        };
        let status = response.status();
        let headers = response.headers().clone();
        let detail = response::detail_of(status, &headers);
        let body = response::read_body(response, &detail)
            .await
            .map_err(Failure::Final)?;
        if status.is_success() {
            return Ok(Body {
                bytes: body,
                detail,
            });
        }
        let error = response::error_for(status, &headers, &body, what, SystemTime::now());
        if is_retryable(status) {
            let retry_after = match &error {
                Error::RateLimited { retry_after, .. } => *retry_after,
                _ => retry::retry_after(&headers),
            };
            Err(Failure::Retryable { error, retry_after })
        } else {
            Err(Failure::Final(error))
        }
    }
}

/// A successful body with its response details (for parse errors).
struct Body {
    bytes: Vec<u8>,
    detail: ErrorDetail,
}

/// How one attempt failed.
enum Failure {
    Retryable {
        error: Error,
        retry_after: Option<Duration>,
    },
    Final(Error),
}

impl Failure {
    fn into_error(self) -> Error {
        match self {
            Self::Retryable { error, .. } | Self::Final(error) => error,
        }
    }
}

/// Bodies at least this large are parsed on a blocking thread: a full page of trainings
/// (about 270 kB) takes a millisecond or two to parse, during which the listing's other
/// requests keep going, and several pages parse on several cores.
const PARSE_ELSEWHERE_BYTES: usize = 64 * 1024;

/// Parses a successful body as `T`, a large one on tokio's blocking threads.
async fn parse_body<T: DeserializeOwned + Send + 'static>(body: Body) -> Result<T> {
    if body.bytes.len() < PARSE_ELSEWHERE_BYTES {
        return parse_body_now(&body);
    }
    match tokio::task::spawn_blocking(move || parse_body_now(&body)).await {
        Ok(parsed) => parsed,
        // A panic while parsing is a bug: let it surface as one.
        Err(join) if join.is_panic() => std::panic::resume_unwind(join.into_panic()),
        // Only a runtime shutting down cancels the task; nobody is waiting any more.
        Err(_) => Err(Error::Network {
            reason: "the request was stopped".to_owned(),
        }),
    }
}

fn parse_body_now<T: DeserializeOwned>(body: &Body) -> Result<T> {
    serde_json::from_slice(&body.bytes).map_err(|e| {
        let mut detail = body.detail.clone();
        detail.server_message = crate::error::ServerError::parse(&body.bytes).summary();
        Error::InvalidResponse {
            reason: format!("it is not an AiTEMS listing ({e})"),
            detail,
        }
    })
}

fn is_retryable(status: StatusCode) -> bool {
    matches!(status.as_u16(), 429 | 502 | 503 | 504)
}

fn unix_millis(now: SystemTime) -> u128 {
    now.duration_since(UNIX_EPOCH)
        .map_or(0, |since| since.as_millis())
}

/// Maps a reqwest failure (no response) to a network or timeout error.
pub(crate) fn transport_error(error: &reqwest::Error) -> Error {
    if error.is_timeout() {
        Error::Timeout {
            detail: ErrorDetail::default(),
        }
    } else {
        Error::Network {
            reason: root_cause(error),
        }
    }
}

/// The innermost cause of an error, which says what really failed.
fn root_cause(error: &(dyn std::error::Error + 'static)) -> String {
    let mut cause = error;
    while let Some(source) = cause.source() {
        cause = source;
    }
    cause.to_string()
}
