//! Watching a service: change marks until seen, one notice per change whichever refresh
//! finds it first, background refreshes that back off quietly, with the demo service's
//! clock moving its trainings along.

use std::time::{Duration, SystemTime};

use aitems_desk::watch::{scheduler, Language, ListingKey, Notice, Notifier};

use crate::harness::*;

/// Records the notices the app shows.
#[derive(Clone, Default)]
struct Notices(Arc<Mutex<Vec<Notice>>>);

impl Notifier for Notices {
    fn show(&self, notice: &Notice) {
        self.0.lock().unwrap().push(notice.clone());
    }

    fn ask_permission(&self) -> bool {
        true
    }
}

impl Notices {
    fn shown(&self) -> Vec<Notice> {
        self.0.lock().unwrap().clone()
    }
}

/// The app with a saved profile "Work" on the demo service, notices recorded and updates
/// of background refreshes collected.
fn watching_app() -> (Harness, Notices, Arc<Mutex<Vec<Value>>>) {
    let h = Harness::new();
    h.save_profile_on_demo("Work");
    let notices = Notices::default();
    let state = h.app.state::<AppState>();
    state.watch().set_notifier(Arc::new(notices.clone()));
    let (channel, updates) = collected();
    state
        .watch()
        .listen(channel, Channel::new(|_| Ok(())), Language::English);
    (h, notices, updates)
}

/// A channel, and what was sent over it (as JSON).
fn collected<T: tauri::ipc::IpcResponse>() -> (Channel<T>, Arc<Mutex<Vec<Value>>>) {
    let sent = Arc::new(Mutex::new(Vec::new()));
    let sink = sent.clone();
    let channel = Channel::new(move |body| {
        if let InvokeResponseBody::Json(json) = body {
            sink.lock()
                .unwrap()
                .push(serde_json::from_str(&json).unwrap());
        }
        Ok(())
    });
    (channel, sent)
}

fn tick_at(h: &Harness, later: Duration) -> Vec<ListingKey> {
    let state = h.app.state::<AppState>();
    tauri::async_runtime::block_on(scheduler::tick(&state, SystemTime::now() + later))
}

fn watch(h: &Harness, services: &[&str]) -> Value {
    h.ok(
        "set_watch",
        json!({ "profile": "Work", "refreshInterval": null, "watchedServices": services }),
    )
}

fn service_name(service_id: &str) -> String {
    data::service_detail(service_id).unwrap()["name"]
        .as_str()
        .unwrap()
        .to_owned()
}

#[test]
fn watching_is_saved_with_the_profile_and_defaults_to_five_minutes() {
    let (h, _notices, _updates) = watching_app();
    assert_eq!(h.listed_profile("Work")["refreshEvery"], "off");
    let view = watch(&h, &[SMALL_SERVICE, " ", SMALL_SERVICE]);
    assert_eq!(view["watchedServices"], json!([SMALL_SERVICE]));
    assert_eq!(view["refreshEvery"], "5m");
    assert_eq!(
        view["refreshInterval"],
        Value::Null,
        "the default, not a choice"
    );
    let view = h.ok(
        "set_watch",
        json!({ "profile": "Work", "refreshInterval": "15m", "watchedServices": [SMALL_SERVICE] }),
    );
    assert_eq!(view["refreshEvery"], "15m");
    assert_eq!(h.listed_profile("Work")["refreshEvery"], "15m");
    let chosen_five = h.ok(
        "set_watch",
        json!({ "profile": "Work", "refreshInterval": "5m", "watchedServices": [] }),
    );
    assert_eq!(
        chosen_five["refreshEvery"], "5m",
        "a choice outlives watching"
    );
    assert_eq!(chosen_five["refreshInterval"], "5m");
    h.ok(
        "set_watch",
        json!({ "profile": "Work", "refreshInterval": "15m", "watchedServices": [SMALL_SERVICE] }),
    );

    // Saving the profile form keeps watching as it was.
    let endpoint = h.listed_profile("Work")["endpoint"].clone();
    let form = json!({ "name": "Work", "accessKey": "", "secretKey": "", "endpoint": endpoint, "defaultService": null });
    h.ok(
        "save_profile",
        json!({ "profile": form, "replaces": "Work" }),
    );
    assert_eq!(
        h.listed_profile("Work")["watchedServices"],
        json!([SMALL_SERVICE])
    );

    let unknown = h.error_code(
        "set_watch",
        json!({ "profile": "Nobody", "refreshInterval": null, "watchedServices": [] }),
    );
    assert_eq!(unknown, "profile_not_found");
    assert!(h
        .call(
            "set_watch",
            json!({ "profile": "Work", "refreshInterval": "2m", "watchedServices": [] })
        )
        .is_err());
}

