//! The last successful listing of each saved profile's services, kept on disk so the
//! table shows it at once at launch and while AiTEMS cannot be reached. The demo profile's
//! listings are not kept: the demo service runs inside the app and is always there.

use aitems::cache::{CachedListing, ListingCache};
use aitems::Train;

use crate::demo::DEMO_PROFILE;
use crate::memory;
use crate::state::blocking;

/// The kept listings, or nothing when there is no folder to keep them in.
#[derive(Clone, Debug, Default)]
pub struct Offline {
    cache: Option<ListingCache>,
}

impl Offline {
    /// Listings kept in `cache`; `None` keeps nothing.
    pub fn new(cache: Option<ListingCache>) -> Self {
        Self { cache }
    }

    /// Keeps a listing that just succeeded, in the background: the user is not kept
    /// waiting for the disk, and a failure only costs the offline copy (logged). The
    /// memory the listing took then goes back to the system.
    pub fn keep(
        &self,
        profile: &str,
        service_id: &str,
        recent: bool,
        fetched_at: String,
        trains: Vec<Train>,
    ) {
        let cache = self.cache.clone().filter(|_| profile != DEMO_PROFILE);
        let (profile, key) = (profile.to_owned(), listing_key(service_id, recent));
        tauri::async_runtime::spawn(blocking(move || {
            if let Some(cache) = cache {
                let listing = CachedListing { fetched_at, trains };
                if let Err(e) = cache.save(&profile, &key, &listing) {
                    tracing::warn!("could not keep the listing for offline use: {e}");
                }
            } else {
                drop(trains);
            }
            memory::release_freed();
            Ok(())
        }));
    }

    /// Removes every listing kept for `profile` (deleted, or renamed: a kept listing names
    /// its profile), in the background; a failure is logged.
    pub fn forget_profile(&self, profile: &str) {
        let Some(cache) = self.cache.clone() else {
            return;
        };
        let profile = profile.to_owned();
        tauri::async_runtime::spawn(blocking(move || {
            if let Err(e) = cache.forget_profile(&profile) {
                tracing::warn!("could not remove the kept listings of a profile: {e}");
            }
            Ok(())
        }));
    }

    /// The listing kept for `profile` and `service_id`, if any can be used.
    pub async fn last(
        &self,
        profile: &str,
        service_id: &str,
        recent: bool,
    ) -> Option<CachedListing> {
        let cache = self.cache.clone().filter(|_| profile != DEMO_PROFILE)?;
        let (profile, key) = (profile.to_owned(), listing_key(service_id, recent));
        blocking(move || Ok(cache.load(&profile, &key)))
            .await
            .ok()
            .flatten()
    }
}

/// The full listing and the recent-only one are kept apart.
fn listing_key(service_id: &str, recent: bool) -> String {
    if recent {
        format!("{service_id}?isRecent=true")
    } else {
        service_id.to_owned()
    }
}
