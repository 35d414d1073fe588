//! Where notices go: the desktop's notifications in the app, a recorder in tests; and
//! where a clicked notice takes the window.

use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_notification::{ActionPerformed, NotificationExt, PermissionState};

use super::{Notice, NoticeTarget};
use crate::state::AppState;

/// The notification's extra data that says what a click opens.
const OPENS: &str = "opens";
/// The action a click on the notification itself is reported as.
const CLICKED: &str = "tap";

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
        let mut builder = self
            .0
            .notification()
            .builder()
            .title(&notice.title)
            .body(&notice.body);
        if let Some(opens) = &notice.opens {
            builder = builder.extra(OPENS, opens);
        }
        let shown = builder.show();
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

/// From now on, a click on one of the app's notifications brings the window forward and,
/// for a notice about trainings, opens its service on the training it names. The system
/// tells of the click where it can: Linux (by the notification server), macOS, and
/// Windows while the notification is on screen.
pub fn open_on_click<R: Runtime>(app: &AppHandle<R>) {
    let handle = app.clone();
    let heard = app.notification().on_action(move |performed| {
        if performed.action_id() != CLICKED {
            return;
        }
        crate::tray::show_main_window(&handle);
        if let Some(target) = target_of(performed) {
            handle.state::<AppState>().watch().open(target);
        }
    });
    if let Err(error) = heard {
        tracing::warn!("clicks on notifications will not open the app: {error}");
    }
}

/// What a clicked notification opens, as it was shown.
fn target_of(performed: &ActionPerformed) -> Option<NoticeTarget> {
    let opens = performed.notification()?.extra().get(OPENS)?;
    serde_json::from_value(opens.clone())
        .inspect_err(|error| tracing::warn!("a clicked notice's target is unreadable: {error}"))
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A click as the notification plugin reports it, on a notification shown with `extra`.
    fn clicked(action: &str, extra: serde_json::Value) -> ActionPerformed {
        serde_json::from_value(serde_json::json!({
            "actionId": action,
            "inputValue": null,
            "notification": { "id": 0, "title": "Fashion", "extra": extra },
        }))
        .unwrap()
    }

    #[test]
    fn a_clicked_notice_opens_what_it_was_shown_with() {
        let target = NoticeTarget {
            profile: "Work".into(),
            service_id: "shop01".into(),
            train: Some(aitems::changes::TrainKey {
                train_type: "pop".into(),
                version: "v1".into(),
            }),
        };
        let shown = serde_json::json!({ OPENS: serde_json::to_value(&target).unwrap() });
        assert_eq!(target_of(&clicked(CLICKED, shown)), Some(target));
    }

    #[test]
    fn a_notice_shown_without_a_target_or_with_a_broken_one_opens_nothing() {
        assert_eq!(target_of(&clicked(CLICKED, serde_json::json!({}))), None);
        let broken = serde_json::json!({ OPENS: { "profile": 3 } });
        assert_eq!(target_of(&clicked(CLICKED, broken)), None);
    }
}