#[test]
fn a_status_change_earns_exactly_one_notice_and_a_mark_until_seen() {
    let (h, notices, updates) = watching_app();
    watch(&h, &[SMALL_SERVICE]);
    let first = h.list("Work", SMALL_SERVICE, false);
    assert_eq!(
        first["unseen"],
        json!([]),
        "the first listing is the baseline"
    );

    h.advance_demo(3);
    let listed = h.list("Work", SMALL_SERVICE, false);
    let unseen = listed["unseen"].as_array().unwrap().clone();
    assert!(
        unseen
            .iter()
            .any(|c| c["kind"] == "statusChanged" && c["to"] == "completed"
                || c["to"] == "learningFailed"),
        "{unseen:?}"
    );
    assert!(unseen.iter().any(|c| c["kind"] == "new"), "{unseen:?}");
    let shown = notices.shown();
    assert_eq!(shown.len(), 1, "one notice for the refresh: {shown:?}");
    assert!(
        shown[0].title.contains(&service_name(SMALL_SERVICE)),
        "{:?}",
        shown[0]
    );

    // The background refresh that follows finds nothing new: no second notice.
    let refreshed = tick_at(&h, Duration::from_secs(6 * 60));
    assert_eq!(refreshed, [ListingKey::new("Work", SMALL_SERVICE, false)]);
    assert_eq!(notices.shown().len(), 1);
    let update = updates
        .lock()
        .unwrap()
        .last()
        .cloned()
        .expect("the window was told");
    assert_eq!(update["error"], Value::Null);
    assert_eq!(
        update["unseen"].as_array().unwrap().len(),
        unseen.len(),
        "still unseen"
    );

    // Opening one training clears its mark; "Mark all as seen" clears the rest.
    let opened = unseen[0]["key"].clone();
    h.ok(
        "mark_seen",
        json!({ "profile": "Work", "serviceId": SMALL_SERVICE, "trains": [opened] }),
    );
    let after = h.list("Work", SMALL_SERVICE, false);
    assert_eq!(after["unseen"].as_array().unwrap().len(), unseen.len() - 1);
    h.ok(
        "mark_seen",
        json!({ "profile": "Work", "serviceId": SMALL_SERVICE, "trains": null }),
    );
    assert_eq!(h.list("Work", SMALL_SERVICE, false)["unseen"], json!([]));
    assert_eq!(notices.shown().len(), 1, "nothing moved since");
}

#[test]
fn a_service_not_watched_is_marked_but_never_notified_nor_refreshed() {
    let (h, notices, _updates) = watching_app();
    h.list("Work", SMALL_SERVICE, false);
    h.advance_demo(3);
    let listed = h.list("Work", SMALL_SERVICE, false);
    assert!(!listed["unseen"].as_array().unwrap().is_empty());
    assert!(notices.shown().is_empty());
    assert!(tick_at(&h, Duration::from_secs(3600)).is_empty());

    // A recent-only listing marks too, but leaves the notice to the whole listing.
    watch(&h, &[SMALL_SERVICE]);
    h.list("Work", SMALL_SERVICE, true);
    h.advance_demo(2);
    let recent = h.list("Work", SMALL_SERVICE, true);
    assert!(!recent["unseen"].as_array().unwrap().is_empty());
    assert!(notices.shown().is_empty(), "{:?}", notices.shown());
}

