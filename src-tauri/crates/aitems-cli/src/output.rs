//! Printing trainings and services as a table, JSON or CSV.

use std::io::Write;

use aitems::export::TrainColumn;
use aitems::profiles::ProfileSummary;
use aitems::{Service, Train};
use comfy_table::{presets::UTF8_BORDERS_ONLY, ContentArrangement, Table};

use crate::args::{Format, ListFormat};

/// Prints trainings in `format`.
pub fn trains(out: &mut impl Write, trains: &[Train], format: Format) -> std::io::Result<()> {
    match format {
        Format::Json => json(out, trains),
        Format::Csv => aitems::export::write_trains_csv(trains, &TrainColumn::ALL, out),
        Format::Table => {
            let header = [
                "TYPE",
                "VERSION",
                "STATUS",
                "CREATED",
                "NEXT UPDATE",
                "INFERENCE",
                "HPO",
                "DESCRIPTION",
            ];
            let rows = trains.iter().map(|t| {
                vec![
                    or_dash(t.train_type.as_ref().map(|v| v.as_str())),
                    or_dash(t.version.as_deref()),
                    or_dash(t.status.as_ref().map(|v| v.as_str())),
                    or_dash(t.created_date.as_ref().map(|d| d.raw())),
                    or_dash(t.next_update_date.as_ref().map(|d| d.raw())),
                    or_dash(t.inference.map(|b| if b { "yes" } else { "no" })),
                    (if t.hpo_enabled() { "on" } else { "off" }).to_owned(),
                    t.description.clone().unwrap_or_default(),
                ]
            });
            table(out, &header, rows, trains.len(), "training")
        }
    }
}

/// Prints services in `format`.
pub fn services(out: &mut impl Write, services: &[Service], format: Format) -> std::io::Result<()> {
    match format {
        Format::Json => json(out, services),
        Format::Csv => aitems::export::write_services_csv(services, out),
        Format::Table => {
            let header = ["ID", "NAME", "STATUS", "CREATED", "UPDATED"];
            let rows = services.iter().map(|s| {
                vec![
                    s.service_id.clone(),
                    or_dash(s.name.as_deref()),
                    or_dash(s.status.as_ref().map(|v| v.as_str())),
                    or_dash(s.created_date.as_ref().map(|d| d.raw())),
                    or_dash(s.updated_date.as_ref().map(|d| d.raw())),
                ]
            });
            table(out, &header, rows, services.len(), "service")
        }
    }
}

/// Prints profiles: name, masked access key (or "keys missing"), endpoint, default
/// service and a `*` on the default profile. Never more than the masked key.
pub fn profiles(
    out: &mut impl Write,
    profiles: &[ProfileSummary],
    format: ListFormat,
) -> std::io::Result<()> {
    match format {
        ListFormat::Json => json(out, profiles),
        ListFormat::Table => {
            let header = ["NAME", "ACCESS KEY", "ENDPOINT", "SERVICE", "DEFAULT"];
            let rows = profiles.iter().map(|p| {
                vec![
                    p.name.clone(),
                    p.masked_access_key
                        .clone()
                        .unwrap_or_else(|| "keys missing".to_owned()),
                    p.endpoint.clone(),
                    or_dash(p.default_service.as_deref()),
                    (if p.is_default { "*" } else { "" }).to_owned(),
                ]
            });
            table(out, &header, rows, profiles.len(), "profile")
        }
    }
}

fn json<T: serde::Serialize + ?Sized>(out: &mut impl Write, value: &T) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    writeln!(out)
}

fn table(
    out: &mut impl Write,
    header: &[&str],
    rows: impl Iterator<Item = Vec<String>>,
    count: usize,
    noun: &str,
) -> std::io::Result<()> {
    let mut table = Table::new();
    table
        .load_preset(UTF8_BORDERS_ONLY)
        .set_content_arrangement(ContentArrangement::Disabled)
        .set_header(header.to_vec());
    for row in rows {
        table.add_row(row);
    }
    writeln!(out, "{table}")?;
    writeln!(out, "{count} {noun}{}", if count == 1 { "" } else { "s" })
}

fn or_dash(value: Option<&str>) -> String {
    value.filter(|v| !v.is_empty()).unwrap_or("-").to_owned()
}
