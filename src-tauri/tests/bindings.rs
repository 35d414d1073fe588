//! The TypeScript side of the boundary is generated from the Rust types: ts-rs writes the
//! IPC types, and this file adds the API's known values, the error codes and the command
//! names. The files are checked in under `ui/src/lib/bindings/`; this test fails when they
//! differ from what the Rust types generate. To write them again:
//!
//! ```sh
//! UPDATE_BINDINGS=1 cargo test -p aitems-desk --test bindings
//! ```

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use aitems::changes::TrainKey;
use aitems::export::TrainColumn;
use aitems::model::{ServiceStatus, TrainStatus, TrainType};
use aitems::profiles::{RefreshEvery, TableLayout};
use aitems::{ErrorCode, Service, Train};
use aitems_desk::all_services::ALL_SERVICES;
use aitems_desk::desktop::commands::AboutInfo;
use aitems_desk::desktop::single_instance::SecondLaunch;
use aitems_desk::desktop::updater::{UpdateOffer, UpdateProgress};
use aitems_desk::error::CommandError;
use aitems_desk::export::ExportedCsv;
use aitems_desk::views::{
    AllTrainsListed, AppInfo, ConnectionCheck, KeptTrains, ProfileInput, ProfileView, TrainsListed,
    TrainsPage,
};
use aitems_desk::watch::{Language, NoticeTarget, WatchUpdate};
use aitems_desk::COMMANDS;
use ts_rs::{Config, TS};

const HEADER: &str =
    "// Generated from the Rust types by src-tauri/tests/bindings.rs. Do not edit by hand.\n";

fn bindings_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../ui/src/lib/bindings")
}

/// Every generated file, by its path under the bindings folder.
fn generate() -> BTreeMap<PathBuf, String> {
    let out = tempfile::tempdir().expect("a scratch folder");
    // Counts and sizes fit a JavaScript number; `bigint` would make them awkward to use.
    let config = Config::new()
        .with_out_dir(out.path())
        .with_large_int("number");
    let exported = [
        AllTrainsListed::export_all(&config),
        AppInfo::export_all(&config),
        ConnectionCheck::export_all(&config),
        ExportedCsv::export_all(&config),
        CommandError::export_all(&config),
        KeptTrains::export_all(&config),
        ProfileInput::export_all(&config),
        ProfileView::export_all(&config),
        Service::export_all(&config),
        Train::export_all(&config),
        TrainColumn::export_all(&config),
        TrainsListed::export_all(&config),
        TrainsPage::export_all(&config),
        WatchUpdate::export_all(&config),
        NoticeTarget::export_all(&config),
        Language::export_all(&config),
        RefreshEvery::export_all(&config),
        TableLayout::export_all(&config),
        TrainKey::export_all(&config),
        AboutInfo::export_all(&config),
        UpdateOffer::export_all(&config),
        UpdateProgress::export_all(&config),
        SecondLaunch::export_all(&config),
    ];
    for outcome in exported {
        outcome.expect("ts-rs exports the type");
    }
    let mut files = BTreeMap::new();
    read_tree(out.path(), out.path(), &mut files);
    files.insert("values.ts".into(), values_ts());
    let index = index_ts(&files);
    files.insert("index.ts".into(), index);
    files
}

fn read_tree(root: &Path, dir: &Path, files: &mut BTreeMap<PathBuf, String>) {
    for entry in std::fs::read_dir(dir).expect("readable folder") {
        let path = entry.expect("folder entry").path();
        if path.is_dir() {
            read_tree(root, &path, files);
        } else if path.extension().is_some_and(|e| e == "ts") {
            let text = std::fs::read_to_string(&path).expect("readable file");
            files.insert(path.strip_prefix(root).unwrap().to_owned(), text);
        }
    }
}

/// A `const` list of strings and, when named, the union type of its values.
fn string_list(out: &mut String, doc: &str, name: &str, type_name: Option<&str>, values: &[&str]) {
    let quoted: Vec<String> = values.iter().map(|v| format!("'{v}'")).collect();
    writeln!(out, "\n/** {doc} */").unwrap();
    writeln!(
        out,
        "export const {name} = [{}] as const;",
        quoted.join(", ")
    )
    .unwrap();
    if let Some(type_name) = type_name {
        writeln!(out, "export type {type_name} = (typeof {name})[number];").unwrap();
    }
}

