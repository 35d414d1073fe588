//! Trainings and services as CSV: the one set of rules that both the `aitems` CLI and the
//! app's Export CSV follow.
//!
//! - UTF-8 with a byte-order mark (so Excel reads Korean text as such) and CRLF line ends
//!   (RFC 4180); a field is quoted when it holds a comma, a quote or a line break, quotes
//!   doubled.
//! - A header row with the API's field names; `hpConfig` options become `hpConfig.<name>`
//!   columns and unknown fields columns of their own, in order of first appearance; an
//!   option asked for as a column of its own is written there, and only there.
//! - Values as the API sends them: status and type codes (`completed`, `pop`), dates as
//!   written by AiTEMS (Korea time, UTC+9), `true`/`false`, numbers as numbers, lists and
//!   objects as JSON.
//! - Text that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab
//!   or a carriage return) is prefixed with `'`, numbers-as-text such as `"-12.5"` included;
//!   JSON numbers are not text and stay as they are.

use std::io::Write;

use indexmap::IndexSet;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::model::{Service, Train};

/// A column (or, for `hpConfig` and unknown fields, a group of columns) of the trainings CSV.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum TrainColumn {
    /// `serviceId`.
    ServiceId,
    /// `type`: the type code.
    Type,
    /// `version`.
    Version,
    /// `status`: the status code.
    Status,
    /// `description`.
    Description,
    /// `createdDate`, Korea time as AiTEMS writes it.
    CreatedDate,
    /// `nextUpdateDate`, Korea time as AiTEMS writes it.
    NextUpdateDate,
    /// `inference`: `true` or `false`.
    Inference,
    /// One `hpConfig.<name>` column per option any training has (but those asked for as
    /// [`Self::HpOption`]).
    HpConfig,
    /// The `hpConfig.<name>` column of one option.
    HpOption(String),
    /// One column per field this version does not know, under its own name.
    Other,
}

impl TrainColumn {
    /// Every column, in the order the CLI writes them.
    pub const ALL: [Self; 10] = [
        Self::ServiceId,
        Self::Type,
        Self::Version,
        Self::Status,
        Self::Description,
        Self::CreatedDate,
        Self::NextUpdateDate,
        Self::Inference,
        Self::HpConfig,
        Self::Other,
    ];

    /// The header of a single column (`None` for the groups: `HpConfig`, `Other`).
    fn name(&self) -> Option<String> {
        Some(
            match self {
                Self::ServiceId => "serviceId",
                Self::Type => "type",
                Self::Version => "version",
                Self::Status => "status",
                Self::Description => "description",
                Self::CreatedDate => "createdDate",
                Self::NextUpdateDate => "nextUpdateDate",
                Self::Inference => "inference",
                Self::HpOption(name) => return Some(format!("hpConfig.{name}")),
                Self::HpConfig | Self::Other => return None,
            }
            .to_owned(),
        )
    }

    /// This column's cell for one training (single columns only).
    fn cell(&self, train: &Train) -> String {
        match self {
            Self::ServiceId => text(train.service_id.as_deref()),
            Self::Type => text(train.train_type.as_ref().map(|t| t.as_str())),
            Self::Version => text(train.version.as_deref()),
            Self::Status => text(train.status.as_ref().map(|s| s.as_str())),
            Self::Description => text(train.description.as_deref()),
            Self::CreatedDate => text(train.created_date.as_ref().map(|d| d.raw())),
            Self::NextUpdateDate => text(train.next_update_date.as_ref().map(|d| d.raw())),
            Self::Inference => train.inference.map(|b| b.to_string()).unwrap_or_default(),
            Self::HpOption(name) => hp_cell(train, name),
            Self::HpConfig | Self::Other => String::new(),
        }
    }
}

/// Writes `trains`, in the given order, as CSV with `columns` (see the module's rules).
///
/// # Errors
/// Only when `out` fails.
pub fn write_trains_csv<W: Write>(
    trains: &[Train],
    columns: &[TrainColumn],
    out: W,
) -> std::io::Result<()> {
    let own_columns: Vec<&str> = columns
        .iter()
        .filter_map(|column| match column {
            TrainColumn::HpOption(name) => Some(name.as_str()),
            _ => None,
        })
        .collect();
    let hp_names: IndexSet<&str> = if columns.contains(&TrainColumn::HpConfig) {
        trains
            .iter()
            .filter_map(|train| train.hp_config.as_ref())
            .flat_map(|config| config.keys().map(String::as_str))
            .filter(|name| !own_columns.contains(name))
            .collect()
    } else {
        IndexSet::new()
    };
    let other_names: IndexSet<&str> = if columns.contains(&TrainColumn::Other) {
        trains
            .iter()
            .flat_map(|train| train.extra.keys().map(String::as_str))
            .collect()
    } else {
        IndexSet::new()
    };

    let mut writer = writer(out)?;
    let mut header = Vec::new();
    for column in columns {
        match column {
            TrainColumn::HpConfig => {
                header.extend(hp_names.iter().map(|n| format!("hpConfig.{n}")))
            }
            TrainColumn::Other => header.extend(other_names.iter().map(|n| (*n).to_owned())),
            single => header.extend(single.name()),
        }
    }
    writer.write_record(&header)?;

    let mut record = Vec::with_capacity(header.len());
    for train in trains {
        record.clear();
        for column in columns {
            match column {
                TrainColumn::HpConfig => {
                    record.extend(hp_names.iter().map(|name| hp_cell(train, name)));
                }
                TrainColumn::Other => {
                    record.extend(other_names.iter().map(|name| cell(train.extra.get(*name))))
                }
                single => record.push(single.cell(train)),
            }
        }
        writer.write_record(&record)?;
    }
    writer.flush()
}

