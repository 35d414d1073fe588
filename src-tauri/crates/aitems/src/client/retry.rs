//! When to try a request again, and how long to wait first.

use rand::Rng;
use reqwest::header::{HeaderMap, RETRY_AFTER};
use std::time::{Duration, SystemTime};

/// Retries of transient failures (429, 502, 503, 504, connection errors).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RetryPolicy {
    /// How many times to retry after the first attempt.
    pub max_retries: u32,
    /// The first backoff; each later one doubles.
    pub base_delay: Duration,
    /// The longest wait, also the cap on a server's `Retry-After`.
    pub max_delay: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            max_retries: 3,
            base_delay: Duration::from_millis(500),
            max_delay: Duration::from_secs(30),
        }
    }
}

impl RetryPolicy {
    /// No retries at all.
    #[must_use]
    pub fn none() -> Self {
        Self {
            max_retries: 0,
            ..Self::default()
        }
    }

    /// Whether a retry may wait for what the server asked: not when it asked for longer
    /// than [`RetryPolicy::max_delay`] (then the caller should rather hear at once how
    /// long the server wants, than wait the longest allowed and be refused again).
    #[must_use]
    pub fn allows(&self, retry_after: Option<Duration>) -> bool {
        !matches!(retry_after, Some(wait) if wait > self.max_delay)
    }

    /// The wait before retry number `retry` (0-based): the server's `Retry-After` when
    /// given, else exponential backoff with up to 50% jitter; never above `max_delay`.
    #[must_use]
    pub fn delay(&self, retry: u32, retry_after: Option<Duration>) -> Duration {
        let wait = retry_after.unwrap_or_else(|| {
            let backoff = self.base_delay.saturating_mul(2u32.saturating_pow(retry));
            let jitter = rand::thread_rng().gen_range(0.0..=0.5);
            backoff.mul_f64(1.0 + jitter)
        });
        wait.min(self.max_delay)
    }
}

/// Reads `Retry-After` as seconds or as an HTTP date.
#[must_use]
pub fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let value = headers.get(RETRY_AFTER)?.to_str().ok()?.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let when = httpdate::parse_http_date(value).ok()?;
    Some(
        when.duration_since(SystemTime::now())
            .unwrap_or(Duration::ZERO),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

    #[test]
    fn backoff_doubles_with_bounded_jitter_and_a_cap() {
        let policy = RetryPolicy::default();
        for retry in 0..3 {
            let base = Duration::from_millis(500 * 2u64.pow(retry));
            let wait = policy.delay(retry, None);
            assert!(
                wait >= base && wait <= base.mul_f64(1.5),
                "{retry}: {wait:?}"
            );
        }
        assert_eq!(policy.delay(20, None), Duration::from_secs(30));
        assert_eq!(
            policy.delay(0, Some(Duration::from_secs(7))),
            Duration::from_secs(7)
        );
        assert_eq!(
            policy.delay(0, Some(Duration::from_secs(3600))),
            Duration::from_secs(30)
        );
    }

    #[test]
    fn a_server_wait_beyond_the_longest_wait_is_not_retried() {
        let policy = RetryPolicy::default();
        assert!(policy.allows(None));
        assert!(policy.allows(Some(Duration::from_secs(30))));
        assert!(!policy.allows(Some(Duration::from_secs(31))));
        assert!(!policy.allows(Some(Duration::from_secs(86_400))));
    }

    #[test]
    fn retry_after_as_seconds_or_date() {
        let mut headers = HeaderMap::new();
        assert_eq!(retry_after(&headers), None);
        headers.insert(RETRY_AFTER, HeaderValue::from_static("12"));
        assert_eq!(retry_after(&headers), Some(Duration::from_secs(12)));
        let later = httpdate::fmt_http_date(SystemTime::now() + Duration::from_secs(120));
        headers.insert(RETRY_AFTER, HeaderValue::from_str(&later).unwrap());
        let wait = retry_after(&headers).unwrap();
        assert!(
            wait > Duration::from_secs(100) && wait <= Duration::from_secs(120),
            "{wait:?}"
        );
        headers.insert(RETRY_AFTER, HeaderValue::from_static("soon"));
        assert_eq!(retry_after(&headers), None);
    }
}
