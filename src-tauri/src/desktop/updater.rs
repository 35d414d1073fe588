//! Updates, through `tauri-plugin-updater`: the release workflow publishes a signed
//! manifest (`latest.json`); the app looks at it when it starts (unless the setting is off
//! or it runs in demo mode), offers a newer version with its notes, and downloads,
//! verifies and installs it only when the user says so. The public key is in
//! `tauri.conf.json`; a package whose signature does not match it is never installed.

use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use aitems::ErrorCode;
use serde::Serialize;
use tauri::{AppHandle, Runtime, Url};
use tauri_plugin_updater::{Error, Update, UpdaterExt};
use tokio::sync::OnceCell;
use ts_rs::TS;

use super::settings::{DesktopSettings, SettingsFile};
use crate::error::{CommandError, CommandResult};

/// How long a look at the manifest, or a pause in the download, may take.
const TIMEOUT: Duration = Duration::from_secs(30);

/// A newer version on offer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct UpdateOffer {
    /// The version on offer, such as `0.2.0`.
    pub version: String,
    /// The version running now.
    pub current_version: String,
    /// What changed, as the release notes say it (plain text or Markdown).
    pub notes: Option<String>,
    /// When it was published (RFC 3339), when the manifest says.
    pub published: Option<String>,
    /// Whether the app can install it itself. Not when it was installed from a `.deb` or
    /// `.rpm` and the release has no package of that kind: the user updates with the
    /// package manager (or from the Releases page) instead.
    pub installable: bool,
}

impl UpdateOffer {
    fn of(update: &Update) -> Self {
        Self {
            version: update.version.clone(),
            current_version: update.current_version.clone(),
            notes: update.body.clone().filter(|notes| !notes.trim().is_empty()),
            published: update
                .raw_json
                .get("pub_date")
                .and_then(serde_json::Value::as_str)
                .map(str::to_owned),
            installable: installable(&update.raw_json, linux_package()),
        }
    }
}

/// The kind of Linux package this app was installed from (`deb`, `rpm`), if any.
fn linux_package() -> Option<&'static str> {
    use tauri::utils::{config::BundleType, platform::bundle_type};
    match bundle_type() {
        Some(BundleType::Deb) => Some("deb"),
        Some(BundleType::Rpm) => Some("rpm"),
        _ => None,
    }
}

/// Whether an app installed from `package` can install the update `manifest` offers: a
/// package manager's install only takes a package of its own kind (a `linux-x86_64-deb`
/// entry), not the AppImage that the plain `linux-x86_64` entry names.
fn installable(manifest: &serde_json::Value, package: Option<&str>) -> bool {
    let Some(kind) = package else {
        return true;
    };
    let suffix = format!("-{kind}");
    manifest["platforms"]
        .as_object()
        .is_some_and(|platforms| platforms.keys().any(|key| key.ends_with(&suffix)))
}

/// How far the download of an update is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct UpdateProgress {
    /// Bytes received so far.
    pub downloaded: u64,
    /// The package's size, when the server says.
    pub total: Option<u64>,
}

/// The update checks of this run: the setting, the answer of the check at start, and the
/// update last offered (the one `install_update` installs).
pub struct Updates {
    settings: SettingsFile,
    endpoint: Option<Url>,
    at_start: OnceCell<Option<UpdateOffer>>,
    offered: Mutex<Option<Update>>,
}

impl Updates {
    /// Checks the endpoints of `tauri.conf.json`, with the setting in `settings`.
    #[must_use]
    pub fn new(settings: SettingsFile) -> Self {
        Self {
            settings,
            endpoint: None,
            at_start: OnceCell::new(),
            offered: Mutex::new(None),
        }
    }

    /// Checks `endpoint` instead of the configured ones (tests serve one over loopback).
    #[must_use]
    pub fn with_endpoint(mut self, endpoint: Url) -> Self {
        self.endpoint = Some(endpoint);
        self
    }

    /// Whether the app looks for updates when it starts.
    #[must_use]
    pub fn checks_at_start(&self) -> bool {
        self.settings.load().check_updates_at_start
    }

