// Mirrors the Rust type of the same name; src-tauri/tests/bindings.rs fails when they drift.
export type ProfileInput = {
  name: string;
  accessKey: string;
  secretKey: string;
  endpoint: string | null;
  defaultService: string | null;
};
