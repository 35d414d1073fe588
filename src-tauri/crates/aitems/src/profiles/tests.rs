//! Unit tests of profiles with a [`MemoryStore`] and a temporary config folder.

use super::*;
use crate::credentials::{MemoryStore, SecretStore};
use crate::Credentials;
use std::sync::Arc;

mod layout;
mod safety;
mod watch;

const SECRET: &str = "S3CR3T-never-shown-0123456789";

fn keys(access: &str) -> Credentials {
    Credentials::new(access, SECRET)
}

fn unavailable() -> StoreError {
    StoreError::KeychainUnavailable {
        reason: "simulated".into(),
    }
}

fn setup() -> (tempfile::TempDir, Arc<MemoryStore>, ProfileManager) {
    let dir = tempfile::tempdir().unwrap();
    let store = Arc::new(MemoryStore::new());
    let manager = ProfileManager::with_config_dir(dir.path(), store.clone());
    (dir, store, manager)
}

fn file_text(manager: &ProfileManager) -> String {
    std::fs::read_to_string(manager.settings_path()).unwrap()
}

#[test]
fn add_get_list_save_and_masking() {
    let (_dir, store, m) = setup();
    assert!(m.list().unwrap().is_empty());
    assert_eq!(m.default_profile().unwrap(), None);

    let p = m
        .add(" work ", ProfileSettings::default(), &keys("AKIDWORK1234"))
        .unwrap();
    assert_eq!(p.name, "work");
    assert!(p.is_default, "the first profile becomes the default");
    assert_eq!(p.settings.endpoint, DEFAULT_ENDPOINT);
    assert_eq!(store.get("work").unwrap().unwrap(), keys("AKIDWORK1234"));

    let err = m
        .add("work", ProfileSettings::default(), &keys("X"))
        .unwrap_err();
    assert_eq!(
        err,
        StoreError::ProfileExists {
            name: "work".into()
        }
    );
    let err = m
        .add("WORK", ProfileSettings::default(), &keys("X"))
        .unwrap_err();
    assert_eq!(
        err.code(),
        "profile_exists",
        "names differing only by case clash"
    );

    let settings = ProfileSettings::default()
        .with_endpoint("http://127.0.0.1:8080/")
        .with_default_service(" svc-1 ");
    m.add("test", settings, &keys("AKIDTEST")).unwrap();
    let test = m.get("test").unwrap();
    assert_eq!(test.settings.endpoint, "http://127.0.0.1:8080");
    assert_eq!(test.settings.default_service.as_deref(), Some("svc-1"));
    assert!(!test.is_default);
    assert_eq!(m.get("Test").unwrap_err().code(), "profile_not_found");

    let list = m.list().unwrap();
    assert_eq!(list.len(), 2);
    assert_eq!(list[0].name, "work");
    assert_eq!(list[0].masked_access_key.as_deref(), Some("AKID…"));
    assert!(list[0].is_default && !list[1].is_default);

    // Update without keys keeps them; with keys replaces them.
    let new_settings = ProfileSettings::default().with_endpoint("https://example.com");
    m.save("test", new_settings.clone(), None).unwrap();
    assert_eq!(m.credentials("test").unwrap(), keys("AKIDTEST"));
    assert_eq!(
        m.get("test").unwrap().settings.endpoint,
        "https://example.com"
    );
    m.save("test", new_settings.clone(), Some(&keys("ZZZZNEW")))
        .unwrap();
    assert_eq!(m.credentials("test").unwrap().access_key, "ZZZZNEW");
    // A new profile through save needs keys.
    let err = m.save("third", new_settings.clone(), None).unwrap_err();
    assert_eq!(err.code(), "invalid_input");
    m.save("third", new_settings, Some(&keys("AK3"))).unwrap();
    assert_eq!(m.list().unwrap().len(), 3);
}

#[test]
fn input_is_validated() {
    let (_dir, store, m) = setup();
    for bad in [
        "",
        "   ",
        "a/b",
        "a\\b",
        "a\nb",
        "tab\there",
        &"x".repeat(65),
    ] {
        let err = m
            .add(bad, ProfileSettings::default(), &keys("AK"))
            .unwrap_err();
        assert!(
            matches!(err, StoreError::InvalidProfileName { .. }),
            "{bad:?}"
        );
        assert_eq!(err.code(), "invalid_input");
        assert!(
            !err.message().contains('\n'),
            "control characters are escaped"
        );
    }
    assert_eq!(
        validate_profile_name(&"가".repeat(64))
            .unwrap()
            .chars()
            .count(),
        64
    );
    for endpoint in ["", "not a url", "ftp://example.com", "https://"] {
        let settings = ProfileSettings::default().with_endpoint(endpoint);
        let err = m.add("p", settings, &keys("AK")).unwrap_err();
        assert_eq!(err.code(), "invalid_input", "{endpoint:?}");
    }
    for blank in [Credentials::new("", "s"), Credentials::new("ak", " \n")] {
        let err = m.add("p", ProfileSettings::default(), &blank).unwrap_err();
        assert_eq!(err.code(), "invalid_input");
    }
    assert!(store.profiles().is_empty());
    assert!(
        !m.settings_path().exists(),
        "nothing written for invalid input"
    );
}

