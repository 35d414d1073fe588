//! AiTEMS date-times: `yyyy-MM-ddTHH:mm:ss.SSS`, no zone, 0 to 3 fraction digits.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
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
///
/// Reads the digits by position rather than through a format string: every training
/// carries one or two dates, so this runs tens of thousands of times per listing.
fn parse_naive(raw: &str) -> Option<NaiveDateTime> {
    let bytes = raw.as_bytes();
    if bytes.len() < 19
        || bytes[4] != b'-'
        || bytes[7] != b'-'
        || bytes[10] != b'T'
        || bytes[13] != b':'
        || bytes[16] != b':'
    {
        return None;
    }
    let number = |from: usize, to: usize| -> Option<u32> {
        bytes[from..to].iter().try_fold(0u32, |acc, &b| {
            b.is_ascii_digit().then(|| acc * 10 + u32::from(b - b'0'))
        })
    };
    let millis = match &bytes[19..] {
        [] => 0,
        [b'.', digits @ ..] if (1..=3).contains(&digits.len()) => {
            number(20, bytes.len())? * [100, 10, 1][digits.len() - 1]
        }
        _ => return None,
    };
    let year = i32::try_from(number(0, 4)?).ok()?;
    let date = NaiveDate::from_ymd_opt(year, number(5, 7)?, number(8, 10)?)?;
    let time =
        NaiveTime::from_hms_milli_opt(number(11, 13)?, number(14, 16)?, number(17, 19)?, millis)?;
    Some(NaiveDateTime::new(date, time))
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
