//! The demo's own routes, outside the gateway's `/api`: they read and advance the demo
//! step, need no signature, are not logged and never get injected faults.

use std::sync::Arc;

use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Serialize;

use crate::state::AppState;

/// The most steps one `POST /demo/advance` may take.
const MAX_STEPS: u32 = 100;
const STEPS_MESSAGE: &str = "steps must be an integer from 1 to 100.";

/// `GET /demo/step` and `POST /demo/advance?steps=N`.
pub(crate) fn routes() -> Router<Arc<AppState>> {
    Router::new()
        .route("/demo/step", get(step))
        .route("/demo/advance", post(advance))
}

/// `{"step": N}`
#[derive(Serialize)]
struct Step {
    step: u64,
}

/// `{"message": "..."}`
#[derive(Serialize)]
struct Message {
    message: &'static str,
}

/// `GET /demo/step`: the current step.
async fn step(State(state): State<Arc<AppState>>) -> Json<Step> {
    Json(Step { step: state.step() })
}

/// `POST /demo/advance?steps=N`: takes N steps (default 1), returns the new step.
async fn advance(State(state): State<Arc<AppState>>, RawQuery(raw): RawQuery) -> Response {
    match parse_steps(raw.as_deref()) {
        Ok(steps) => Json(Step {
            step: state.advance(steps),
        })
        .into_response(),
        Err(message) => (StatusCode::BAD_REQUEST, Json(Message { message })).into_response(),
    }
}

/// The `steps` parameter (the last one if repeated), 1 when absent.
fn parse_steps(raw: Option<&str>) -> Result<u32, &'static str> {
    let mut steps = 1;
    for (key, value) in url::form_urlencoded::parse(raw.unwrap_or_default().as_bytes()) {
        if key == "steps" {
            steps = value
                .parse()
                .ok()
                .filter(|n| (1..=MAX_STEPS).contains(n))
                .ok_or(STEPS_MESSAGE)?;
        }
    }
    Ok(steps)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_default_to_one_and_are_bounded() {
        assert_eq!(parse_steps(None), Ok(1));
        assert_eq!(parse_steps(Some("other=5")), Ok(1));
        assert_eq!(parse_steps(Some("steps=100")), Ok(100));
        assert_eq!(parse_steps(Some("steps=3&steps=7")), Ok(7));
        for bad in ["steps=0", "steps=101", "steps=", "steps=-1", "steps=two"] {
            assert_eq!(parse_steps(Some(bad)), Err(STEPS_MESSAGE), "{bad}");
        }
    }
}
