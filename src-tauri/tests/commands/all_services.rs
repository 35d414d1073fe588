//! "All services": every service of a profile in one listing, a few at a time, each page
//! naming its service; a service that fails is reported beside the others.

use aitems::client::MAX_PAGES_IN_FLIGHT;
use aitems_desk::all_services::{list_all_trains, SERVICES_AT_ONCE};

use crate::harness::*;

/// `list_all_trains` with a channel that records the pages the window would receive.
fn list_all(h: &Harness, profile: &str) -> (Value, Vec<Value>) {
    list_all_holding(h, profile, None)
}

/// `list_all_trains` from a window holding the listing of every service known by `held`.
fn list_all_holding(h: &Harness, profile: &str, held: Option<u32>) -> (Value, Vec<Value>) {
    let sent = Arc::new(Mutex::new(Vec::new()));
    let listed = tauri::async_runtime::block_on(list_all_trains(
        h.app.state::<AppState>(),
        profile.to_owned(),
        false,
        held,
        record_into(sent.clone()),
    ))
    .expect("listed");
    let pages = sent.lock().unwrap().clone();
    (serde_json::to_value(listed).unwrap(), pages)
}

/// The trainings the pages brought for `service_id`, in the order they came.
fn trains_of(pages: &[Value], service_id: &str) -> Vec<Value> {
    pages
        .iter()
        .filter(|page| page["serviceId"] == service_id)
        .flat_map(|page| page["trains"].as_array().unwrap().clone())
        .collect()
}

