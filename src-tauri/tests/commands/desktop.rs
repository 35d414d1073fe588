//! Desktop basics through the real commands: the update check and install against an
//! update server on loopback, the log file, About, and second launches.

use aitems_desk::desktop::log::{self, LevelFilter};
use aitems_desk::desktop::settings::SettingsFile;
use aitems_desk::desktop::single_instance::{self, SecondLaunches};
use aitems_desk::desktop::updater::Updates;

use crate::harness::*;
use crate::update_server::{manifest, Reply, Signer, UpdateServer};

/// A package standing in for an installer.
const PACKAGE: &[u8] = b"the bytes of AiTEMS Desk 0.2.0";

/// The app with the updater plugin (trusting `signer`'s key), pointed at `endpoint`.
struct Desk {
    h: Harness,
    _settings: tempfile::TempDir,
}

impl Desk {
    fn new(demo: bool, signer: &Signer, endpoint: tauri::Url) -> Self {
        let h = Harness::started(demo);
        let settings = tempfile::tempdir().unwrap();
        let handle = h.app.handle();
        handle
            .plugin(
                tauri_plugin_updater::Builder::new()
                    .pubkey(signer.public_key())
                    .build(),
            )
            .unwrap();
        h.app
            .manage(Updates::new(SettingsFile::in_dir(settings.path())).with_endpoint(endpoint));
        h.app.manage(SecondLaunches::default());
        Self {
            h,
            _settings: settings,
        }
    }

    /// A normal launch checking a server that offers `version`, its package signed by
    /// `signer` for `signed_as`.
    fn offering(version: &str, signed_as: &str) -> (Self, UpdateServer) {
        let signer = Signer::new();
        let server = serve(
            version,
            Some(&signer.sign(PACKAGE, signed_as)),
            Reply::Body(PACKAGE.to_vec()),
        );
        (
            Self::new(false, &signer, server.url_of("/latest.json")),
            server,
        )
    }

    fn check(&self, manual: bool) -> Result<Value, Value> {
        self.h.call("check_update", json!({ "manual": manual }))
    }

    fn install(&self) -> Result<Value, Value> {
        self.h
            .call("install_update", json!({ "onProgress": "__CHANNEL__:1" }))
    }
}

/// A server whose manifest offers `version` with `signature`, its package answered with
/// `package`.
fn serve(version: &str, signature: Option<&str>, package: Reply) -> UpdateServer {
    let packages = UpdateServer::start(vec![("/aitems-desk.AppImage", package)]);
    let package_url = format!("{}/aitems-desk.AppImage", packages.url);
    UpdateServer::start(vec![(
        "/latest.json",
        Reply::Body(manifest(version, signature, &package_url)),
    )])
}

/// An update error the window words by its code, in the user's language.
fn assert_plain_error(error: &Value, code: &str, words: &str) {
    assert_eq!(error["code"], code, "{error}");
    assert_eq!(error["specific"], false, "{error}");
    let message = error["message"].as_str().unwrap();
    assert!(message.contains(words), "{message}");
    assert!(!error["hint"].as_str().unwrap().is_empty());
}

#[test]
fn a_newer_version_is_offered_with_its_notes() {
    let (desk, _server) = Desk::offering("0.2.0", "0.2.0");
    let offer = desk.check(false).expect("the check at start answers");
    assert_eq!(
        offer,
        json!({ "version": "0.2.0", "currentVersion": "0.1.0", "notes": "Faster listings.", "published": "2026-12-01T09:00:00Z", "installable": true })
    );
    assert_eq!(
        desk.check(true).unwrap(),
        offer,
        "asked again, the same offer"
    );
}

#[test]
fn an_equal_or_older_version_is_not_offered() {
    for version in ["0.1.0", "0.0.9"] {
        let (desk, server) = Desk::offering(version, version);
        assert_eq!(desk.check(false).unwrap(), Value::Null, "{version}");
        assert_eq!(desk.check(true).unwrap(), Value::Null, "{version}");
        assert_eq!(server.requests(), 2, "both checks asked the server");
        let error = desk.install().expect_err("nothing to install");
        assert_eq!(error["code"], "no_update_offered");
    }
}

