//! How a profile watches its services: kept in the settings file, with defaults, and
//! never blocking the app when the file holds a value this version does not know.

use super::*;

#[test]
fn watching_is_saved_normalised_and_listed() {
    let (_dir, _store, m) = setup();
    m.add("p", ProfileSettings::default(), &keys("AK")).unwrap();
    let listed = &m.list().unwrap()[0];
    assert_eq!(listed.refresh_every, RefreshEvery::Off, "nothing watched");
    assert!(listed.watched_services.is_empty());

    let watched = [
        " shop01 ".to_owned(),
        "shop01".into(),
        String::new(),
        "fashn02".into(),
    ];
    let profile = m.set_watch("p", None, &watched).unwrap();
    assert_eq!(profile.settings.watched_services, ["shop01", "fashn02"]);
    let listed = &m.list().unwrap()[0];
    assert_eq!(
        listed.refresh_every,
        RefreshEvery::FiveMinutes,
        "five minutes once it watches"
    );
    assert_eq!(listed.watched_services, ["shop01", "fashn02"]);

    m.set_watch("p", Some(RefreshEvery::FifteenMinutes), &watched)
        .unwrap();
    assert!(file_text(&m).contains("\"refreshInterval\": \"15m\""));
    assert_eq!(
        m.list().unwrap()[0].refresh_every,
        RefreshEvery::FifteenMinutes
    );

    m.set_watch("p", Some(RefreshEvery::OneMinute), &[])
        .unwrap();
    let listed = &m.list().unwrap()[0];
    assert_eq!(
        listed.refresh_every,
        RefreshEvery::OneMinute,
        "a choice stays"
    );
    assert!(!file_text(&m).contains("watchedServices"));
    assert_eq!(
        m.set_watch("nobody", None, &[]).unwrap_err().code(),
        "profile_not_found"
    );
}

#[test]
fn watching_keeps_the_rest_of_the_profile() {
    let (_dir, _store, m) = setup();
    let settings = ProfileSettings::default().with_default_service("shop01");
    m.add("p", settings, &keys("AK")).unwrap();
    m.remember_service("p", "fashn02").unwrap();
    m.set_watch("p", Some(RefreshEvery::OneMinute), &["shop01".into()])
        .unwrap();
    let profile = m.get("p").unwrap();
    assert_eq!(profile.settings.default_service.as_deref(), Some("shop01"));
    assert_eq!(profile.settings.recent_services, ["fashn02"]);
}

#[test]
fn watching_as_before_leaves_the_settings_file_alone() {
    let (_dir, _store, m) = setup();
    m.add("p", ProfileSettings::default(), &keys("AK")).unwrap();
    let watched = ["shop01".to_owned()];
    m.set_watch("p", Some(RefreshEvery::OneMinute), &watched)
        .unwrap();
    let text = file_text(&m);
    m.fail_saves(true);
    let profile = m
        .set_watch("p", Some(RefreshEvery::OneMinute), &[" shop01 ".into()])
        .expect("nothing to write");
    assert_eq!(profile.settings.watched_services, watched);
    assert_eq!(file_text(&m), text);
    assert!(
        m.set_watch("p", Some(RefreshEvery::FiveMinutes), &watched)
            .is_err(),
        "a change is written"
    );
}

#[test]
fn an_interval_this_version_does_not_know_falls_back_to_the_default() {
    let (_dir, _store, m) = setup();
    m.add("p", ProfileSettings::default(), &keys("AK")).unwrap();
    let text = file_text(&m).replace(
        "\"recentServices\": []",
        "\"recentServices\": [], \"refreshInterval\": \"30s\", \"watchedServices\": [\"shop01\"]",
    );
    assert!(text.contains("30s"), "the fixture must change the file");
    std::fs::write(m.settings_path(), text).unwrap();
    let listed = &m.list().unwrap()[0];
    assert_eq!(listed.refresh_every, RefreshEvery::FiveMinutes);
    assert_eq!(listed.watched_services, ["shop01"]);
}

#[test]
fn each_interval_has_its_period() {
    use std::time::Duration;
    assert_eq!(RefreshEvery::Off.period(), None);
    assert_eq!(
        RefreshEvery::OneMinute.period(),
        Some(Duration::from_secs(60))
    );
    assert_eq!(
        RefreshEvery::FiveMinutes.period(),
        Some(Duration::from_secs(300))
    );
    assert_eq!(
        RefreshEvery::FifteenMinutes.period(),
        Some(Duration::from_secs(900))
    );
}
