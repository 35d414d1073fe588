//! The real commands, through Tauri's IPC with the app's own capabilities, against the
//! embedded demo AiTEMS service over loopback HTTP. Keys live in an in-memory store here;
//! the keychain itself is tested in the `aitems` crate against the real Secret Service.

use std::sync::{Arc, Mutex};

use aitems::cache::ListingCache;
use aitems::credentials::{CachedStore, MemoryStore, SecretStore};
use aitems::profiles::ProfileManager;
use aitems_demo::data::{self, MEDIUM_SERVICE, SMALL_SERVICE};
use aitems_desk::error::CommandError;
use aitems_desk::offline::Offline;
use aitems_desk::pages::PageSender;
use aitems_desk::state::AppState;
use serde_json::{json, Value};
use tauri::ipc::{Channel, InvokeResponseBody};
use tauri::test::{get_ipc_response, mock_builder, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::{Manager, WebviewWindow, WebviewWindowBuilder};

/// A secret that must never come back out of any command.
const SECRET: &str = "s3cret-never-to-be-seen";

struct Harness {
    webview: WebviewWindow<tauri::test::MockRuntime>,
    app: tauri::App<tauri::test::MockRuntime>,
    replies: Mutex<Vec<String>>,
    _config: tempfile::TempDir,
    _data: tempfile::TempDir,
}

impl Harness {
    fn new() -> Self {
        Self::started(false)
    }

    /// The app as started with or without `--demo`.
    fn started(demo_requested: bool) -> Self {
        Self::with_store(demo_requested, Arc::new(MemoryStore::new()))
    }

    /// The app with its keys in `store`.
    fn with_store(demo_requested: bool, store: Arc<dyn SecretStore>) -> Self {
        let config = tempfile::tempdir().unwrap();
        let data = tempfile::tempdir().unwrap();
        let profiles = ProfileManager::with_config_dir(config.path(), store);
        let offline = Offline::new(Some(ListingCache::new(data.path())));
        let state = AppState::new(Ok(profiles), demo_requested).with_offline(offline);
        let app = aitems_desk::run_app(mock_builder(), state)
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
            _data: data,
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

    /// Lists a service as `list_trains` does, with a channel that records the pages the
    /// page would receive, each as the JSON it is sent as.
    fn pages(
        &self,
        profile: &str,
        service_id: &str,
        recent: bool,
    ) -> Result<Vec<Value>, CommandError> {
        let sent = Arc::new(Mutex::new(Vec::new()));
        let channel = record_into(sent.clone());
        let state = self.app.state::<AppState>();
        let sender = PageSender::new(&channel);
        tauri::async_runtime::block_on(state.trains(profile, service_id, recent, |p, t| {
            sender.send(p, t);
        }))?;
        sender.finish()?;
        let pages = sent.lock().unwrap().clone();
        Ok(pages)
    }

    /// Lists the demo's 300-training service through the command and its channel, checking
    /// the pages against the demo data and the command's result against the pages.
    fn list_every_demo_training(&self) -> Value {
        let pages = self.pages("Demo", MEDIUM_SERVICE, false).expect("listed");
        let expected = data::trains(MEDIUM_SERVICE).unwrap();
        assert_eq!(pages.len(), 1, "300 trainings are one page");
        assert_eq!(pages[0]["pages"], 1);
        assert_eq!(pages[0]["total"], expected.len());
        assert_eq!(pages[0]["trains"], Value::Array(expected.clone()));
        let listed = self.list("Demo", MEDIUM_SERVICE, false);
        assert_eq!(listed["pages"], 1);
        assert_eq!(listed["total"], expected.len());
        listed
    }

    /// `list_trains` through IPC, its pages going to a channel of the page.
    fn list(&self, profile: &str, service_id: &str, recent: bool) -> Value {
        self.ok(
            "list_trains",
            json!({ "profile": profile, "serviceId": service_id, "recent": recent, "onPage": "__CHANNEL__:1" }),
        )
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

    /// Requests the demo service has answered, once none has come for a while.
    fn quiet_demo_requests(&self) -> usize {
        let mut seen = self.demo_requests();
        let mut still = 0;
        while still < 5 {
            std::thread::sleep(std::time::Duration::from_millis(50));
            let now = self.demo_requests();
            still = if now == seen { still + 1 } else { 0 };
            seen = now;
        }
        seen
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

#[test]
fn a_page_that_cannot_be_sent_fails_the_listing() {
    let h = Harness::new();
    h.demo_endpoint();
    let refusing = Channel::new(|_| Err(tauri::Error::WebviewNotFound));
    let sender = PageSender::new(&refusing);
    let state = h.app.state::<AppState>();
    tauri::async_runtime::block_on(state.trains("Demo", SMALL_SERVICE, false, |p, t| {
        sender.send(p, t);
    }))
    .expect("the listing itself succeeds");
    let error = sender
        .finish()
        .expect_err("the window did not get every page");
    assert_eq!(error.code, "internal");
}

/// A channel whose pages are recorded as JSON values.
fn record_into(sent: Arc<Mutex<Vec<Value>>>) -> Channel<InvokeResponseBody> {
    Channel::new(move |body| {
        if let InvokeResponseBody::Json(json) = body {
            sent.lock()
                .unwrap()
                .push(serde_json::from_str(&json).unwrap());
        }
        Ok(())
    })
}

fn profile_input(name: &str, endpoint: &str, secret: &str) -> Value {
    json!({ "name": name, "accessKey": aitems_demo::DEMO_ACCESS_KEY, "secretKey": secret, "endpoint": endpoint, "defaultService": SMALL_SERVICE })
}

#[test]
fn launch_in_demo_mode_fetches_the_first_table_ahead() {
    let h = Harness::started(true);
    tauri::async_runtime::block_on(AppState::prefetch_at_launch(h.app.handle()))
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

    // Once launch's requests are done (pages fetched ahead included), the first listing
    // and the services are served from them: the demo service is asked nothing more.
    let at_launch = h.quiet_demo_requests();
    let pages = h.pages("Demo", MEDIUM_SERVICE, false).expect("listed");
    assert_eq!(
        pages[0]["trains"],
        Value::Array(data::trains(MEDIUM_SERVICE).unwrap())
    );
    assert_eq!(
        h.ok("list_services", json!({ "profile": "Demo" })),
        Value::Array(data::services())
    );
    assert_eq!(
        h.demo_requests(),
        at_launch,
        "both answers were the ones fetched at launch"
    );
    // Asked again (Refresh), the listing comes fresh from the service.
    h.list_every_demo_training();
    assert!(h.demo_requests() > at_launch);
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
    tauri::async_runtime::block_on(AppState::prefetch_at_launch(h.app.handle()))
        .expect("the launch fetch starts");
    let pages = h.pages("Work", SMALL_SERVICE, false).expect("listed");
    assert_eq!(
        pages[0]["trains"],
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

    let list = h.list_every_demo_training();
    assert!(chrono::DateTime::parse_from_rfc3339(list["fetchedAt"].as_str().unwrap()).is_ok());
    assert_eq!(
        list["recentServices"],
        Value::Null,
        "the demo keeps no recent services"
    );

    let recent = h.pages("Demo", MEDIUM_SERVICE, true).expect("listed");
    assert_eq!(
        recent[0]["trains"],
        Value::Array(data::recent_trains(MEDIUM_SERVICE).unwrap())
    );
    let services = h.ok("list_services", json!({ "profile": "Demo" }));
    assert_eq!(services, Value::Array(data::services()));
}

#[test]
fn errors_reach_the_ui_as_codes() {
    let h = Harness::new();
    let no_demo = json!({ "profile": "Demo", "serviceId": MEDIUM_SERVICE, "recent": false, "onPage": "__CHANNEL__:1" });
    assert_eq!(h.error_code("list_trains", no_demo), "invalid_input");
    h.demo_endpoint();
    let unknown = h.call("list_trains", json!({ "profile": "Demo", "serviceId": "nosuchsvc01", "recent": false, "onPage": "__CHANNEL__:1" })).unwrap_err();
    assert_eq!(unknown["code"], "not_found");
    assert_eq!(unknown["detail"]["httpStatus"], 404);
    assert!(unknown["detail"]["traceId"]
        .as_str()
        .is_some_and(|t| !t.is_empty()));
    let bad_id = json!({ "profile": "Demo", "serviceId": "../etc", "recent": false, "onPage": "__CHANNEL__:1" });
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
    let list = h.list("Work", SMALL_SERVICE, false);
    assert_eq!(list["total"], data::trains(SMALL_SERVICE).unwrap().len());
    assert_eq!(
        list["profile"]["recentServices"],
        json!([SMALL_SERVICE]),
        "the listing says how it changed the profile"
    );
    assert_eq!(list["profile"]["name"], "Work");
    assert_eq!(
        h.list("Work", SMALL_SERVICE, false)["profile"],
        Value::Null,
        "a refresh of the same service changes nothing"
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
    h.list("New", SMALL_SERVICE, false);
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

#[test]
fn two_listings_at_once_keep_their_pages_apart() {
    let h = Harness::new();
    h.demo_endpoint();
    let (medium, small) = (
        Arc::new(Mutex::new(Vec::new())),
        Arc::new(Mutex::new(Vec::new())),
    );
    let (to_medium, to_small) = (record_into(medium.clone()), record_into(small.clone()));
    let state = h.app.state::<AppState>();
    let (medium_pages, small_pages) = (PageSender::new(&to_medium), PageSender::new(&to_small));
    let (a, b) = tauri::async_runtime::block_on(async {
        tokio::join!(
            state.trains("Demo", MEDIUM_SERVICE, false, |p, t| medium_pages
                .send(p, t)),
            state.trains("Demo", SMALL_SERVICE, false, |p, t| small_pages.send(p, t)),
        )
    });
    a.expect("medium listed");
    b.expect("small listed");
    for (sent, service) in [(medium, MEDIUM_SERVICE), (small, SMALL_SERVICE)] {
        let rows: Vec<Value> = sent
            .lock()
            .unwrap()
            .iter()
            .flat_map(|page| page["trains"].as_array().unwrap().clone())
            .collect();
        assert_eq!(rows, data::trains(service).unwrap(), "{service}");
    }
}

#[test]
fn keys_are_read_once_per_profile_however_often_the_list_is_refreshed() {
    let counting = Arc::new(MemoryStore::new());
    let h = Harness::with_store(false, Arc::new(CachedStore::new(counting.clone())));
    let endpoint = h.demo_endpoint();
    h.ok("save_profile", json!({ "profile": profile_input("Work", &endpoint, aitems_demo::DEMO_SECRET_KEY), "replaces": null }));
    let reads = || counting.reads();
    let after_save = reads();
    for _ in 0..3 {
        h.list("Work", SMALL_SERVICE, false);
        h.ok("list_profiles", json!({}));
        h.ok("list_services", json!({ "profile": "Work" }));
    }
    assert_eq!(
        reads(),
        after_save,
        "no listing or profile list read the keychain again"
    );
}

#[test]
fn every_declared_command_is_registered_and_granted() {
    let h = Harness::new();
    for command in aitems_desk::COMMANDS {
        if let Err(reply) = h.call(command, json!({})) {
            let reply = reply.to_string();
            assert!(
                !reply.contains("not found") && !reply.contains("not allowed"),
                "{command}: {reply}"
            );
        }
    }
    let capability: Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/capabilities/default.json"
        ))
        .unwrap(),
    )
    .unwrap();
    let granted: Vec<String> = capability["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p.as_str()?.strip_prefix("allow-").map(str::to_owned))
        .collect();
    let declared: Vec<String> = aitems_desk::COMMANDS
        .iter()
        .map(|c| c.replace('_', "-"))
        .collect();
    assert_eq!(
        granted, declared,
        "capabilities/default.json grants exactly the app's commands"
    );
}

#[test]
fn the_last_listing_is_kept_and_outlives_an_outage() {
    let h = Harness::new();
    let endpoint = h.demo_endpoint();
    let kept = |service: &str, recent: bool| {
        h.ok(
            "kept_trains",
            json!({ "profile": "Work", "serviceId": service, "recent": recent }),
        )
    };
    h.ok("save_profile", json!({ "profile": profile_input("Work", &endpoint, aitems_demo::DEMO_SECRET_KEY), "replaces": null }));
    assert_eq!(kept(SMALL_SERVICE, false), Value::Null, "nothing kept yet");
    let listed = h.list("Work", SMALL_SERVICE, false);

    // Kept in the background: give the disk a moment.
    let mut last = Value::Null;
    for _ in 0..100 {
        last = kept(SMALL_SERVICE, false);
        if !last.is_null() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert_eq!(
        last["trains"],
        Value::Array(data::trains(SMALL_SERVICE).unwrap())
    );
    assert_eq!(last["fetchedAt"], listed["fetchedAt"]);
    assert_eq!(
        kept(SMALL_SERVICE, true),
        Value::Null,
        "the recent-only listing is another one"
    );

    // AiTEMS unreachable: the listing fails with what happened, and the kept one is still there.
    let unreachable = json!({ "name": "Work", "accessKey": "", "secretKey": "", "endpoint": "http://127.0.0.1:9", "defaultService": null });
    h.ok(
        "save_profile",
        json!({ "profile": unreachable, "replaces": "Work" }),
    );
    let error = h
        .call("list_trains", json!({ "profile": "Work", "serviceId": SMALL_SERVICE, "recent": false, "onPage": "__CHANNEL__:1" }))
        .unwrap_err();
    assert_eq!(error["code"], "network");
    assert_eq!(kept(SMALL_SERVICE, false)["trains"], last["trains"]);

    // The demo profile's listings are never kept.
    h.list("Demo", SMALL_SERVICE, false);
    std::thread::sleep(std::time::Duration::from_millis(100));
    assert_eq!(
        h.ok(
            "kept_trains",
            json!({ "profile": "Demo", "serviceId": SMALL_SERVICE, "recent": false })
        ),
        Value::Null
    );
}
