//! Running the real `aitems` binary in a clean environment, and the demo service.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use aitems::credentials::{KeychainStore, SecretStore};
use aitems_demo::{DemoConfig, DemoServer, Fault};

pub use aitems_demo::data::SMALL_SERVICE;
pub use aitems_demo::{DEMO_ACCESS_KEY, DEMO_SECRET_KEY};

/// How long any one command may take before the test fails.
const COMMAND_TIMEOUT: Duration = Duration::from_secs(60);

/// The demo service on its own runtime, stopped when dropped.
pub struct Demo {
    // Dropped before the runtime, which stops the server's task.
    server: DemoServer,
    _runtime: tokio::runtime::Runtime,
}

impl Demo {
    pub fn start() -> Self {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .unwrap();
        let server = runtime
            .block_on(aitems_demo::start(DemoConfig::default()))
            .unwrap();
        Self {
            server,
            _runtime: runtime,
        }
    }

    pub fn url(&self) -> String {
        self.server.url()
    }

    pub fn inject(&self, fault: Fault, times: u32) {
        self.server.inject(fault, times);
    }

    pub fn clear_faults(&self) {
        self.server.clear_faults();
    }
}

/// What a finished command left.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
    pub elapsed: Duration,
}

impl Run {
    /// Asserts the exit code, showing the output when it differs.
    #[track_caller]
    pub fn expect(self, code: i32) -> Self {
        assert_eq!(self.code, code, "unexpected exit code: {self:#?}");
        self
    }

    /// Asserts the failure report: first line `error: `, a `hint: ` line.
    #[track_caller]
    pub fn expect_failure(self, code: i32) -> Self {
        let run = self.expect(code);
        assert!(run.stderr.starts_with("error: "), "{run:#?}");
        assert!(
            run.stderr.lines().any(|l| l.starts_with("hint: ")),
            "{run:#?}"
        );
        run
    }

    /// Stdout as JSON.
    #[track_caller]
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}): {self:#?}"))
    }

    /// The hint line.
    pub fn hint(&self) -> &str {
        self.stderr
            .lines()
            .find(|l| l.starts_with("hint: "))
            .unwrap_or("")
    }
}

/// The `aitems` binary with its own config folder and nothing inherited that matters:
/// no key variables, no endpoint, no log filter, no display, and (unless made with
/// [`Cli::with_keychain`]) a session bus address that leads nowhere, so the real
/// keychain of whoever runs the tests is never touched.
pub struct Cli {
    config: tempfile::TempDir,
    keychain: bool,
    extra_env: Vec<(String, String)>,
}

impl Cli {
    /// No keychain reachable.
    pub fn new() -> Self {
        Self {
            config: tempfile::tempdir().unwrap(),
            keychain: false,
            extra_env: Vec::new(),
        }
    }

    /// The session bus (and so the keychain) of the test process.
    pub fn with_keychain() -> Self {
        Self {
            keychain: true,
            ..Self::new()
        }
    }

    /// Sets a variable for every later command.
    pub fn env(mut self, key: &str, value: &str) -> Self {
        self.extra_env.push((key.to_owned(), value.to_owned()));
        self
    }

    pub fn config_dir(&self) -> &Path {
        self.config.path()
    }

    pub fn settings_path(&self) -> PathBuf {
        self.config.path().join("settings.json")
    }

    /// Runs `aitems args...` with no stdin.
    pub fn run(&self, args: &[&str]) -> Run {
        self.run_full(args, &[], None)
    }

    /// Runs with the demo keys in the environment.
    pub fn run_env_keys(&self, args: &[&str]) -> Run {
        self.run_full(
            args,
            &[
                ("NCLOUD_ACCESS_KEY", DEMO_ACCESS_KEY),
                ("NCLOUD_SECRET_KEY", DEMO_SECRET_KEY),
            ],
            None,
        )
    }

