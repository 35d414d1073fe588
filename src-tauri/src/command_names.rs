// The name of every command the web view may call, in one list: `build.rs` includes this
// file to give each an `allow-…` permission, the TypeScript bindings get them as a union
// type, and a test checks that each is registered with the app.

/// Every command the web view may call.
pub const COMMANDS: &[&str] = &[
    "app_info",
    "list_profiles",
    "save_profile",
    "delete_profile",
    "test_connection",
    "start_demo",
    "list_services",
    "list_trains",
    "list_all_trains",
    "kept_trains",
    "set_watch",
    "table_layout",
    "save_table_layout",
    "mark_seen",
    "watch_updates",
    "export_csv",
    "about",
    "open_log_folder",
    "check_update",
    "install_update",
    "set_update_check",
    "second_launches",
];
