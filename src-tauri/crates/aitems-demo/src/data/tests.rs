//! The demo data is deterministic and has every shape the brief promises.

use std::collections::HashSet;

use chrono::NaiveDateTime;
use serde_json::Value;

use super::*;

const ALL: [&str; 4] = [SMALL_SERVICE, MEDIUM_SERVICE, LARGE_SERVICE, EMPTY_SERVICE];

fn parse_date(text: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%.f")
        .unwrap_or_else(|e| panic!("bad date {text:?}: {e}"))
}

fn is_id(text: &str) -> bool {
    text.len() == 11
        && text
            .bytes()
            .all(|b| b.is_ascii_digit() || b.is_ascii_lowercase())
}

#[test]
fn service_ids_look_real_and_are_listed_in_order() {
    let listed: Vec<String> = services()
        .iter()
        .map(|s| s["serviceId"].as_str().unwrap_or_default().to_owned())
        .collect();
    assert_eq!(listed, ALL);
    assert!(ALL.iter().all(|id| is_id(id)));
    for id in ALL {
        let detail = service_detail(id).expect("known service");
        assert_eq!(detail["serviceId"], id);
        assert!(matches!(
            detail["type"].as_str(),
            Some("batch" | "interval")
        ));
    }
    assert!(service_detail("nosuchservc").is_none());
    assert!(trains("nosuchservc").is_none());
    assert!(recent_trains("nosuchservc").is_none());
}

#[test]
fn counts_are_as_promised() {
    assert_eq!(trains(SMALL_SERVICE).map(|t| t.len()), Some(12));
    assert_eq!(trains(MEDIUM_SERVICE).map(|t| t.len()), Some(300));
    assert_eq!(trains(LARGE_SERVICE).map(|t| t.len()), Some(10_000));
    assert_eq!(trains(EMPTY_SERVICE).map(|t| t.len()), Some(0));
    assert_eq!(recent_trains(EMPTY_SERVICE), Some(vec![]));
}

#[test]
fn data_is_deterministic() {
    let again = |id: &str| trains::generate(services::find(id).expect("known").1, 0);
    for id in ALL {
        assert_eq!(again(id), again(id));
        assert_eq!(trains(id), trains(id));
    }
    // Pin a few values so an accidental change to the generator is noticed.
    let small = trains(SMALL_SERVICE).expect("known");
    assert_eq!(small[0]["status"], "requesting");
    assert_eq!(small[0]["type"], "personalRecommend");
    assert_eq!(small[0]["serviceId"], SMALL_SERVICE);
}

#[test]
fn small_service_has_every_status_and_type() {
    let small = trains(SMALL_SERVICE).expect("known");
    for status in TRAIN_STATUSES {
        assert!(small.iter().any(|t| t["status"] == status), "{status}");
    }
    for train_type in TRAIN_TYPES {
        assert!(
            small.iter().any(|t| t["type"] == train_type),
            "{train_type}"
        );
    }
}

#[test]
fn every_train_is_well_formed() {
    let mut versions = HashSet::new();
    let first = parse_date("2025-01-01T00:00:00");
    let last = parse_date("2026-12-01T00:00:00");
    for id in ALL {
        let all = trains(id).expect("known");
        let mut previous: Option<NaiveDateTime> = None;
        for train in &all {
            assert_eq!(train["serviceId"], id);
            assert!(TRAIN_TYPES.contains(&train["type"].as_str().unwrap_or_default()));
            let version = train["version"].as_str().expect("version is a string");
            assert!(is_id(version), "{version}");
            assert!(versions.insert(version.to_owned()), "duplicate {version}");
            let status = train["status"].as_str().expect("status is a string");
            assert!(TRAIN_STATUSES.contains(&status) || status == UNKNOWN_STATUS);
            let created = parse_date(train["createdDate"].as_str().expect("date"));
            assert!(first <= created && created < last, "{created}");
            if let Some(previous) = previous {
                assert!(created < previous, "not newest first: {created}");
            }
            previous = Some(created);
            if let Some(next) = train.get("nextUpdateDate") {
                assert!(parse_date(next.as_str().expect("date")) > created);
            }
            assert!(train["inference"].is_boolean());
            if train["inference"] == true {
                assert_eq!(status, "completed");
            }
            check_hp_config(&train["hpConfig"]);
        }
    }
}

