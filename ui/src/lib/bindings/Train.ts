// Mirrors the Rust type of the same name; src-tauri/tests/bindings.rs fails when they drift.
export type Train = {
  serviceId?: string;
  type?: string;
  hpConfig?: Record<string, unknown>;
  version?: string;
  description?: string;
  status?: string;
  createdDate?: string;
  nextUpdateDate?: string;
  inference?: boolean;
  [extra: string]: unknown;
};
