//! AiTEMS date-times: `yyyy-MM-ddTHH:mm:ss.SSS`, no zone, 0 to 3 fraction digits.

use chrono::{DateTime, FixedOffset, NaiveDateTime, TimeZone, Utc};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The zone AiTEMS dates are written in (Korea time). Not documented; live data fits it.
pub const KOREA_UTC_OFFSET_HOURS: i32 = 9;

/// A date-time as the API wrote it, with its parsed value when it could be read.
///
/// Serialises back to the original string, so nothing changes on the way through.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApiDateTime {
    raw: String,
    parsed: Option<NaiveDateTime>,
}

impl ApiDateTime {
    /// Reads an API date; an unreadable one is kept raw with no parsed value.
    #[must_use]
    pub fn parse(raw: impl Into<String>) -> Self {
        let raw = raw.into();
        let parsed = parse_naive(&raw);
        Self { raw, parsed }
    }

    /// The string exactly as received.
    #[must_use]
    pub fn raw(&self) -> &str {
        &self.raw
    }

    /// The date-time without a zone, when readable.
    #[must_use]
    pub fn naive(&self) -> Option<NaiveDateTime> {
        self.parsed
    }

    /// The instant, reading the date as Korea time.
    #[must_use]
    pub fn to_utc(&self) -> Option<DateTime<Utc>> {
        let korea = FixedOffset::east_opt(KOREA_UTC_OFFSET_HOURS * 3600)?;
        let local = korea.from_local_datetime(&self.parsed?).single()?;
        Some(local.with_timezone(&Utc))
    }
}

/// Parses `yyyy-MM-ddTHH:mm:ss` with an optional `.` and 1 to 3 fraction digits.
fn parse_naive(raw: &str) -> Option<NaiveDateTime> {
    let (whole, fraction) = match raw.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (raw, None),
    };
    if whole.len() != 19 {
        return None;
    }
    let seconds = NaiveDateTime::parse_from_str(whole, "%Y-%m-%dT%H:%M:%S").ok()?;
    let Some(fraction) = fraction else {
        return Some(seconds);
    };
    if fraction.is_empty() || fraction.len() > 3 || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let millis: i64 = format!("{fraction:0<3}").parse().ok()?;
    Some(seconds + chrono::Duration::milliseconds(millis))
}

impl Serialize for ApiDateTime {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.raw)
    }
}

impl<'de> Deserialize<'de> for ApiDateTime {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(Self::parse)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Timelike;

    #[test]
    fn reads_zero_to_three_fraction_digits() {
        let cases = [
            ("2022-04-04T16:39:01.378", 378),
            ("2022-04-04T16:39:01.37", 370),
            ("2022-04-04T16:39:01.3", 300),
            ("2022-04-04T16:39:01", 0),
        ];
        for (raw, millis) in cases {
            let date = ApiDateTime::parse(raw);
            let naive = date.naive().unwrap_or_else(|| panic!("{raw} should parse"));
            assert_eq!(naive.nanosecond() / 1_000_000, millis, "{raw}");
            assert_eq!(naive.second(), 1);
            assert_eq!(date.raw(), raw);
        }
    }

    #[test]
    fn odd_dates_are_kept_raw() {
        for raw in [
            "",
            "yesterday",
            "2022-04-04",
            "2022-04-04T16:39:01.1234",
            "2022-04-04T16:39:01.",
            "2022-13-04T16:39:01",
            "2022-04-04T16:39:01.x",
        ] {
            let date = ApiDateTime::parse(raw);
            assert_eq!(date.naive(), None, "{raw}");
            assert_eq!(
                serde_json::to_string(&date).unwrap(),
                serde_json::to_string(raw).unwrap()
            );
        }
    }

    #[test]
    fn korea_time_converts_to_utc() {
        let utc = ApiDateTime::parse("2022-04-04T16:39:01.378")
            .to_utc()
            .unwrap();
        assert_eq!(utc.to_rfc3339(), "2022-04-04T07:39:01.378+00:00");
    }
}
