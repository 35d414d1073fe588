//! What the window was last sent of each listing, training by training, so that a refresh
//! of the listing it holds sends only the trainings it does not hold yet.

use std::collections::hash_map::DefaultHasher;
use std::collections::HashMap;
use std::hash::Hasher;
use std::io;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Mutex;

use aitems::Train;

use crate::watch::ListingKey;

/// A training's fingerprint: trainings of the same service (`None` in a listing of one)
/// that serialise the same have the same one.
pub fn fingerprint(service_id: Option<&str>, train: &Train) -> u64 {
    let mut hasher = HashWriter(DefaultHasher::new());
    if let Some(id) = service_id {
        hasher.0.write(id.as_bytes());
        hasher.0.write_u8(0xff);
    }
    // Writing a JSON map into a hasher cannot fail: the hasher takes every byte.
    if let Err(e) = serde_json::to_writer(&mut hasher, train) {
        tracing::debug!("a training could not be fingerprinted: {e}");
    }
    hasher.0.finish()
}

/// Feeds what is written into a hasher.
struct HashWriter(DefaultHasher);

impl io::Write for HashWriter {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.0.write(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// The last listing of each key the window got in full: its stamp and its trainings'
/// fingerprints, in order.
#[derive(Default)]
pub struct SentListings {
    last_stamp: AtomicU32,
    by_key: Mutex<HashMap<ListingKey, SentListing>>,
}

struct SentListing {
    stamp: u32,
    trains: Vec<u64>,
}

impl SentListings {
    /// The training fingerprints of the listing of `key` the window holds, known by
    /// `stamp`; none (every training goes out whole) unless that is the last listing of
    /// `key` sent.
    pub fn held(&self, key: &ListingKey, stamp: Option<u32>) -> Vec<u64> {
        let Some(stamp) = stamp else {
            return Vec::new();
        };
        let sent = self.by_key.lock().unwrap_or_else(|e| e.into_inner());
        match sent.get(key) {
            Some(listing) if listing.stamp == stamp => listing.trains.clone(),
            _ => Vec::new(),
        }
    }

    /// Records a listing of `key` the window got in full, its trainings fingerprinted in
    /// order; returns the stamp the window knows it by.
    pub fn record(&self, key: ListingKey, trains: Vec<u64>) -> u32 {
        let stamp = self
            .last_stamp
            .fetch_add(1, Ordering::Relaxed)
            .wrapping_add(1);
        let mut sent = self.by_key.lock().unwrap_or_else(|e| e.into_inner());
        sent.insert(key, SentListing { stamp, trains });
        stamp
    }
}

/// The trainings of the listing the window holds, by fingerprint, each to be used once.
pub struct HeldTrains {
    by_print: HashMap<u64, usize>,
}

impl HeldTrains {
    /// The trainings fingerprinted `prints`, in the listing's order. Trainings that
    /// serialise the same are left out: the window tells them apart by position only.
    pub fn new(prints: &[u64]) -> Self {
        let mut by_print = HashMap::with_capacity(prints.len());
        let mut twice = Vec::new();
        for (index, &print) in prints.iter().enumerate() {
            if by_print.insert(print, index).is_some() {
                twice.push(print);
            }
        }
        for print in twice {
            by_print.remove(&print);
        }
        Self { by_print }
    }

    /// Where the window holds a training fingerprinted `print`, if it does and no earlier
    /// training of this listing was matched to it.
    pub fn take(&mut self, print: u64) -> Option<usize> {
        self.by_print.remove(&print)
    }
}

/// A page as the window gets it: where it goes in the runs of rows the window holds
/// (`kept`: at this position of the page, that many rows from that index of the held
/// listing), and the trainings it does not hold, in order, filling the other positions.
#[derive(Debug, Default, PartialEq)]
pub struct PageDiff<'a> {
    /// `(at, from, count)` runs, in order of `at`.
    pub kept: Vec<(usize, usize, usize)>,
    /// The trainings the window does not hold.
    pub trains: Vec<&'a Train>,
}

/// Splits a page of `service_id` (`None` in a listing of one service) into what the
/// window holds and what it does not; pushes each training's fingerprint to `prints`.
pub fn diff_page<'a>(
    service_id: Option<&str>,
    trains: &'a [Train],
    held: &mut HeldTrains,
    prints: &mut Vec<u64>,
) -> PageDiff<'a> {
    let mut diff = PageDiff::default();
    for (at, train) in trains.iter().enumerate() {
        let print = fingerprint(service_id, train);
        prints.push(print);
        match (held.take(print), diff.kept.last_mut()) {
            (Some(from), Some(run)) if run.0 + run.2 == at && run.1 + run.2 == from => run.2 += 1,
            (Some(from), _) => diff.kept.push((at, from, 1)),
            (None, _) => diff.trains.push(train),
        }
    }
    diff
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn key(service: &str) -> ListingKey {
        ListingKey::new("Work", service, false)
    }

    fn train(version: &str, status: &str) -> Train {
        serde_json::from_value(json!({ "type": "pop", "version": version, "status": status }))
            .unwrap()
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
    fn equal_trainings_have_equal_fingerprints_and_a_change_shows() {
        assert_eq!(
            fingerprint(None, &train("v1", "learning")),
            fingerprint(None, &train("v1", "learning"))
        );
        assert_ne!(
            fingerprint(None, &train("v1", "learning")),
            fingerprint(None, &train("v1", "completed"))
        );
        assert_ne!(
            fingerprint(None, &train("v1", "learning")),
            fingerprint(None, &train("v2", "learning"))
        );
    }

    #[test]
    fn the_same_training_of_another_service_is_another_training() {
        let same = train("v1", "learning");
        assert_ne!(
            fingerprint(Some("shop"), &same),
            fingerprint(Some("news"), &same)
        );
        assert_ne!(fingerprint(Some("shop"), &same), fingerprint(None, &same));
        let held = [fingerprint(Some("shop"), &same)];
        let page = [same.clone()];
        let diff = diff_page(
            Some("news"),
            &page,
            &mut HeldTrains::new(&held),
            &mut Vec::new(),
        );
        assert_eq!(diff.kept, vec![]);
        assert_eq!(diff.trains, vec![&same]);
    }

    #[test]
    fn a_page_keeps_runs_of_held_rows_and_sends_the_rest() {
        let before: Vec<Train> = (0..5)
            .map(|i| train(&format!("v{i}"), "learning"))
            .collect();
        let prints: Vec<u64> = before.iter().map(|t| fingerprint(None, t)).collect();
        let mut page = vec![train("new", "requesting")];
        page.extend(before[..2].iter().cloned());
        page.push(train("v2", "completed"));
        page.extend(before[3..].iter().cloned());
        let mut seen = Vec::new();
        let diff = diff_page(None, &page, &mut HeldTrains::new(&prints), &mut seen);
        assert_eq!(diff.kept, vec![(1, 0, 2), (4, 3, 2)]);
        assert_eq!(diff.trains, vec![&page[0], &page[3]]);
        assert_eq!(
            seen,
            page.iter()
                .map(|t| fingerprint(None, t))
                .collect::<Vec<_>>()
        );
    }

    #[test]
    fn a_held_row_is_kept_once_and_rows_that_are_alike_are_sent() {
        let alike = train("v1", "learning");
        let other = train("v2", "learning");
        let prints = [
            fingerprint(None, &alike),
            fingerprint(None, &alike),
            fingerprint(None, &other),
        ];
        let page = vec![alike.clone(), other.clone(), other.clone()];
        let diff = diff_page(None, &page, &mut HeldTrains::new(&prints), &mut Vec::new());
        assert_eq!(diff.kept, vec![(1, 2, 1)]);
        assert_eq!(diff.trains, vec![&alike, &other]);
    }
}
