//! Declares the app's commands so `capabilities/` can grant exactly these and nothing else.

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
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("the Tauri build step failed (see the message above)");
}
