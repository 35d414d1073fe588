//! Declares the app's commands so `capabilities/` can grant exactly these and nothing else,
//! and makes a fresh clone's first `cargo build` or `cargo clippy` work before the UI is built.

use std::path::{Path, PathBuf};

/// Every command the web view may call; each gets an `allow-…` permission.
const COMMANDS: &[&str] = &[
    "app_info",
    "list_profiles",
    "save_profile",
    "delete_profile",
    "test_connection",
    "start_demo",
    "list_services",
    "list_trains",
    "export_csv",
];

/// The page `tauri.conf.json` embeds (`frontendDist`), relative to this crate.
const UI_INDEX: &str = "../ui/dist/index.html";

/// What to run to build the UI.
const BUILD_THE_UI: &str = "npm --prefix ui ci && npm --prefix ui run build";

fn main() {
    stand_in_for_a_missing_ui();
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("the Tauri build step failed (see the message above)");
}

/// Without `ui/dist`, Tauri's `generate_context!` panics with a message that does not say
/// what to do. A debug build (and `cargo clippy`, `cargo test`) embeds a one-page stand-in
/// that says to build the UI, with one warning line; a release build stops with one error
/// line, so the stand-in never ships.
fn stand_in_for_a_missing_ui() {
    println!("cargo:rerun-if-changed={UI_INDEX}");
    println!("cargo:rerun-if-env-changed=TAURI_CONFIG");
    if Path::new(UI_INDEX).is_file() || std::env::var_os("TAURI_CONFIG").is_some() {
        return;
    }
    if std::env::var("PROFILE").as_deref() == Ok("release") {
        eprintln!("error: the UI is not built: run \"{BUILD_THE_UI}\" first");
        std::process::exit(1);
    }
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let dist = out.join("ui-not-built");
    std::fs::create_dir_all(&dist).expect("OUT_DIR is writable");
    std::fs::write(dist.join("index.html"), stand_in_page()).expect("OUT_DIR is writable");
    // `generate_context!` merges this into tauri.conf.json (a JSON string: `\` and `"`
    // escaped).
    let path = dist
        .display()
        .to_string()
        .replace('\\', "\\\\")
        .replace('"', "\\\"");
    println!("cargo:rustc-env=TAURI_CONFIG={{\"build\":{{\"frontendDist\":\"{path}\"}}}}");
    println!("cargo:warning=the UI is not built, so this build shows a page saying so: run \"{BUILD_THE_UI}\" for the real one");
}

/// The stand-in page: static text, no script (the app's CSP allows none inline).
fn stand_in_page() -> String {
    format!(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>AiTEMS Desk</title></head>\n\
         <body style=\"font-family: sans-serif; margin: 3em\">\n\
         <h1>The UI is not built</h1>\n\
         <p>This build of AiTEMS Desk was compiled before its user interface was built. From the \
         repository root, run</p>\n<pre>{BUILD_THE_UI}</pre>\n<p>then build the app again.</p>\n\
         <p lang=\"ko\">UI가 빌드되지 않았습니다. 저장소 최상위 폴더에서 위 명령을 실행한 뒤 앱을 다시 빌드하세요.</p>\n\
         </body></html>\n"
    )
}