/// Writes `services` as CSV: id, name, status and dates (see the module's rules).
///
/// # Errors
/// Only when `out` fails.
pub fn write_services_csv<W: Write>(services: &[Service], out: W) -> std::io::Result<()> {
    let mut writer = writer(out)?;
    writer.write_record(["serviceId", "name", "status", "createdDate", "updatedDate"])?;
    for service in services {
        writer.write_record([
            defuse_formula(&service.service_id),
            text(service.name.as_deref()),
            text(service.status.as_ref().map(|s| s.as_str())),
            text(service.created_date.as_ref().map(|d| d.raw())),
            text(service.updated_date.as_ref().map(|d| d.raw())),
        ])?;
    }
    writer.flush()
}

/// A CSV writer after the byte-order mark, with CRLF line ends.
fn writer<W: Write>(mut out: W) -> std::io::Result<csv::Writer<W>> {
    out.write_all("\u{feff}".as_bytes())?;
    Ok(csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(out))
}

fn text(value: Option<&str>) -> String {
    value.map(defuse_formula).unwrap_or_default()
}

/// The cell of the `hpConfig` option `name` of `train`.
fn hp_cell(train: &Train, name: &str) -> String {
    cell(train.hp_config.as_ref().and_then(|config| config.get(name)))
}

fn cell(value: Option<&Value>) -> String {
    match value {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => defuse_formula(s),
        Some(other) => other.to_string(),
    }
}

/// Keeps a spreadsheet from running a cell as a formula.
fn defuse_formula(value: &str) -> String {
    if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn csv_of(json: &str, columns: &[TrainColumn]) -> String {
        let trains: Vec<Train> = serde_json::from_str(json).unwrap();
        let mut out = Vec::new();
        write_trains_csv(&trains, columns, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    /// Every rule of the module's documentation, on the bytes written.
    #[test]
    fn writes_trainings_by_the_rules() {
        let csv = csv_of(
            r#"[
            {"serviceId":"s","type":"pop","hpConfig":{"is_enabled":true,"item_top_n":20000,"min_item_cut":-3},"version":"v1","status":"completed","description":"추천, \"quoted\"\nsecond line","createdDate":"2025-01-01T00:00:00.1","nextUpdateDate":"2025-01-02T09:30","inference":true},
            {"type":"relatedItem","hpConfig":{"is_enabled":false,"group_column":["TIMESTAMP"],"note":"-12.5"},"version":"=1+1","status":"archived","description":"-12.5","createdDate":"+82 not a date","modelSize":7,"owner":"@team"}
        ]"#,
            &TrainColumn::ALL,
        );
        let body = csv
            .strip_prefix('\u{feff}')
            .expect("a byte-order mark first");
        assert!(body.ends_with("\r\n"), "{body:?}");
        assert!(!body.replace("\r\n", "").contains("\r"), "{body:?}");
        let lines: Vec<&str> = body.split("\r\n").collect();
        assert_eq!(
            lines[0],
            "serviceId,type,version,status,description,createdDate,nextUpdateDate,inference,\
             hpConfig.is_enabled,hpConfig.item_top_n,hpConfig.min_item_cut,hpConfig.group_column,\
             hpConfig.note,modelSize,owner"
        );
        // Quoting (comma, quote, line break: the line break inside a field stays LF), dates
        // as AiTEMS wrote them, JSON numbers (even negative ones) as they are.
        assert_eq!(
            lines[1],
            "s,pop,v1,completed,\"추천, \"\"quoted\"\"\nsecond line\",2025-01-01T00:00:00.1,\
             2025-01-02T09:30,true,true,20000,-3,,,,"
        );
        // Formula guard on text, numbers-as-text included; lists as JSON.
        assert_eq!(
            lines[2],
            ",relatedItem,'=1+1,archived,'-12.5,'+82 not a date,,,false,,,\"[\"\"TIMESTAMP\"\"]\",\
             '-12.5,7,'@team"
        );
        assert_eq!(lines[3], "");
        assert_eq!(lines.len(), 4);
    }

    #[test]
    fn writes_the_chosen_columns_in_the_given_order() {
        let json = r#"[{"version":"b","type":"pop","hpConfig":{"is_enabled":true},"x":1},{"version":"a","status":"learning"}]"#;
        let columns = [
            TrainColumn::Version,
            TrainColumn::HpConfig,
            TrainColumn::Status,
        ];
        assert_eq!(
            csv_of(json, &columns),
            "\u{feff}version,hpConfig.is_enabled,status\r\nb,true,\r\na,,learning\r\n"
        );
        assert_eq!(
            csv_of("[]", &TrainColumn::ALL),
            "\u{feff}serviceId,type,version,status,description,createdDate,nextUpdateDate,inference\r\n"
        );
        let names: Vec<Value> = TrainColumn::ALL
            .iter()
            .map(|c| serde_json::to_value(c).unwrap())
            .collect();
        assert_eq!(names[0], "serviceId");
        assert_eq!(names[8], "hpConfig");
        assert_eq!(names[9], "other");
    }

    #[test]
    fn an_option_asked_for_on_its_own_has_its_column_there_and_only_there() {
        let json = r#"[{"version":"b","hpConfig":{"is_enabled":true,"item_top_n":5}},{"version":"a","hpConfig":{"note":"=x"}}]"#;
        let columns: Vec<TrainColumn> = serde_json::from_str(
            r#"[{"hpOption":"note"},"version",{"hpOption":"missing"},"hpConfig"]"#,
        )
        .expect("the shape the window sends");
        assert_eq!(
            csv_of(json, &columns),
            "\u{feff}hpConfig.note,version,hpConfig.missing,hpConfig.is_enabled,hpConfig.item_top_n\r\n\
             ,b,,true,5\r\n\
             '=x,a,,,\r\n"
        );
    }
}