#[test]
fn the_scheduler_refreshes_when_due_and_backs_off_after_a_failure() {
    let (h, notices, updates) = watching_app();
    watch(&h, &[SMALL_SERVICE]);
    let key = ListingKey::new("Work", SMALL_SERVICE, false);
    assert_eq!(
        tick_at(&h, Duration::ZERO),
        std::slice::from_ref(&key),
        "never listed: due"
    );
    assert!(
        tick_at(&h, Duration::from_secs(60)).is_empty(),
        "not due yet"
    );

    // AiTEMS down: the window is told quietly, with when the next attempt is.
    let state = h.app.state::<AppState>();
    tauri::async_runtime::block_on(async {
        let demo = state.running_demo().await.unwrap();
        demo.server().inject(aitems_demo::Fault::Unavailable, 20);
    });
    assert_eq!(
        tick_at(&h, Duration::from_secs(301)),
        std::slice::from_ref(&key)
    );
    let failed = updates.lock().unwrap().last().cloned().unwrap();
    assert_eq!(failed["error"]["code"], "service_unavailable");
    assert!(failed["retryAt"].is_string());
    assert_eq!(failed["fetchedAt"], Value::Null);
    assert!(
        tick_at(&h, Duration::from_secs(302)).is_empty(),
        "waits after a failure"
    );
    tauri::async_runtime::block_on(async {
        state.running_demo().await.unwrap().server().clear_faults();
    });
    h.advance_demo(3);
    assert_eq!(tick_at(&h, Duration::from_secs(301 + 31)), [key]);
    let recovered = updates.lock().unwrap().last().cloned().unwrap();
    assert_eq!(recovered["error"], Value::Null);
    assert!(!recovered["unseen"].as_array().unwrap().is_empty());
    assert_eq!(notices.shown().len(), 1);
}

#[test]
fn a_notice_opens_its_service_on_the_training_it_names_first_and_a_click_tells_the_window() {
    let (h, notices, _updates) = watching_app();
    let (opened_channel, opened) = collected();
    let state = h.app.state::<AppState>();
    state
        .watch()
        .listen(Channel::new(|_| Ok(())), opened_channel, Language::English);
    watch(&h, &[SMALL_SERVICE]);
    h.list("Work", SMALL_SERVICE, false);
    h.advance_demo(3);
    let unseen = h.list("Work", SMALL_SERVICE, false)["unseen"].clone();

    let shown = notices.shown();
    assert_eq!(shown.len(), 1, "{shown:?}");
    let target = shown[0]
        .opens
        .clone()
        .expect("a notice about trainings opens them");
    assert_eq!(
        (target.profile.as_str(), target.service_id.as_str()),
        ("Work", SMALL_SERVICE)
    );
    let named = target.train.clone().expect("it names a training");
    let first_line = shown[0].body.lines().next().unwrap();
    assert!(
        first_line.contains(&named.version),
        "{first_line} names {named:?}"
    );
    assert!(
        unseen
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["key"]["version"] == named.version.as_str()),
        "{unseen:?}"
    );

    // The notification plugin reports the click; the window is told what to open.
    state.watch().open(target);
    assert_eq!(
        *opened.lock().unwrap(),
        [json!({
            "profile": "Work",
            "serviceId": SMALL_SERVICE,
            "train": { "type": named.train_type, "version": named.version },
        })]
    );
}

#[test]
fn notices_speak_the_language_of_the_window() {
    let (h, notices, _updates) = watching_app();
    let state = h.app.state::<AppState>();
    state.watch().listen(
        Channel::new(|_| Ok(())),
        Channel::new(|_| Ok(())),
        Language::Korean,
    );
    watch(&h, &[SMALL_SERVICE]);
    h.list("Work", SMALL_SERVICE, false);
    h.advance_demo(3);
    h.list("Work", SMALL_SERVICE, false);
    let shown = notices.shown();
    assert_eq!(shown.len(), 1);
    assert!(
        shown[0].title.contains("학습") || shown[0].title.contains("요청"),
        "{:?}",
        shown[0]
    );
}

#[test]
fn paused_watching_refreshes_nothing_until_resumed_and_refresh_now_ignores_the_interval() {
    let (h, _notices, _updates) = watching_app();
    let state = h.app.state::<AppState>();
    assert!(!state.watch().is_watching(), "nothing watched yet");
    watch(&h, &[SMALL_SERVICE, MEDIUM_SERVICE]);
    assert!(state.watch().is_watching(), "watching is noted at once");

    state.watch().set_paused(true);
    assert!(tick_at(&h, Duration::ZERO).is_empty(), "paused");
    state.watch().set_paused(false);
    assert_eq!(tick_at(&h, Duration::ZERO).len(), 2, "resumed: both due");
    assert!(
        tick_at(&h, Duration::from_secs(10)).is_empty(),
        "both fresh"
    );
    let mut now = tauri::async_runtime::block_on(scheduler::refresh_all(&state));
    now.sort_by(|a, b| a.service_id.cmp(&b.service_id));
    assert_eq!(
        now,
        [
            ListingKey::new("Work", MEDIUM_SERVICE, false),
            ListingKey::new("Work", SMALL_SERVICE, false)
        ],
        "Refresh now refreshes every watched service"
    );

    watch(&h, &[]);
    assert!(!state.watch().is_watching());
}
