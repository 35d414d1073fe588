//! Properties of the comparison of two listings (`aitems::changes`).

use std::collections::BTreeMap;

use aitems::changes::{changes, Change, TrainKey};
use aitems::{Train, TrainStatus, TrainType};
use proptest::prelude::*;

const TYPES: [&str; 4] = ["pop", "relatedItem", "personalRecommend", "seasonalTrend"];
const STATUSES: [&str; 6] = [
    "requesting",
    "waiting",
    "learning",
    "completed",
    "learningFailed",
    "archived",
];

/// A listing: at most one training per (type, version), as AiTEMS sends them, in any order.
fn listing() -> impl Strategy<Value = Vec<Train>> {
    prop::collection::btree_map((0..TYPES.len(), 0..12u8), 0..STATUSES.len(), 0..30)
        .prop_map(|map| {
            map.into_iter()
                .map(|((t, v), s)| Train {
                    train_type: Some(TrainType::from_api(TYPES[t])),
                    version: Some(format!("v{v:02}")),
                    status: Some(TrainStatus::from_api(STATUSES[s])),
                    ..Train::default()
                })
                .collect::<Vec<_>>()
        })
        .prop_shuffle()
}

fn statuses(listing: &[Train]) -> BTreeMap<(String, String), Option<TrainStatus>> {
    listing
        .iter()
        .map(|t| {
            let key = TrainKey::of(t).expect("versioned");
            ((key.train_type, key.version), t.status.clone())
        })
        .collect()
}

fn config() -> ProptestConfig {
    // PROPTEST_CASES, when set, still wins: the default is only the small count CI runs.
    ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|c| c.parse().ok())
            .unwrap_or(256),
    )
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn a_listing_has_no_changes_from_itself(listing in listing()) {
        prop_assert!(changes(&listing, &listing).is_empty());
    }

    #[test]
    fn from_nothing_every_training_is_new(listing in listing()) {
        let found = changes(&[], &listing);
        prop_assert_eq!(found.len(), listing.len());
        let all_new = found.iter().all(|c| matches!(c, Change::New { .. }));
        prop_assert!(all_new);
    }

    #[test]
    fn exactly_the_new_and_the_moved_trainings_are_reported(before in listing(), after in listing()) {
        let (then, now) = (statuses(&before), statuses(&after));
        let found = changes(&before, &after);
        let mut expected_new = 0;
        let mut expected_moved = 0;
        for (key, status) in &now {
            match then.get(key) {
                None => expected_new += 1,
                Some(old) if old != status => expected_moved += 1,
                Some(_) => {}
            }
        }
        let new = found.iter().filter(|c| matches!(c, Change::New { .. })).count();
        prop_assert_eq!(new, expected_new);
        prop_assert_eq!(found.len() - new, expected_moved);
        for change in &found {
            let key = change.key();
            let id = (key.train_type.clone(), key.version.clone());
            prop_assert!(now.contains_key(&id));
            if let Change::StatusChanged { from, to, .. } = change {
                prop_assert_ne!(from, to);
                prop_assert_eq!(then.get(&id), Some(from));
                prop_assert_eq!(now.get(&id), Some(to));
            }
        }
        // Reported in the order of the newer listing.
        let order: Vec<&TrainKey> = found.iter().map(Change::key).collect();
        let positions: Vec<usize> = order
            .iter()
            .map(|k| after.iter().position(|t| TrainKey::of(t).as_ref() == Some(*k)).unwrap())
            .collect();
        let in_order = positions.windows(2).all(|w| w[0] < w[1]);
        prop_assert!(in_order);
    }
}