#[test]
fn rename_moves_keys_and_keeps_position_and_default() {
    let (_dir, store, m) = setup();
    m.add("a", ProfileSettings::default(), &keys("AKA"))
        .unwrap();
    m.add("b", ProfileSettings::default(), &keys("AKB"))
        .unwrap();
    m.rename("a", "z").unwrap();
    assert_eq!(store.get("a").unwrap(), None);
    assert_eq!(store.get("z").unwrap().unwrap().access_key, "AKA");
    let names: Vec<_> = m.list().unwrap().into_iter().map(|p| p.name).collect();
    assert_eq!(names, ["z", "b"]);
    assert_eq!(m.default_profile().unwrap().as_deref(), Some("z"));
    assert_eq!(m.rename("z", "b").unwrap_err().code(), "profile_exists");
    assert_eq!(
        m.rename("nope", "c").unwrap_err().code(),
        "profile_not_found"
    );
    assert_eq!(m.rename("z", "a/b").unwrap_err().code(), "invalid_input");
    m.rename("z", "z").unwrap();
    // A case-only rename keeps the keys (on Windows both names are one entry).
    m.rename("z", "Z").unwrap();
    assert_eq!(m.credentials("Z").unwrap().access_key, "AKA");
    assert_eq!(store.profiles(), ["Z", "b"]);
}

#[test]
fn remove_and_default_handling() {
    let (_dir, store, m) = setup();
    for name in ["a", "b", "c"] {
        m.add(name, ProfileSettings::default(), &keys("AK"))
            .unwrap();
    }
    assert_eq!(m.default_profile().unwrap().as_deref(), Some("a"));
    m.set_default("b").unwrap();
    assert_eq!(m.default_profile().unwrap().as_deref(), Some("b"));
    assert!(m.get("b").unwrap().is_default);
    assert_eq!(m.set_default("x").unwrap_err().code(), "profile_not_found");

    m.remove("b").unwrap();
    assert_eq!(store.get("b").unwrap(), None);
    assert_eq!(m.get("b").unwrap_err().code(), "profile_not_found");
    assert_eq!(m.remove("b").unwrap_err().code(), "profile_not_found");
    assert_eq!(m.default_profile().unwrap(), None, "two left, none marked");
    m.set_default("c").unwrap();
    m.remove("c").unwrap();
    assert_eq!(
        m.default_profile().unwrap().as_deref(),
        Some("a"),
        "the only one"
    );
    assert!(file_text(&m).contains("\"defaultProfile\": \"a\""));
    m.remove("a").unwrap();
    assert!(m.list().unwrap().is_empty() && store.profiles().is_empty());
}

#[test]
fn using_the_latest_service_again_does_not_write_the_settings() {
    let (_dir, _store, m) = setup();
    m.add("p", ProfileSettings::default(), &keys("AK")).unwrap();
    assert_eq!(
        m.remember_service("p", "svc-1").unwrap(),
        Some(vec!["svc-1".to_owned()])
    );
    assert_eq!(
        m.remember_service("p", "svc-2").unwrap(),
        Some(vec!["svc-2".to_owned(), "svc-1".to_owned()])
    );
    let written = std::fs::metadata(m.settings_path())
        .unwrap()
        .modified()
        .unwrap();
    let text = file_text(&m);
    // A file written again would have a later modification time, even in the same second.
    std::thread::sleep(std::time::Duration::from_millis(20));
    assert_eq!(m.remember_service("p", " svc-2 ").unwrap(), None);
    assert_eq!(
        std::fs::metadata(m.settings_path())
            .unwrap()
            .modified()
            .unwrap(),
        written,
        "a refresh of the latest service rewrote the settings file"
    );
    assert_eq!(file_text(&m), text);
}

#[test]
fn recent_services_are_deduplicated_and_capped() {
    let (_dir, _store, m) = setup();
    m.add("p", ProfileSettings::default(), &keys("AK")).unwrap();
    for i in 0..25 {
        m.remember_service("p", &format!("svc-{i}")).unwrap();
    }
    m.remember_service("p", " svc-10 ").unwrap();
    let recent = m.get("p").unwrap().settings.recent_services;
    assert_eq!(recent.len(), MAX_RECENT_SERVICES);
    assert_eq!(recent[0], "svc-10");
    assert_eq!(recent[1], "svc-24");
    assert_eq!(recent.iter().filter(|s| *s == "svc-10").count(), 1);
    assert!(!recent.contains(&"svc-4".to_owned()), "oldest dropped");
    assert_eq!(
        m.remember_service("p", " ").unwrap_err().code(),
        "invalid_input"
    );
    assert_eq!(
        m.remember_service("q", "s").unwrap_err().code(),
        "profile_not_found"
    );

    let settings = ProfileSettings {
        recent_services: vec!["a".into(), " b ".into(), "a".into(), String::new()],
        ..ProfileSettings::default()
    };
    assert_eq!(settings.normalized().unwrap().recent_services, ["a", "b"]);
}

