// Mirrors the Rust type of the same name; src-tauri/tests/bindings.rs fails when they drift.
import type { ErrorDetail } from './ErrorDetail';

export type AppError = { code: string; message: string; hint: string; detail: ErrorDetail | null };
