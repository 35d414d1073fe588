// Mirrors aitems::export::TrainColumn; src-tauri/tests/bindings.rs fails when they drift.
export type TrainColumn =
  | 'serviceId'
  | 'type'
  | 'version'
  | 'status'
  | 'description'
  | 'createdDate'
  | 'nextUpdateDate'
  | 'inference'
  | 'hpConfig'
  | 'other';
