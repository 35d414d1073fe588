// Generated from the Rust types by src-tauri/tests/bindings.rs. Do not edit by hand.
export type { AppError } from './AppError';
export type { AppInfo } from './AppInfo';
export type { ConnectionCheck } from './ConnectionCheck';
export type { ErrorCode } from './ErrorCode';
export type { ErrorDetail } from './ErrorDetail';
export type { ExportedCsv } from './ExportedCsv';
export type { KeptTrains } from './KeptTrains';
export type { ProfileInput } from './ProfileInput';
export type { ProfileView } from './ProfileView';
export type { Service } from './Service';
export type { Train } from './Train';
export type { TrainColumn } from './TrainColumn';
export type { TrainsListed } from './TrainsListed';
export type { TrainsPage } from './TrainsPage';
export type { JsonValue } from './serde_json/JsonValue';
export * from './values';
