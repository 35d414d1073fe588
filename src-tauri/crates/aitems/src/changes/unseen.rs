//! The changes a user has not seen yet: one per training, merged across refreshes, until
//! the user opens the training or marks all as seen.

use indexmap::IndexMap;

use super::{Change, TrainKey};

/// Unseen changes of one service, in the order they were first noticed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Unseen(IndexMap<TrainKey, Change>);

impl Unseen {
    /// Adds the changes of a refresh. A training already marked keeps one mark that
    /// tells the whole story: new and then moved is still new (with its latest status);
    /// moved twice goes from the first status to the last; moved back is no change.
    pub fn add(&mut self, changes: impl IntoIterator<Item = Change>) {
        for change in changes {
            let key = change.key().clone();
            let merged = match (self.0.shift_remove(&key), change) {
                (Some(Change::New { key, .. }), Change::StatusChanged { to, .. }) => {
                    Some(Change::New { key, status: to })
                }
                (
                    Some(Change::StatusChanged { key, from, .. }),
                    Change::StatusChanged { to, .. },
                ) => (from != to).then_some(Change::StatusChanged { key, from, to }),
                (_, change) => Some(change),
            };
            if let Some(merged) = merged {
                self.0.insert(key, merged);
            }
        }
    }

    /// Forgets the marks of `keys` (trainings the user opened).
    pub fn mark_seen(&mut self, keys: &[TrainKey]) {
        for key in keys {
            self.0.shift_remove(key);
        }
    }

    /// The unseen changes, oldest first.
    #[must_use]
    pub fn list(&self) -> Vec<Change> {
        self.0.values().cloned().collect()
    }

    /// Whether there is nothing to show.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::TrainStatus;

    fn key(version: &str) -> TrainKey {
        TrainKey {
            train_type: "pop".into(),
            version: version.into(),
        }
    }

    fn moved(version: &str, from: TrainStatus, to: TrainStatus) -> Change {
        Change::StatusChanged {
            key: key(version),
            from: Some(from),
            to: Some(to),
        }
    }

    #[test]
    fn a_new_training_that_moves_stays_new_with_its_latest_status() {
        let mut unseen = Unseen::default();
        unseen.add([Change::New {
            key: key("v1"),
            status: Some(TrainStatus::Requesting),
        }]);
        unseen.add([moved("v1", TrainStatus::Requesting, TrainStatus::Waiting)]);
        assert_eq!(
            unseen.list(),
            [Change::New {
                key: key("v1"),
                status: Some(TrainStatus::Waiting)
            }]
        );
    }

    #[test]
    fn two_moves_go_from_the_first_status_to_the_last_and_back_is_nothing() {
        let mut unseen = Unseen::default();
        unseen.add([moved("v1", TrainStatus::Waiting, TrainStatus::Learning)]);
        unseen.add([moved("v1", TrainStatus::Learning, TrainStatus::Completed)]);
        assert_eq!(
            unseen.list(),
            [moved("v1", TrainStatus::Waiting, TrainStatus::Completed)]
        );
        unseen.add([moved("v1", TrainStatus::Completed, TrainStatus::Waiting)]);
        assert!(unseen.is_empty(), "{:?}", unseen.list());
    }

    #[test]
    fn seen_marks_go_and_the_others_keep_their_order() {
        let mut unseen = Unseen::default();
        unseen.add([
            moved("v1", TrainStatus::Learning, TrainStatus::Completed),
            moved("v2", TrainStatus::Learning, TrainStatus::LearningFailed),
            moved("v3", TrainStatus::Waiting, TrainStatus::Learning),
        ]);
        unseen.mark_seen(&[key("v2"), key("unknown")]);
        let versions: Vec<_> = unseen
            .list()
            .iter()
            .map(|c| c.key().version.clone())
            .collect();
        assert_eq!(versions, ["v1", "v3"]);
    }
}
