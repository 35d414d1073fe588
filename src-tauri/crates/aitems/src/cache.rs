//! The last successful listing of each profile and service, kept on disk so that the app
//! can show it at once at launch and still show it when the network or AiTEMS is down.
//!
//! One file per profile and service in the app's data folder, one folder per profile: no keys (a listing holds
//! none), written atomically, with a format version and a size cap. A file that cannot be
//! used (damaged, another format, too large, another listing's) is passed over with a log
//! line: the cache only ever saves a wait, it never stops the app.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::atomic_file::write_atomically;
use crate::Train;

/// The format written; a file of any other format is passed over.
pub const CACHE_FORMAT: u32 = 1;

/// The largest file written or read (about 100,000 trainings).
pub const MAX_CACHE_BYTES: u64 = 96 * 1024 * 1024;

/// Moves the folder of kept listings (tests, portable setups).
pub const DATA_DIR_ENV: &str = "AITEMS_DATA_DIR";

/// Where the app keeps its listings: `AITEMS_DATA_DIR`, else the OS's local data folder
/// for the app (`~/.local/share/aitemsdesk/listings` on Linux). `None` without a home.
#[must_use]
pub fn listings_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os(DATA_DIR_ENV).filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("com", "aitems", "AiTEMS Desk")
        .map(|dirs| dirs.data_local_dir().join("listings"))
}

/// A listing as it was when it last succeeded.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CachedListing {
    /// When it was fetched, RFC 3339 in UTC.
    pub fetched_at: String,
    /// Its trainings, in the server's order.
    pub trains: Vec<Train>,
}

/// What a file holds: the listing, and whose it is.
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct CacheFile<L> {
    format: u32,
    profile: String,
    service_id: String,
    #[serde(flatten)]
    listing: L,
}

/// The listings kept in one folder.
#[derive(Clone, Debug)]
pub struct ListingCache {
    dir: PathBuf,
    max_bytes: u64,
}

impl ListingCache {
    /// The cache in `dir` (created on the first save).
    #[must_use]
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Self {
            dir: dir.into(),
            max_bytes: MAX_CACHE_BYTES,
        }
    }

    /// The same cache with another size cap (tests use small ones).
    #[must_use]
    pub fn with_max_bytes(mut self, max_bytes: u64) -> Self {
        self.max_bytes = max_bytes;
        self
    }

    /// The folder the files are in.
    #[must_use]
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Keeps `listing` as the last one of `profile` and `service_id`, replacing the one
    /// before. A listing over the size cap is not kept (the older one is removed, so a stale
    /// list is never shown as the last one).
    ///
    /// # Errors
    /// What the file system refuses.
    pub fn save(
        &self,
        profile: &str,
        service_id: &str,
        listing: &CachedListing,
    ) -> std::io::Result<()> {
        let path = self.path_of(profile, service_id);
        let file = CacheFile {
            format: CACHE_FORMAT,
            profile: profile.to_owned(),
            service_id: service_id.to_owned(),
            listing,
        };
        let bytes = serde_json::to_vec(&file).map_err(std::io::Error::other)?;
        if bytes.len() as u64 > self.max_bytes {
            tracing::warn!(
                bytes = bytes.len(),
                "a listing is too large to keep for offline use"
            );
            return self.forget(profile, service_id);
        }
        write_atomically(&path, &bytes)
    }

    /// The last listing of `profile` and `service_id`, when one was kept and can be used.
    #[must_use]
    pub fn load(&self, profile: &str, service_id: &str) -> Option<CachedListing> {
        let path = self.path_of(profile, service_id);
        let size = std::fs::metadata(&path).ok()?.len();
        if size > self.max_bytes {
            tracing::warn!(
                path = %path.display(),
                size,
                "a kept listing is over the size cap; passed over"
            );
            return None;
        }
        let bytes = match std::fs::read(&path) {
            Ok(bytes) => bytes,
            Err(e) => {
                tracing::warn!(path = %path.display(), "a kept listing could not be read: {e}");
                return None;
            }
        };
        match serde_json::from_slice::<CacheFile<CachedListing>>(&bytes) {
            Ok(file)
                if file.format == CACHE_FORMAT
                    && file.profile == profile
                    && file.service_id == service_id =>
            {
                Some(file.listing)
            }
            Ok(file) => {
                tracing::warn!(path = %path.display(), format = file.format, "a kept listing of another format or listing; passed over");
                None
            }
            Err(e) => {
                tracing::warn!(path = %path.display(), "a kept listing is damaged; passed over: {e}");
                None
            }
        }
    }

    /// Removes the kept listing of `profile` and `service_id`, if there is one.
    ///
    /// # Errors
    /// What the file system refuses (a missing file is not an error).
    pub fn forget(&self, profile: &str, service_id: &str) -> std::io::Result<()> {
        match std::fs::remove_file(self.path_of(profile, service_id)) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        }
    }

    /// Removes every kept listing of `profile` (when it is deleted or renamed).
    ///
    /// # Errors
    /// What the file system refuses (nothing kept is not an error).
    pub fn forget_profile(&self, profile: &str) -> std::io::Result<()> {
        match std::fs::remove_dir_all(self.profile_dir(profile)) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        }
    }

    /// The folder of one profile's listings and the file of one of its services, both
    /// named by a hash, so any profile name or service id makes a safe file name.
    fn path_of(&self, profile: &str, service_id: &str) -> PathBuf {
        self.profile_dir(profile)
            .join(format!("listing-{}.json", short_hash(service_id)))
    }

    fn profile_dir(&self, profile: &str) -> PathBuf {
        self.dir.join(format!("profile-{}", short_hash(profile)))
    }
}

