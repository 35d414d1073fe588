//! AiTEMS Desk: the desktop shell. Only wiring lives here; the logic is in `aitems`.
#![deny(unsafe_code)]

/// The name of every command the web view may call.
pub mod all_services;
mod command_names;
pub mod commands;
pub mod demo;
pub mod desktop;
pub mod error;
pub mod export;
pub mod layouts;
pub mod memory;
pub mod offline;
pub mod pages;
pub mod prefetch;
pub mod sent;
pub mod state;
pub mod tray;
pub mod views;
pub mod watch;

use std::sync::Arc;

use aitems::credentials::{CachedStore, KeychainStore};
use aitems::profiles::ProfileManager;
use tauri::{Builder, Manager, Runtime};

pub use crate::command_names::COMMANDS;
use crate::error::CommandError;
use crate::offline::Offline;
use crate::state::AppState;
use aitems::cache::ListingCache;

/// The command-line flag that starts straight into demo mode.
pub const DEMO_FLAG: &str = "--demo";

/// The label of the main window (the one `capabilities/` grants the commands to).
pub const MAIN_WINDOW: &str = "main";

/// Starts the app with the OS keychain and the standard settings folder.
pub fn run() {
    prefer_safe_webkit_renderer();
    aitems::logging::install();
    let demo_requested = std::env::args().any(|arg| arg == DEMO_FLAG);
    // Keys are read from the keychain once per profile and run: a keychain that asks to be
    // unlocked then asks once, not on every listing.
    let keychain = CachedStore::new(KeychainStore::new());
    let profiles = ProfileManager::new(Arc::new(keychain)).map_err(CommandError::from);
    let offline = Offline::new(aitems::cache::listings_dir().map(ListingCache::new));
    let state = AppState::new(profiles, demo_requested).with_offline(offline);
    // The one-instance guard comes first: a second launch stops before anything starts.
    let builder =
        desktop::plugins(tauri::Builder::default()).plugin(tauri_plugin_notification::init());
    let app = run_app(builder, state).setup(|app| {
        // Runs on while the window opens; the commands take its answers when they are asked.
        desktop::setup(app.handle());
        drop(AppState::prefetch_at_launch(app.handle()));
        watch::open_on_click(app.handle());
        let notifier = watch::DesktopNotifier(app.handle().clone());
        app.state::<AppState>()
            .watch()
            .set_notifier(Arc::new(notifier));
        watch::scheduler::start(app.handle().clone());
        open_main_window(app.handle())?;
        tray::keep_watching_on_close(app.handle());
        Ok(())
    });
    if let Err(error) = app.run(tauri::generate_context!()) {
        eprintln!("AiTEMS Desk could not start: {error}");
        std::process::exit(1);
    }
}

/// Wires state and commands into a builder, for any runtime (tests use the mock one).
pub fn run_app<R: Runtime>(builder: Builder<R>, state: AppState) -> Builder<R> {
    builder
        .manage(state)
        .invoke_handler(tauri::generate_handler![
            commands::app_info,
            commands::list_profiles,
            commands::save_profile,
            commands::delete_profile,
            commands::test_connection,
            commands::start_demo,
            commands::list_services,
            commands::list_trains,
            all_services::list_all_trains,
            commands::kept_trains,
            commands::set_watch,
            layouts::table_layout,
            layouts::save_table_layout,
            commands::mark_seen,
            commands::watch_updates,
            export::export_csv,
            desktop::commands::about,
            desktop::commands::open_log_folder,
            desktop::commands::check_update,
            desktop::commands::install_update,
            desktop::commands::set_update_check,
            desktop::commands::second_launches,
        ])
}

/// Opens the main window as `tauri.conf.json` describes it (`create: false` there), with
/// the download hook that the configuration cannot express: the page downloads nothing
/// (Export CSV is the `export_csv` command), so every download is refused.
fn open_main_window<R: Runtime>(app: &tauri::AppHandle<R>) -> tauri::Result<()> {
    let config = app
        .config()
        .app
        .windows
        .iter()
        .find(|window| window.label == MAIN_WINDOW)
        .cloned()
        .unwrap_or_default();
    tauri::WebviewWindowBuilder::from_config(app, &config)?
        .on_download(|_, _| false)
        .build()?;
    Ok(())
}

/// WebKitGTK's DMA-BUF renderer shows a blank window on many GPUs: turn it off unless
/// the user chose otherwise. Runs first thing in `run`, before any thread starts.
fn prefer_safe_webkit_renderer() {
    #[cfg(target_os = "linux")]
    if std::env::var_os("WEBKIT_DISABLE_DMABUF_RENDERER").is_none() {
        std::env::set_var("WEBKIT_DISABLE_DMABUF_RENDERER", "1");
    }
}
