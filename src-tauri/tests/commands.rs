//! The real commands, through Tauri's IPC with the app's own capabilities, against the
//! embedded demo AiTEMS service over loopback HTTP. Keys live in an in-memory store here;
//! the keychain itself is tested in the `aitems` crate against the real Secret Service.

use std::sync::{Arc, Mutex};

use aitems::credentials::MemoryStore;
use aitems::profiles::ProfileManager;
use aitems_demo::data::{self, MEDIUM_SERVICE, SMALL_SERVICE};
use aitems_desk::state::AppState;
use serde_json::{json, Value};
use tauri::test::{get_ipc_response, mock_builder, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::{Listener, Manager, WebviewWindow, WebviewWindowBuilder};

/// A secret that must never come back out of any command.
const SECRET: &str = "s3cret-never-to-be-seen";

struct Harness {
    webview: WebviewWindow<tauri::test::MockRuntime>,
    app: tauri::App<tauri::test::MockRuntime>,
    replies: Mutex<Vec<String>>,
    _config: tempfile::TempDir,
}

impl Harness {
    fn new() -> Self {
        Self::started(false)
    }

    /// The app as started with or without `--demo`.
    fn started(demo_requested: bool) -> Self {
        let config = tempfile::tempdir().unwrap();
        let profiles = ProfileManager::with_config_dir(config.path(), Arc::new(MemoryStore::new()));
        let app = aitems_desk::run_app(mock_builder(), AppState::new(Ok(profiles), demo_requested))
            .build(tauri::generate_context!())
            .expect("the app builds with its real configuration");
        let webview = WebviewWindowBuilder::new(&app, "main", Default::default())
            .build()
            .unwrap();
        Self {
            webview,
            app,
            replies: Mutex::new(Vec::new()),
            _config: config,
        }
    }

    /// Invokes a command from the app's own page; Ok(reply) or Err(error object).
    fn call(&self, cmd: &str, args: Value) -> Result<Value, Value> {
        self.call_from("tauri://localhost", cmd, args)
    }

    /// Invokes a command as a page at `origin` would.
    fn call_from(&self, origin: &str, cmd: &str, args: Value) -> Result<Value, Value> {
        let request = InvokeRequest {
            cmd: cmd.into(),
            callback: tauri::ipc::CallbackFn(0),
            error: tauri::ipc::CallbackFn(1),
            url: origin.parse().unwrap(),
            body: tauri::ipc::InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        };
        let reply = get_ipc_response(&self.webview, request)
            .map(|body| body.deserialize::<Value>().unwrap());
        let text = match &reply {
            Ok(v) | Err(v) => v.to_string(),
        };
        self.replies.lock().unwrap().push(text);
        reply
    }

    fn ok(&self, cmd: &str, args: Value) -> Value {
        self.call(cmd, args)
            .unwrap_or_else(|e| panic!("{cmd} failed: {e}"))
    }

    fn error_code(&self, cmd: &str, args: Value) -> String {
        let error = self.call(cmd, args).expect_err("the command should fail");
        for field in ["message", "hint"] {
            assert!(
                error[field].as_str().is_some_and(|s| !s.is_empty()),
                "{field} in {error}"
            );
        }
        error["code"].as_str().unwrap().to_owned()
    }

    /// Lists the demo's 300-training service under `request_id`, checking the listing against
    /// the demo data and that exactly one progress event, for this request, came with it.
    fn list_every_demo_training(&self, request_id: &str) -> Value {
        let progress = self.record_progress();
        let list = self.ok(
            "list_trains",
            json!({ "profile": "Demo", "serviceId": MEDIUM_SERVICE, "recent": false, "requestId": request_id }),
        );
        assert_eq!(
            list["trains"],
            Value::Array(data::trains(MEDIUM_SERVICE).unwrap())
        );
        assert_eq!(list["pages"], 1);
        assert_eq!(
            *progress.lock().unwrap(),
            [json!({ "requestId": request_id, "pages": 1, "trains": 300 })]
        );
        list
    }

    /// Collects every `trains-progress` event from now on.
    fn record_progress(&self) -> Arc<Mutex<Vec<Value>>> {
        let events = Arc::new(Mutex::new(Vec::new()));
        let seen = events.clone();
        self.app.listen_any("trains-progress", move |event| {
            seen.lock()
                .unwrap()
                .push(serde_json::from_str(event.payload()).unwrap());
        });
        events
    }

    /// Requests the running demo service has answered.
    fn demo_requests(&self) -> usize {
        let state = self.app.state::<AppState>();
        let served = tauri::async_runtime::block_on(async {
            state
                .running_demo()
                .await
                .map(|demo| demo.requests_served())
        });
        served.expect("demo mode runs")
    }

    fn demo_endpoint(&self) -> String {
        self.ok("start_demo", json!({}))["endpoint"]
            .as_str()
            .unwrap()
            .to_owned()
    }
}

impl Drop for Harness {
    fn drop(&mut self) {
        for reply in self.replies.lock().unwrap().iter() {
            assert!(
                !reply.contains(SECRET),
                "a reply carried the secret key: {reply}"
            );
        }
    }
}

fn profile_input(name: &str, endpoint: &str, secret: &str) -> Value {
    json!({ "name": name, "accessKey": aitems_demo::DEMO_ACCESS_KEY, "secretKey": secret, "endpoint": endpoint, "defaultService": SMALL_SERVICE })
}

#[test]
fn launch_in_demo_mode_fetches_the_first_table_ahead() {
    let h = Harness::started(true);
    tauri::async_runtime::block_on(aitems_desk::prefetch::start_at_launch(h.app.handle()))
        .expect("the launch fetch starts");
    let profiles = h.ok("list_profiles", json!({}));
    let demo = profiles
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["isDemo"] == true);
    let demo = demo.expect("launched with --demo, the first list holds the demo profile");
    assert_eq!(
        demo["openService"], MEDIUM_SERVICE,
        "what the UI opens is what was fetched"
    );

    let list = h.list_every_demo_training("first");
    assert_eq!(
        h.ok("list_services", json!({ "profile": "Demo" })),
        Value::Array(data::services())
    );
    assert_eq!(
        h.demo_requests(),
        2,
        "both answers were the ones fetched at launch"
    );

    // Asked again (Refresh), the listing comes fresh from the service and still matches.
    let again = h.ok("list_trains", json!({ "profile": "Demo", "serviceId": MEDIUM_SERVICE, "recent": false, "requestId": "again" }));
    assert_eq!(again["trains"], list["trains"]);
    assert_eq!(h.demo_requests(), 3);
}

