//! Unit tests of the safety properties: atomic writes, corrupt files, unknown keys,
//! missing keys, secrets never shown, and undo when one of the two stores fails.

use super::*;
use std::sync::atomic::{AtomicBool, Ordering};

/// A store whose writes can be made to fail.
#[derive(Default)]
struct FlakyStore {
    inner: MemoryStore,
    fail_set: AtomicBool,
    fail_delete_of: std::sync::Mutex<Option<String>>,
}

impl SecretStore for FlakyStore {
    fn get(&self, profile: &str) -> Result<Option<Credentials>, StoreError> {
        self.inner.get(profile)
    }
    fn set(&self, profile: &str, credentials: &Credentials) -> Result<(), StoreError> {
        if self.fail_set.load(Ordering::SeqCst) {
            return Err(unavailable());
        }
        self.inner.set(profile, credentials)
    }
    fn delete(&self, profile: &str) -> Result<(), StoreError> {
        if self.fail_delete_of.lock().unwrap().as_deref() == Some(profile) {
            return Err(unavailable());
        }
        self.inner.delete(profile)
    }
}

#[test]
fn writes_are_atomic_and_leave_no_temporary_files() {
    let (dir, _store, m) = setup();
    m.add("a", ProfileSettings::default(), &keys("AK")).unwrap();
    m.remember_service("a", "s1").unwrap();
    m.add("b", ProfileSettings::default(), &keys("AK")).unwrap();
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(names, [SETTINGS_FILE_NAME]);
    let json: serde_json::Value = serde_json::from_str(&file_text(&m)).unwrap();
    assert_eq!(json["version"], 1);
    assert_eq!(json["defaultProfile"], "a");
    assert_eq!(json["profiles"]["a"]["recentServices"][0], "s1");
    assert_eq!(json["profiles"]["b"]["endpoint"], DEFAULT_ENDPOINT);
}

#[test]
fn a_corrupt_file_is_reported_and_never_overwritten() {
    let (_dir, store, m) = setup();
    let garbage = "{\"profiles\": {\"a\": ";
    std::fs::write(m.settings_path(), garbage).unwrap();
    let err = m.list().unwrap_err();
    assert_eq!(err.code(), "settings_corrupt");
    assert!(err
        .message()
        .contains(&m.settings_path().display().to_string()));
    assert!(err.hint().contains("delete"));
    let err = m
        .add("b", ProfileSettings::default(), &keys("AK"))
        .unwrap_err();
    assert_eq!(err.code(), "settings_corrupt");
    assert_eq!(m.set_default("a").unwrap_err().code(), "settings_corrupt");
    assert_eq!(file_text(&m), garbage, "file untouched");
    assert!(store.profiles().is_empty(), "keychain untouched");

    std::fs::write(m.settings_path(), "{\"profiles\": 5}").unwrap();
    assert_eq!(m.default_profile().unwrap_err().code(), "settings_corrupt");
    std::fs::write(m.settings_path(), "  \n").unwrap();
    assert!(m.list().unwrap().is_empty(), "a blank file is an empty one");
}

#[test]
fn unknown_keys_are_kept_on_rewrite() {
    let (_dir, _store, m) = setup();
    m.add("a", ProfileSettings::default(), &keys("AK")).unwrap();
    let mut json: serde_json::Value = serde_json::from_str(&file_text(&m)).unwrap();
    json["theme"] = "dark".into();
    json["profiles"]["a"]["color"] = "red".into();
    std::fs::write(m.settings_path(), json.to_string()).unwrap();

    m.save(
        "a",
        ProfileSettings::default().with_endpoint("https://x.example"),
        None,
    )
    .unwrap();
    m.remember_service("a", "s").unwrap();
    m.add("b", ProfileSettings::default(), &keys("AK")).unwrap();
    m.rename("a", "c").unwrap();
    let json: serde_json::Value = serde_json::from_str(&file_text(&m)).unwrap();
    assert_eq!(json["theme"], "dark");
    assert_eq!(json["profiles"]["c"]["color"], "red");
    assert_eq!(json["profiles"]["c"]["endpoint"], "https://x.example");
}

