// Mirrors the Rust type of the same name; src-tauri/tests/bindings.rs fails when they drift.
export type AppInfo = { version: string; demoRequested: boolean; timeZone: string | null };
