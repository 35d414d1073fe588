//! Files the page saves (the CSV export) go to the user's Downloads folder under a free
//! name, as in a browser. Only the page's own `blob:` URLs may download anything; the UI is
//! told where each file landed so it can say so.

use std::path::{Path, PathBuf};

use serde::Serialize;
use tauri::webview::DownloadEvent;
use tauri::{Emitter, Manager, Runtime, Webview};

/// Name of the event sent when a download has finished (or failed).
pub const DOWNLOAD_FINISHED_EVENT: &str = "download-finished";

/// The `download-finished` event.
#[derive(Clone, Debug, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct DownloadFinished {
    /// Where the file was saved; `None` when the platform does not say (macOS).
    pub path: Option<String>,
    /// Whether the file was written.
    pub success: bool,
}

/// The webview's download hook: allows `blob:` downloads into the Downloads folder and
/// reports each finished one to the page. Returns whether the download may go ahead.
pub fn on_download<R: Runtime>(webview: Webview<R>, event: DownloadEvent<'_>) -> bool {
    match event {
        DownloadEvent::Requested { url, destination } => {
            if url.scheme() != "blob" {
                tracing::warn!(
                    scheme = url.scheme(),
                    "refused a download that the page did not create"
                );
                return false;
            }
            let folder = downloads_folder(&webview);
            let name = destination
                .file_name()
                .map_or_else(|| "export.csv".into(), |n| n.to_string_lossy().into_owned());
            if let Err(e) = std::fs::create_dir_all(&folder) {
                tracing::warn!("could not create the downloads folder: {e}");
            }
            *destination = free_path(&folder, &name);
            true
        }
        DownloadEvent::Finished { path, success, .. } => {
            let event = DownloadFinished {
                path: path.map(|p| p.to_string_lossy().into_owned()),
                success,
            };
            if let Err(e) = webview.emit(DOWNLOAD_FINISHED_EVENT, event) {
                tracing::warn!("could not report a finished download: {e}");
            }
            true
        }
        _ => true,
    }
}

/// The user's Downloads folder, or `~/Downloads` where the desktop names none.
fn downloads_folder<R: Runtime>(webview: &Webview<R>) -> PathBuf {
    let paths = webview.path();
    paths
        .download_dir()
        .or_else(|_| paths.home_dir().map(|home| home.join("Downloads")))
        .unwrap_or_else(|_| std::env::temp_dir())
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

#[cfg(test)]
mod tests {
    use super::free_path;

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
}
