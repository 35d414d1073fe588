//! The key store against the REAL OS keychain (Secret Service on Linux).
//!
//! Run inside a private D-Bus session with an unlocked gnome-keyring:
//!
//! ```sh
//! HOME=$(mktemp -d) CARGO_HOME=/root/.cargo RUSTUP_HOME=/root/.rustup AITEMS_REQUIRE_KEYCHAIN=1 \
//!   dbus-run-session -- sh -c 'echo -n test | gnome-keyring-daemon --unlock --components=secrets >/dev/null; cargo test -p aitems --test keychain'
//! ```
//!
//! Without a reachable keychain these tests print "skipped: no Secret Service" and pass,
//! unless `AITEMS_REQUIRE_KEYCHAIN=1` is set, in which case they fail.

#[cfg(target_os = "linux")]
use aitems::credentials::KEYCHAIN_SERVICE;
use aitems::credentials::{KeychainStore, SecretStore, StoreError};
use aitems::profiles::{ProfileManager, ProfileSettings};
use aitems::Credentials;
#[cfg(target_os = "linux")]
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

const SECRET: &str = "kc-test-secret-do-not-print-42";

/// A profile name no other test (or earlier run) uses.
fn unique(label: &str) -> String {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    let n = COUNTER.fetch_add(1, Ordering::SeqCst);
    format!("aitems-test-{label}-{}-{nanos:x}-{n}", std::process::id())
}

fn required() -> bool {
    std::env::var("AITEMS_REQUIRE_KEYCHAIN").is_ok_and(|v| v == "1")
}

/// The real keychain, or `None` (after saying so) when none is reachable and the
/// keychain is not required.
fn keychain_or_skip(test: &str) -> Option<KeychainStore> {
    let probe = KeychainStore::new().with_timeout(Duration::from_secs(20));
    match probe.get(&unique("probe")) {
        Ok(None) => Some(KeychainStore::new().with_timeout(Duration::from_secs(30))),
        Ok(Some(_)) => panic!("a freshly named probe entry cannot exist"),
        Err(e) if required() => {
            panic!("AITEMS_REQUIRE_KEYCHAIN=1 but the keychain is unusable: {e}")
        }
        Err(e) => {
            eprintln!("{test}: skipped: no Secret Service ({e})");
            None
        }
    }
}

/// What `secret-tool` (libsecret, independent of keyring-rs) finds for a profile, or
/// `None` when there is no such item. `None` is also returned, with a note, when
/// `secret-tool` is not installed and the keychain is not required.
#[cfg(target_os = "linux")]
fn secret_tool_lookup(profile: &str) -> Option<String> {
    let output = Command::new("secret-tool")
        .args(["lookup", "service", KEYCHAIN_SERVICE, "username", profile])
        .env_remove("DISPLAY")
        .stdin(Stdio::null())
        .output();
    match output {
        Ok(out) if out.status.success() => Some(String::from_utf8(out.stdout).unwrap()),
        Ok(_) => None,
        Err(e) => {
            assert!(!required(), "secret-tool is needed: {e}");
            eprintln!("secret-tool not available ({e}): cross-check skipped");
            None
        }
    }
}

fn keys(access: &str) -> Credentials {
    Credentials::new(access, SECRET)
}

#[test]
fn set_get_delete_round_trip() {
    let Some(store) = keychain_or_skip("set_get_delete_round_trip") else {
        return;
    };
    let name = unique("roundtrip");
    assert_eq!(store.get(&name).unwrap(), None);
    store.set(&name, &keys("AKIDROUND1")).unwrap();
    assert_eq!(store.get(&name).unwrap(), Some(keys("AKIDROUND1")));
    // Replacing keeps a single entry.
    store
        .set(
            &name,
            &Credentials::new("AKIDROUND2", "other \"secret\" 한"),
        )
        .unwrap();
    let back = store.get(&name).unwrap().unwrap();
    assert_eq!(back.access_key, "AKIDROUND2");
    assert_eq!(back.secret_key.expose(), "other \"secret\" 한");
    store.delete(&name).unwrap();
    assert_eq!(store.get(&name).unwrap(), None);
    store.delete(&name).unwrap(); // deleting a missing entry is fine
}

#[test]
fn entries_persist_across_store_instances_and_are_in_the_secret_service() {
    let Some(store) = keychain_or_skip("entries_persist") else {
        return;
    };
    let name = unique("persist");
    store.set(&name, &keys("AKIDPERSIST")).unwrap();
    let other = KeychainStore::new();
    assert_eq!(other.get(&name).unwrap(), Some(keys("AKIDPERSIST")));

    #[cfg(target_os = "linux")]
    {
        // Proof that the backend is the Secret Service, not keyring's in-memory mock:
        // libsecret's own tool sees the item under our service and account.
        if let Some(found) = secret_tool_lookup(&name) {
            let json: serde_json::Value = serde_json::from_str(&found).unwrap();
            assert_eq!(json["accessKey"], "AKIDPERSIST");
            assert_eq!(json["secretKey"], SECRET);
        } else {
            assert!(!required(), "secret-tool does not see the entry {name}");
        }
    }

    other.delete(&name).unwrap();
    assert_eq!(store.get(&name).unwrap(), None);
    #[cfg(target_os = "linux")]
    assert_eq!(secret_tool_lookup(&name), None);
}

