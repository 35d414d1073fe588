//! The TypeScript types in `ui/src/lib/bindings/` describe what the commands send and take.
//! They are written by hand (the open `Train` shape, with its unknown fields, is not one a
//! generator expresses well), so this test keeps them honest: it serialises a fully filled
//! value of each Rust type and checks that the TypeScript type declares exactly its fields.

use std::collections::BTreeSet;
use std::path::PathBuf;

use aitems::export::TrainColumn;
use aitems::profiles::ProfileSummary;
use aitems::{ErrorDetail, Service, Train};
use aitems_desk::error::CommandError;
use aitems_desk::export::ExportedCsv;
use aitems_desk::views::{AppInfo, ConnectionCheck, ProfileView, TrainList, TrainsProgress};
use serde_json::{json, Value};

fn bindings_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../ui/src/lib/bindings")
}

/// Field names declared in `export type NAME = { ... }` (index signatures left out).
fn declared_fields(name: &str) -> BTreeSet<String> {
    let path = bindings_dir().join(format!("{name}.ts"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let start = text
        .find(&format!("export type {name} = {{"))
        .unwrap_or_else(|| panic!("{name} not declared"));
    let body = &text[start..];
    let body = &body[body.find('{').unwrap() + 1..body.find("};").unwrap()];
    body.split([';', '\n'])
        .filter_map(|member| {
            let member = member.trim();
            let (field, _) = member.split_once(':')?;
            let field = field.trim().trim_end_matches('?');
            (!field.starts_with('[') && !field.is_empty()).then(|| field.to_owned())
        })
        .collect()
}

fn keys(value: &Value) -> BTreeSet<String> {
    value
        .as_object()
        .expect("an object")
        .keys()
        .cloned()
        .collect()
}

fn assert_matches(name: &str, value: &impl serde::Serialize) {
    let value = serde_json::to_value(value).unwrap();
    assert_eq!(
        declared_fields(name),
        keys(&value),
        "ui/src/lib/bindings/{name}.ts is out of date"
    );
}

fn detail() -> ErrorDetail {
    ErrorDetail {
        http_status: Some(404),
        trace_id: Some("t".into()),
        server_message: Some("m".into()),
    }
}

#[test]
fn boundary_types_match_their_typescript_declarations() {
    assert_matches(
        "AppInfo",
        &AppInfo {
            version: "1".into(),
            demo_requested: true,
            time_zone: Some("Asia/Seoul".into()),
        },
    );
    assert_matches("ConnectionCheck", &ConnectionCheck { service_count: 1 });
    assert_matches(
        "ExportedCsv",
        &ExportedCsv {
            path: "/home/a/Downloads/x.csv".into(),
        },
    );
    assert_matches("ErrorDetail", &detail());
    assert_matches(
        "AppError",
        &CommandError {
            code: "c".into(),
            message: "m".into(),
            hint: "h".into(),
            detail: Some(Box::new(detail())),
        },
    );
    assert_matches(
        "TrainsProgress",
        &TrainsProgress {
            request_id: "r".into(),
            pages: 1,
            trains: 2,
        },
    );
    assert_matches(
        "TrainList",
        &TrainList {
            trains: Vec::new(),
            fetched_at: "now".into(),
            pages: 1,
        },
    );
    let summary = ProfileSummary {
        name: "n".into(),
        masked_access_key: Some("AKID…".into()),
        endpoint: "https://e".into(),
        default_service: Some("s".into()),
        recent_services: vec!["s".into()],
        is_default: true,
    };
    assert_matches("ProfileSummary", &ProfileView::new(summary, false));
}

#[test]
fn profile_input_fields_are_the_ones_the_command_reads() {
    let sent: Value = json!({ "name": "n", "accessKey": "a", "secretKey": "s", "endpoint": null, "defaultService": null });
    assert_eq!(declared_fields("ProfileInput"), keys(&sent));
    let parsed: aitems_desk::views::ProfileInput = serde_json::from_value(sent).unwrap();
    assert_eq!(parsed.access_key, "a");
    assert_eq!(parsed.secret_key.unwrap().expose(), "s");
}

#[test]
fn api_objects_declare_every_documented_field() {
    let train: Train = serde_json::from_value(json!({
        "serviceId": "s", "type": "pop", "hpConfig": {"is_enabled": true}, "version": "v", "description": "d",
        "status": "completed", "createdDate": "2025-01-01T00:00:00", "nextUpdateDate": "2025-01-02T00:00:00", "inference": true
    }))
    .unwrap();
    assert_matches("Train", &train);
    let service: Service = serde_json::from_value(json!({
        "serviceId": "s", "name": "n", "status": "learnable", "createdDate": "2025-01-01T00:00:00", "updatedDate": "2025-01-01T00:00:00"
    }))
    .unwrap();
    assert_matches("Service", &service);
}

#[test]
fn csv_columns_are_the_ones_the_typescript_union_names() {
    let path = bindings_dir().join("TrainColumn.ts");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let declared: BTreeSet<String> = text
        .split('|')
        .skip(1)
        .map(|member| {
            member
                .trim()
                .trim_end_matches(';')
                .trim_matches('\'')
                .to_owned()
        })
        .collect();
    let columns: BTreeSet<String> = TrainColumn::ALL
        .iter()
        .map(|column| {
            serde_json::to_value(column)
                .unwrap()
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    assert_eq!(
        declared, columns,
        "ui/src/lib/bindings/TrainColumn.ts is out of date"
    );
}
