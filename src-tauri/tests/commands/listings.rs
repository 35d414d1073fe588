//! Listings: pages over the call's channel, kept listings, demo mode.

use crate::harness::*;

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
fn the_last_listing_is_kept_and_outlives_an_outage() {
    let h = Harness::new();
    let endpoint = h.demo_endpoint();
    let kept = |service: &str, recent: bool| {
        h.ok(
            "kept_trains",
            json!({ "profile": "Work", "serviceId": service, "recent": recent }),
        )
    };
    h.save_profile_on_demo("Work");
    assert_eq!(kept(SMALL_SERVICE, false), Value::Null, "nothing kept yet");
    let listed = h.list("Work", SMALL_SERVICE, false);

    // Kept in the background: give the disk a moment.
    wait_until(|| !kept(SMALL_SERVICE, false).is_null());
    let last = kept(SMALL_SERVICE, false);
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

    // Renamed, the profile's kept listings go (each names its profile); deleted, likewise.
    let renamed = json!({ "name": "Office", "accessKey": "", "secretKey": "", "endpoint": endpoint, "defaultService": null });
    h.ok(
        "save_profile",
        json!({ "profile": renamed, "replaces": "Work" }),
    );
    h.list("Office", SMALL_SERVICE, false);
    let kept_for = |profile: &str| {
        h.ok(
            "kept_trains",
            json!({ "profile": profile, "serviceId": SMALL_SERVICE, "recent": false }),
        )
    };
    wait_until(|| kept_for("Work").is_null() && !kept_for("Office").is_null());
    h.ok("delete_profile", json!({ "name": "Office" }));
    wait_until(|| kept_for("Office").is_null());

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

/// `list_trains` called as the window calls it, holding the listing known by `held`:
/// its answer and the pages it sent.
fn list_holding(h: &Harness, service_id: &str, held: Option<u32>) -> (Value, Vec<Value>) {
    let sent = Arc::new(Mutex::new(Vec::new()));
    let channel = record_into(sent.clone());
    let listed = tauri::async_runtime::block_on(aitems_desk::commands::list_trains(
        h.app.state::<AppState>(),
        "Demo".into(),
        service_id.into(),
        false,
        held,
        channel,
    ))
    .expect("listed");
    let pages = sent.lock().unwrap().clone();
    (serde_json::to_value(listed).unwrap(), pages)
}

#[test]
fn a_refresh_of_the_listing_the_window_holds_sends_only_the_trainings_it_does_not_hold() {
    use aitems_demo::data::LARGE_SERVICE;
    let h = Harness::new();
    h.demo_endpoint();
    let (first, whole) = list_holding(&h, LARGE_SERVICE, None);
    assert_eq!(
        whole.len(),
        11,
        "ten full pages and the empty one that ends them"
    );
    assert!(whole.iter().all(|p| p["kept"] == json!([])));
    let listing = put_together(&whole, &[]);
    assert_eq!(listing.len(), 10_000);

    let (second, same) = list_holding(&h, LARGE_SERVICE, stamp(&first));
    assert_eq!(same.len(), whole.len());
    for (i, page) in same[..10].iter().enumerate() {
        assert_eq!(page["trains"], json!([]), "nothing moved");
        assert_eq!(page["kept"], json!([[0, i * 1000, 1000]]));
    }
    assert_eq!(put_together(&same, &listing), listing);
    assert_eq!(second["total"], 10_000);

    h.advance_demo(2);
    let (third, refreshed) = list_holding(&h, LARGE_SERVICE, stamp(&second));
    // Nothing moves now: a listing the window does not hold comes whole, to compare with.
    let (_, fresh) = list_holding(&h, LARGE_SERVICE, None);
    let now = put_together(&fresh, &[]);
    assert_ne!(now, listing, "some trainings moved");
    assert_eq!(put_together(&refreshed, &listing), now);
    let resent: usize = refreshed
        .iter()
        .map(|p| p["trains"].as_array().unwrap().len())
        .sum();
    let moved = now.iter().zip(&listing).filter(|(a, b)| a != b).count();
    assert_eq!(resent, moved, "only the trainings that moved are sent");

    let (_, stale) = list_holding(&h, LARGE_SERVICE, stamp(&third));
    assert!(
        stale.iter().all(|p| p["kept"] == json!([])),
        "the window does not hold the listing of that stamp any more: every training comes whole"
    );
}

#[test]
fn a_new_training_at_the_top_is_sent_alone_and_the_rows_below_it_are_kept() {
    let h = Harness::new();
    h.demo_endpoint();
    let (first, whole) = list_holding(&h, SMALL_SERVICE, None);
    let listing = put_together(&whole, &[]);
    h.advance_demo(2);
    let (_, refreshed) = list_holding(&h, SMALL_SERVICE, stamp(&first));
    let (_, fresh) = list_holding(&h, SMALL_SERVICE, None);
    let now = put_together(&fresh, &[]);
    assert_eq!(now.len(), listing.len() + 1, "one new training request");
    assert_eq!(put_together(&refreshed, &listing), now);
    let resent: Vec<&Value> = refreshed
        .iter()
        .flat_map(|p| p["trains"].as_array().unwrap())
        .collect();
    assert!(resent.contains(&&now[0][1]), "the new one is sent");
    let held: usize = refreshed[0]["kept"]
        .as_array()
        .unwrap()
        .iter()
        .map(|run| run[2].as_u64().unwrap() as usize)
        .sum();
    assert_eq!(held + resent.len(), now.len());
    assert!(
        held > 0,
        "the trainings that did not move are kept, though each moved down a row"
    );
}
