//! Export CSV: the rows the UI shows, in its order and with its columns, written by the
//! `aitems` export rules (the same as the CLI's) to the user's Downloads folder under a
//! free name, as a browser would save a download. The UI is told where the file went.

use std::fs::{File, OpenOptions};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use aitems::export::{write_trains_csv, TrainColumn};
use aitems::{ErrorCode, ErrorDetail, Train};
use serde::Serialize;
use tauri::{AppHandle, Manager, Runtime};

use crate::all_services::ALL_SERVICES;
use crate::error::{CommandError, CommandResult};
use crate::state::blocking;

/// Where `export_csv` saved the file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct ExportedCsv {
    /// The file's full path.
    pub path: String,
}

/// Writes `trains` (the visible rows, in view order) with `columns` as
/// `aitems-<serviceId>-<yyyyMMddHHmm>.csv` (`aitems-all-services-…` for the view of every
/// service, [`ALL_SERVICES`]) in the Downloads folder, never over an existing
/// file (`name (1).csv`, `name (2).csv`, ...), and returns where it went.
#[tauri::command]
pub async fn export_csv<R: Runtime>(
    app: AppHandle<R>,
    service_id: String,
    trains: Vec<Train>,
    columns: Vec<TrainColumn>,
) -> CommandResult<ExportedCsv> {
    let source = if service_id == ALL_SERVICES {
        "all-services"
    } else {
        aitems::client::check_service_id(&service_id)?
    };
    let folder = downloads_folder(&app);
    let stamp = chrono::Local::now().format("%Y%m%d%H%M");
    let name = format!("aitems-{source}-{stamp}.csv");
    blocking(move || {
        let path = save_new(&folder, &name, |out| {
            write_trains_csv(&trains, &columns, out)
        })
        .map_err(|e| not_saved(&folder, &e))?;
        Ok(ExportedCsv {
            path: path.to_string_lossy().into_owned(),
        })
    })
    .await
}

/// The user's Downloads folder, or `~/Downloads` where the desktop names none.
fn downloads_folder<R: Runtime>(app: &AppHandle<R>) -> PathBuf {
    let paths = app.path();
    paths
        .download_dir()
        .or_else(|_| paths.home_dir().map(|home| home.join("Downloads")))
        .unwrap_or_else(|_| std::env::temp_dir())
}

/// Creates `folder` if needed and a new file in it under the first free name from
/// [`free_path`], writes it with `write`, and returns its path. A half-written file is
/// removed.
fn save_new(
    folder: &Path,
    name: &str,
    write: impl FnOnce(&mut BufWriter<File>) -> std::io::Result<()>,
) -> std::io::Result<PathBuf> {
    std::fs::create_dir_all(folder)?;
    let (path, file) = loop {
        let path = free_path(folder, name);
        // `create_new`: a file that appeared since `free_path` looked is not overwritten.
        match OpenOptions::new().write(true).create_new(true).open(&path) {
            Ok(file) => break (path, file),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(e),
        }
    };
    let mut out = BufWriter::new(file);
    let written = write(&mut out).and_then(|()| out.flush());
    if let Err(e) = written {
        drop(out);
        if let Err(cleanup) = std::fs::remove_file(&path) {
            tracing::warn!("could not remove a half-written export: {cleanup}");
        }
        return Err(e);
    }
    Ok(path)
}

/// `folder/name`, or `folder/stem (n).ext` with the first `n` not taken: never overwrites.
fn free_path(folder: &Path, name: &str) -> PathBuf {
    let (stem, ext) = match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => (stem, format!(".{ext}")),
        _ => (name, String::new()),
    };
    let mut candidate = folder.join(name);
    let mut n = 1;
    while candidate.exists() {
        candidate = folder.join(format!("{stem} ({n}){ext}"));
        n += 1;
    }
    candidate
}

fn not_saved(folder: &Path, error: &std::io::Error) -> CommandError {
    tracing::warn!(
        "could not save a CSV export in {}: {error}",
        folder.display()
    );
    CommandError {
        code: ErrorCode::ExportFailed,
        message: format!("The CSV file could not be saved in {}.", folder.display()),
        hint: "Check that the folder exists and has free space, then export again.".into(),
        detail: Some(Box::new(ErrorDetail {
            server_message: Some(error.to_string()),
            ..ErrorDetail::default()
        })),
        // It names the folder.
        specific: true,
    }
}

#[cfg(test)]
mod tests {
    use super::{free_path, save_new};

    #[test]
    fn free_path_never_overwrites() {
        let dir = tempfile::tempdir().expect("a temp dir");
        assert_eq!(free_path(dir.path(), "a.csv"), dir.path().join("a.csv"));
        std::fs::write(dir.path().join("a.csv"), "x").expect("write");
        assert_eq!(free_path(dir.path(), "a.csv"), dir.path().join("a (1).csv"));
        std::fs::write(dir.path().join("a (1).csv"), "x").expect("write");
        assert_eq!(free_path(dir.path(), "a.csv"), dir.path().join("a (2).csv"));
        std::fs::write(dir.path().join("noext"), "x").expect("write");
        assert_eq!(free_path(dir.path(), "noext"), dir.path().join("noext (1)"));
    }

    #[test]
    fn a_failed_write_leaves_no_file() {
        let dir = tempfile::tempdir().expect("a temp dir");
        let folder = dir.path().join("new folder");
        let failed = save_new(&folder, "a.csv", |out| {
            std::io::Write::write_all(out, b"half")?;
            Err(std::io::Error::other("disk full"))
        });
        assert_eq!(failed.unwrap_err().to_string(), "disk full");
        assert_eq!(std::fs::read_dir(&folder).expect("created").count(), 0);
        let saved = save_new(&folder, "a.csv", |out| {
            std::io::Write::write_all(out, b"ok")
        });
        assert_eq!(saved.expect("saved"), folder.join("a.csv"));
    }
}
