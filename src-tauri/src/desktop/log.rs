//! The log file a user can send to support, through `tauri-plugin-log`: a rotated file in
//! the OS log folder. The app's `tracing` events reach it as `log` records (the `tracing`
//! crate's `log-always` feature), next to Tauri's and the plugins' own `log` records;
//! stderr keeps the one `tracing` subscriber of `aitems::logging`. Nothing logged carries
//! a key: secrets are `SecretString`s, which print `***`.

use std::path::{Path, PathBuf};

use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_log::{RotationStrategy, Target, TargetKind};

pub use tauri_plugin_log::log::LevelFilter;

/// The log file's name, without its `.log` extension.
pub const FILE_NAME: &str = "aitems-desk";

/// A log file grows to about this size before it is rotated.
const MAX_FILE_BYTES: u128 = 2_000_000;

/// How many log files are kept: the current one and the rotated ones before it.
const KEEP_FILES: usize = 5;

/// Where the log is written, for the About dialog and "Open log folder".
#[derive(Clone, Debug)]
pub struct LogFile {
    folder: Option<PathBuf>,
    problem: Option<String>,
}

impl LogFile {
    /// The folder holding the log files, when the OS names one.
    #[must_use]
    pub fn folder(&self) -> Option<&Path> {
        self.folder.as_deref()
    }

    /// Why no log file is written, when none is.
    #[must_use]
    pub fn problem(&self) -> Option<&str> {
        self.problem.as_deref()
    }
}

/// The OS log folder: `~/.local/share/com.aitems.desk/logs` on Linux,
/// `~/Library/Logs/com.aitems.desk` on macOS, `%LOCALAPPDATA%\com.aitems.desk\logs` on
/// Windows.
#[must_use]
pub fn os_folder<R: Runtime>(app: &AppHandle<R>) -> Option<PathBuf> {
    app.path().app_log_dir().ok()
}

/// What the file records: `info` and more serious, or more when `RUST_LOG` is a bare,
/// more verbose level (`debug`, `trace`), as support may ask for.
#[must_use]
pub fn file_level(rust_log: Option<&str>) -> LevelFilter {
    rust_log
        .and_then(|value| value.trim().parse::<LevelFilter>().ok())
        .map_or(LevelFilter::Info, |asked| asked.max(LevelFilter::Info))
}

/// Starts writing the log file in `folder` at `level`. A folder that cannot be created or
/// written (or none at all) leaves the app running, logging to stderr only; the returned
/// [`LogFile`] says why.
pub fn start<R: Runtime>(
    app: &AppHandle<R>,
    folder: Option<PathBuf>,
    level: LevelFilter,
) -> LogFile {
    let Some(path) = folder else {
        return without_file(None, "the system names no log folder".into());
    };
    let plugin = tauri_plugin_log::Builder::new()
        .targets([Target::new(TargetKind::Folder {
            path: path.clone(),
            file_name: Some(FILE_NAME.into()),
        })])
        .rotation_strategy(RotationStrategy::KeepSome(KEEP_FILES))
        .max_file_size(MAX_FILE_BYTES)
        .level(level)
        // zbus (the one-instance guard's D-Bus) logs every call it serves at info.
        .level_for("zbus", LevelFilter::Warn)
        .build();
    match app.plugin(plugin) {
        Ok(()) => {
            tracing::info!(
                "AiTEMS Desk {} started; this log is in {}",
                app.package_info().version,
                path.display()
            );
            LogFile {
                folder: Some(path),
                problem: None,
            }
        }
        Err(error) => without_file(Some(path), error.to_string()),
    }
}

fn without_file(folder: Option<PathBuf>, problem: String) -> LogFile {
    let place = folder
        .as_deref()
        .map_or_else(String::new, |path| format!(" in {}", path.display()));
    tracing::warn!("no log file{place} ({problem}); logging to stderr only");
    LogFile {
        folder,
        problem: Some(problem),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_records_info_unless_rust_log_asks_for_more() {
        assert_eq!(file_level(None), LevelFilter::Info);
        assert_eq!(file_level(Some("warn")), LevelFilter::Info);
        assert_eq!(file_level(Some(" debug ")), LevelFilter::Debug);
        assert_eq!(file_level(Some("TRACE")), LevelFilter::Trace);
        assert_eq!(file_level(Some("aitems=trace")), LevelFilter::Info);
    }
}