/// The first 12 bytes of the SHA-256 of `text`, in hex.
fn short_hash(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    digest[..12].iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn listing(count: usize) -> CachedListing {
        let trains = (0..count)
            .map(|i| {
                serde_json::from_value(serde_json::json!({
                    "version": format!("v{i:010}"), "type": "pop", "status": "completed",
                    "hpConfig": {"is_enabled": true, "item_top_n": 20000}, "futureField": [1, 2]
                }))
                .unwrap()
            })
            .collect();
        CachedListing {
            fetched_at: "2026-12-02T05:00:00.000Z".into(),
            trains,
        }
    }

    fn only_file(cache: &ListingCache) -> PathBuf {
        let mut files: Vec<_> = std::fs::read_dir(cache.dir())
            .unwrap()
            .flat_map(|profile| std::fs::read_dir(profile.unwrap().path()).unwrap())
            .map(|e| e.unwrap().path())
            .collect();
        assert_eq!(files.len(), 1, "{files:?}");
        files.remove(0)
    }

    #[test]
    fn keeps_the_last_listing_of_each_profile_and_service() {
        let dir = tempfile::tempdir().unwrap();
        let cache = ListingCache::new(dir.path().join("listings"));
        assert_eq!(cache.load("Work", "svc"), None, "nothing kept yet");
        cache.save("Work", "svc", &listing(3)).unwrap();
        cache.save("Work", "svc", &listing(5)).unwrap();
        cache.save("Home/../x", "svc", &listing(1)).unwrap();
        assert_eq!(cache.load("Work", "svc"), Some(listing(5)));
        assert_eq!(cache.load("Home/../x", "svc").unwrap().trains.len(), 1);
        assert_eq!(cache.load("Work", "other"), None);
        cache.forget("Work", "svc").unwrap();
        assert_eq!(cache.load("Work", "svc"), None);
        cache.forget("Work", "svc").unwrap();
    }

    #[test]
    fn forgetting_a_profile_removes_all_its_listings_and_only_its() {
        let dir = tempfile::tempdir().unwrap();
        let cache = ListingCache::new(dir.path());
        cache.save("Work", "a", &listing(1)).unwrap();
        cache.save("Work", "b", &listing(1)).unwrap();
        cache.save("Home", "a", &listing(2)).unwrap();
        cache.forget_profile("Work").unwrap();
        assert_eq!(cache.load("Work", "a"), None);
        assert_eq!(cache.load("Work", "b"), None);
        assert_eq!(cache.load("Home", "a"), Some(listing(2)));
        cache.forget_profile("Work").unwrap();
        cache.forget_profile("Nobody").unwrap();
    }

    #[test]
    fn damaged_old_and_foreign_files_are_passed_over() {
        let dir = tempfile::tempdir().unwrap();
        let cache = ListingCache::new(dir.path());
        cache.save("Work", "svc", &listing(2)).unwrap();
        let path = only_file(&cache);
        let good = std::fs::read_to_string(&path).unwrap();

        std::fs::write(&path, &good[..good.len() / 2]).unwrap();
        assert_eq!(cache.load("Work", "svc"), None, "truncated");
        std::fs::write(&path, good.replace("\"format\":1", "\"format\":0")).unwrap();
        assert_eq!(cache.load("Work", "svc"), None, "an older format");
        std::fs::write(
            &path,
            good.replace("\"profile\":\"Work\"", "\"profile\":\"Else\""),
        )
        .unwrap();
        assert_eq!(cache.load("Work", "svc"), None, "another profile's");
        std::fs::write(&path, [0xff, 0xfe, 0x00]).unwrap();
        assert_eq!(cache.load("Work", "svc"), None, "not text at all");

        cache.save("Work", "svc", &listing(2)).unwrap();
        assert_eq!(cache.load("Work", "svc"), Some(listing(2)), "written again");
    }

    #[test]
    fn a_listing_over_the_cap_is_not_kept_and_removes_the_older_one() {
        let dir = tempfile::tempdir().unwrap();
        let small = ListingCache::new(dir.path()).with_max_bytes(2_000);
        small.save("Work", "svc", &listing(2)).unwrap();
        assert!(small.load("Work", "svc").is_some());
        small.save("Work", "svc", &listing(100)).unwrap();
        assert_eq!(small.load("Work", "svc"), None);
        let large = ListingCache::new(dir.path());
        large.save("Work", "svc", &listing(100)).unwrap();
        assert_eq!(
            small.load("Work", "svc"),
            None,
            "read back only under the cap"
        );
        assert!(large.load("Work", "svc").is_some());
    }

    #[test]
    fn the_file_keeps_unknown_fields_and_holds_no_keys() {
        let dir = tempfile::tempdir().unwrap();
        let cache = ListingCache::new(dir.path());
        cache.save("Work", "svc", &listing(1)).unwrap();
        let text = std::fs::read_to_string(only_file(&cache)).unwrap();
        assert!(text.contains("futureField"));
        assert!(!text.to_lowercase().contains("secret"));
        let back = cache.load("Work", "svc").unwrap();
        assert!(back.trains[0].extra.contains_key("futureField"));
    }
}
