//! The request pipeline around the routes: response headers, faults, authentication.

use std::sync::Arc;

use axum::body::{to_bytes, Body};
use axum::extract::{Request, State};
use axum::http::{header, HeaderName, HeaderValue};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::auth;
use crate::faults::Action;
use crate::state::AppState;

/// The gateway's trace id header.
pub(crate) const TRACE_ID_HEADER: HeaderName = HeaderName::from_static("x-ncp-trace-id");

/// The path and query exactly as received (no re-encoding).
fn request_target(request: &Request) -> &str {
    request
        .uri()
        .path_and_query()
        .map_or_else(|| request.uri().path(), |pq| pq.as_str())
}

/// Whether a path is under the gateway's `/api` prefix.
fn is_api(path: &str) -> bool {
    path == "/api" || path.starts_with("/api/")
}

/// Adds `x-ncp-trace-id` and a `Date` from the server's (possibly offset) clock to every
/// response. hyper adds `Date` only when the response has none, so this one wins.
pub(crate) async fn common_headers(
    State(state): State<Arc<AppState>>,
    request: Request,
    next: Next,
) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    let trace_id = format!("{:032x}", rand::random::<u128>());
    if let Ok(value) = HeaderValue::from_str(&trace_id) {
        headers.insert(TRACE_ID_HEADER, value);
    }
    if let Ok(value) = HeaderValue::from_str(&state.clock.http_date()) {
        headers.insert(header::DATE, value);
    }
    response
}

/// Logs `/api/*` requests, waits the configured latency, and applies the next queued
/// fault, before authentication.
pub(crate) async fn api_gate(
    State(state): State<Arc<AppState>>,
    request: Request,
    next: Next,
) -> Response {
    if !is_api(request.uri().path()) {
        return next.run(request).await;
    }
    state.log.record(request_target(&request));
    let _answering = state.log.answering();
    if !state.delay.is_zero() {
        tokio::time::sleep(state.delay).await;
    }
    let Some(fault) = state.faults.next(request.uri().path()) else {
        return next.run(request).await;
    };
    tracing::debug!(?fault, "injecting fault");
    match fault.action() {
        Action::Respond(response) => response,
        Action::Delay(delay) => {
            tokio::time::sleep(delay).await;
            next.run(request).await
        }
        Action::Truncate => truncate(next.run(request).await).await,
    }
}

/// The same response with only the first half of its body.
async fn truncate(response: Response) -> Response {
    let (mut parts, body) = response.into_parts();
    let bytes = match to_bytes(body, usize::MAX).await {
        Ok(bytes) => bytes,
        Err(error) => {
            tracing::warn!(%error, "truncate fault: could not read the body");
            return parts.status.into_response();
        }
    };
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, Body::from(bytes.slice(..bytes.len() / 2)))
}

/// Refuses requests that the gateway would not let through.
pub(crate) async fn require_auth(
    State(state): State<Arc<AppState>>,
    request: Request,
    next: Next,
) -> Response {
    let verdict = auth::authenticate(
        request.method(),
        request_target(&request),
        request.headers(),
        state.clock.now_millis(),
    );
    match verdict {
        Ok(()) => next.run(request).await,
        Err(error) => error.into_response(),
    }
}
