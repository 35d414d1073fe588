//! The table layout through the real commands: kept per profile and service in the
//! settings file (read again by a new start of the app), in memory for demo mode.

use crate::harness::*;

fn layout(columns: &[&str], recent: bool) -> Value {
    json!({
        "version": 1, "columns": columns, "widths": { "description": 300 },
        "sort": [{ "id": "status", "desc": false }], "filter": "", "facets": {},
        "created": { "preset": "7d", "fromDay": "", "toDay": "" }, "recent": recent
    })
}

fn saved(h: &Harness, profile: &str, service_id: &str) -> Value {
    h.ok(
        "table_layout",
        json!({ "profile": profile, "serviceId": service_id }),
    )
}

fn save(h: &Harness, profile: &str, service_id: &str, layout: Value) -> Result<Value, Value> {
    h.call(
        "save_table_layout",
        json!({ "profile": profile, "serviceId": service_id, "layout": layout }),
    )
}

#[test]
fn a_saved_profile_keeps_a_layout_per_service_in_its_settings_file() {
    let h = Harness::new();
    h.save_profile_on_demo("Work");
    assert_eq!(saved(&h, "Work", SMALL_SERVICE), Value::Null);
    let mine = layout(&["version", "status", "hp:item_top_n"], true);
    save(&h, "Work", SMALL_SERVICE, mine.clone()).unwrap();
    assert_eq!(saved(&h, "Work", SMALL_SERVICE), mine);
    assert_eq!(saved(&h, "Work", MEDIUM_SERVICE), Value::Null);

    // A new start of the app reads the same settings file.
    let manager = h.app.state::<AppState>().profiles().unwrap();
    let settings = manager.settings_path().parent().unwrap().to_owned();
    let restarted = ProfileManager::with_config_dir(settings, Arc::new(MemoryStore::new()));
    let read = restarted.table_layout("Work", SMALL_SERVICE).unwrap();
    assert_eq!(serde_json::to_value(read).unwrap(), mine);

    save(&h, "Work", SMALL_SERVICE, Value::Null).unwrap();
    assert_eq!(saved(&h, "Work", SMALL_SERVICE), Value::Null, "reset");
}

#[test]
fn a_layout_of_another_version_is_refused_and_a_broken_one_reads_as_none() {
    let h = Harness::new();
    h.save_profile_on_demo("Work");
    let mut newer = layout(&["type"], false);
    newer["version"] = json!(2);
    let error = save(&h, "Work", SMALL_SERVICE, newer).unwrap_err();
    assert_eq!(error["code"], "invalid_input");
    let broken = json!({ "version": 1, "columns": "type" });
    assert!(
        save(&h, "Work", SMALL_SERVICE, broken).is_err(),
        "not a layout"
    );
    assert_eq!(
        h.error_code(
            "table_layout",
            json!({ "profile": "Nobody", "serviceId": SMALL_SERVICE })
        ),
        "profile_not_found"
    );
}

#[test]
fn demo_mode_keeps_its_layouts_in_memory() {
    let h = Harness::started(true);
    h.ok("start_demo", json!({}));
    let mine = layout(&["type", "version"], false);
    save(&h, "Demo", MEDIUM_SERVICE, mine.clone()).unwrap();
    assert_eq!(saved(&h, "Demo", MEDIUM_SERVICE), mine);
    let manager = h.app.state::<AppState>().profiles().unwrap();
    let written = std::fs::read_to_string(manager.settings_path()).unwrap_or_default();
    assert!(
        !written.contains("tableLayouts"),
        "nothing written: {written}"
    );
    assert!(manager.list().unwrap().is_empty());
}
