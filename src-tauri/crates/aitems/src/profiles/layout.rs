//! How the trainings table of one service is laid out (columns, widths, sort, filters,
//! Recent only), kept per profile and service in the settings file.
//!
//! Layouts are kept as written and read leniently: one with a format version this
//! version does not know, or that cannot be read, counts as none (the default layout) and
//! stays in the file untouched until the user lays that table out again.

use crate::credentials::StoreError;
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// The layout format this version writes and reads.
pub const LAYOUT_VERSION: u32 = 1;

/// The table layout of one service. Column ids, filter values and presets are the UI's:
/// the UI checks them when it applies a layout.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct TableLayout {
    /// The format version, [`LAYOUT_VERSION`].
    pub version: u32,
    /// The visible columns, in display order.
    #[serde(default)]
    pub columns: Vec<String>,
    /// Column widths in CSS pixels, by column id; a column not listed takes its default.
    #[serde(default)]
    pub widths: BTreeMap<String, u32>,
    /// The sort, most significant first.
    #[serde(default)]
    pub sort: Vec<LayoutSort>,
    /// The filter box's text.
    #[serde(default)]
    pub filter: String,
    /// The values each faceted column keeps (status, type, `hpConfig` options), by column id.
    #[serde(default)]
    pub facets: BTreeMap<String, Vec<String>>,
    /// The Created filter; `None`: all dates.
    #[serde(default)]
    pub created: Option<LayoutCreated>,
    /// Whether only the latest training of each type is listed.
    #[serde(default)]
    pub recent: bool,
}

/// One sort column.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct LayoutSort {
    /// The column id.
    pub id: String,
    /// Descending rather than ascending.
    pub desc: bool,
}

/// The Created filter as chosen: a preset and, for a custom range, its days.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct LayoutCreated {
    /// `24h`, `7d`, `30d` or `custom`.
    pub preset: String,
    /// The first day of a custom range (`yyyy-MM-dd`), or empty.
    #[serde(default)]
    pub from_day: String,
    /// The last day of a custom range (`yyyy-MM-dd`), or empty.
    #[serde(default)]
    pub to_day: String,
}

impl TableLayout {
    /// Reads a stored layout: `None` when its version is not [`LAYOUT_VERSION`] (older
    /// versions have no reader yet: there were none) or when it cannot be read.
    #[must_use]
    pub fn from_stored(value: &Value) -> Option<Self> {
        match value.get("version").and_then(Value::as_u64) {
            Some(v) if v == u64::from(LAYOUT_VERSION) => serde_json::from_value(value.clone()).ok(),
            _ => None,
        }
    }
}

/// Reads the stored layouts; anything but an object of them counts as none, so a damaged
/// entry never blocks the settings file.
pub(super) fn lenient_layouts<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Map<String, Value>, D::Error> {
    let value = Value::deserialize(deserializer)?;
    Ok(match value {
        Value::Object(map) => map,
        _ => Map::new(),
    })
}

impl super::ProfileSettings {
    /// The layout saved for `service_id`; `None` when there is none, or none this version
    /// can read (the table then takes its default layout).
    #[must_use]
    pub fn table_layout(&self, service_id: &str) -> Option<TableLayout> {
        self.table_layouts
            .get(service_id.trim())
            .and_then(TableLayout::from_stored)
    }

    /// Keeps `layout` for `service_id` (`None`: back to the default layout). Returns
    /// whether that changed anything.
    ///
    /// # Errors
    /// [`StoreError::InvalidInput`] for a blank service id or a layout of another format
    /// version than [`LAYOUT_VERSION`].
    pub fn set_table_layout(
        &mut self,
        service_id: &str,
        layout: Option<&TableLayout>,
    ) -> Result<bool, StoreError> {
        let id = service_id.trim();
        if id.is_empty() {
            return Err(invalid("The service id is empty."));
        }
        let stored = match layout {
            Some(l) if l.version != LAYOUT_VERSION => {
                return Err(invalid(&format!(
                    "Only table layouts of version {LAYOUT_VERSION} can be saved."
                )))
            }
            Some(l) => Some(serde_json::to_value(l).map_err(|e| invalid(&e.to_string()))?),
            None => None,
        };
        if self.table_layouts.get(id) == stored.as_ref() {
            return Ok(false);
        }
        match stored {
            Some(value) => self.table_layouts.insert(id.to_owned(), value),
            None => self.table_layouts.remove(id),
        };
        Ok(true)
    }

    /// Takes the layouts of `other` (a form that edits a profile carries none).
    pub(super) fn keep_table_layouts(&mut self, other: &Self) {
        self.table_layouts.clone_from(&other.table_layouts);
    }
}

fn invalid(message: &str) -> StoreError {
    StoreError::InvalidInput {
        message: message.to_owned(),
    }
}
