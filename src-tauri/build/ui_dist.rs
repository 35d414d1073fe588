//! What the build does when `ui/dist` (which `tauri.conf.json` embeds) is not built yet.
//! Included by `build.rs` and by `tests/build_script.rs`, which tests it.

use std::path::Path;

/// The page `tauri.conf.json` embeds (`frontendDist`), relative to the crate.
pub const UI_INDEX: &str = "../ui/dist/index.html";

/// What to run to build the UI.
pub const BUILD_THE_UI: &str = "npm --prefix ui ci && npm --prefix ui run build";

/// What the build does about the UI.
#[derive(Debug, PartialEq, Eq)]
pub enum UiDist {
    /// The UI is built (or `TAURI_CONFIG` chooses what to embed): nothing to do.
    Built,
    /// A debug build without the UI: embed the stand-in page, with this one warning line.
    StandIn(String),
    /// A release build without the UI: stop with this one error line, so the stand-in
    /// never ships.
    Stop(String),
}

/// Decides from whether the UI's `index.html` exists, whether `TAURI_CONFIG` is set and
/// cargo's `PROFILE`.
pub fn decide(index_exists: bool, tauri_config_set: bool, profile: &str) -> UiDist {
    if index_exists || tauri_config_set {
        UiDist::Built
    } else if profile == "release" {
        UiDist::Stop(format!(
            "error: the UI is not built: run \"{BUILD_THE_UI}\" first"
        ))
    } else {
        UiDist::StandIn(format!(
            "the UI is not built, so this build shows a page saying so: run \"{BUILD_THE_UI}\" for the real one"
        ))
    }
}

/// The `TAURI_CONFIG` (merged into `tauri.conf.json` by `generate_context!`) that embeds
/// the folder `dist` instead of `ui/dist`.
pub fn tauri_config_for(dist: &Path) -> String {
    let path = dist
        .display()
        .to_string()
        .replace('\\', "\\\\")
        .replace('"', "\\\"");
    format!("{{\"build\":{{\"frontendDist\":\"{path}\"}}}}")
}

/// The stand-in page: static text, no script (the app's CSP allows none inline).
pub fn stand_in_page() -> String {
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