#[test]
fn profile_manager_with_the_real_keychain() {
    let Some(store) = keychain_or_skip("profile_manager") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let manager = ProfileManager::with_config_dir(dir.path(), Arc::new(store.clone()));
    let (first, second) = (unique("pm-a"), unique("pm-b"));

    manager
        .add(&first, ProfileSettings::default(), &keys("AKIDMANAGER"))
        .unwrap();
    assert_eq!(manager.credentials(&first).unwrap(), keys("AKIDMANAGER"));
    let list = manager.list().unwrap();
    assert_eq!(list[0].masked_access_key.as_deref(), Some("AKID…"));
    assert!(list[0].is_default);
    #[cfg(target_os = "linux")]
    assert!(secret_tool_lookup(&first).is_some() || !required());

    manager.rename(&first, &second).unwrap();
    assert_eq!(store.get(&first).unwrap(), None, "old entry deleted");
    assert_eq!(store.get(&second).unwrap(), Some(keys("AKIDMANAGER")));
    #[cfg(target_os = "linux")]
    {
        assert_eq!(secret_tool_lookup(&first), None);
        assert!(secret_tool_lookup(&second).is_some() || !required());
    }

    // An entry removed behind the app's back is "missing keys", not an auth failure.
    store.delete(&second).unwrap();
    let err = manager.credentials(&second).unwrap_err();
    assert_eq!(err.code(), "missing_keys");
    manager
        .save(
            &second,
            ProfileSettings::default(),
            Some(&keys("AKIDAGAIN")),
        )
        .unwrap();

    manager.remove(&second).unwrap();
    assert_eq!(store.get(&second).unwrap(), None, "entry deleted");
    assert!(manager.list().unwrap().is_empty());
    let settings = std::fs::read_to_string(manager.settings_path()).unwrap();
    assert!(!settings.contains(SECRET));
}

/// Env var that turns [`child_without_session_bus`] into the real check.
const CHILD_ENV: &str = "AITEMS_KEYCHAIN_TEST_CHILD";

/// Runs in a child process (see the next test) whose environment has no usable session
/// bus; on its own it does nothing.
#[test]
fn child_without_session_bus() {
    if std::env::var_os(CHILD_ENV).is_none() {
        return;
    }
    let timeout = Duration::from_secs(30);
    let store = KeychainStore::new().with_timeout(timeout);
    let started = Instant::now();
    let results = [
        store.get("aitems-test-nobus").map(|_| ()),
        store.set("aitems-test-nobus", &keys("AKIDNOBUS")),
        store.delete("aitems-test-nobus"),
    ];
    for result in results {
        let err = result.expect_err("no keychain must be an error");
        assert!(
            matches!(err, StoreError::KeychainUnavailable { .. }),
            "{err:?}"
        );
        assert_eq!(err.code(), "keychain_unavailable");
        let shown = format!("{err} {err:?} {} {}", err.message(), err.hint());
        assert!(!shown.contains(SECRET), "{shown}");
        println!("CHILD-ERROR {err}");
    }
    assert!(
        started.elapsed() < timeout,
        "the calls failed fast rather than timing out"
    );
    println!("CHILD-OK");
}

/// Without a session bus every call is `KeychainUnavailable`: no panic, no hang. Runs
/// the test binary itself as a child, since environment variables are process-wide.
#[cfg(target_os = "linux")]
#[test]
fn no_session_bus_gives_keychain_unavailable() {
    let runtime_dir = tempfile::tempdir().unwrap();
    let cases: [(&str, Option<&str>); 2] = [
        (
            "bus address to a missing socket",
            Some("unix:path=/nonexistent/aitems-test-bus"),
        ),
        ("no bus address at all", None),
    ];
    for (case, address) in cases {
        let mut cmd = Command::new(std::env::current_exe().unwrap());
        cmd.args([
            "child_without_session_bus",
            "--exact",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD_ENV, "1")
        // No display: otherwise libdbus may autolaunch a bus and a prompt may hang.
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        // An empty runtime dir, so $XDG_RUNTIME_DIR/bus is not found either.
        .env("XDG_RUNTIME_DIR", runtime_dir.path())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
        match address {
            Some(address) => cmd.env("DBUS_SESSION_BUS_ADDRESS", address),
            None => cmd.env_remove("DBUS_SESSION_BUS_ADDRESS"),
        };
        let mut child = cmd.spawn().unwrap();
        let deadline = Instant::now() + Duration::from_secs(90);
        while child.try_wait().unwrap().is_none() {
            if Instant::now() > deadline {
                let _ = child.kill();
                let _ = child.wait();
                panic!("{case}: the child hung");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let output = child.wait_with_output().unwrap();
        let stdout = String::from_utf8_lossy(&output.stdout);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            output.status.success() && stdout.contains("CHILD-OK"),
            "{case}: {}\n{stdout}\n{stderr}",
            output.status
        );
        for line in stdout.lines().filter(|l| l.starts_with("CHILD-ERROR")) {
            eprintln!("{case}: {line}");
        }
    }
}
