//! The boundary: error codes, who may call, and every declared command.

use crate::harness::*;

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
