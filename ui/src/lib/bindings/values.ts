// Generated from the Rust types by src-tauri/tests/bindings.rs. Do not edit by hand.

/** Every training status AiTEMS documents, as the API spells it. Others may come and are shown as they are. */
export const TRAIN_STATUSES = ['ready', 'learning', 'completed', 'waiting', 'requesting', 'requestFailed', 'refinedFailed', 'stopping', 'learningFailed'] as const;
export type KnownTrainStatus = (typeof TRAIN_STATUSES)[number];

/** The fields of a training this version knows; any other field is shown as it came. */
export const TRAIN_FIELDS = ['serviceId', 'type', 'hpConfig', 'version', 'description', 'status', 'createdDate', 'nextUpdateDate', 'inference'] as const;

/** Every training type AiTEMS documents. */
export const TRAIN_TYPES = ['personalRecommend', 'relatedItem', 'pop'] as const;
export type KnownTrainType = (typeof TRAIN_TYPES)[number];

/** Every service status AiTEMS documents. */
export const SERVICE_STATUSES = ['scheduled', 'scheduledLearning', 'learnable', 'learning', 'deleting', 'deleted', 'disable', 'drafted', 'requestLearning', 'datasetRequired'] as const;
export type KnownServiceStatus = (typeof SERVICE_STATUSES)[number];

/** Every error code a command can answer with (the `ErrorCode` type, as a list). */
export const ERROR_CODES = ['invalid_input', 'auth_failed', 'clock_skew', 'permission_denied', 'not_found', 'rate_limited', 'bad_request', 'service_unavailable', 'timeout', 'network', 'invalid_response', 'too_many_results', 'keychain_unavailable', 'missing_keys', 'profile_not_found', 'profile_exists', 'settings_corrupt', 'settings_io', 'export_failed', 'update_unreachable', 'update_unreadable', 'update_unsigned', 'update_interrupted', 'update_not_installed', 'update_by_package_manager', 'no_update_offered', 'internal'] as const;

/** Every command the page may call. */
export const COMMANDS = ['app_info', 'list_profiles', 'save_profile', 'delete_profile', 'test_connection', 'start_demo', 'list_services', 'list_trains', 'list_all_trains', 'kept_trains', 'set_watch', 'table_layout', 'save_table_layout', 'mark_seen', 'watch_updates', 'export_csv', 'about', 'open_log_folder', 'check_update', 'install_update', 'set_update_check', 'second_launches'] as const;
export type CommandName = (typeof COMMANDS)[number];

/** What stands for the view of every service where a service id would be. */
export const ALL_SERVICES = '*';
