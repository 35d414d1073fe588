//! What the app last saw of each listing: the statuses to compare the next one with,
//! when it was last refreshed, whether a refresh is under way, and the changes the user
//! has not seen yet.

use std::collections::{HashMap, HashSet};
use std::time::SystemTime;

use aitems::changes::{Change, Statuses, TrainKey, Unseen};
use aitems::Train;

/// One listing: a profile's service, whole or recent only.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ListingKey {
    /// The profile it was listed with.
    pub profile: String,
    /// The service.
    pub service_id: String,
    /// Whether only the latest training of each type was listed.
    pub recent: bool,
}

impl ListingKey {
    /// The key of `profile`'s `service_id`, whole or recent only.
    pub fn new(profile: &str, service_id: &str, recent: bool) -> Self {
        Self {
            profile: profile.to_owned(),
            service_id: service_id.to_owned(),
            recent,
        }
    }

    fn service(&self) -> (String, String) {
        (self.profile.clone(), self.service_id.clone())
    }
}

/// What one refresh found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Recorded {
    /// The changes since the listing before (none for the first one known).
    pub fresh: Vec<Change>,
    /// Every change of the service the user has not seen yet, this refresh's included.
    pub unseen: Vec<Change>,
}

/// The last listing of each key and the unseen changes of each service.
#[derive(Debug, Default)]
pub struct History {
    listings: HashMap<ListingKey, Seen>,
    unseen: HashMap<(String, String), Unseen>,
    refreshing: HashSet<ListingKey>,
}

#[derive(Debug)]
struct Seen {
    statuses: Statuses,
    at: SystemTime,
}

impl History {
    /// Whether the app holds a listing of `key` to compare the next one with.
    pub fn knows(&self, key: &ListingKey) -> bool {
        self.listings.contains_key(key)
    }

    /// Takes an older listing (kept on disk from an earlier run) as what was last seen of
    /// `key`, unless a newer one is known already.
    pub fn remember_earlier(&mut self, key: &ListingKey, trains: &[Train], at: SystemTime) {
        self.listings.entry(key.clone()).or_insert_with(|| Seen {
            statuses: Statuses::of(trains),
            at,
        });
    }

    /// Records a refresh of `key` that returned `trains` at `at`.
    pub fn record(&mut self, key: &ListingKey, trains: &[Train], at: SystemTime) -> Recorded {
        let fresh = self
            .listings
            .get(key)
            .map(|seen| seen.statuses.changes_to(trains))
            .unwrap_or_default();
        self.listings.insert(
            key.clone(),
            Seen {
                statuses: Statuses::of(trains),
                at,
            },
        );
        let unseen = self.unseen.entry(key.service()).or_default();
        unseen.add(fresh.iter().cloned());
        Recorded {
            fresh,
            unseen: unseen.list(),
        }
    }

    /// The changes of `profile`'s `service_id` the user has not seen yet.
    pub fn unseen(&self, profile: &str, service_id: &str) -> Vec<Change> {
        self.unseen
            .get(&(profile.to_owned(), service_id.to_owned()))
            .map(Unseen::list)
            .unwrap_or_default()
    }

    /// Forgets the marks of `keys`, or of every training of the service when `None`.
    pub fn mark_seen(&mut self, profile: &str, service_id: &str, keys: Option<&[TrainKey]>) {
        let service = (profile.to_owned(), service_id.to_owned());
        match keys {
            Some(keys) => {
                if let Some(unseen) = self.unseen.get_mut(&service) {
                    unseen.mark_seen(keys);
                }
            }
            None => {
                self.unseen.remove(&service);
            }
        }
    }

    /// When `key` was last refreshed, if ever this run.
    pub fn refreshed_at(&self, key: &ListingKey) -> Option<SystemTime> {
        self.listings.get(key).map(|seen| seen.at)
    }

    /// Notes that a refresh of `key` started; `false` when one is already under way.
    pub fn begin_refresh(&mut self, key: &ListingKey) -> bool {
        self.refreshing.insert(key.clone())
    }

    /// Notes that the refresh of `key` ended, well or not.
    pub fn end_refresh(&mut self, key: &ListingKey) {
        self.refreshing.remove(key);
    }