fn check_hp_config(config: &Value) {
    let enabled = config["is_enabled"]
        .as_bool()
        .expect("is_enabled is a bool");
    let bounded = |key: &str, lo: u64, hi: u64| {
        if let Some(v) = config.get(key) {
            let v = v.as_u64().expect("a number");
            assert!((lo..=hi).contains(&v), "{key} = {v}");
        }
    };
    bounded("session_max_timestamp", 10, 86_400);
    bounded("item_top_n", 1_000, 500_000);
    if !enabled {
        assert!(config.get("item_top_n").is_none());
    }
    if let Some(group) = config.get("group_column") {
        assert_eq!(group, &serde_json::json!(["TIMESTAMP"]));
    }
}

#[test]
fn data_has_the_variety_clients_must_handle() {
    let medium = trains(MEDIUM_SERVICE).expect("known");
    let large = trains(LARGE_SERVICE).expect("known");
    let everything: Vec<&Value> = medium.iter().chain(&large).collect();
    let unknown: Vec<_> = medium
        .iter()
        .filter(|t| t["status"] == UNKNOWN_STATUS)
        .collect();
    assert_eq!(unknown.len(), 1);
    assert_eq!(
        medium
            .iter()
            .filter(|t| t.get("modelSize").is_some())
            .count(),
        1
    );
    let completed = everything
        .iter()
        .filter(|t| t["status"] == "completed")
        .count();
    assert!(
        completed * 100 / everything.len() >= 80,
        "most are completed"
    );
    let has = |pred: &dyn Fn(&Value) -> bool| everything.iter().any(|t| pred(t));
    assert!(has(&|t| t.get("description").is_none()));
    assert!(has(&|t| t["description"] == ""));
    assert!(has(&|t| t["description"]
        .as_str()
        .is_some_and(|d| d.chars().any(|c| ('가'..='힣').contains(&c)))));
    assert!(has(&|t| t["description"]
        .as_str()
        .is_some_and(|d| d.starts_with("weekly"))));
    assert!(has(&|t| t.get("nextUpdateDate").is_some()));
    assert!(has(&|t| t["hpConfig"].get("group_column").is_some()));
    assert!(has(&|t| t["hpConfig"]["is_enabled"] == true));
    assert!(has(&|t| t["inference"] == true));
    for fraction_len in [None, Some(1), Some(2), Some(3)] {
        assert!(
            has(&|t| {
                let date = t["createdDate"].as_str().unwrap_or_default();
                date.split_once('.').map(|(_, f)| f.len()) == fraction_len
            }),
            "fraction {fraction_len:?}"
        );
    }
    let years: HashSet<&str> = everything
        .iter()
        .filter_map(|t| t["createdDate"].as_str())
        .map(|d| &d[..4])
        .collect();
    assert_eq!(years, HashSet::from(["2025", "2026"]));
}

#[test]
fn recent_trains_are_the_latest_of_each_type() {
    for id in ALL {
        let all = trains(id).expect("known");
        let recent = recent_trains(id).expect("known");
        let types: HashSet<&str> = all.iter().filter_map(|t| t["type"].as_str()).collect();
        assert_eq!(recent.len(), types.len());
        for train in &recent {
            let newest = all
                .iter()
                .filter(|t| t["type"] == train["type"])
                .max_by_key(|t| parse_date(t["createdDate"].as_str().unwrap_or_default()));
            assert_eq!(Some(train), newest);
        }
    }
}

#[test]
fn one_train_can_be_looked_up() {
    let small = trains(SMALL_SERVICE).expect("known");
    let wanted = &small[5];
    let found = train(
        SMALL_SERVICE,
        wanted["type"].as_str().unwrap_or_default(),
        wanted["version"].as_str().unwrap_or_default(),
    );
    assert_eq!(found.as_ref(), Some(wanted));
    assert!(train(SMALL_SERVICE, "pop", "nosuchversn").is_none());
}