#[test]
fn launched_with_demo_the_first_profile_list_holds_the_demo_profile() {
    let without = Harness::new();
    assert_eq!(without.ok("list_profiles", json!({})), json!([]));
    let with = Harness::started(true);
    let profiles = with.ok("list_profiles", json!({}));
    assert_eq!(profiles[0]["name"], "Demo");
    assert_eq!(profiles[0]["isDemo"], true);
}

#[test]
fn saved_default_profile_opens_its_default_service() {
    let h = Harness::new();
    let endpoint = h.demo_endpoint();
    h.ok("save_profile", json!({ "profile": profile_input("Work", &endpoint, aitems_demo::DEMO_SECRET_KEY), "replaces": null }));
    let profiles = h.ok("list_profiles", json!({}));
    let work = profiles
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "Work")
        .unwrap();
    assert_eq!(work["openService"], SMALL_SERVICE);
    tauri::async_runtime::block_on(aitems_desk::prefetch::start_at_launch(h.app.handle()))
        .expect("the launch fetch starts");
    let list = h.ok(
        "list_trains",
        json!({ "profile": "Work", "serviceId": SMALL_SERVICE, "recent": false, "requestId": "w" }),
    );
    assert_eq!(
        list["trains"],
        Value::Array(data::trains(SMALL_SERVICE).unwrap())
    );
}

#[test]
fn demo_mode_lists_every_training_and_reports_progress() {
    let h = Harness::new();
    let info = h.ok("app_info", json!({}));
    assert_eq!(info["demoRequested"], false);
    let demo = h.ok("start_demo", json!({}));
    assert_eq!(demo["name"], "Demo");
    assert_eq!(demo["isDemo"], true);
    assert!(h
        .ok("list_profiles", json!({}))
        .as_array()
        .unwrap()
        .iter()
        .any(|p| p["isDemo"] == true));

    let list = h.list_every_demo_training("r1");
    assert!(chrono::DateTime::parse_from_rfc3339(list["fetchedAt"].as_str().unwrap()).is_ok());

    let recent = h.ok("list_trains", json!({ "profile": "Demo", "serviceId": MEDIUM_SERVICE, "recent": true, "requestId": "r2" }));
    assert_eq!(
        recent["trains"],
        Value::Array(data::recent_trains(MEDIUM_SERVICE).unwrap())
    );
    let services = h.ok("list_services", json!({ "profile": "Demo" }));
    assert_eq!(services, Value::Array(data::services()));
}

#[test]
fn errors_reach_the_ui_as_codes() {
    let h = Harness::new();
    let no_demo = json!({ "profile": "Demo", "serviceId": MEDIUM_SERVICE, "recent": false, "requestId": "x" });
    assert_eq!(h.error_code("list_trains", no_demo), "invalid_input");
    h.demo_endpoint();
    let unknown = h.call("list_trains", json!({ "profile": "Demo", "serviceId": "nosuchsvc01", "recent": false, "requestId": "x" })).unwrap_err();
    assert_eq!(unknown["code"], "not_found");
    assert_eq!(unknown["detail"]["httpStatus"], 404);
    assert!(unknown["detail"]["traceId"]
        .as_str()
        .is_some_and(|t| !t.is_empty()));
    let bad_id =
        json!({ "profile": "Demo", "serviceId": "../etc", "recent": false, "requestId": "x" });
    assert_eq!(h.error_code("list_trains", bad_id), "invalid_input");
    assert_eq!(
        h.error_code("list_services", json!({ "profile": "nobody" })),
        "profile_not_found"
    );
}