    /// Turns the check at start on or off.
    ///
    /// # Errors
    /// `settings_io` when the setting cannot be saved.
    pub fn set_checks_at_start(&self, on: bool) -> CommandResult<()> {
        self.settings.save(&DesktopSettings {
            check_updates_at_start: on,
        })
    }

    /// The answer of the check at start, made once per run (by the first caller, the
    /// others wait for it): nothing when the setting is off or the app runs in demo mode,
    /// and nothing (with a log line) when the update server cannot be reached.
    ///
    /// # Errors
    /// A manifest that cannot be read.
    pub async fn offer_at_start<R: Runtime>(
        &self,
        app: &AppHandle<R>,
        demo: bool,
    ) -> CommandResult<Option<UpdateOffer>> {
        if demo || !self.checks_at_start() {
            return Ok(None);
        }
        let offer = self
            .at_start
            .get_or_try_init(|| async {
                match self.check(app).await {
                    Err(Failure::Unreachable(error)) => {
                        tracing::warn!(
                            "no update check: the update server could not be reached: {error}"
                        );
                        Ok(None)
                    }
                    other => other,
                }
            })
            .await;
        offer.cloned().map_err(|failure| failure.into_error())
    }

    /// Looks for an update now, as the user asked.
    ///
    /// # Errors
    /// `update_unreachable` when the update server cannot be reached,
    /// `update_unreadable` when its manifest cannot be read.
    pub async fn offer_now<R: Runtime>(
        &self,
        app: &AppHandle<R>,
    ) -> CommandResult<Option<UpdateOffer>> {
        self.check(app).await.map_err(Failure::into_error)
    }

    /// Downloads the update on offer and checks its signature, reporting progress.
    ///
    /// # Errors
    /// `no_update_offered`, `update_by_package_manager` when a package manager must
    /// install it, `update_interrupted` when the download stops before its end,
    /// `update_unsigned` when the signature does not match.
    pub async fn download(
        &self,
        mut progress: impl FnMut(UpdateProgress),
    ) -> CommandResult<(Update, Vec<u8>)> {
        let update = self.offered().clone().ok_or_else(|| {
            plain_error(
                ErrorCode::NoUpdateOffered,
                "No update is on offer.",
                "Look for updates first.",
            )
        })?;
        if !UpdateOffer::of(&update).installable {
            return Err(plain_error(
                ErrorCode::UpdateByPackageManager,
                &format!(
                    "AiTEMS Desk was installed with your package manager, so it cannot install version {} itself.",
                    update.version
                ),
                "Update it with your package manager, or with the package from the Releases page.",
            ));
        }
        let mut downloaded = 0_u64;
        let bytes = update
            .download(
                |chunk, total| {
                    downloaded = downloaded.saturating_add(chunk as u64);
                    progress(UpdateProgress { downloaded, total });
                },
                || {},
            )
            .await
            .map_err(|error| Failure::of_download(error).into_error())?;
        tracing::info!(
            "version {} was downloaded and its signature checked",
            update.version
        );
        Ok((update, bytes))
    }

    async fn check<R: Runtime>(&self, app: &AppHandle<R>) -> Result<Option<UpdateOffer>, Failure> {
        let update = self.find(app).await.map_err(Failure::of_check)?;
        let offer = update.as_ref().map(UpdateOffer::of);
        match &offer {
            Some(offer) => tracing::info!("version {} is available", offer.version),
            None => tracing::debug!("no newer version is available"),
        }
        *self.offered() = update;
        Ok(offer)
    }

    async fn find<R: Runtime>(&self, app: &AppHandle<R>) -> Result<Option<Update>, Error> {
        let mut builder = app.updater_builder().timeout(TIMEOUT);
        if let Some(endpoint) = &self.endpoint {
            builder = builder.endpoints(vec![endpoint.clone()])?;
        }
        builder.build()?.check().await
    }

