//! Where notices go: the desktop's notifications in the app, a recorder in tests.

use tauri::{AppHandle, Runtime};
use tauri_plugin_notification::{NotificationExt, PermissionState};

use super::Notice;

/// Shows notices to the user.
pub trait Notifier: Send + Sync {
    /// Shows one notice; a failure is the notifier's to log, never the caller's problem.
    fn show(&self, notice: &Notice);

    /// Asks the system for leave to show notices, where it asks (not on the desktop
    /// systems the app runs on today, where notices are always allowed); `false` when
    /// refused.
    fn ask_permission(&self) -> bool;
}

/// Notices as native desktop notifications (`tauri-plugin-notification`).
pub struct DesktopNotifier<R: Runtime>(pub AppHandle<R>);

impl<R: Runtime> Notifier for DesktopNotifier<R> {
    fn show(&self, notice: &Notice) {
        let shown = self
            .0
            .notification()
            .builder()
            .title(&notice.title)
            .body(&notice.body)
            .show();
        if let Err(error) = shown {
            tracing::warn!("could not show a desktop notification: {error}");
        }
    }

    fn ask_permission(&self) -> bool {
        match self.0.notification().request_permission() {
            Ok(state) => state == PermissionState::Granted,
            Err(error) => {
                tracing::warn!("could not ask to show notifications: {error}");
                false
            }
        }
    }
}

/// Keeps notices to itself, until the app has its window and the desktop's notifier.
pub struct SilentNotifier;

impl Notifier for SilentNotifier {
    fn show(&self, notice: &Notice) {
        tracing::info!(title = %notice.title, "a notice was not shown: no notifier yet");
    }

    fn ask_permission(&self) -> bool {
        true
    }
}