/// The API's known values, the error codes and the command names, for code that needs
/// them at run time (lists, exhaustive maps), not only as types.
fn values_ts() -> String {
    let mut out = HEADER.to_owned();
    let statuses: Vec<&str> = TrainStatus::KNOWN.iter().map(TrainStatus::as_str).collect();
    let types: Vec<&str> = TrainType::KNOWN.iter().map(TrainType::as_str).collect();
    let service_statuses: Vec<&str> = ServiceStatus::KNOWN
        .iter()
        .map(ServiceStatus::as_str)
        .collect();
    let codes: Vec<&str> = ErrorCode::ALL.iter().map(|c| c.as_str()).collect();
    let fields = train_fields();
    let fields: Vec<&str> = fields.iter().map(String::as_str).collect();
    string_list(
        &mut out,
        "Every training status AiTEMS documents, as the API spells it. Others may come and are shown as they are.",
        "TRAIN_STATUSES",
        Some("KnownTrainStatus"),
        &statuses,
    );
    string_list(
        &mut out,
        "The fields of a training this version knows; any other field is shown as it came.",
        "TRAIN_FIELDS",
        None,
        &fields,
    );
    string_list(
        &mut out,
        "Every training type AiTEMS documents.",
        "TRAIN_TYPES",
        Some("KnownTrainType"),
        &types,
    );
    string_list(
        &mut out,
        "Every service status AiTEMS documents.",
        "SERVICE_STATUSES",
        Some("KnownServiceStatus"),
        &service_statuses,
    );
    string_list(
        &mut out,
        "Every error code a command can answer with (the `ErrorCode` type, as a list).",
        "ERROR_CODES",
        None,
        &codes,
    );
    string_list(
        &mut out,
        "Every command the page may call.",
        "COMMANDS",
        Some("CommandName"),
        COMMANDS,
    );
    writeln!(
        out,
        "\n/** What stands for the view of every service where a service id would be. */\nexport const ALL_SERVICES = '{ALL_SERVICES}';"
    )
    .unwrap();
    out
}

/// The API names of the fields `Train` models: those of a training with every field set.
fn train_fields() -> Vec<String> {
    let full: Train = serde_json::from_value(serde_json::json!({
        "serviceId": "s", "type": "pop", "hpConfig": {}, "version": "v", "description": "d",
        "status": "ready", "createdDate": "2025-01-01T00:00:00", "nextUpdateDate": "2025-01-01T00:00:00",
        "inference": true
    }))
    .expect("a full training");
    assert!(full.extra.is_empty(), "every field above is a modelled one");
    let value = serde_json::to_value(&full).expect("serialises");
    value
        .as_object()
        .expect("an object")
        .keys()
        .cloned()
        .collect()
}

/// Re-exports every generated type and value from one module.
fn index_ts(files: &BTreeMap<PathBuf, String>) -> String {
    let mut out = HEADER.to_owned();
    for path in files.keys() {
        let module = path.with_extension("");
        let module = module.to_string_lossy().replace('\\', "/");
        let name = module.rsplit('/').next().unwrap_or(&module).to_owned();
        if name == "values" {
            out.push_str("export * from './values';\n");
        } else {
            writeln!(out, "export type {{ {name} }} from './{module}';").unwrap();
        }
    }
    out
}

/// The checked-in files, by path.
fn checked_in() -> BTreeMap<PathBuf, String> {
    let mut files = BTreeMap::new();
    read_tree(&bindings_dir(), &bindings_dir(), &mut files);
    files
}

#[test]
fn typescript_bindings_are_generated_from_the_rust_types() {
    let generated = generate();
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        let dir = bindings_dir();
        for stale in checked_in().keys().filter(|p| !generated.contains_key(*p)) {
            std::fs::remove_file(dir.join(stale)).expect("stale file removed");
        }
        for (path, text) in &generated {
            let target = dir.join(path);
            std::fs::create_dir_all(target.parent().unwrap()).expect("folder");
            std::fs::write(target, text).expect("binding written");
        }
        return;
    }
    let present = checked_in();
    let names = |files: &BTreeMap<PathBuf, String>| files.keys().cloned().collect::<Vec<_>>();
    assert_eq!(
        names(&present),
        names(&generated),
        "ui/src/lib/bindings/ holds other files than the Rust types generate: run \
         UPDATE_BINDINGS=1 cargo test -p aitems-desk --test bindings"
    );
    for (path, text) in &generated {
        assert_eq!(
            &present[path],
            text,
            "ui/src/lib/bindings/{} is stale: run UPDATE_BINDINGS=1 cargo test -p aitems-desk \
             --test bindings",
            path.display()
        );
    }
}

#[test]
fn open_shapes_keep_their_unknown_fields_and_values() {
    let generated = generate();
    let train = &generated[Path::new("Train.ts")];
    assert!(
        train.contains("& ({ [key in string]"),
        "a Train may carry fields this version does not know: {train}"
    );
    for field in [
        "serviceId?: string",
        "type?: string",
        "status?: string",
        "createdDate?: string",
    ] {
        assert!(train.contains(field), "{field} in {train}");
    }
    let error = &generated[Path::new("AppError.ts")];
    assert!(error.contains("code: ErrorCode"), "{error}");
    let codes = &generated[Path::new("ErrorCode.ts")];
    for code in ErrorCode::ALL {
        assert!(codes.contains(&format!("\"{code}\"")), "{code} in {codes}");
    }
    let input = &generated[Path::new("ProfileInput.ts")];
    assert!(input.contains("secretKey: string | null"), "{input}");
}