    fn offered(&self) -> MutexGuard<'_, Option<Update>> {
        // A panic while holding the lock leaves a valid `Option`: keep using it.
        self.offered.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// Installs a downloaded update (its signature is checked once more) and starts the new
/// version. On Windows the installer closes the app itself.
///
/// # Errors
/// `update_not_installed` when the system refuses the install; the running version stays.
pub fn install_and_restart<R: Runtime>(
    app: &AppHandle<R>,
    update: &Update,
    bytes: &[u8],
) -> CommandResult<()> {
    update
        .install(bytes)
        .map_err(|error| Failure::of_download(error).into_error())?;
    tracing::info!("version {} was installed; restarting", update.version);
    app.restart()
}

/// Why an update check or download failed, in the terms the user is told.
#[derive(Debug)]
enum Failure {
    /// The update server did not answer (or not with a manifest).
    Unreachable(Error),
    /// The manifest cannot be read, or names nothing for this system.
    BadManifest(Error),
    /// The package is not signed with the app's key (or for another version).
    BadSignature(Error),
    /// The download stopped before its end.
    Cut(Error),
    /// The system refused to install it.
    NotInstalled(Error),
}

impl Failure {
    fn of_check(error: Error) -> Self {
        match &error {
            Error::Reqwest(e) if e.is_decode() => Self::BadManifest(error),
            Error::Reqwest(_) | Error::Network(_) | Error::ReleaseNotFound | Error::Io(_) => {
                Self::Unreachable(error)
            }
            _ => Self::BadManifest(error),
        }
    }

    fn of_download(error: Error) -> Self {
        match &error {
            Error::Minisign(_)
            | Error::Base64(_)
            | Error::SignatureUtf8(_)
            | Error::SignedVersionMismatch { .. }
            | Error::MissingSignedVersion => Self::BadSignature(error),
            Error::Reqwest(_) | Error::Network(_) => Self::Cut(error),
            _ => Self::NotInstalled(error),
        }
    }

    fn into_error(self) -> CommandError {
        let (code, message, hint, error) = match self {
            Self::Unreachable(error) => (
                ErrorCode::UpdateUnreachable,
                "The update server could not be reached.",
                "Check your internet connection and try again later.",
                error,
            ),
            Self::BadManifest(error) => (
                ErrorCode::UpdateUnreadable,
                "The update server's answer could not be read, so no update is offered.",
                "Nothing was changed. Try again later, or get the new version from the Releases page.",
                error,
            ),
            Self::BadSignature(error) => (
                ErrorCode::UpdateUnsigned,
                "The downloaded update is not signed by the makers of AiTEMS Desk, so it was not installed.",
                "Nothing was changed. Get the new version from the Releases page instead.",
                error,
            ),
            Self::Cut(error) => (
                ErrorCode::UpdateInterrupted,
                "The download of the update stopped before it was complete; nothing was installed.",
                "Check your internet connection and try again.",
                error,
            ),
            Self::NotInstalled(error) => (
                ErrorCode::UpdateNotInstalled,
                "The update could not be installed; this version keeps running.",
                "Try again, or get the new version from the Releases page.",
                error,
            ),
        };
        tracing::warn!("{message} ({error})");
        CommandError {
            detail: Some(Box::new(aitems::ErrorDetail {
                server_message: Some(error.to_string()),
                ..aitems::ErrorDetail::default()
            })),
            ..plain_error(code, message, hint)
        }
    }
}

/// An update error that the window words by its code (in the user's language), with
/// `message` and `hint` as the English words.
fn plain_error(code: ErrorCode, message: &str, hint: &str) -> CommandError {
    CommandError {
        code,
        message: message.into(),
        hint: hint.into(),
        detail: None,
        specific: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_package_manager_install_takes_only_a_package_of_its_kind() {
        let appimage_only = serde_json::json!({ "platforms": { "linux-x86_64": {} } });
        let with_deb =
            serde_json::json!({ "platforms": { "linux-x86_64": {}, "linux-x86_64-deb": {} } });
        assert!(installable(&appimage_only, None));
        assert!(!installable(&appimage_only, Some("deb")));
        assert!(installable(&with_deb, Some("deb")));
        assert!(!installable(&with_deb, Some("rpm")));
    }
}