#[test]
fn saved_profiles_keep_their_keys_to_themselves() {
    let h = Harness::new();
    let endpoint = h.demo_endpoint();
    // The demo service knows the demo secret, so save the real pair first, then check
    // that nothing sends the secret back, using a profile whose secret is SECRET too.
    let saved = h.ok("save_profile", json!({ "profile": profile_input("Work", &endpoint, aitems_demo::DEMO_SECRET_KEY), "replaces": null }));
    assert_eq!(saved["maskedAccessKey"], "DEMO…");
    assert_eq!(saved["isDemo"], false);
    assert_eq!(
        h.ok(
            "test_connection",
            json!({ "profile": "Work", "draft": null })
        ),
        json!({ "serviceCount": 4 })
    );
    let list = h.ok(
        "list_trains",
        json!({ "profile": "Work", "serviceId": SMALL_SERVICE, "recent": false, "requestId": "w" }),
    );
    assert_eq!(
        list["trains"].as_array().unwrap().len(),
        data::trains(SMALL_SERVICE).unwrap().len()
    );
    let profiles = h.ok("list_profiles", json!({}));
    let work = profiles
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "Work")
        .unwrap()
        .clone();
    assert_eq!(work["recentServices"], json!([SMALL_SERVICE]));
    assert_eq!(work["isDefault"], true);

    h.ok(
        "save_profile",
        json!({ "profile": profile_input("Wrong", &endpoint, SECRET), "replaces": null }),
    );
    assert_eq!(
        h.error_code("list_services", json!({ "profile": "Wrong" })),
        "auth_failed"
    );
    let draft = profile_input("Draft", &endpoint, SECRET);
    assert_eq!(
        h.error_code(
            "test_connection",
            json!({ "profile": null, "draft": draft })
        ),
        "auth_failed"
    );
    let http_elsewhere = profile_input("Plain", "http://example.com", SECRET);
    assert_eq!(
        h.error_code(
            "save_profile",
            json!({ "profile": http_elsewhere, "replaces": null })
        ),
        "invalid_input"
    );
}

#[test]
fn renaming_editing_and_deleting_profiles() {
    let h = Harness::new();
    let endpoint = h.demo_endpoint();
    h.ok("save_profile", json!({ "profile": profile_input("Old", &endpoint, aitems_demo::DEMO_SECRET_KEY), "replaces": null }));
    h.ok("list_services", json!({ "profile": "Old" }));
    // Rename without re-entering keys: blank keys keep the stored ones.
    let renamed = json!({ "name": "New", "accessKey": "", "secretKey": "", "endpoint": endpoint, "defaultService": null });
    h.ok(
        "save_profile",
        json!({ "profile": renamed, "replaces": "Old" }),
    );
    assert_eq!(
        h.error_code("list_services", json!({ "profile": "Old" })),
        "profile_not_found"
    );
    assert_eq!(
        h.ok("list_services", json!({ "profile": "New" }))
            .as_array()
            .unwrap()
            .len(),
        4
    );
    h.ok(
        "list_trains",
        json!({ "profile": "New", "serviceId": SMALL_SERVICE, "recent": false, "requestId": "n" }),
    );
    let edited = json!({ "name": "New", "accessKey": "", "secretKey": "", "endpoint": endpoint, "defaultService": MEDIUM_SERVICE });
    let saved = h.ok(
        "save_profile",
        json!({ "profile": edited, "replaces": "New" }),
    );
    assert_eq!(saved["defaultService"], MEDIUM_SERVICE);
    assert_eq!(
        saved["recentServices"],
        json!([SMALL_SERVICE]),
        "editing keeps the recent services"
    );
    let half = json!({ "name": "New", "accessKey": "AK", "secretKey": "", "endpoint": endpoint, "defaultService": null });
    assert_eq!(
        h.error_code("save_profile", json!({ "profile": half, "replaces": null })),
        "invalid_input"
    );
    let reserved = profile_input("Demo", &endpoint, SECRET);
    assert_eq!(
        h.error_code(
            "save_profile",
            json!({ "profile": reserved, "replaces": null })
        ),
        "invalid_input"
    );

    h.ok("delete_profile", json!({ "name": "New" }));
    assert_eq!(
        h.error_code("list_services", json!({ "profile": "New" })),
        "profile_not_found"
    );
    let names: Vec<Value> = h
        .ok("list_profiles", json!({}))
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].clone())
        .collect();
    assert_eq!(names, vec![json!("Demo")]);
}

#[test]
fn only_the_apps_own_page_may_call_commands() {
    let h = Harness::new();
    assert!(h.call("app_info", json!({})).is_ok());
    let remote = h
        .call_from("https://example.com", "app_info", json!({}))
        .unwrap_err();
    assert!(remote.to_string().contains("not allowed"), "{remote}");
    let unknown = h.call("read_secret_key", json!({})).unwrap_err();
    assert!(!unknown.to_string().is_empty());
}
