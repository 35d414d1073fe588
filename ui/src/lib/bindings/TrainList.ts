// Mirrors the Rust type of the same name; src-tauri/tests/bindings.rs fails when they drift.
import type { Train } from './Train';

export type TrainList = { trains: Train[]; fetchedAt: string; pages: number };