    /// Forgets everything of `profile` (deleted or renamed).
    pub fn forget_profile(&mut self, profile: &str) {
        self.listings.retain(|key, _| key.profile != profile);
        self.unseen.retain(|(name, _), _| name != profile);
        self.refreshing.retain(|key| key.profile != profile);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aitems::model::{TrainStatus, TrainType};

    fn train(version: &str, status: &str) -> Train {
        Train {
            train_type: Some(TrainType::from_api("pop")),
            version: Some(version.to_owned()),
            status: Some(TrainStatus::from_api(status)),
            ..Train::default()
        }
    }

    #[test]
    fn the_first_listing_is_the_baseline_and_later_ones_tell_what_changed() {
        let mut history = History::default();
        let key = ListingKey::new("work", "shop01", false);
        let first = history.record(&key, &[train("v1", "learning")], SystemTime::now());
        assert_eq!(first, Recorded::default());
        let second = history.record(
            &key,
            &[train("v2", "requesting"), train("v1", "completed")],
            SystemTime::now(),
        );
        assert_eq!(second.fresh.len(), 2);
        assert_eq!(second.unseen, second.fresh);
        let third = history.record(
            &key,
            &[train("v2", "requesting"), train("v1", "completed")],
            SystemTime::now(),
        );
        assert!(third.fresh.is_empty(), "nothing moved");
        assert_eq!(third.unseen.len(), 2, "still unseen");
    }

    #[test]
    fn an_earlier_run_is_the_baseline_only_until_this_run_has_one() {
        let mut history = History::default();
        let key = ListingKey::new("work", "shop01", false);
        history.remember_earlier(&key, &[train("v1", "learning")], SystemTime::UNIX_EPOCH);
        assert!(history.knows(&key));
        let now = history.record(&key, &[train("v1", "completed")], SystemTime::now());
        assert_eq!(now.fresh.len(), 1);
        history.remember_earlier(&key, &[train("v1", "learning")], SystemTime::UNIX_EPOCH);
        assert!(history.refreshed_at(&key) > Some(SystemTime::UNIX_EPOCH));
        let again = history.record(&key, &[train("v1", "completed")], SystemTime::now());
        assert!(
            again.fresh.is_empty(),
            "the newer listing stayed the baseline"
        );
    }

    #[test]
    fn marks_are_per_service_and_go_when_seen() {
        let mut history = History::default();
        let whole = ListingKey::new("work", "shop01", false);
        let recent = ListingKey::new("work", "shop01", true);
        history.record(
            &whole,
            &[train("v1", "learning"), train("v2", "learning")],
            SystemTime::now(),
        );
        history.record(
            &whole,
            &[train("v1", "completed"), train("v2", "learningFailed")],
            SystemTime::now(),
        );
        assert_eq!(history.unseen("work", "shop01").len(), 2);
        history.record(&recent, &[train("v1", "completed")], SystemTime::now());
        assert_eq!(
            history.unseen("work", "shop01").len(),
            2,
            "shared by both views"
        );

        let v1 = history.unseen("work", "shop01")[0].key().clone();
        history.mark_seen("work", "shop01", Some(&[v1]));
        assert_eq!(history.unseen("work", "shop01").len(), 1);
        history.mark_seen("work", "shop01", None);
        assert!(history.unseen("work", "shop01").is_empty());
        assert!(history.unseen("other", "shop01").is_empty());
    }

    #[test]
    fn one_refresh_at_a_time_per_listing_and_a_deleted_profile_leaves_nothing() {
        let mut history = History::default();
        let key = ListingKey::new("work", "shop01", false);
        assert!(history.begin_refresh(&key));
        assert!(!history.begin_refresh(&key));
        history.end_refresh(&key);
        assert!(history.begin_refresh(&key));
        history.record(&key, &[train("v1", "learning")], SystemTime::now());
        history.record(&key, &[train("v1", "completed")], SystemTime::now());
        history.forget_profile("work");
        assert!(!history.knows(&key));
        assert!(history.unseen("work", "shop01").is_empty());
        assert!(history.begin_refresh(&key), "the refresh mark went too");
    }
}
