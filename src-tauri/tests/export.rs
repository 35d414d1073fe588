//! `export_csv` through Tauri's IPC with the app's own capabilities: the file lands in the
//! Downloads folder (here a scratch HOME's `~/Downloads`), by the export rules, in the order
//! and with the columns the UI sent, and a second export never overwrites the first.
//! One test in its own binary: it points HOME at a scratch folder for the whole process.

use std::sync::Arc;

use aitems::credentials::MemoryStore;
use aitems::profiles::ProfileManager;
use aitems_demo::data::{self, SMALL_SERVICE};
use aitems_desk::state::AppState;
use serde_json::{json, Value};
use tauri::test::{get_ipc_response, mock_builder, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::WebviewWindowBuilder;

#[test]
fn export_csv_writes_a_new_file_in_downloads_each_time() {
    let home = tempfile::tempdir().unwrap();
    // Before any thread of this process reads them: no user-dirs.dirs, so the folder is
    // the fallback a browser also uses, ~/Downloads (created by the export).
    std::env::set_var("HOME", home.path());
    std::env::set_var("XDG_CONFIG_HOME", home.path().join(".config"));
    std::env::remove_var("XDG_DOWNLOAD_DIR");

    let config = tempfile::tempdir().unwrap();
    let profiles = ProfileManager::with_config_dir(config.path(), Arc::new(MemoryStore::new()));
    let app = aitems_desk::run_app(mock_builder(), AppState::new(Ok(profiles), false))
        .build(tauri::generate_context!())
        .expect("the app builds with its real configuration");
    let webview = WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .unwrap();
    let call = |args: Value| {
        let request = InvokeRequest {
            cmd: "export_csv".into(),
            callback: tauri::ipc::CallbackFn(0),
            error: tauri::ipc::CallbackFn(1),
            url: "tauri://localhost".parse().unwrap(),
            body: tauri::ipc::InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        };
        get_ipc_response(&webview, request).map(|body| body.deserialize::<Value>().unwrap())
    };

    // The view's rows: the demo service's trainings, newest version last.
    let mut trains = data::trains(SMALL_SERVICE).unwrap();
    trains.reverse();
    let args = json!({ "serviceId": SMALL_SERVICE, "trains": trains, "columns": ["version", "status", "hpConfig"] });
    let first = call(args.clone()).expect("the export succeeds");
    let path = std::path::PathBuf::from(first["path"].as_str().unwrap());
    assert_eq!(path.parent().unwrap(), home.path().join("Downloads"));
    let name = path.file_name().unwrap().to_str().unwrap();
    let stamp = name
        .strip_prefix(&format!("aitems-{SMALL_SERVICE}-"))
        .and_then(|rest| rest.strip_suffix(".csv"))
        .unwrap_or_else(|| panic!("{name}"));
    assert!(
        stamp.len() == 12 && stamp.bytes().all(|b| b.is_ascii_digit()),
        "{name}"
    );

    let text = std::fs::read_to_string(&path).unwrap();
    let body = text.strip_prefix('\u{feff}').expect("a byte-order mark");
    let lines: Vec<&str> = body.trim_end_matches("\r\n").split("\r\n").collect();
    assert!(
        lines[0].starts_with("version,status,hpConfig."),
        "{}",
        lines[0]
    );
    let versions: Vec<&str> = lines[1..]
        .iter()
        .map(|line| line.split(',').next().unwrap())
        .collect();
    let expected: Vec<&str> = trains
        .iter()
        .map(|t| t["version"].as_str().unwrap())
        .collect();
    assert_eq!(versions, expected, "every row, in the order sent");

    let second = call(args).expect("the second export succeeds");
    assert_ne!(second["path"], first["path"]);
    assert_eq!(
        std::fs::read_to_string(second["path"].as_str().unwrap()).unwrap(),
        text,
        "the second file holds the same"
    );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        text,
        "the first is untouched"
    );

    let escape = call(json!({ "serviceId": "../x", "trains": [], "columns": ["version"] }))
        .expect_err("a service id that is not one is refused");
    assert_eq!(escape["code"], "invalid_input");

    // The view of every service: each row names its service.
    let mut every = data::trains(SMALL_SERVICE).unwrap();
    every.extend(data::trains(aitems_demo::data::MEDIUM_SERVICE).unwrap());
    let all =
        call(json!({ "serviceId": "*", "trains": every, "columns": ["serviceId", "version"] }))
            .expect("the view of every service exports");
    let all = std::path::PathBuf::from(all["path"].as_str().unwrap());
    let name = all.file_name().unwrap().to_str().unwrap();
    assert!(name.starts_with("aitems-all-services-"), "{name}");
    let text = std::fs::read_to_string(&all).unwrap();
    let services: std::collections::BTreeSet<&str> = text
        .trim_start_matches('\u{feff}')
        .split("\r\n")
        .skip(1)
        .filter_map(|line| line.split(',').next().filter(|s| !s.is_empty()))
        .collect();
    assert_eq!(
        services,
        [SMALL_SERVICE, aitems_demo::data::MEDIUM_SERVICE].into(),
        "{text:.200}"
    );

    let files = std::fs::read_dir(home.path().join("Downloads"))
        .unwrap()
        .count();
    assert_eq!(files, 3);
}