#[test]
fn the_check_at_start_follows_the_setting_and_never_runs_in_demo_mode() {
    let signer = Signer::new();
    let server = serve(
        "0.2.0",
        Some(&signer.sign(PACKAGE, "0.2.0")),
        Reply::Body(PACKAGE.to_vec()),
    );
    let desk = Desk::new(false, &signer, server.url_of("/latest.json"));
    log_to_nowhere(&desk.h);
    assert_eq!(desk.h.ok("about", json!({}))["checkUpdatesAtStart"], true);
    desk.h.ok("set_update_check", json!({ "enabled": false }));
    assert_eq!(desk.h.ok("about", json!({}))["checkUpdatesAtStart"], false);
    assert_eq!(desk.check(false).unwrap(), Value::Null);
    assert_eq!(server.requests(), 0, "the setting is off: no request");
    assert_eq!(
        desk.check(true).unwrap()["version"],
        "0.2.0",
        "asked, it looks"
    );

    let demo = Desk::new(true, &signer, server.url_of("/latest.json"));
    assert_eq!(demo.check(false).unwrap(), Value::Null);
    assert_eq!(server.requests(), 1, "demo mode: no request at start");
    assert_eq!(
        demo.check(true).unwrap()["version"],
        "0.2.0",
        "asked, it looks"
    );
}

#[test]
fn an_unreachable_server_is_silent_at_start_and_said_when_asked() {
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let endpoint = format!("http://{}/latest.json", closed.local_addr().unwrap());
    drop(closed);
    let desk = Desk::new(false, &Signer::new(), endpoint.parse().unwrap());
    assert_eq!(desk.check(false).unwrap(), Value::Null, "no error at start");
    let error = desk.check(true).expect_err("asked, the user hears why");
    assert_plain_error(&error, "update_unreachable", "could not be reached");
}

#[test]
fn a_broken_or_unsigned_manifest_is_refused_plainly() {
    let signer = Signer::new();
    let unsigned = serve("0.2.0", None, Reply::Body(PACKAGE.to_vec()));
    let broken = UpdateServer::start(vec![(
        "/latest.json",
        Reply::Body(b"{\"version\":".to_vec()),
    )]);
    for server in [unsigned, broken] {
        let desk = Desk::new(false, &signer, server.url_of("/latest.json"));
        for manual in [false, true] {
            let error = desk.check(manual).expect_err("refused");
            assert_plain_error(&error, "update_unreadable", "could not be read");
        }
    }
}

#[test]
fn a_package_with_a_bad_signature_or_for_another_version_is_not_installed() {
    let stranger = Signer::new();
    let signer = Signer::new();
    let cases = [
        ("another key", stranger.sign(PACKAGE, "0.2.0")),
        ("other bytes", signer.sign(b"something else", "0.2.0")),
        ("an older release", signer.sign(PACKAGE, "0.1.5")),
    ];
    for (case, signature) in cases {
        let server = serve("0.2.0", Some(&signature), Reply::Body(PACKAGE.to_vec()));
        let desk = Desk::new(false, &signer, server.url_of("/latest.json"));
        assert_eq!(desk.check(true).unwrap()["version"], "0.2.0", "{case}");
        let error = desk.install().expect_err(case);
        assert_plain_error(&error, "update_unsigned", "not signed");
    }
}

#[test]
fn a_half_downloaded_package_is_not_installed() {
    let signer = Signer::new();
    let cut = Reply::Cut {
        promised: PACKAGE.len() * 10,
        sent: PACKAGE.to_vec(),
    };
    let server = serve("0.2.0", Some(&signer.sign(PACKAGE, "0.2.0")), cut);
    let desk = Desk::new(false, &signer, server.url_of("/latest.json"));
    desk.check(true).unwrap();
    let error = desk.install().expect_err("cut short");
    assert_plain_error(
        &error,
        "update_interrupted",
        "stopped before it was complete",
    );
}