    /// Runs with extra variables and, when given, `stdin` piped in. Fails the test on
    /// a timeout or on panic text in stderr.
    pub fn run_full(&self, args: &[&str], env: &[(&str, &str)], stdin: Option<&str>) -> Run {
        let mut command = Command::new(env!("CARGO_BIN_EXE_aitems"));
        command
            .args(args)
            .env("AITEMS_CONFIG_DIR", self.config.path())
            .env_remove("NCLOUD_ACCESS_KEY")
            .env_remove("NCLOUD_SECRET_KEY")
            .env_remove("AITEMS_ENDPOINT")
            .env_remove("RUST_LOG")
            .env_remove("DISPLAY")
            .env_remove("WAYLAND_DISPLAY")
            .stdin(if stdin.is_some() {
                Stdio::piped()
            } else {
                Stdio::null()
            })
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        if !self.keychain {
            command.env("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent");
        }
        for (key, value) in self.extra_env.iter().map(|(k, v)| (k.as_str(), v.as_str())) {
            command.env(key, value);
        }
        for (key, value) in env {
            command.env(key, value);
        }
        let started = Instant::now();
        let mut child = command.spawn().unwrap();
        if let Some(text) = stdin {
            let mut pipe = child.stdin.take().unwrap();
            pipe.write_all(text.as_bytes()).unwrap();
        }
        let stdout = reader(child.stdout.take().unwrap());
        let stderr = reader(child.stderr.take().unwrap());
        let status = loop {
            if let Some(status) = child.try_wait().unwrap() {
                break status;
            }
            if started.elapsed() > COMMAND_TIMEOUT {
                let _ = child.kill();
                let _ = child.wait();
                panic!("aitems {args:?} did not finish within {COMMAND_TIMEOUT:?}");
            }
            std::thread::sleep(Duration::from_millis(10));
        };
        let run = Run {
            code: status.code().unwrap_or(-1),
            stdout: stdout.join().unwrap(),
            stderr: stderr.join().unwrap(),
            elapsed: started.elapsed(),
        };
        assert!(!run.stderr.contains("panicked"), "panic: {run:#?}");
        assert!(!run.stdout.contains("panicked"), "panic: {run:#?}");
        run
    }
}

fn reader(mut pipe: impl Read + Send + 'static) -> std::thread::JoinHandle<String> {
    std::thread::spawn(move || {
        let mut bytes = Vec::new();
        pipe.read_to_end(&mut bytes).unwrap();
        String::from_utf8(bytes).unwrap()
    })
}

/// The demo's trains of a service, as JSON.
pub fn demo_trains(service: &str) -> serde_json::Value {
    serde_json::Value::Array(aitems_demo::data::trains(service).unwrap())
}

/// The keys as `profile add --stdin` reads them.
pub fn demo_keys_stdin() -> String {
    format!("{DEMO_ACCESS_KEY}\n{DEMO_SECRET_KEY}\n")
}

/// A profile name no other test (or earlier run) uses.
pub fn unique(label: &str) -> String {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    let n = COUNTER.fetch_add(1, Ordering::SeqCst);
    format!(
        "aitems-cli-test-{label}-{}-{nanos:x}-{n}",
        std::process::id()
    )
}

fn keychain_required() -> bool {
    std::env::var("AITEMS_REQUIRE_KEYCHAIN").is_ok_and(|v| v == "1")
}

/// Whether the real keychain answers in this session. When it does not, says so and
/// returns `false`, unless `AITEMS_REQUIRE_KEYCHAIN=1`, which fails the test instead.
pub fn keychain_available(test: &str) -> bool {
    let probe = KeychainStore::new().with_timeout(Duration::from_secs(20));
    match probe.get(&unique("probe")) {
        Ok(None) => true,
        Ok(Some(_)) => panic!("a freshly named probe entry cannot exist"),
        Err(e) if keychain_required() => {
            panic!("AITEMS_REQUIRE_KEYCHAIN=1 but the keychain is unusable: {e}")
        }
        Err(e) => {
            eprintln!("{test}: skipped: no Secret Service ({e})");
            false
        }
    }
}

/// Deletes the named keychain entries when dropped, whatever the test did.
pub struct KeychainCleanup(pub Vec<String>);

impl Drop for KeychainCleanup {
    fn drop(&mut self) {
        let store = KeychainStore::new().with_timeout(Duration::from_secs(20));
        for name in &self.0 {
            let _ = store.delete(name);
        }
    }
}

/// What `secret-tool` (libsecret, independent of the code under test) finds for a
/// profile, or `None` when there is no item.
pub fn secret_tool_lookup(profile: &str) -> Option<String> {
    let output = Command::new("secret-tool")
        .args(["lookup", "service", "aitems-desk", "username", profile])
        .env_remove("DISPLAY")
        .stdin(Stdio::null())
        .output();
    match output {
        Ok(out) if out.status.success() => Some(String::from_utf8(out.stdout).unwrap()),
        Ok(_) => None,
        Err(e) => {
            assert!(!keychain_required(), "secret-tool is needed: {e}");
            eprintln!("secret-tool not available ({e}): cross-check skipped");
            None
        }
    }
}

/// Deletes a profile's keychain item behind the CLI's back.
pub fn secret_tool_clear(profile: &str) {
    let status = Command::new("secret-tool")
        .args(["clear", "service", "aitems-desk", "username", profile])
        .env_remove("DISPLAY")
        .stdin(Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
}

/// Every file under `dir`, with its contents (lossy UTF-8).
pub fn files_under(dir: &Path) -> Vec<(PathBuf, String)> {
    let mut out = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(next) = pending.pop() {
        for entry in std::fs::read_dir(&next).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
            } else {
                let bytes = std::fs::read(&path).unwrap();
                out.push((path, String::from_utf8_lossy(&bytes).into_owned()));
            }
        }
    }
    out
}