#[test]
fn config_dir_honours_the_override() {
    let dir = resolve_config_dir(Some("/tmp/aitems-x".into())).unwrap();
    assert_eq!(dir, PathBuf::from("/tmp/aitems-x"));
    // Without the override (or with an empty one) it is the OS folder for the app.
    if let Ok(os_dir) = resolve_config_dir(Some(OsString::new())) {
        let shown = os_dir.display().to_string();
        if cfg!(target_os = "linux") {
            assert!(os_dir.ends_with("aitemsdesk"), "{shown}");
        } else {
            assert!(shown.contains("AiTEMS"), "{shown}");
        }
    }
}

#[test]
fn every_error_has_a_code_message_and_hint() {
    use std::path::PathBuf;
    let path = PathBuf::from("/x/settings.json");
    let all = [
        (unavailable(), "keychain_unavailable"),
        (
            StoreError::MissingKeys {
                profile: "p".into(),
            },
            "missing_keys",
        ),
        (
            StoreError::ProfileNotFound { name: "p".into() },
            "profile_not_found",
        ),
        (
            StoreError::ProfileExists { name: "p".into() },
            "profile_exists",
        ),
        (
            StoreError::InvalidProfileName { name: "/".into() },
            "invalid_input",
        ),
        (
            StoreError::InvalidInput {
                message: "Bad.".into(),
            },
            "invalid_input",
        ),
        (
            StoreError::SettingsCorrupt {
                path: path.clone(),
                reason: "eof".into(),
            },
            "settings_corrupt",
        ),
        (
            StoreError::SettingsIo {
                path,
                reason: "denied".into(),
            },
            "settings_io",
        ),
    ];
    for (err, code) in all {
        assert_eq!(err.code(), code);
        assert!(
            !err.message().is_empty() && !err.hint().is_empty(),
            "{err:?}"
        );
    }
    let hint = unavailable().hint();
    let keychain = if cfg!(target_os = "macos") {
        "Keychain"
    } else if cfg!(windows) {
        "Credential Manager"
    } else {
        "GNOME Keyring or KWallet"
    };
    assert!(hint.contains(keychain), "{hint}");
    assert_eq!(unavailable().detail().as_deref(), Some("simulated"));
}

#[test]
fn a_profile_opens_its_default_service_else_the_latest_used() {
    let summary = |default_service: Option<&str>, recent: &[&str]| ProfileSummary {
        name: "Work".into(),
        masked_access_key: None,
        endpoint: crate::client::DEFAULT_ENDPOINT.into(),
        default_service: default_service.map(str::to_owned),
        recent_services: recent.iter().map(|s| (*s).to_owned()).collect(),
        is_default: true,
        refresh_every: RefreshEvery::Off,
        refresh_interval: None,
        watched_services: Vec::new(),
    };
    assert_eq!(
        summary(Some("shop01"), &["other02"]).open_service(),
        Some("shop01")
    );
    assert_eq!(
        summary(None, &["other02", "third03"]).open_service(),
        Some("other02")
    );
    assert_eq!(summary(None, &[]).open_service(), None);
}

/// A keychain that is never reachable: what reads only the settings file must not mind.
struct NoKeychain;

impl SecretStore for NoKeychain {
    fn get(&self, _: &str) -> Result<Option<Credentials>, StoreError> {
        Err(unavailable())
    }
    fn set(&self, _: &str, _: &Credentials) -> Result<(), StoreError> {
        Err(unavailable())
    }
    fn delete(&self, _: &str) -> Result<(), StoreError> {
        Err(unavailable())
    }
}

#[test]
fn the_opening_profile_is_the_default_else_the_first_read_without_the_keychain() {
    let (dir, _store, m) = setup();
    assert_eq!(m.opening_profile().unwrap(), None, "no profile yet");
    let with_service = ProfileSettings::default().with_default_service("shop01");
    m.add("first", ProfileSettings::default(), &keys("AK1"))
        .unwrap();
    m.add("second", with_service, &keys("AK2")).unwrap();

    let offline = ProfileManager::with_config_dir(dir.path(), Arc::new(NoKeychain));
    assert!(offline.list().is_err(), "listing needs the keychain");
    let opening = offline.opening_profile().unwrap().unwrap();
    assert_eq!(
        opening.name, "first",
        "the first profile added is the default"
    );
    assert_eq!(opening.settings.open_service(), None);

    m.set_default("second").unwrap();
    let opening = offline.opening_profile().unwrap().unwrap();
    assert_eq!(opening.name, "second");
    assert!(opening.is_default);
    assert_eq!(opening.settings.open_service(), Some("shop01"));
}
