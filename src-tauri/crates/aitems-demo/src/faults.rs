//! Injected faults: what a flaky gateway, proxy or backend can do to a request.

use std::collections::VecDeque;
use std::sync::{Mutex, PoisonError};
use std::time::Duration;

use axum::body::Body;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

use crate::errors::GatewayError;

/// A fault the demo service can inject into the next requests to `/api/*`.
///
/// Faults apply before authentication, in the order they were injected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fault {
    /// 429 with the gateway body `errorCode` `"420"` "Rate Limited" and a `Retry-After`
    /// header of `retry_after_secs`.
    RateLimited {
        /// The `Retry-After` value, in seconds.
        retry_after_secs: u64,
    },
    /// 503 with the gateway body `errorCode` `"500"` "Endpoint Error".
    Unavailable,
    /// 504 with the gateway body `errorCode` `"510"` "Endpoint Timeout".
    GatewayTimeout,
    /// Waits `delay`, then handles the request normally.
    Slow {
        /// How long to wait before answering.
        delay: Duration,
    },
    /// Handles the request normally (status unchanged: 200 for a valid request) but
    /// sends only the first half of the body.
    TruncatedJson,
    /// 502 with a `text/html` error page, as a proxy in front of the gateway would send.
    HtmlErrorPage,
    /// 302 to `location`.
    Redirect {
        /// The `Location` header value.
        location: String,
    },
}

/// What the request pipeline should do with a request that drew a fault.
pub(crate) enum Action {
    /// Answer with this response at once.
    Respond(Response),
    /// Wait, then continue normally.
    Delay(Duration),
    /// Continue normally, then cut the body in half.
    Truncate,
}

impl Fault {
    /// How this fault acts on a request.
    pub(crate) fn action(&self) -> Action {
        match self {
            Self::RateLimited { retry_after_secs } => {
                let mut response = GatewayError::new(
                    StatusCode::TOO_MANY_REQUESTS,
                    420,
                    "Rate Limited",
                    "You have exceeded the request rate limit.",
                )
                .into_response();
                response
                    .headers_mut()
                    .insert(header::RETRY_AFTER, HeaderValue::from(*retry_after_secs));
                Action::Respond(response)
            }
            Self::Unavailable => Action::Respond(
                GatewayError::new(
                    StatusCode::SERVICE_UNAVAILABLE,
                    500,
                    "Endpoint Error",
                    "The endpoint is not available.",
                )
                .into_response(),
            ),
            Self::GatewayTimeout => Action::Respond(
                GatewayError::new(
                    StatusCode::GATEWAY_TIMEOUT,
                    510,
                    "Endpoint Timeout",
                    "The endpoint did not respond in time.",
                )
                .into_response(),
            ),
            Self::Slow { delay } => Action::Delay(*delay),
            Self::TruncatedJson => Action::Truncate,
            Self::HtmlErrorPage => Action::Respond(html_error_page()),
            Self::Redirect { location } => Action::Respond(redirect(location)),
        }
    }
}

/// The page an nginx proxy sends when its upstream fails.
const HTML_502: &str = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n\
<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

fn html_error_page() -> Response {
    (
        StatusCode::BAD_GATEWAY,
        [(header::CONTENT_TYPE, "text/html")],
        HTML_502,
    )
        .into_response()
}

fn redirect(location: &str) -> Response {
    let mut response = (StatusCode::FOUND, Body::empty()).into_response();
    match HeaderValue::from_str(location) {
        Ok(value) => {
            response.headers_mut().insert(header::LOCATION, value);
        }
        Err(_) => tracing::warn!("redirect fault: location is not a valid header value"),
    }
    response
}

/// A FIFO of faults, each to be applied a number of times, to every request or only to
/// those about one service.
#[derive(Debug, Default)]
pub(crate) struct FaultQueue {
    queue: Mutex<VecDeque<Queued>>,
}

#[derive(Debug)]
struct Queued {
    fault: Fault,
    times: u32,
    /// Only requests about this service draw the fault; `None`: every request.
    service_id: Option<String>,
}

impl Queued {
    fn applies_to(&self, path: &str) -> bool {
        self.service_id
            .as_deref()
            .is_none_or(|id| is_about_service(path, id))
    }
}

/// Whether `path` is `/api/v1/services/{service_id}` or below it.
fn is_about_service(path: &str, service_id: &str) -> bool {
    let mut segments = path.split('/').skip_while(|s| *s != "services").skip(1);
    segments.next() == Some(service_id)
}

impl FaultQueue {
    /// Queues `fault` for the next `times` requests (after those already queued) about
    /// `service_id`, or any request when it is `None`.
    pub(crate) fn push(&self, fault: Fault, times: u32, service_id: Option<&str>) {
        if times > 0 {
            self.lock().push_back(Queued {
                fault,
                times,
                service_id: service_id.map(str::to_owned),
            });
        }
    }

    /// Empties the queue.
    pub(crate) fn clear(&self) {
        self.lock().clear();
    }

    /// The fault for a request to `path`, if any, consuming one of its times: the first
    /// queued one that applies to it.
    pub(crate) fn next(&self, path: &str) -> Option<Fault> {
        let mut queue = self.lock();
        let at = queue.iter().position(|q| q.applies_to(path))?;
        let queued = &mut queue[at];
        let fault = queued.fault.clone();
        queued.times -= 1;
        if queued.times == 0 {
            queue.remove(at);
        }
        Some(fault)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, VecDeque<Queued>> {
        // The queue stays consistent even if a holder panicked: no need to propagate.
        self.queue.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn faults_come_out_in_order_and_count_down() {
        let queue = FaultQueue::default();
        queue.push(Fault::Unavailable, 2, None);
        queue.push(Fault::GatewayTimeout, 0, None);
        queue.push(Fault::TruncatedJson, 1, None);
        assert_eq!(queue.next(ANY), Some(Fault::Unavailable));
        assert_eq!(queue.next(ANY), Some(Fault::Unavailable));
        assert_eq!(queue.next(ANY), Some(Fault::TruncatedJson));
        assert_eq!(queue.next(ANY), None);
        queue.push(Fault::HtmlErrorPage, 5, None);
        queue.clear();
        assert_eq!(queue.next(ANY), None);
    }

    const ANY: &str = "/api/v1/services";

    #[test]
    fn a_fault_for_one_service_skips_requests_about_others() {
        let queue = FaultQueue::default();
        queue.push(Fault::Unavailable, 2, Some("shop01"));
        queue.push(Fault::GatewayTimeout, 1, None);
        assert_eq!(
            queue.next("/api/v1/services/shop02/trains"),
            Some(Fault::GatewayTimeout),
            "the first fault that applies"
        );
        assert_eq!(queue.next("/api/v1/services/shop02/trains"), None);
        assert_eq!(
            queue.next(ANY),
            None,
            "the service list is not about shop01"
        );
        assert_eq!(
            queue.next("/api/v1/services/shop01/trains"),
            Some(Fault::Unavailable)
        );
        assert_eq!(
            queue.next("/api/v1/services/shop01"),
            Some(Fault::Unavailable)
        );
        assert_eq!(queue.next("/api/v1/services/shop01/trains"), None);
        assert_eq!(queue.next("/api/v1/services/shop011/trains"), None);
    }
}
