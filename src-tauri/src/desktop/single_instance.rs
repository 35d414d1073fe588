//! One instance: a second launch hands its arguments to the running app and exits
//! (`tauri-plugin-single-instance`, registered before every other plugin, as its docs
//! require). The running app comes to the front and stays as it was started, also when
//! the second launch asked for demo mode; the log says so, and so can the window, which
//! hears of each second launch over `second_launches`.

use std::sync::{Mutex, MutexGuard, PoisonError};

use serde::Serialize;
use tauri::ipc::Channel;
use tauri::plugin::TauriPlugin;
use tauri::{AppHandle, Manager, Runtime};
use ts_rs::TS;

use crate::state::AppState;
use crate::DEMO_FLAG;

/// A second launch of the app, as the running one saw it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SecondLaunch {
    /// Whether the second launch asked for demo mode (`--demo`).
    pub demo_requested: bool,
    /// Whether the running app, which stays, was started in demo mode.
    pub running_in_demo: bool,
}

impl SecondLaunch {
    /// A second launch with the command line `argv` while an app started in demo mode
    /// (`running_in_demo`) or not runs.
    #[must_use]
    pub fn new(argv: &[String], running_in_demo: bool) -> Self {
        Self {
            demo_requested: argv.iter().skip(1).any(|arg| arg == DEMO_FLAG),
            running_in_demo,
        }
    }

    /// One line for the log: which app stays.
    #[must_use]
    pub fn summary(&self) -> String {
        let mode = |demo| if demo { "demo mode" } else { "normal mode" };
        format!(
            "AiTEMS Desk was started again ({}); the running app ({}) stays and comes to the front",
            mode(self.demo_requested),
            mode(self.running_in_demo)
        )
    }
}

/// The window's listener for second launches.
#[derive(Default)]
pub struct SecondLaunches {
    listener: Mutex<Option<Channel<SecondLaunch>>>,
}

impl SecondLaunches {
    /// Sends later second launches over `channel` (replacing an earlier listener).
    pub fn listen(&self, channel: Channel<SecondLaunch>) {
        *self.listener() = Some(channel);
    }

    /// Tells the window; a window that stopped listening is forgotten.
    fn tell(&self, launch: &SecondLaunch) {
        let mut listener = self.listener();
        if let Some(channel) = listener.as_ref() {
            if let Err(error) = channel.send(launch.clone()) {
                tracing::debug!("the window stopped listening for second launches: {error}");
                *listener = None;
            }
        }
    }

    fn listener(&self) -> MutexGuard<'_, Option<Channel<SecondLaunch>>> {
        // A panic while holding the lock leaves a valid `Option`: keep using it.
        self.listener.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// The plugin that keeps the app to one instance.
#[must_use]
pub fn plugin<R: Runtime>() -> TauriPlugin<R> {
    tauri_plugin_single_instance::init(|app, argv, _cwd| {
        on_second_launch(app, &argv);
    })
}

/// What the running app does when it is started again with `argv`: logs which app stays,
/// brings its window to the front and tells the window.
pub fn on_second_launch<R: Runtime>(app: &AppHandle<R>, argv: &[String]) -> SecondLaunch {
    let running_in_demo = app
        .try_state::<AppState>()
        .is_some_and(|state| state.demo_requested());
    let launch = SecondLaunch::new(argv, running_in_demo);
    tracing::info!("{}", launch.summary());
    crate::tray::show_main_window(app);
    if let Some(launches) = app.try_state::<SecondLaunches>() {
        launches.tell(&launch);
    }
    launch
}

#[cfg(test)]
mod tests {
    use super::*;

    fn argv(args: &[&str]) -> Vec<String> {
        args.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn a_demo_launch_while_a_normal_app_runs_leaves_the_normal_one() {
        let launch = SecondLaunch::new(&argv(&["aitems-desk", "--demo"]), false);
        assert!(launch.demo_requested);
        assert!(!launch.running_in_demo);
        assert_eq!(
            launch.summary(),
            "AiTEMS Desk was started again (demo mode); the running app (normal mode) stays and comes to the front"
        );
    }

    #[test]
    fn the_program_path_is_not_an_argument() {
        let launch = SecondLaunch::new(&argv(&["--demo"]), true);
        assert!(!launch.demo_requested);
        assert!(launch.running_in_demo);
    }
}
