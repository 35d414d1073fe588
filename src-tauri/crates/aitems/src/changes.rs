//! What changed between two listings of one service: trainings that are new, and
//! trainings whose status moved. A training is known by its type and version.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::model::{Train, TrainStatus, TrainType};

mod unseen;
pub use unseen::Unseen;

/// One training's identity: its type and its version.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct TrainKey {
    /// The training's type (as the API spells it).
    #[serde(rename = "type")]
    pub train_type: String,
    /// The training's version id.
    pub version: String,
}

impl TrainKey {
    /// The key of `train`, or `None` when it has no version (it cannot be followed).
    #[must_use]
    pub fn of(train: &Train) -> Option<Self> {
        Some(Self {
            train_type: train
                .train_type
                .as_ref()
                .map(TrainType::as_str)
                .unwrap_or_default()
                .to_owned(),
            version: train.version.clone()?,
        })
    }
}

/// How one training changed from one listing to the next.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub enum Change {
    /// A training that the earlier listing did not have.
    #[serde(rename_all = "camelCase")]
    New {
        /// Which training.
        key: TrainKey,
        /// Its status when first seen.
        #[cfg_attr(feature = "typescript", ts(type = "string | null"))]
        status: Option<TrainStatus>,
    },
    /// A training whose status is not the one it had.
    #[serde(rename_all = "camelCase")]
    StatusChanged {
        /// Which training.
        key: TrainKey,
        /// The status in the earlier listing.
        #[cfg_attr(feature = "typescript", ts(type = "string | null"))]
        from: Option<TrainStatus>,
        /// The status now.
        #[cfg_attr(feature = "typescript", ts(type = "string | null"))]
        to: Option<TrainStatus>,
    },
}

impl Change {
    /// The training this change is about.
    #[must_use]
    pub fn key(&self) -> &TrainKey {
        match self {
            Self::New { key, .. } | Self::StatusChanged { key, .. } => key,
        }
    }
}

/// The changes from `before` to `after`, in the order of `after`. Trainings without a
/// version cannot be followed and are left out; a training that disappeared is not a
/// change (AiTEMS keeps its trainings, so it is a shorter listing, not news).
#[must_use]
pub fn changes(before: &[Train], after: &[Train]) -> Vec<Change> {
    Statuses::of(before).changes_to(after)
}

/// The status of each training of a listing: all that a later listing is compared with,
/// so a listing need not be kept whole to tell what changed since.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Statuses(HashMap<TrainKey, Option<TrainStatus>>);

impl Statuses {
    /// The statuses of `trains` (those without a version cannot be followed).
    #[must_use]
    pub fn of(trains: &[Train]) -> Self {
        Self(
            trains
                .iter()
                .filter_map(|train| Some((TrainKey::of(train)?, train.status.clone())))
                .collect(),
        )
    }

    /// The changes from these statuses to `after`, as [`changes`] tells them.
    #[must_use]
    pub fn changes_to(&self, after: &[Train]) -> Vec<Change> {
        after
            .iter()
            .filter_map(|train| {
                let key = TrainKey::of(train)?;
                let now = train.status.as_ref();
                match self.0.get(&key) {
                    None => Some(Change::New {
                        key,
                        status: now.cloned(),
                    }),
                    Some(then) if then.as_ref() != now => Some(Change::StatusChanged {
                        key,
                        from: then.clone(),
                        to: now.cloned(),
                    }),
                    Some(_) => None,
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn train(train_type: &str, version: &str, status: &str) -> Train {
        Train {
            train_type: Some(TrainType::from_api(train_type)),
            version: Some(version.to_owned()),
            status: Some(TrainStatus::from_api(status)),
            ..Train::default()
        }
    }

    fn key(train_type: &str, version: &str) -> TrainKey {
        TrainKey {
            train_type: train_type.into(),
            version: version.into(),
        }
    }

    #[test]
    fn new_trainings_and_status_moves_in_the_new_order() {
        let before = [
            train("pop", "v1", "learning"),
            train("pop", "v2", "completed"),
            train("relatedItem", "v3", "waiting"),
        ];
        let after = [
            train("relatedItem", "v9", "requesting"),
            train("pop", "v1", "completed"),
            train("pop", "v2", "completed"),
            train("relatedItem", "v3", "learningFailed"),
        ];
        assert_eq!(
            changes(&before, &after),
            [
                Change::New {
                    key: key("relatedItem", "v9"),
                    status: Some(TrainStatus::Requesting)
                },
                Change::StatusChanged {
                    key: key("pop", "v1"),
                    from: Some(TrainStatus::Learning),
                    to: Some(TrainStatus::Completed)
                },
                Change::StatusChanged {
                    key: key("relatedItem", "v3"),
                    from: Some(TrainStatus::Waiting),
                    to: Some(TrainStatus::LearningFailed)
                },
            ]
        );
    }

    #[test]
    fn the_same_version_of_another_type_is_another_training() {
        let before = [train("pop", "v1", "completed")];
        let after = [
            train("pop", "v1", "completed"),
            train("relatedItem", "v1", "ready"),
        ];
        assert_eq!(changes(&before, &after).len(), 1);
        assert_eq!(changes(&before, &after)[0].key(), &key("relatedItem", "v1"));
    }

    #[test]
    fn unversioned_and_vanished_trainings_are_not_changes() {
        let unversioned = Train {
            status: Some(TrainStatus::Ready),
            ..Train::default()
        };
        let before = [train("pop", "gone", "learning"), unversioned.clone()];
        let after = [unversioned];
        assert!(changes(&before, &after).is_empty());
    }

    #[test]
    fn an_unknown_status_is_a_status_like_any_other() {
        let before = [train("pop", "v1", "learning")];
        let after = [train("pop", "v1", "archived")];
        assert_eq!(
            changes(&before, &after),
            [Change::StatusChanged {
                key: key("pop", "v1"),
                from: Some(TrainStatus::Learning),
                to: Some(TrainStatus::Unknown("archived".into()))
            }]
        );
    }

    #[test]
    fn serialises_with_a_kind_for_the_ui() {
        let change = Change::StatusChanged {
            key: key("pop", "v1"),
            from: Some(TrainStatus::Learning),
            to: None,
        };
        assert_eq!(
            serde_json::to_value(change).unwrap(),
            serde_json::json!({ "kind": "statusChanged", "key": { "type": "pop", "version": "v1" }, "from": "learning", "to": null })
        );
    }
}
