//! The AiTEMS routes and the router that wires them to the middleware.

use std::borrow::Borrow;
use std::sync::Arc;

use axum::extract::{Path, RawQuery, State};
use axum::http::{StatusCode, Uri};
use axum::middleware::from_fn_with_state;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use serde::Serialize;
use serde_json::Value;

use crate::control;
use crate::data;
use crate::errors::{json_response, BackendError, GatewayError, BACKEND_JSON};
use crate::middleware::{api_gate, common_headers, require_auth};
use crate::query::{self, ListQuery};
use crate::state::AppState;
use crate::timeline::Trains;

/// The whole service: routes behind authentication, the demo's own unsigned routes, a
/// gateway 404 for anything else, faults and request logging on `/api/*`, and the common
/// headers on every response.
pub(crate) fn router(state: Arc<AppState>) -> Router {
    Router::new()
        .route("/api/v1/services", get(list_services))
        .route("/api/v1/services/{service_id}", get(get_service))
        .route("/api/v1/services/{service_id}/trains", get(list_trains))
        .route(
            "/api/v1/services/{service_id}/trains/{train_type}/versions/{version}",
            get(get_train),
        )
        .route_layer(from_fn_with_state(state.clone(), require_auth))
        .merge(control::routes())
        .fallback(gateway_not_found)
        .method_not_allowed_fallback(gateway_not_found)
        .layer(from_fn_with_state(state.clone(), api_gate))
        .layer(from_fn_with_state(state.clone(), common_headers))
        .with_state(state)
}

/// The gateway's answer to a path (or method) it has no route for.
async fn gateway_not_found() -> GatewayError {
    GatewayError::not_found()
}

/// A list page, serialised without copying the trains.
#[derive(Serialize)]
struct Page<'a, T: Serialize> {
    #[serde(skip_serializing_if = "Option::is_none")]
    services: Option<&'a [T]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    trains: Option<&'a [T]>,
    offset: usize,
    limit: usize,
}

/// A 200 with the backend's JSON.
fn ok_json<T: Serialize>(body: &T) -> Response {
    match serde_json::to_string(body) {
        Ok(text) => json_response(StatusCode::OK, BACKEND_JSON, text),
        Err(error) => {
            tracing::error!(%error, "could not serialise a response");
            GatewayError::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                900,
                "Unexpected Error",
                "Unexpected error occurred.",
            )
            .into_response()
        }
    }
}

/// The list parameters, or the backend's 400.
fn parse_query(
    state: &AppState,
    uri: &Uri,
    raw: Option<&str>,
    accepts_is_recent: bool,
) -> Result<ListQuery, BackendError> {
    query::parse(raw, accepts_is_recent)
        .map_err(|message| BackendError::bad_request(uri.path(), state.clock.now(), message))
}

/// The backend's 404 for an unknown service.
fn service_not_found(state: &AppState, uri: &Uri, service_id: &str) -> BackendError {
    BackendError::not_found(
        uri.path(),
        state.clock.now(),
        format!("Service [{service_id}] is not found."),
    )
}

/// `GET /api/v1/services?offset&limit`
async fn list_services(
    State(state): State<Arc<AppState>>,
    uri: Uri,
    RawQuery(raw): RawQuery,
) -> Result<Response, BackendError> {
    let query = parse_query(&state, &uri, raw.as_deref(), false)?;
    let services = data::services();
    Ok(ok_json(&Page {
        services: Some(query::page(&services, query)),
        trains: None::<&[Value]>,
        offset: query.offset,
        limit: query.limit,
    }))
}

/// `GET /api/v1/services/{serviceId}`
async fn get_service(
    State(state): State<Arc<AppState>>,
    uri: Uri,
    Path(service_id): Path<String>,
) -> Result<Response, BackendError> {
    data::service_detail(&service_id)
        .map(|service| ok_json(&service))
        .ok_or_else(|| service_not_found(&state, &uri, &service_id))
}

/// `GET /api/v1/services/{serviceId}/trains?offset&limit&isRecent`
async fn list_trains(
    State(state): State<Arc<AppState>>,
    uri: Uri,
    Path(service_id): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Response, BackendError> {
    let query = parse_query(&state, &uri, raw.as_deref(), true)?;
    let trains = state
        .trains(&service_id)
        .ok_or_else(|| service_not_found(&state, &uri, &service_id))?;
    Ok(match &trains {
        Trains::Initial(all) => listing_page(all, query),
        Trains::Moved(all) => listing_page(all, query),
    })
}

/// One page of a listing, or of its latest train of each type when `isRecent`.
fn listing_page<T: Borrow<Value> + Serialize>(all: &[T], query: ListQuery) -> Response {
    if query.is_recent {
        trains_page(&data::latest_of_each_type(all), query)
    } else {
        trains_page(all, query)
    }
}

/// One page of trains (owned or borrowed values).
fn trains_page<T: Serialize>(trains: &[T], query: ListQuery) -> Response {
    ok_json(&Page {
        services: None,
        trains: Some(query::page(trains, query)),
        offset: query.offset,
        limit: query.limit,
    })
}

/// `GET /api/v1/services/{serviceId}/trains/{type}/versions/{version}`
async fn get_train(
    State(state): State<Arc<AppState>>,
    uri: Uri,
    Path((service_id, train_type, version)): Path<(String, String, String)>,
) -> Result<Response, BackendError> {
    let trains = state
        .trains(&service_id)
        .ok_or_else(|| service_not_found(&state, &uri, &service_id))?;
    if !data::TRAIN_TYPES.contains(&train_type.as_str()) {
        return Err(BackendError::bad_request(
            uri.path(),
            state.clock.now(),
            format!("Type [{train_type}] is not supported."),
        ));
    }
    let found = match &trains {
        Trains::Initial(all) => data::find_train(all, &train_type, &version).map(ok_json),
        Trains::Moved(all) => data::find_train(all, &train_type, &version).map(ok_json),
    };
    found.ok_or_else(|| {
        BackendError::not_found(
            uri.path(),
            state.clock.now(),
            format!("Version [{version}] is not found."),
        )
    })
}