fn service_ids() -> Vec<String> {
    data::services()
        .iter()
        .map(|s| s["serviceId"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn every_service_is_listed_with_its_pages_tagged() {
    let h = Harness::new();
    h.demo_endpoint();
    let (listed, pages) = list_all(&h, "Demo");

    let services = listed["services"].as_array().unwrap();
    let ids: Vec<&str> = services
        .iter()
        .map(|s| s["serviceId"].as_str().unwrap())
        .collect();
    assert_eq!(ids, service_ids(), "in the order AiTEMS lists them");
    for (service, spec) in services.iter().zip(data::services()) {
        let id = service["serviceId"].as_str().unwrap();
        let expected = data::trains(id).unwrap();
        assert_eq!(service["name"], spec["name"]);
        assert_eq!(service["error"], Value::Null, "{id}");
        assert_eq!(service["total"], expected.len(), "{id}");
        assert_eq!(
            trains_of(&pages, id),
            expected,
            "{id}: every page, in order"
        );
    }
    assert_eq!(
        listed["pages"],
        pages.len(),
        "the result counts the pages sent"
    );
    assert!(
        pages.iter().all(|p| p["serviceId"].is_string()),
        "every page names its service"
    );
    let served = tauri::async_runtime::block_on(async {
        let state = h.app.state::<AppState>();
        let demo = state.running_demo().await.unwrap();
        demo.server().max_concurrent_requests()
    });
    assert!(
        served <= SERVICES_AT_ONCE * MAX_PAGES_IN_FLIGHT,
        "{served} requests at once"
    );

    // Through IPC too: the window is allowed to call it.
    let via_ipc = h.ok(
        "list_all_trains",
        json!({ "profile": "Demo", "recent": true, "onPage": "__CHANNEL__:1" }),
    );
    let recent_totals: Vec<usize> = via_ipc["services"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["total"].as_u64().unwrap() as usize)
        .collect();
    let expected: Vec<usize> = service_ids()
        .iter()
        .map(|id| data::recent_trains(id).unwrap().len())
        .collect();
    assert_eq!(recent_totals, expected);
}

#[test]
fn a_service_that_fails_is_reported_while_the_others_are_listed() {
    let h = Harness::new();
    h.demo_endpoint();
    let state = h.app.state::<AppState>();
    tauri::async_runtime::block_on(async {
        let demo = state.running_demo().await.unwrap();
        demo.server()
            .inject_for_service(MEDIUM_SERVICE, aitems_demo::Fault::Unavailable, 20);
    });
    let (listed, pages) = list_all(&h, "Demo");
    for service in listed["services"].as_array().unwrap() {
        let id = service["serviceId"].as_str().unwrap();
        if id == MEDIUM_SERVICE {
            assert_eq!(service["error"]["code"], "service_unavailable");
            assert!(service["error"]["message"]
                .as_str()
                .is_some_and(|m| !m.is_empty()));
            assert_eq!(service["total"], 0);
            assert!(trains_of(&pages, id).is_empty());
        } else {
            assert_eq!(service["error"], Value::Null, "{id}");
            assert_eq!(trains_of(&pages, id), data::trains(id).unwrap(), "{id}");
        }
    }

    // Once AiTEMS answers again, the next listing has it.
    tauri::async_runtime::block_on(async {
        state.running_demo().await.unwrap().server().clear_faults();
    });
    let (listed, pages) = list_all(&h, "Demo");
    assert!(listed["services"]
        .as_array()
        .unwrap()
        .iter()
        .all(|s| s["error"].is_null()));
    assert_eq!(
        trains_of(&pages, MEDIUM_SERVICE),
        data::trains(MEDIUM_SERVICE).unwrap()
    );
}

#[test]
fn every_listed_service_is_kept_for_offline_use_and_none_becomes_the_latest() {
    let h = Harness::new();
    h.demo_endpoint();
    let before = h.save_profile_on_demo("Work");
    list_all(&h, "Work");
    wait_until(|| {
        !h.ok(
            "kept_trains",
            json!({ "profile": "Work", "serviceId": MEDIUM_SERVICE, "recent": false }),
        )
        .is_null()
    });
    let kept = h.ok(
        "kept_trains",
        json!({ "profile": "Work", "serviceId": SMALL_SERVICE, "recent": false }),
    );
    assert_eq!(
        kept["trains"],
        Value::Array(data::trains(SMALL_SERVICE).unwrap())
    );
    assert_eq!(
        h.listed_profile("Work")["recentServices"],
        before["recentServices"],
        "listing every service names no service the latest"
    );
}

#[test]
fn an_unknown_profile_fails_the_whole_listing() {
    let h = Harness::new();
    let code = h.error_code(
        "list_all_trains",
        json!({ "profile": "Nobody", "recent": false, "onPage": "__CHANNEL__:1" }),
    );
    assert_eq!(code, "profile_not_found");
}

#[test]
fn a_refresh_of_every_service_sends_only_the_trainings_the_window_does_not_hold() {
    let h = Harness::new();
    h.demo_endpoint();
    let (first, whole) = list_all(&h, "Demo");
    let listing = put_together(&whole, &[]);
    let (second, same) = list_all_holding(&h, "Demo", stamp(&first));
    assert!(
        same.iter().all(|p| p["trains"] == json!([])),
        "nothing moved"
    );
    // The window's rows, in the order this listing sent them.
    let held = put_together(&same, &listing);
    assert_eq!(held.len(), listing.len());

    h.advance_demo(2);
    let (_, refreshed) = list_all_holding(&h, "Demo", stamp(&second));
    let (_, fresh) = list_all(&h, "Demo");
    let now = put_together(&fresh, &[]);
    let rebuilt = put_together(&refreshed, &held);
    assert_eq!(rebuilt.len(), now.len());
    // Services listed at once interleave their pages differently from one listing to the
    // next: each service's rows are compared, in order.
    for id in service_ids() {
        let of = |rows: &[Value]| -> Vec<Value> {
            rows.iter().filter(|row| row[0] == id).cloned().collect()
        };
        assert_eq!(
            of(&rebuilt),
            of(&now),
            "{id}: each row with its service, in order"
        );
    }
    let resent: usize = refreshed
        .iter()
        .map(|p| p["trains"].as_array().unwrap().len())
        .sum();
    assert!(
        resent > 0 && resent < now.len() / 10,
        "{resent} of {} sent",
        now.len()
    );
}
