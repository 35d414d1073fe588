//! What the window was last sent of each listing, page by page, so that a refresh of the
//! listing it holds sends only the pages that changed.

use std::collections::hash_map::DefaultHasher;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Mutex;

use crate::watch::ListingKey;

/// A page's fingerprint: pages sent as the same JSON have the same one.
pub fn fingerprint(json: &str) -> u64 {
    let mut hasher = DefaultHasher::new();
    json.hash(&mut hasher);
    hasher.finish()
}

/// The last listing of each key the window got whole: its stamp and its pages'
/// fingerprints, in order.
#[derive(Default)]
pub struct SentListings {
    last_stamp: AtomicU32,
    by_key: Mutex<HashMap<ListingKey, SentListing>>,
}

struct SentListing {
    stamp: u32,
    pages: Vec<u64>,
}

impl SentListings {
    /// The page fingerprints of the listing of `key` the window holds, known by `stamp`;
    /// none (every page goes out whole) unless that is the last listing of `key` sent.
    pub fn held(&self, key: &ListingKey, stamp: Option<u32>) -> Vec<u64> {
        let Some(stamp) = stamp else {
            return Vec::new();
        };
        let sent = self.by_key.lock().unwrap_or_else(|e| e.into_inner());
        match sent.get(key) {
            Some(listing) if listing.stamp == stamp => listing.pages.clone(),
            _ => Vec::new(),
        }
    }

    /// Records a listing of `key` the window got in full, its pages fingerprinted in
    /// order; returns the stamp the window knows it by.
    pub fn record(&self, key: ListingKey, pages: Vec<u64>) -> u32 {
        let stamp = self
            .last_stamp
            .fetch_add(1, Ordering::Relaxed)
            .wrapping_add(1);
        let mut sent = self.by_key.lock().unwrap_or_else(|e| e.into_inner());
        sent.insert(key, SentListing { stamp, pages });
        stamp
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(service: &str) -> ListingKey {
        ListingKey::new("Work", service, false)
    }

    #[test]
    fn only_the_last_listing_sent_of_a_key_is_held() {
        let sent = SentListings::default();
        let first = sent.record(key("svc"), vec![1, 2]);
        assert_eq!(sent.held(&key("svc"), Some(first)), vec![1, 2]);
        let second = sent.record(key("svc"), vec![3]);
        assert_ne!(first, second);
        assert_eq!(sent.held(&key("svc"), Some(first)), Vec::<u64>::new());
        assert_eq!(sent.held(&key("svc"), Some(second)), vec![3]);
        assert_eq!(sent.held(&key("svc"), None), Vec::<u64>::new());
        assert_eq!(sent.held(&key("other"), Some(second)), Vec::<u64>::new());
        assert_eq!(
            sent.held(&ListingKey::new("Work", "svc", true), Some(second)),
            Vec::<u64>::new(),
            "the recent-only listing is another listing"
        );
    }

    #[test]
    fn equal_pages_have_equal_fingerprints_and_a_change_shows() {
        let page = r#"{"pages":1,"total":1,"unchanged":false,"trains":[{"status":"learning"}]}"#;
        let moved = page.replace("learning", "completed");
        assert_eq!(fingerprint(page), fingerprint(&page.to_owned()));
        assert_ne!(fingerprint(page), fingerprint(&moved));
    }
}
