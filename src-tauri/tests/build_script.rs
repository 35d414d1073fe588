//! The build script's handling of a UI that is not built yet (`build/ui_dist.rs`).

#[path = "../build/ui_dist.rs"]
mod ui_dist;

use std::path::Path;

use ui_dist::{decide, stand_in_page, tauri_config_for, UiDist, BUILD_THE_UI, UI_INDEX};

#[test]
fn a_missing_ui_stops_a_release_build_and_stands_in_for_a_debug_one() {
    assert_eq!(decide(true, false, "release"), UiDist::Built);
    assert_eq!(
        decide(false, true, "release"),
        UiDist::Built,
        "TAURI_CONFIG chooses"
    );
    let UiDist::Stop(line) = decide(false, false, "release") else {
        panic!("a release build without the UI must stop");
    };
    assert_eq!(
        line,
        format!("error: the UI is not built: run \"{BUILD_THE_UI}\" first")
    );
    let UiDist::StandIn(warning) = decide(false, false, "debug") else {
        panic!("a debug build without the UI gets the stand-in");
    };
    assert!(
        !warning.contains('\n') && warning.contains(BUILD_THE_UI),
        "{warning}"
    );
    assert!(stand_in_page().contains(BUILD_THE_UI));
    assert!(!stand_in_page().contains("<script"));
}

#[test]
fn the_stand_in_folder_reaches_tauri_as_json_whatever_its_path() {
    for path in [r"/tmp/out dir/ui-not-built", r#"C:\Users\a"b\ui-not-built"#] {
        let config: serde_json::Value =
            serde_json::from_str(&tauri_config_for(Path::new(path))).expect("TAURI_CONFIG is JSON");
        assert_eq!(config["build"]["frontendDist"], path);
    }
}

#[test]
fn the_page_checked_is_the_one_tauri_embeds() {
    let conf: serde_json::Value = serde_json::from_str(include_str!("../tauri.conf.json")).unwrap();
    let dist = conf["build"]["frontendDist"].as_str().unwrap();
    assert_eq!(UI_INDEX, format!("{dist}/index.html"));
}
