//! How a profile watches its services: how often the app refreshes on its own, and which
//! services it notifies about.

use serde::{Deserialize, Deserializer, Serialize};
use std::time::Duration;

/// How often the app refreshes a profile's listings on its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub enum RefreshEvery {
    /// Never on its own: only when the user asks.
    #[serde(rename = "off")]
    Off,
    /// Every minute.
    #[serde(rename = "1m")]
    OneMinute,
    /// Every five minutes.
    #[serde(rename = "5m")]
    FiveMinutes,
    /// Every fifteen minutes.
    #[serde(rename = "15m")]
    FifteenMinutes,
}

impl RefreshEvery {
    /// The time between two refreshes; `None` when off.
    #[must_use]
    pub const fn period(self) -> Option<Duration> {
        match self {
            Self::Off => None,
            Self::OneMinute => Some(Duration::from_secs(60)),
            Self::FiveMinutes => Some(Duration::from_secs(5 * 60)),
            Self::FifteenMinutes => Some(Duration::from_secs(15 * 60)),
        }
    }

    /// The interval of a profile that chose none: five minutes once it watches a
    /// service, else off.
    #[must_use]
    pub const fn default_for(watching: bool) -> Self {
        if watching {
            Self::FiveMinutes
        } else {
            Self::Off
        }
    }
}

/// Reads a stored interval; a value this version does not know counts as no choice, so
/// a settings file from a newer version never blocks the app.
pub(super) fn lenient_interval<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<RefreshEvery>, D::Error> {
    let value = serde_json::Value::deserialize(deserializer)?;
    Ok(serde_json::from_value(value).ok())
}
