//! Launch: the first screen's answers are fetched ahead, and the right ones.

use crate::harness::*;

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
    h.save_profile_on_demo("Work");
    assert_eq!(h.listed_profile("Work")["openService"], SMALL_SERVICE);
    tauri::async_runtime::block_on(AppState::prefetch_at_launch(h.app.handle()))
        .expect("the launch fetch starts");
    let pages = h.pages("Work", SMALL_SERVICE, false).expect("listed");
    assert_eq!(
        pages[0]["trains"],
        Value::Array(data::trains(SMALL_SERVICE).unwrap())
    );
}
