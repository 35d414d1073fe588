// The ONLY module that talks to the Tauri backend. Everything else calls these typed wrappers,
// so browser tests can swap the backend with `mockIPC` and nothing else imports @tauri-apps/*.
import { invoke } from '@tauri-apps/api/core';
import { listen, type UnlistenFn } from '@tauri-apps/api/event';
import type {
  AppError,
  AppInfo,
  ConnectionCheck,
  ExportedCsv,
  ProfileInput,
  ProfileSummary,
  Service,
  Train,
  TrainColumn,
  TrainList,
  TrainsProgress,
} from './bindings';

export function isAppError(value: unknown): value is AppError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}

/** Every rejection becomes an AppError, even a plain string or a JS Error. */
export function toAppError(value: unknown): AppError {
  if (isAppError(value)) {
    return {
      code: value.code,
      message: value.message,
      hint: typeof value.hint === 'string' ? value.hint : '',
      detail: value.detail ?? null,
    };
  }
  const message = value instanceof Error ? value.message : String(value);
  return { code: 'internal', message, hint: '', detail: null };
}

async function call<T>(cmd: string, args: Record<string, unknown> = {}): Promise<T> {
  try {
    return await invoke<T>(cmd, args);
  } catch (e) {
    throw toAppError(e);
  }
}

export const api = {
  appInfo: () => call<AppInfo>('app_info'),
  listProfiles: () => call<ProfileSummary[]>('list_profiles'),
  saveProfile: (profile: ProfileInput, replaces: string | null) =>
    call<ProfileSummary>('save_profile', { profile, replaces }),
  deleteProfile: (name: string) => call<null>('delete_profile', { name }),
  testConnection: (profile: string | null, draft: ProfileInput | null) =>
    call<ConnectionCheck>('test_connection', { profile, draft }),
  startDemo: () => call<ProfileSummary>('start_demo'),
  listServices: (profile: string) => call<Service[]>('list_services', { profile }),
  listTrains: (profile: string, serviceId: string, recent: boolean, requestId: string) =>
    call<TrainList>('list_trains', { profile, serviceId, recent, requestId }),
  onTrainsProgress: (handler: (p: TrainsProgress) => void): Promise<UnlistenFn> =>
    listen<TrainsProgress>('trains-progress', (event) => handler(event.payload)),
  /** Saves `trains` (the visible rows, in view order) with `columns` as a new CSV file in Downloads. */
  exportCsv: (serviceId: string, trains: Train[], columns: TrainColumn[]) =>
    call<ExportedCsv>('export_csv', { serviceId, trains, columns }),
};

export type Api = typeof api;
