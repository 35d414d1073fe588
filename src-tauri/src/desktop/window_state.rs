//! The window opens where it was left, through `tauri-plugin-window-state`: size,
//! position and maximised state are restored when the window opens, and a position on a
//! screen that is no longer attached is not (the plugin restores it only when it meets a
//! present screen), so the system places the window on a visible one. The plugin writes
//! the state when the app exits normally; it is also written shortly after each move or
//! resize, so that a crash, a killed app or a logout keeps it too.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use tauri::plugin::TauriPlugin;
use tauri::{Manager, Runtime, Window, WindowEvent};
use tauri_plugin_window_state::{AppHandleExt, StateFlags};

/// What is kept of the window: everything but whether it is shown, so that an app quit
/// while its window was hidden (in the tray) still opens with a window.
const KEPT: StateFlags = StateFlags::all().difference(StateFlags::VISIBLE);

/// How long the window must stay still before its place is written.
const SAVE_AFTER: Duration = Duration::from_millis(500);

/// The plugin that restores and saves the window's place.
#[must_use]
pub fn plugin<R: Runtime>() -> TauriPlugin<R> {
    tauri_plugin_window_state::Builder::default()
        .with_state_flags(KEPT)
        .build()
}

/// Writes the window's place once it has been still for [`SAVE_AFTER`] after a move or
/// resize (a drag moves it many times; only the last place is written).
#[must_use]
pub fn saver<R: Runtime>() -> TauriPlugin<R> {
    tauri::plugin::Builder::new("window-state-saver")
        .on_window_ready(save_after_changes)
        .build()
}

fn save_after_changes<R: Runtime>(window: Window<R>) {
    let changes = Arc::new(AtomicU64::new(0));
    let app = window.app_handle().clone();
    window.on_window_event(move |event| {
        if !matches!(event, WindowEvent::Moved(_) | WindowEvent::Resized(_)) {
            return;
        }
        let this_change = changes.fetch_add(1, Ordering::SeqCst) + 1;
        let changes = changes.clone();
        let app = app.clone();
        tauri::async_runtime::spawn(async move {
            tokio::time::sleep(SAVE_AFTER).await;
            if changes.load(Ordering::SeqCst) == this_change {
                if let Err(error) = app.save_window_state(KEPT) {
                    tracing::debug!("the window's place was not saved: {error}");
                }
            }
        });
    });
}
