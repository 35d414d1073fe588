//! The trains move as promised, the same way every time.

use std::collections::HashSet;

use chrono::{DateTime, FixedOffset, NaiveDateTime};

use super::*;
use crate::data::{self, EMPTY_SERVICE, LARGE_SERVICE, MEDIUM_SERVICE, SMALL_SERVICE};

const ALL: [&str; 4] = [SMALL_SERVICE, MEDIUM_SERVICE, LARGE_SERVICE, EMPTY_SERVICE];
/// 2027-01-15T08:00:00Z, well after every generated train.
const START: i64 = 1_800_000_000_000;

/// The times of steps `1..=n`, one minute apart.
fn times(n: i64) -> Vec<i64> {
    (1..=n).map(|k| START + k * 60_000).collect()
}

/// The trains after `n` steps, owned.
fn after(service_id: &str, n: i64) -> Vec<Value> {
    trains_at(service_id, &times(n))
        .expect("known service")
        .into_iter()
        .map(Cow::into_owned)
        .collect()
}

fn by_version<'a>(trains: &'a [Value], version: &Value) -> &'a Value {
    trains
        .iter()
        .find(|t| t["version"] == *version)
        .unwrap_or_else(|| panic!("{version} is listed"))
}

/// A UTC instant written in Korea time, as the API does.
fn korea(utc_ms: i64) -> String {
    let utc = DateTime::from_timestamp_millis(utc_ms).expect("in range");
    let offset = FixedOffset::east_opt(9 * 3600).expect("valid offset");
    utc.with_timezone(&offset)
        .format("%Y-%m-%dT%H:%M:%S%.3f")
        .to_string()
}

fn parse_date(train: &Value) -> NaiveDateTime {
    let text = train["createdDate"].as_str().unwrap_or_default();
    NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%.f")
        .unwrap_or_else(|e| panic!("bad date {text:?}: {e}"))
}

#[test]
fn step_zero_is_the_generated_data() {
    for id in ALL {
        let at_zero = trains_at(id, &[]).expect("known service");
        assert!(
            at_zero.iter().all(|t| matches!(t, Cow::Borrowed(_))),
            "{id}"
        );
        assert_eq!(Some(after(id, 0)), data::trains(id), "{id}");
    }
    assert!(trains_at("nosuchservc", &times(2)).is_none());
}

#[test]
fn a_requesting_training_reaches_a_final_state_after_three_steps_and_stays() {
    let start = data::trains(SMALL_SERVICE).expect("known")[0].clone();
    assert_eq!(start["status"], "requesting");
    let status = |n| by_version(&after(SMALL_SERVICE, n), &start["version"])["status"].clone();
    assert_eq!(status(1), "waiting");
    assert_eq!(status(2), "learning");
    let last = status(3);
    assert!(last == "completed" || last == "learningFailed", "{last}");
    let at_three = by_version(&after(SMALL_SERVICE, 3), &start["version"]).clone();
    for n in 4..=8 {
        assert_eq!(
            by_version(&after(SMALL_SERVICE, n), &start["version"]),
            &at_three
        );
    }
    assert_eq!(at_three["createdDate"], start["createdDate"]);
    assert_eq!(at_three["inference"], last == "completed");
}

#[test]
fn only_trainings_in_progress_move() {
    for id in [SMALL_SERVICE, MEDIUM_SERVICE, LARGE_SERVICE] {
        let start = data::trains(id).expect("known");
        let moved = after(id, 1);
        // No new request at step 1, and the order does not change.
        assert_eq!(moved.len(), start.len());
        let mut changed = 0;
        for (before, now) in start.iter().zip(&moved) {
            assert_eq!(now["version"], before["version"], "{id}: same order");
            let next = match before["status"].as_str() {
                Some("requesting") => Some("waiting"),
                Some("waiting") => Some("learning"),
                Some("learning") => None,
                _ => {
                    assert_eq!(now, before, "{id}: a train not in progress moved");
                    continue;
                }
            };
            changed += 1;
            match next {
                Some(status) => assert_eq!(now["status"], status),
                None => assert!(matches!(
                    now["status"].as_str(),
                    Some("completed" | "learningFailed")
                )),
            }
            assert_eq!(now["createdDate"], before["createdDate"]);
        }
        // Each service starts with one training at each in-progress status.
        assert_eq!(changed, 3, "{id}");
    }
}

