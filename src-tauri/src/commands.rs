//! The commands the web view may call. Each parses its arguments, calls the core and
//! maps errors; the logic lives in the `aitems` crate.

use aitems::changes::TrainKey;
use aitems::profiles::{ProfileSettings, RefreshEvery};
use aitems::{Client, Credentials, Endpoint, Service};
use tauri::ipc::{Channel, InvokeResponseBody};
use tauri::State;

use crate::demo::DEMO_PROFILE;
use crate::error::{CommandError, CommandResult};
use crate::pages::PageSender;
use crate::state::{blocking, AppState};
use crate::views::{
    saved_profile_view, AppInfo, ConnectionCheck, KeptTrains, ProfileInput, ProfileView,
    TrainsListed,
};
use crate::watch::{Language, ListingKey, NoticeTarget, WatchUpdate};

/// Version and start-up flags.
#[tauri::command]
pub fn app_info(state: State<'_, AppState>) -> AppInfo {
    AppInfo {
        version: env!("CARGO_PKG_VERSION").into(),
        demo_requested: state.demo_requested(),
        time_zone: iana_time_zone::get_timezone().ok(),
    }
}

/// Saved profiles (masked keys only), then the demo profile when demo mode runs (started
/// here when the app was launched with `--demo`, so the first call already lists it).
#[tauri::command]
pub async fn list_profiles(state: State<'_, AppState>) -> CommandResult<Vec<ProfileView>> {
    let profiles = state.profiles_after_launch().await;
    if state.demo_requested() {
        if let Err(e) = state.demo().await {
            // `start_demo` reports it to the user; the saved profiles are still listed.
            tracing::warn!(code = %e.code, "demo mode did not start");
        }
    }
    let profiles = profiles?;
    let saved = blocking(move || Ok(profiles.list()?)).await?;
    let mut views: Vec<ProfileView> = saved
        .into_iter()
        .map(|summary| ProfileView::new(summary, false))
        .collect();
    if let Some(demo) = state.running_demo().await {
        views.push(ProfileView::new(demo.summary(), true));
    }
    Ok(views)
}

/// Creates or updates a profile; `replaces` is its old name when renamed. Keys go to the
/// keychain and are never returned.
#[tauri::command]
pub async fn save_profile(
    state: State<'_, AppState>,
    profile: ProfileInput,
    replaces: Option<String>,
) -> CommandResult<ProfileView> {
    let name = profile.name.trim().to_owned();
    if name == DEMO_PROFILE || replaces.as_deref() == Some(DEMO_PROFILE) {
        return Err(CommandError::invalid_input(format!(
            "\"{DEMO_PROFILE}\" is reserved for demo mode. Choose another profile name."
        )));
    }
    let mut settings = settings_of(&profile)?;
    let credentials = keys_of(&profile)?;
    let profiles = state.profiles()?;
    let old_name = replaces.clone();
    let saved_name = name.clone();
    blocking(move || {
        if let Some(old) = old_name.filter(|old| *old != saved_name) {
            profiles.rename(&old, &saved_name)?;
        }
        // The form carries neither the recent services nor watching: keep them.
        if let Ok(existing) = profiles.get(&saved_name) {
            settings.recent_services = existing.settings.recent_services;
            settings.refresh_interval = existing.settings.refresh_interval;
            settings.watched_services = existing.settings.watched_services;
        }
        profiles.save(&saved_name, settings, credentials.as_ref())?;
        Ok(())
    })
    .await?;
    state.forget_client(&name);
    if let Some(old) = replaces.as_deref().filter(|old| *old != name) {
        state.forget_client(old);
        state.offline().forget_profile(old);
        state.watch().forget_profile(old);
    }
    let profiles = state.profiles()?;
    blocking(move || {
        saved_profile_view(&profiles, &name)?.ok_or_else(|| {
            CommandError::invalid_input("The profile was saved but could not be read back.")
        })
    })
    .await
}

/// Deletes a profile, its keychain entry and the listings kept for it.
#[tauri::command]
pub async fn delete_profile(state: State<'_, AppState>, name: String) -> CommandResult<()> {
    if name == DEMO_PROFILE {
        return Err(CommandError::invalid_input(
            "The demo profile cannot be deleted.",
        ));
    }
    let profiles = state.profiles()?;
    let removed = name.clone();
    blocking(move || Ok(profiles.remove(&removed)?)).await?;
    state.forget_client(&name);
    state.offline().forget_profile(&name);
    state.watch().forget_profile(&name);
    Ok(())
}

/// Checks keys by listing services: of a saved profile, or of the form before saving.
#[tauri::command]
pub async fn test_connection(
    state: State<'_, AppState>,
    profile: Option<String>,
    draft: Option<ProfileInput>,
) -> CommandResult<ConnectionCheck> {
    let client = match (profile, draft) {
        (_, Some(draft)) => {
            let endpoint = Endpoint::parse(&settings_of(&draft)?.endpoint)?;
            let credentials = keys_of(&draft)?.ok_or_else(|| {
                CommandError::invalid_input("Enter the access key and the secret key to test them.")
            })?;
            Client::new(endpoint, credentials)?
        }
        (Some(profile), None) => state.client(&profile).await?,
        (None, None) => return Err(CommandError::invalid_input("Choose a profile to test.")),
    };
    let services = client.all_services().await?;
    Ok(ConnectionCheck {
        service_count: services.len(),
    })
}

/// Starts demo mode (once) and returns the demo profile.
#[tauri::command]
pub async fn start_demo(state: State<'_, AppState>) -> CommandResult<ProfileView> {
    let demo = state.demo().await?;
    Ok(ProfileView::new(demo.summary(), true))
}

