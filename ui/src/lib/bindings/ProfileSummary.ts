// Mirrors the Rust type of the same name; src-tauri/tests/bindings.rs fails when they drift.
export type ProfileSummary = {
  name: string;
  maskedAccessKey: string | null;
  endpoint: string;
  defaultService: string | null;
  recentServices: string[];
  isDefault: boolean;
  isDemo: boolean;
  /** The service the app opens for this profile (its default, else the latest used). */
  openService: string | null;
};
