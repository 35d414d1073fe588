//! What people expect of a desktop app, each through Tauri's official plugin: one
//! instance ([`single_instance`]), a window that opens where it was left
//! ([`window_state`]), a log file for support ([`log`]) and signed updates ([`updater`]).

pub mod commands;
pub mod log;
pub mod settings;
pub mod single_instance;
pub mod updater;
pub mod window_state;

use tauri::{AppHandle, Builder, Manager, Runtime};

use crate::state::AppState;

/// Adds the desktop plugins to the app, the one-instance guard first (its docs require it,
/// so that a second launch stops before anything else starts).
#[must_use]
pub fn plugins<R: Runtime>(builder: Builder<R>) -> Builder<R> {
    builder
        .plugin(single_instance::plugin())
        .plugin(window_state::plugin())
        .plugin(window_state::saver())
        .plugin(tauri_plugin_updater::Builder::new().build())
}

/// Starts what needs the running app: the log file (the app starts without one when its
/// folder cannot be written), the desktop commands' state, and the update check at start.
pub fn setup<R: Runtime>(app: &AppHandle<R>) {
    let level = log::file_level(std::env::var(aitems::logging::LOG_ENV).ok().as_deref());
    app.manage(log::start(app, log::os_folder(app), level));
    app.manage(single_instance::SecondLaunches::default());
    app.manage(updater::Updates::new(
        settings::SettingsFile::in_config_dir(),
    ));
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        // `run_app` always manages the state; without it, no check rather than a panic.
        let demo = match app.try_state::<AppState>() {
            Some(state) => state.demo_requested(),
            None => true,
        };
        // A failure is logged where it happens; the window asks for the answer itself.
        let _ = app
            .state::<updater::Updates>()
            .offer_at_start(&app, demo)
            .await;
    });
}