/// Every service the profile's keys can see.
#[tauri::command]
pub async fn list_services(
    state: State<'_, AppState>,
    profile: String,
) -> CommandResult<Vec<Service>> {
    state.services(&profile).await
}

/// Every training of a service (all pages), each page sent over `on_page` as soon as it
/// arrives, so the table fills while the rest loads. `held`: the stamp of the listing
/// whose rows the window holds, if it is this one; the trainings it holds unchanged are
/// then sent as runs of its rows, not whole. On success the service becomes the
/// profile's latest, and the result carries the profile when that changed it.
#[tauri::command]
pub async fn list_trains(
    state: State<'_, AppState>,
    profile: String,
    service_id: String,
    recent: bool,
    held: Option<u32>,
    on_page: Channel<InvokeResponseBody>,
) -> CommandResult<TrainsListed> {
    let key = ListingKey::new(&profile, &service_id, recent);
    let pages = PageSender::holding(&on_page, &state.sent().held(&key, held));
    let refreshed = state
        .refresh_asked(&key, |progress, trains| pages.send(progress, trains))
        .await?;
    pages.finish()?;
    let stamp = state.sent().record(key, pages.fingerprints());
    let changed = state.remember_service(&profile, &service_id).await;
    Ok(TrainsListed {
        fetched_at: refreshed.fetched_at,
        pages: refreshed.pages,
        total: refreshed.total,
        stamp,
        profile: changed,
        unseen: refreshed.unseen,
    })
}

/// The last listing kept of a service (see `list_trains`), to show at once while the
/// fresh one loads, or while AiTEMS cannot be reached. `None` when there is none.
#[tauri::command]
pub async fn kept_trains(
    state: State<'_, AppState>,
    profile: String,
    service_id: String,
    recent: bool,
) -> CommandResult<Option<KeptTrains>> {
    let kept = state.offline().last(&profile, &service_id, recent).await;
    Ok(kept.map(|listing| KeptTrains {
        fetched_at: listing.fetched_at,
        trains: listing.trains,
        unseen: state.watch().history().unseen(&profile, &service_id),
    }))
}

/// Sets how a profile watches its services: how often the app refreshes on its own
/// (`None`: five minutes once it watches a service, else off) and which services it
/// notifies about. Asks the system for leave to notify when watching starts.
#[tauri::command]
pub async fn set_watch(
    state: State<'_, AppState>,
    profile: String,
    refresh_interval: Option<RefreshEvery>,
    watched_services: Vec<String>,
) -> CommandResult<ProfileView> {
    let was_watching = state
        .watch_settings(&profile)
        .await
        .is_ok_and(|s| !s.watched_services.is_empty());
    let view = if profile == DEMO_PROFILE {
        let mut demo = state.demo().await?;
        demo.set_watch(refresh_interval, &watched_services);
        ProfileView::new(demo.summary(), true)
    } else {
        let profiles = state.profiles()?;
        blocking(move || {
            let saved = profiles.set_watch(&profile, refresh_interval, &watched_services)?;
            saved_profile_view(&profiles, &saved.name)?
                .ok_or_else(|| CommandError::invalid_input("The profile could not be read back."))
        })
        .await?
    };
    let watching = !state.watching_profiles().await.is_empty();
    state.watch().set_watching(watching);
    if !was_watching && !view.summary.watched_services.is_empty() && !state.watch().ask_permission()
    {
        tracing::warn!("notifications are not allowed: watched services will not notify");
    }
    Ok(view)
}

/// Forgets the change marks of the given trainings of a service (opened by the user), or
/// of all of them when `trains` is `None` ("Mark all as seen").
#[tauri::command]
pub fn mark_seen(
    state: State<'_, AppState>,
    profile: String,
    service_id: String,
    trains: Option<Vec<TrainKey>>,
) {
    state
        .watch()
        .history()
        .mark_seen(&profile, &service_id, trains.as_deref());
}

/// Sends what background refreshes of watched services find over `on_update`, and the
/// target of each notice clicked over `on_open`, and sets the language of notices. A later
/// call replaces the earlier listener.
#[tauri::command]
pub fn watch_updates(
    state: State<'_, AppState>,
    language: Language,
    on_update: Channel<WatchUpdate>,
    on_open: Channel<NoticeTarget>,
) {
    state.watch().listen(on_update, on_open, language);
}

fn settings_of(input: &ProfileInput) -> CommandResult<ProfileSettings> {
    let mut settings = ProfileSettings::default();
    if let Some(endpoint) = input
        .endpoint
        .as_deref()
        .map(str::trim)
        .filter(|e| !e.is_empty())
    {
        settings = settings.with_endpoint(Endpoint::parse(endpoint)?.as_str());
    }
    if let Some(service) = input
        .default_service
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        aitems::client::check_service_id(service)?;
        settings = settings.with_default_service(service);
    }
    Ok(settings)
}

/// The keys of the form: `None` when both are blank (keep the stored keys).
fn keys_of(input: &ProfileInput) -> CommandResult<Option<Credentials>> {
    let access = input.access_key.trim();
    let secret = input
        .secret_key
        .as_ref()
        .map(|s| s.expose().trim())
        .unwrap_or_default();
    match (access.is_empty(), secret.is_empty()) {
        (true, true) => Ok(None),
        (false, false) => Ok(Some(Credentials::new(access, secret))),
        _ => Err(CommandError::invalid_input(
            "Enter both the access key and the secret key.",
        )),
    }
}
