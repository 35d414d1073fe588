//! Listing every service of a profile into one table ("All services"): a few services at
//! a time, each page naming its service, and a service that fails reported beside the
//! others instead of failing them.

use std::time::SystemTime;

use aitems::Service;
use futures_util::StreamExt;
use tauri::ipc::{Channel, InvokeResponseBody};
use tauri::State;

use crate::error::CommandResult;
use crate::pages::PageSender;
use crate::state::AppState;
use crate::views::{rfc3339, AllTrainsListed, ServiceListed};
use crate::watch::ListingKey;

/// What the window calls the view of every service, where a service id would be (its
/// table layout is kept under it). No service can have it: ids are letters, digits,
/// `-` and `_`.
pub const ALL_SERVICES: &str = "*";

/// How many services are listed at the same time. Each keeps at most
/// [`aitems::client::MAX_PAGES_IN_FLIGHT`] page requests in flight, so listing every
/// service never has more than twice that many under way: well inside AiTEMS's rate
/// limit.
pub const SERVICES_AT_ONCE: usize = 2;

/// Every training of every service `profile` can see (all pages), each page sent over
/// `on_page` with its service's id as soon as it arrives. A service that cannot be
/// listed carries its error in the result; the others are listed all the same. Each
/// service's listing is kept and compared as `list_trains` would; none becomes the
/// profile's latest service. `held`: as for `list_trains`, the stamp of the listing of
/// every service whose rows the window holds.
#[tauri::command]
pub async fn list_all_trains(
    state: State<'_, AppState>,
    profile: String,
    recent: bool,
    held: Option<u32>,
    on_page: Channel<InvokeResponseBody>,
) -> CommandResult<AllTrainsListed> {
    let key = ListingKey::new(&profile, ALL_SERVICES, recent);
    let pages = PageSender::holding(&on_page, &state.sent().held(&key, held));
    let services = state.services(&profile).await?;
    let state = &*state;
    let services: Vec<ServiceListed> = futures_util::stream::iter(services)
        .map(|service| list_service(state, &profile, recent, service, &pages))
        .buffered(SERVICES_AT_ONCE)
        .collect()
        .await;
    pages.finish()?;
    let stamp = state.sent().record(key, pages.fingerprints());
    Ok(AllTrainsListed {
        fetched_at: rfc3339(SystemTime::now()),
        pages: pages.sent(),
        stamp,
        services,
    })
}

/// Lists one service of the profile, its pages tagged with its id.
async fn list_service(
    state: &AppState,
    profile: &str,
    recent: bool,
    service: Service,
    pages: &PageSender<'_>,
) -> ServiceListed {
    let key = ListingKey::new(profile, &service.service_id, recent);
    let id = service.service_id.as_str();
    let refreshed = state
        .refresh_asked(&key, |progress, trains| pages.send_of(id, progress, trains))
        .await;
    let (total, unseen, error) = match refreshed {
        Ok(refreshed) => (refreshed.total, refreshed.unseen, None),
        Err(error) => {
            tracing::info!(code = %error.code, "one service of a listing of all could not be listed");
            let unseen = state.watch().history().unseen(profile, id);
            (0, unseen, Some(error))
        }
    };
    ServiceListed {
        service_id: service.service_id,
        name: service.name,
        total,
        unseen,
        error,
    }
}
