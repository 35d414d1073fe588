//! The server's clock: the real clock shifted by a configurable offset.

use std::time::{Duration as StdDuration, UNIX_EPOCH};

use chrono::{DateTime, Duration, Utc};

/// A clock `offset` away from the real one, so clients' clock-skew handling can be tested.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Clock {
    offset: Duration,
}

impl Clock {
    /// A clock `offset` ahead of (or, if negative, behind) the real clock.
    pub(crate) const fn new(offset: Duration) -> Self {
        Self { offset }
    }

    /// The server's current time. An offset so large it overflows falls back to real time.
    pub(crate) fn now(self) -> DateTime<Utc> {
        let real = Utc::now();
        real.checked_add_signed(self.offset).unwrap_or(real)
    }

    /// The server's current time in milliseconds since the Unix epoch.
    pub(crate) fn now_millis(self) -> i64 {
        self.now().timestamp_millis()
    }

    /// The server's current time as an HTTP `Date` header value (RFC 9110 IMF-fixdate).
    pub(crate) fn http_date(self) -> String {
        // httpdate only handles 1970..=9999; clamp so an absurd offset cannot panic.
        let secs = self.now().timestamp().clamp(0, 253_402_300_799);
        let time = UNIX_EPOCH + StdDuration::from_secs(secs.unsigned_abs());
        httpdate::fmt_http_date(time)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::SystemTime;

    #[test]
    fn offset_moves_the_clock() {
        let ahead = Clock::new(Duration::hours(2));
        let diff = ahead.now_millis() - Utc::now().timestamp_millis();
        assert!((7_199_000..=7_201_000).contains(&diff), "{diff}");
        let parsed = httpdate::parse_http_date(&ahead.http_date()).expect("valid date");
        let gap = parsed
            .duration_since(SystemTime::now())
            .expect("ahead")
            .as_secs();
        assert!((7_198..=7_201).contains(&gap), "{gap}");
    }

    #[test]
    fn absurd_offsets_do_not_panic() {
        let _ = Clock::new(Duration::days(-365 * 100)).http_date();
        let _ = Clock::new(Duration::days(365 * 9000)).http_date();
        let _ = Clock::new(Duration::MAX).now();
    }
}