#[test]
fn missing_keys_are_distinguished_from_missing_profiles() {
    let (_dir, store, m) = setup();
    m.add("a", ProfileSettings::default(), &keys("AKIDAAAA"))
        .unwrap();
    store.delete("a").unwrap();
    let err = m.credentials("a").unwrap_err();
    assert_eq!(
        err,
        StoreError::MissingKeys {
            profile: "a".into()
        }
    );
    assert_eq!(err.code(), "missing_keys");
    assert_eq!(m.credentials("b").unwrap_err().code(), "profile_not_found");
    assert_eq!(m.list().unwrap()[0].masked_access_key, None);
    // Saving new keys repairs it.
    m.save("a", ProfileSettings::default(), Some(&keys("AKIDBBBB")))
        .unwrap();
    assert_eq!(m.credentials("a").unwrap().access_key, "AKIDBBBB");
}

#[test]
fn the_secret_is_never_printed_nor_written_to_the_settings_file() {
    let (_dir, store, m) = setup();
    let p = m
        .add("a", ProfileSettings::default(), &keys("AKID"))
        .unwrap();
    m.remember_service("a", "svc").unwrap();
    let list = m.list().unwrap();
    let creds = m.credentials("a").unwrap();
    assert_eq!(creds.secret_key.expose(), SECRET);
    let errors = [
        StoreError::MissingKeys {
            profile: "a".into(),
        },
        m.add("a", ProfileSettings::default(), &keys("X"))
            .unwrap_err(),
    ];
    let printed = format!(
        "{m:?} {p:?} {list:?} {creds:?} {store:?} {errors:?} {}",
        serde_json::to_string(&list).unwrap()
    );
    assert!(!printed.contains(SECRET), "{printed}");
    assert!(!file_text(&m).contains(SECRET));
    assert!(serde_json::to_string(&list)
        .unwrap()
        .contains("\"maskedAccessKey\":\"AKID…\""));
}

#[test]
fn keychain_changes_are_undone_when_the_file_cannot_be_written() {
    let (_dir, store, m) = setup();
    m.add("a", ProfileSettings::default(), &keys("OLD"))
        .unwrap();
    m.fail_saves(true);

    assert_eq!(
        m.add("b", ProfileSettings::default(), &keys("AK"))
            .unwrap_err()
            .code(),
        "settings_io"
    );
    assert_eq!(store.get("b").unwrap(), None);

    assert!(m
        .save("a", ProfileSettings::default(), Some(&keys("NEW")))
        .is_err());
    assert_eq!(store.get("a").unwrap().unwrap().access_key, "OLD");

    assert!(m.rename("a", "c").is_err());
    assert_eq!(store.get("a").unwrap().unwrap().access_key, "OLD");
    assert_eq!(store.get("c").unwrap(), None);

    assert!(m.remove("a").is_err());
    assert_eq!(store.get("a").unwrap().unwrap().access_key, "OLD");

    m.fail_saves(false);
    assert_eq!(m.credentials("a").unwrap().access_key, "OLD");
}

#[test]
fn keychain_failures_leave_the_file_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let store = Arc::new(FlakyStore::default());
    let m = ProfileManager::with_config_dir(dir.path(), store.clone());
    m.add("a", ProfileSettings::default(), &keys("AK")).unwrap();
    let before = file_text(&m);

    store.fail_set.store(true, Ordering::SeqCst);
    let err = m
        .add("b", ProfileSettings::default(), &keys("AK"))
        .unwrap_err();
    assert_eq!(err.code(), "keychain_unavailable");
    assert!(m.rename("a", "c").is_err());
    assert_eq!(file_text(&m), before);

    store.fail_set.store(false, Ordering::SeqCst);
    *store.fail_delete_of.lock().unwrap() = Some("a".into());
    assert!(m.rename("a", "c").is_err(), "old entry cannot be deleted");
    assert_eq!(store.inner.profiles(), ["a"], "new entry undone");
    assert!(m.remove("a").is_err());
    assert_eq!(file_text(&m), before);
}
