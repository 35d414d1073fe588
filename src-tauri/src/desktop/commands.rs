//! The desktop commands the window may call: About (version, log folder, update setting),
//! "Open log folder", update check and install, and second launches.

use serde::Serialize;
use tauri::ipc::Channel;
use tauri::{AppHandle, Runtime, State};
use ts_rs::TS;

use super::log::LogFile;
use super::single_instance::{SecondLaunch, SecondLaunches};
use super::updater::{self, UpdateOffer, UpdateProgress, Updates};
use crate::error::{CommandError, CommandResult};
use crate::state::AppState;

/// What the About dialog shows.
#[derive(Clone, Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AboutInfo {
    /// The app version (the one updates are compared with).
    pub version: String,
    /// The folder holding the log files, when the system names one.
    pub log_folder: Option<String>,
    /// Why no log file is written, when none is.
    pub log_problem: Option<String>,
    /// Whether the app looks for updates when it starts.
    pub check_updates_at_start: bool,
}

/// The version, where the log is, and the update setting.
#[tauri::command]
pub fn about<R: Runtime>(
    app: AppHandle<R>,
    log: State<'_, LogFile>,
    updates: State<'_, Updates>,
) -> AboutInfo {
    AboutInfo {
        version: app.package_info().version.to_string(),
        log_folder: log.folder().map(|path| path.display().to_string()),
        log_problem: log.problem().map(str::to_owned),
        check_updates_at_start: updates.checks_at_start(),
    }
}

/// Opens the log folder in the system's file manager.
///
/// # Errors
/// `not_found` when there is no log folder, `internal` when the system cannot open it.
#[tauri::command]
pub fn open_log_folder(log: State<'_, LogFile>) -> CommandResult<()> {
    let folder = log
        .folder()
        .filter(|folder| folder.is_dir())
        .ok_or_else(|| CommandError {
            code: aitems::ErrorCode::NotFound,
            message: "There is no log folder yet.".into(),
            hint: log.problem().map_or_else(
                || "Restart AiTEMS Desk; it creates the folder when it starts.".to_owned(),
                |problem| format!("The log could not be written: {problem}"),
            ),
            detail: None,
            specific: true,
        })?;
    tauri_plugin_opener::open_path(folder, None::<&str>).map_err(|error| {
        CommandError::internal("The log folder could not be opened.", error.to_string())
    })
}

/// Whether a newer version is available. `manual: false` is the check at start: nothing
/// when the setting is off or in demo mode, and nothing when the update server cannot be
/// reached; `manual: true` looks now and says when the server cannot be reached.
///
/// # Errors
/// `invalid_response` for a manifest that cannot be read; `network` (manual only).
#[tauri::command]
pub async fn check_update<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    updates: State<'_, Updates>,
    manual: bool,
) -> CommandResult<Option<UpdateOffer>> {
    if manual {
        updates.offer_now(&app).await
    } else {
        updates.offer_at_start(&app, state.demo_requested()).await
    }
}

/// Downloads the update on offer (progress over `on_progress`), checks its signature,
/// installs it and restarts into the new version: on success the reply never comes.
///
/// # Errors
/// `invalid_input` when no update is on offer; `network` when the download stops;
/// `invalid_response` when the signature does not match; `internal` when the system
/// refuses the install. In each case nothing was changed.
#[tauri::command]
pub async fn install_update<R: Runtime>(
    app: AppHandle<R>,
    updates: State<'_, Updates>,
    on_progress: Channel<UpdateProgress>,
) -> CommandResult<()> {
    let (update, bytes) = updates
        .download(|progress| {
            // A window that stopped listening does not stop the download.
            let _ = on_progress.send(progress);
        })
        .await?;
    updater::install_and_restart(&app, &update, &bytes)
}

/// Turns the update check at start on or off.
///
/// # Errors
/// `settings_io` when the setting cannot be saved.
#[tauri::command]
pub fn set_update_check(updates: State<'_, Updates>, enabled: bool) -> CommandResult<()> {
    updates.set_checks_at_start(enabled)
}

/// Sends each later launch of the app (which brings this window to the front instead)
/// over `on_launch`. A later call replaces the earlier listener.
#[tauri::command]
pub fn second_launches(launches: State<'_, SecondLaunches>, on_launch: Channel<SecondLaunch>) {
    launches.listen(on_launch);
}
