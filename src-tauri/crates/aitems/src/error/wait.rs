//! A wait in words, for people: "about 24 hours" rather than "86400 seconds".

use std::time::Duration;

const MINUTE: u64 = 60;
const HOUR: u64 = 60 * MINUTE;
const DAY: u64 = 24 * HOUR;

/// `wait` rounded to the nearest second, minute, hour or day, whichever reads best:
/// "about 40 seconds", "about 5 minutes", "about 24 hours", "about 3 days".
#[must_use]
pub fn wait_in_words(wait: Duration) -> String {
    let seconds = wait.as_secs().max(1);
    let (count, unit) = if seconds < 90 {
        (seconds, "second")
    } else if seconds < 90 * MINUTE {
        (rounded(seconds, MINUTE), "minute")
    } else if seconds < 36 * HOUR {
        (rounded(seconds, HOUR), "hour")
    } else {
        (rounded(seconds, DAY), "day")
    };
    let plural = if count == 1 { "" } else { "s" };
    format!("about {count} {unit}{plural}")
}

/// `seconds` in whole `unit`s, halves rounded up.
fn rounded(seconds: u64, unit: u64) -> u64 {
    seconds.saturating_add(unit / 2) / unit
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_read_in_the_largest_unit_that_fits() {
        let words = |seconds| wait_in_words(Duration::from_secs(seconds));
        assert_eq!(words(0), "about 1 second");
        assert_eq!(words(1), "about 1 second");
        assert_eq!(words(40), "about 40 seconds");
        assert_eq!(words(89), "about 89 seconds");
        assert_eq!(words(90), "about 2 minutes");
        assert_eq!(words(300), "about 5 minutes");
        assert_eq!(words(89 * 60), "about 89 minutes");
        assert_eq!(words(90 * 60), "about 2 hours");
        assert_eq!(words(86_400), "about 24 hours");
        assert_eq!(words(36 * 3600), "about 2 days");
        assert_eq!(words(7 * 86_400), "about 7 days");
        assert_eq!(words(u64::MAX), format!("about {} days", u64::MAX / 86_400));
    }
}
