// Mirrors the Rust type of the same name; src-tauri/tests/bindings.rs fails when they drift.
export type Service = {
  serviceId: string;
  name?: string;
  status?: string;
  createdDate?: string;
  updatedDate?: string;
  [extra: string]: unknown;
};