#[test]
fn finishing_sets_the_fields_from_the_steps_clock() {
    let steps = times(3);
    let mut completed = 0;
    // Interval services, retraining every 24 and 6 hours.
    for (id, hours) in [(MEDIUM_SERVICE, 24), (LARGE_SERVICE, 6)] {
        let moved = after(id, 3);
        for before in data::trains(id).expect("known") {
            // The step that finishes a training in progress.
            let finished_at = match before["status"].as_str() {
                Some("learning") => steps[0],
                Some("waiting") => steps[1],
                Some("requesting") => steps[2],
                _ => continue,
            };
            let now = by_version(&moved, &before["version"]);
            assert_eq!(now["createdDate"], before["createdDate"]);
            if now["status"] == "completed" {
                completed += 1;
                assert_eq!(now["inference"], true);
                let next = korea(finished_at + hours * 3_600_000);
                assert_eq!(now["nextUpdateDate"], next, "{id}");
            } else {
                assert_eq!(now["status"], "learningFailed");
                assert_eq!(now["inference"], false);
                assert!(now.get("nextUpdateDate").is_none());
            }
        }
    }
    assert!(completed > 0, "some training completes");
    // A batch service has no schedule: nothing gets a next update date.
    assert!(after(SMALL_SERVICE, 6)
        .iter()
        .all(|t| t.get("nextUpdateDate").is_none()));
}

#[test]
fn new_requests_appear_every_second_step_in_the_small_service_only() {
    let steps = times(7);
    let small_count = data::trains(SMALL_SERVICE).map_or(0, |t| t.len());
    for n in 0..=7_usize {
        let small = trains_at(SMALL_SERVICE, &steps[..n]).expect("known");
        assert_eq!(small.len(), small_count + n / 2, "step {n}");
        for id in [MEDIUM_SERVICE, LARGE_SERVICE, EMPTY_SERVICE] {
            let count = trains_at(id, &steps[..n]).map(|t| t.len());
            assert_eq!(count, data::trains(id).map(|t| t.len()), "{id} at step {n}");
        }
    }
    let small = after(SMALL_SERVICE, 7);
    let versions: HashSet<&str> = small.iter().filter_map(|t| t["version"].as_str()).collect();
    assert_eq!(versions.len(), small.len(), "versions are unique");
    // Newest first: requests 3, 2 and 1, made at steps 6, 4 and 2.
    let expected = [
        ("pop", steps[5], "waiting"),
        ("relatedItem", steps[3], "final"),
        ("personalRecommend", steps[1], "final"),
    ];
    for (train, (train_type, created, status)) in small.iter().zip(expected) {
        assert_eq!(train["type"], train_type);
        assert_eq!(train["serviceId"], SMALL_SERVICE);
        assert_eq!(train["createdDate"], korea(created));
        let version = train["version"].as_str().unwrap_or_default();
        assert!(version.len() == 11 && version.bytes().all(|b| b.is_ascii_alphanumeric()));
        if status == "final" {
            assert!(matches!(
                train["status"].as_str(),
                Some("completed" | "learningFailed")
            ));
        } else {
            assert_eq!(train["status"], status);
        }
    }
    let newest = trains_at(SMALL_SERVICE, &steps[..6]).expect("known");
    assert_eq!(newest[0]["status"], "requesting");
    assert_eq!(newest[0]["version"], small[0]["version"]);
}

#[test]
fn listings_stay_newest_first_and_recent_includes_new_requests() {
    let small = after(SMALL_SERVICE, 6);
    let dates: Vec<NaiveDateTime> = small.iter().map(parse_date).collect();
    assert!(dates.windows(2).all(|w| w[0] > w[1]), "newest first");
    let recent = data::latest_of_each_type(&small);
    let types: Vec<&Value> = recent.iter().map(|t| &t["type"]).collect();
    assert_eq!(types, ["pop", "relatedItem", "personalRecommend"]);
    assert!(recent.iter().all(|t| t["description"]
        .as_str()
        .is_some_and(|d| d.starts_with("demo request"))));
}

#[test]
fn motion_is_deterministic() {
    for id in ALL {
        assert_eq!(after(id, 5), after(id, 5), "{id}");
    }
    // The final status does not depend on when the steps happen.
    let later: Vec<i64> = times(3).iter().map(|t| t + 86_400_000).collect();
    let status = |trains: Vec<Cow<'static, Value>>| -> Vec<Value> {
        trains.iter().map(|t| t["status"].clone()).collect()
    };
    assert_eq!(
        status(trains_at(LARGE_SERVICE, &times(3)).expect("known")),
        status(trains_at(LARGE_SERVICE, &later).expect("known"))
    );
    // About one training in four fails.
    let failed = (0..4000).filter(|&i| fails(&version_id(9, i))).count();
    assert!((800..1200).contains(&failed), "{failed} of 4000 failed");
}
