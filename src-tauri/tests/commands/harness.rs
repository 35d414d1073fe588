//! What every command test uses: the app on the mock runtime, with its keys in memory, its
//! kept listings in a scratch folder and the demo service, and the helpers to call it.
//! Re-exports what the tests need, so each test file starts from `use crate::harness::*`.

pub use std::sync::{Arc, Mutex};

pub use aitems::cache::ListingCache;
pub use aitems::credentials::{CachedStore, MemoryStore, SecretStore};
pub use aitems::profiles::ProfileManager;
pub use aitems_demo::data::{self, MEDIUM_SERVICE, SMALL_SERVICE};
pub use aitems_desk::error::CommandError;
pub use aitems_desk::offline::Offline;
pub use aitems_desk::pages::PageSender;
pub use aitems_desk::state::AppState;
pub use serde_json::{json, Value};
pub use tauri::ipc::{Channel, InvokeResponseBody};
pub use tauri::test::{get_ipc_response, mock_builder, INVOKE_KEY};
pub use tauri::webview::InvokeRequest;
pub use tauri::{Manager, WebviewWindow, WebviewWindowBuilder};

/// A secret that must never come back out of any command.
pub const SECRET: &str = "s3cret-never-to-be-seen";

pub struct Harness {
    pub webview: WebviewWindow<tauri::test::MockRuntime>,
    pub app: tauri::App<tauri::test::MockRuntime>,
    replies: Mutex<Vec<String>>,
    _config: tempfile::TempDir,
    _data: tempfile::TempDir,
}

impl Harness {
    pub fn new() -> Self {
        Self::started(false)
    }

    /// The app as started with or without `--demo`.
    pub fn started(demo_requested: bool) -> Self {
        Self::with_store(demo_requested, Arc::new(MemoryStore::new()))
    }

    /// The app with its keys in `store`.
    pub fn with_store(demo_requested: bool, store: Arc<dyn SecretStore>) -> Self {
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
    pub fn call(&self, cmd: &str, args: Value) -> Result<Value, Value> {
        self.call_from("tauri://localhost", cmd, args)
    }

    /// Invokes a command as a page at `origin` would.
    pub fn call_from(&self, origin: &str, cmd: &str, args: Value) -> Result<Value, Value> {
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

    pub fn ok(&self, cmd: &str, args: Value) -> Value {
        self.call(cmd, args)
            .unwrap_or_else(|e| panic!("{cmd} failed: {e}"))
    }

    pub fn error_code(&self, cmd: &str, args: Value) -> String {
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
    pub fn pages(
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
    pub fn list_every_demo_training(&self) -> Value {
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
    pub fn list(&self, profile: &str, service_id: &str, recent: bool) -> Value {
        self.ok(
            "list_trains",
            json!({ "profile": profile, "serviceId": service_id, "recent": recent, "onPage": "__CHANNEL__:1" }),
        )
    }

    /// Moves the running demo service's trainings `steps` steps along.
    pub fn advance_demo(&self, steps: u32) {
        let state = self.app.state::<AppState>();
        tauri::async_runtime::block_on(async {
            state
                .running_demo()
                .await
                .expect("demo runs")
                .server()
                .advance(steps);
        });
    }

    /// Requests the running demo service has answered.
    pub fn demo_requests(&self) -> usize {
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
    pub fn quiet_demo_requests(&self) -> usize {
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

    /// The profile named `name` as `list_profiles` lists it.
    pub fn listed_profile(&self, name: &str) -> Value {
        let profiles = self.ok("list_profiles", json!({}));
        let found = profiles
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["name"] == name);
        found.unwrap_or_else(|| panic!("{name} not listed")).clone()
    }

    /// Saves a profile `name` on the demo service, with the demo's keys; returns it as
    /// `save_profile` answers.
    pub fn save_profile_on_demo(&self, name: &str) -> Value {
        let endpoint = self.demo_endpoint();
        let input = profile_input(name, &endpoint, aitems_demo::DEMO_SECRET_KEY);
        self.ok(
            "save_profile",
            json!({ "profile": input, "replaces": null }),
        )
    }

    pub fn demo_endpoint(&self) -> String {
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

/// A channel whose pages are recorded as JSON values.
pub fn record_into(sent: Arc<Mutex<Vec<Value>>>) -> Channel<InvokeResponseBody> {
    Channel::new(move |body| {
        if let InvokeResponseBody::Json(json) = body {
            sent.lock()
                .unwrap()
                .push(serde_json::from_str(&json).unwrap());
        }
        Ok(())
    })
}

/// Waits (up to 2 s) for work the app does in the background, such as keeping a listing.
pub fn wait_until(done: impl Fn() -> bool) {
    for _ in 0..100 {
        if done() {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    panic!("still not done after 2 s");
}

pub fn profile_input(name: &str, endpoint: &str, secret: &str) -> Value {
    json!({ "name": name, "accessKey": aitems_demo::DEMO_ACCESS_KEY, "secretKey": secret, "endpoint": endpoint, "defaultService": SMALL_SERVICE })
}

/// The trainings of a listing as the window puts them together from its pages, each as
/// `[serviceId, training]` (`serviceId` null in a listing of one service), holding the
/// trainings `held` (put together the same way, in the order they were sent).
pub fn put_together(pages: &[Value], held: &[Value]) -> Vec<Value> {
    let mut rows = Vec::new();
    let mut counts = std::collections::HashMap::<String, usize>::new();
    for page in pages {
        let start = rows.len();
        let service = &page["serviceId"];
        let mut fresh = page["trains"]
            .as_array()
            .unwrap()
            .iter()
            .map(|train| json!([service, train]));
        for run in page["kept"].as_array().unwrap() {
            let [at, from, count] = [0, 1, 2].map(|i| run[i].as_u64().unwrap() as usize);
            while rows.len() - start < at {
                rows.push(fresh.next().expect("a training for each position"));
            }
            rows.extend_from_slice(&held[from..from + count]);
        }
        rows.extend(fresh);
        let count = counts.entry(service.to_string()).or_default();
        *count += rows.len() - start;
        assert_eq!(
            *count,
            page["total"].as_u64().unwrap() as usize,
            "{service}"
        );
    }
    rows
}

/// The stamp a listing's answer carries, to pass back as `held`.
pub fn stamp(listed: &Value) -> Option<u32> {
    Some(u32::try_from(listed["stamp"].as_u64().expect("a stamp")).unwrap())
}
