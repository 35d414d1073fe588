//! Declares the app's commands so `capabilities/` can grant exactly these and nothing else,
//! and makes a fresh clone's first `cargo build` or `cargo clippy` work before the UI is built.

#[path = "build/ui_dist.rs"]
mod ui_dist;

use std::path::{Path, PathBuf};

use ui_dist::{UiDist, UI_INDEX};

include!("src/command_names.rs");

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
    let decision = ui_dist::decide(
        Path::new(UI_INDEX).is_file(),
        std::env::var_os("TAURI_CONFIG").is_some(),
        &std::env::var("PROFILE").unwrap_or_default(),
    );
    match decision {
        UiDist::Built => {}
        UiDist::Stop(line) => {
            eprintln!("{line}");
            std::process::exit(1);
        }
        UiDist::StandIn(line) => {
            let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
            let dist = out.join("ui-not-built");
            std::fs::create_dir_all(&dist).expect("OUT_DIR is writable");
            std::fs::write(dist.join("index.html"), ui_dist::stand_in_page())
                .expect("OUT_DIR is writable");
            let config = ui_dist::tauri_config_for(&dist);
            println!("cargo:rustc-env=TAURI_CONFIG={config}");
            println!("cargo:warning={line}");
        }
    }
}
