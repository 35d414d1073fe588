// Mirrors the Rust type of the same name; src-tauri/tests/bindings.rs fails when they drift.
export type ExportedCsv = { path: string };
