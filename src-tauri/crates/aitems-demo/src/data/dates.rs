//! Naive Korea-time timestamps as AiTEMS writes them: `yyyy-MM-ddTHH:mm:ss.SSS`.
//!
//! Pure arithmetic over "milliseconds since 1970-01-01T00:00 wall-clock time", so the
//! data never depends on the machine's time zone or clock.

/// Milliseconds in a day.
pub(super) const DAY_MS: i64 = 86_400_000;
/// Milliseconds in an hour.
pub(super) const HOUR_MS: i64 = 3_600_000;

/// How many fraction digits a timestamp shows (live data has 3, fewer, or none).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Fraction {
    None,
    One,
    Two,
    Three,
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
pub(super) const fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day count since 1970-01-01: `(year, month, day)`.
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// Wall-clock milliseconds of a date and time.
pub(super) const fn wall_ms(year: i64, month: i64, day: i64, hour: i64, minute: i64) -> i64 {
    days_from_civil(year, month, day) * DAY_MS + (hour * 60 + minute) * 60_000
}

/// Formats wall-clock milliseconds as `yyyy-MM-ddTHH:mm:ss[.f|.ff|.fff]`.
///
/// Shorter fractions truncate (they are what a shorter fraction on the wire means).
pub(super) fn format(ms: i64, fraction: Fraction) -> String {
    let days = ms.div_euclid(DAY_MS);
    let in_day = ms.rem_euclid(DAY_MS);
    let (year, month, day) = civil_from_days(days);
    let millis = in_day % 1000;
    let secs = in_day / 1000;
    let base = format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}",
        secs / 3600,
        secs / 60 % 60,
        secs % 60
    );
    match fraction {
        Fraction::None => base,
        Fraction::One => format!("{base}.{}", millis / 100),
        Fraction::Two => format!("{base}.{:02}", millis / 10),
        Fraction::Three => format!("{base}.{millis:03}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_chrono_formatting() {
        let start = chrono::NaiveDate::from_ymd_opt(1970, 1, 1)
            .and_then(|d| d.and_hms_opt(0, 0, 0))
            .expect("valid constant date");
        for ms in [
            0_i64,
            951_782_400_123, // 2000-02-29
            1_735_776_000_000,
            1_796_000_000_987,
            4_107_542_399_999,
        ] {
            let expected = (start + chrono::Duration::milliseconds(ms))
                .format("%Y-%m-%dT%H:%M:%S%.3f")
                .to_string();
            assert_eq!(format(ms, Fraction::Three), expected);
        }
    }

    #[test]
    fn fractions_are_truncated() {
        let ms = wall_ms(2025, 3, 4, 5, 6) + 7_089;
        assert_eq!(format(ms, Fraction::Three), "2025-03-04T05:06:07.089");
        assert_eq!(format(ms, Fraction::Two), "2025-03-04T05:06:07.08");
        assert_eq!(format(ms, Fraction::One), "2025-03-04T05:06:07.0");
        assert_eq!(format(ms, Fraction::None), "2025-03-04T05:06:07");
        assert_eq!(days_from_civil(1970, 1, 1), 0);
    }
}