#[test]
fn a_well_signed_package_downloads_with_progress() {
    let (desk, _server) = Desk::offering("0.2.0", "0.2.0");
    desk.check(true).unwrap();
    let updates = desk.h.app.state::<Updates>();
    let mut seen = Vec::new();
    let (update, bytes) =
        tauri::async_runtime::block_on(updates.download(|progress| seen.push(progress)))
            .expect("downloaded and verified");
    assert_eq!(bytes, PACKAGE);
    assert_eq!(update.version, "0.2.0");
    let last = seen.last().expect("progress was reported");
    assert_eq!(last.downloaded, PACKAGE.len() as u64);
    assert_eq!(last.total, Some(PACKAGE.len() as u64));
}

#[test]
fn a_second_launch_with_demo_leaves_the_running_app_and_tells_its_window() {
    let desk = Desk::new(
        false,
        &Signer::new(),
        "http://127.0.0.1:9/".parse().unwrap(),
    );
    desk.h
        .ok("second_launches", json!({ "onLaunch": "__CHANNEL__:1" }));
    let heard = Arc::new(Mutex::new(Vec::new()));
    desk.h
        .app
        .state::<SecondLaunches>()
        .listen(record_into_launches(heard.clone()));
    let argv = ["aitems-desk".to_owned(), "--demo".to_owned()];
    let launch = single_instance::on_second_launch(desk.h.app.handle(), &argv);
    assert!(launch.demo_requested);
    assert!(!launch.running_in_demo, "the normal app stays");
    assert_eq!(
        *heard.lock().unwrap(),
        vec![json!({ "demoRequested": true, "runningInDemo": false })]
    );
}

fn record_into_launches(
    heard: Arc<Mutex<Vec<Value>>>,
) -> Channel<aitems_desk::desktop::single_instance::SecondLaunch> {
    Channel::new(move |body| {
        if let InvokeResponseBody::Json(json) = body {
            heard
                .lock()
                .unwrap()
                .push(serde_json::from_str(&json).unwrap());
        }
        Ok(())
    })
}

/// About needs a log file state; one whose folder cannot be created.
fn log_to_nowhere(h: &Harness) {
    let file = tempfile::NamedTempFile::new().unwrap();
    let inside_a_file = file.path().join("logs");
    h.app.manage(log::start(
        h.app.handle(),
        Some(inside_a_file),
        LevelFilter::Info,
    ));
}

/// The only test that starts the log file: the `log` crate takes one logger per process.
#[test]
fn the_log_file_never_holds_a_key_and_an_unwritable_folder_does_not_stop_the_app() {
    let h = Harness::new();
    let file = tempfile::NamedTempFile::new().unwrap();
    let unwritable = log::start(
        h.app.handle(),
        Some(file.path().join("logs")),
        LevelFilter::Trace,
    );
    assert!(
        unwritable.problem().is_some(),
        "the folder is inside a file"
    );
    assert_eq!(
        h.ok("list_profiles", json!({})),
        json!([]),
        "the app goes on"
    );

    let folder = tempfile::tempdir().unwrap();
    let log_file = log::start(
        h.app.handle(),
        Some(folder.path().to_owned()),
        LevelFilter::Trace,
    );
    assert_eq!(log_file.problem(), None);
    h.app.manage(log_file);
    h.app
        .manage(Updates::new(SettingsFile::in_dir(folder.path())));
    let about = h.ok("about", json!({}));
    assert_eq!(about["version"], "0.1.0");
    assert_eq!(about["logFolder"], folder.path().display().to_string());
    assert_eq!(about["logProblem"], Value::Null);

    let endpoint = h.demo_endpoint();
    h.save_profile_on_demo("Work");
    h.list("Work", SMALL_SERVICE, false);
    h.ok(
        "save_profile",
        json!({ "profile": profile_input("Wrong", &endpoint, SECRET), "replaces": null }),
    );
    assert_eq!(
        h.error_code("list_services", json!({ "profile": "Wrong" })),
        "auth_failed"
    );

    tauri_plugin_log::log::logger().flush();
    let text = std::fs::read_to_string(folder.path().join(format!("{}.log", log::FILE_NAME)))
        .expect("the log file is written");
    assert!(text.contains("AiTEMS Desk 0.1.0 started"), "{text}");
    assert!(text.lines().count() > 3, "the listings were logged: {text}");
    for key in [SECRET, aitems_demo::DEMO_SECRET_KEY] {
        assert!(!text.contains(key), "a secret key is in the log:\n{text}");
    }
}
