// Mirrors the Rust type of the same name; src-tauri/tests/bindings.rs fails when they drift.
export type DownloadFinished = { path: string | null; success: boolean };
