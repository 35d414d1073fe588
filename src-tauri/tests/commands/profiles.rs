//! Profiles: keys stay in, are read once, and renames and deletes hold.

use crate::harness::*;

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
    let work = h.listed_profile("Work");
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
