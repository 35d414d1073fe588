//! Trainings as CSV: one row per training, `hpConfig` options and unknown fields as
//! columns of their own, UTF-8.

use indexmap::IndexSet;
use serde_json::Value;

use crate::model::{Service, Train};

/// The fixed columns, in order, with the API's field names.
const FIXED_COLUMNS: [&str; 8] = [
    "serviceId",
    "type",
    "version",
    "status",
    "description",
    "createdDate",
    "nextUpdateDate",
    "inference",
];

/// Writes `trains` as CSV with a header row. Text that a spreadsheet would run as a
/// formula (starting with `=`, `+`, `-`, `@`) is prefixed with `'`.
///
/// # Errors
/// Only when `out` fails.
pub fn write_trains_csv<W: std::io::Write>(trains: &[Train], out: W) -> std::io::Result<()> {
    let hp_names: IndexSet<&str> = trains
        .iter()
        .filter_map(|train| train.hp_config.as_ref())
        .flat_map(|config| config.keys().map(String::as_str))
        .collect();
    let extra_names: IndexSet<&str> = trains
        .iter()
        .flat_map(|train| train.extra.keys().map(String::as_str))
        .collect();

    let mut writer = csv::Writer::from_writer(out);
    let header = FIXED_COLUMNS
        .iter()
        .map(|name| (*name).to_owned())
        .chain(hp_names.iter().map(|name| format!("hpConfig.{name}")))
        .chain(extra_names.iter().map(|name| (*name).to_owned()));
    writer.write_record(header)?;

    for train in trains {
        let fixed = [
            text(train.service_id.as_deref()),
            text(train.train_type.as_ref().map(|t| t.as_str())),
            text(train.version.as_deref()),
            text(train.status.as_ref().map(|s| s.as_str())),
            text(train.description.as_deref()),
            text(train.created_date.as_ref().map(|d| d.raw())),
            text(train.next_update_date.as_ref().map(|d| d.raw())),
            train.inference.map(|b| b.to_string()).unwrap_or_default(),
        ];
        let hp = hp_names.iter().map(|name| {
            cell(
                train
                    .hp_config
                    .as_ref()
                    .and_then(|config| config.get(*name)),
            )
        });
        let extra = extra_names.iter().map(|name| cell(train.extra.get(*name)));
        writer.write_record(fixed.into_iter().chain(hp).chain(extra))?;
    }
    writer.flush()
}

/// Writes `services` as CSV: id, name, status and dates.
///
/// # Errors
/// Only when `out` fails.
pub fn write_services_csv<W: std::io::Write>(services: &[Service], out: W) -> std::io::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
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

fn text(value: Option<&str>) -> String {
    value.map(defuse_formula).unwrap_or_default()
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

    fn csv_of(json: &str) -> String {
        let trains: Vec<Train> = serde_json::from_str(json).unwrap();
        let mut out = Vec::new();
        write_trains_csv(&trains, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn flattens_options_and_unknown_fields_into_columns() {
        let csv = csv_of(
            r#"[
            {"serviceId":"s","type":"pop","hpConfig":{"is_enabled":true,"item_top_n":20000},"version":"v1","status":"completed","description":"추천, \"quoted\"","createdDate":"2025-01-01T00:00:00.1","inference":true},
            {"type":"relatedItem","hpConfig":{"is_enabled":false,"group_column":["TIMESTAMP"]},"version":"v2","status":"archived","modelSize":7}
        ]"#,
        );
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines[0], "serviceId,type,version,status,description,createdDate,nextUpdateDate,inference,hpConfig.is_enabled,hpConfig.item_top_n,hpConfig.group_column,modelSize");
        assert_eq!(
            lines[1],
            r#"s,pop,v1,completed,"추천, ""quoted""",2025-01-01T00:00:00.1,,true,true,20000,,"#
        );
        assert_eq!(
            lines[2],
            r#",relatedItem,v2,archived,,,,,false,,"[""TIMESTAMP""]",7"#
        );
        assert_eq!(lines.len(), 3);
    }

    #[test]
    fn defuses_spreadsheet_formulas() {
        let csv = csv_of(r#"[{"description":"=HYPERLINK(\"x\")","version":"@v"}]"#);
        assert!(csv.contains(r#""'=HYPERLINK(""x"")""#), "{csv}");
        assert!(csv.contains("'@v"), "{csv}");
        assert_eq!(
            csv_of("[]"),
            "serviceId,type,version,status,description,createdDate,nextUpdateDate,inference\n"
        );
    }
}
