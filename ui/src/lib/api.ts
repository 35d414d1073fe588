// The ONLY module that talks to the Tauri backend. Everything else calls these typed wrappers,
// so browser tests can swap the backend with `mockIPC` and nothing else imports @tauri-apps/*.
// Command names, arguments and results are the generated bindings of the Rust commands.
import { Channel, invoke } from '@tauri-apps/api/core';
import {
  ERROR_CODES,
  type AboutInfo,
  type AllTrainsListed,
  type AppError,
  type AppInfo,
  type CommandName,
  type ConnectionCheck,
  type ErrorCode,
  type ExportedCsv,
  type KeptTrains,
  type Language,
  type NoticeTarget,
  type ProfileInput,
  type ProfileView,
  type RefreshEvery,
  type SecondLaunch,
  type TableLayout,
  type Service,
  type Train,
  type TrainColumn,
  type TrainKey,
  type TrainsListed,
  type TrainsPage,
  type UpdateOffer,
  type UpdateProgress,
  type WatchUpdate,
} from './bindings';

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

export function isAppError(value: unknown): value is AppError {
  return (
    typeof value === 'object' &&
    value !== null &&
    isErrorCode((value as { code?: unknown }).code) &&
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
      specific: value.specific === true,
    };
  }
  const message = value instanceof Error ? value.message : String(value);
  return { code: 'internal', message, hint: '', detail: null, specific: true };
}

/**
 * How long a listing's answer may wait for pages still on their way. Large pages come over
 * the channel by a fetch of their own, so the answer can arrive before the last of them.
 */
const LAST_PAGES_WAIT_MS = 30_000;

/**
 * A listing command whose pages come over a channel: resolved only once `onPage` has had
 * every page the answer counts (`pages`).
 */
async function listPaged<T extends { pages: number }>(
  cmd: CommandName,
  args: Record<string, unknown>,
  onPage: (page: TrainsPage) => void,
): Promise<T> {
  let received = 0;
  let expected = Number.POSITIVE_INFINITY;
  let allIn = () => {};
  const channel = new Channel<TrainsPage>((page) => {
    received += 1;
    onPage(page);
    if (received >= expected) allIn();
  });
  const listed = await call<T>(cmd, { ...args, onPage: channel });
  if (received < listed.pages) {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(toAppError(new Error(`Only ${received} of ${listed.pages} pages of trainings reached the window.`)));
      }, LAST_PAGES_WAIT_MS);
      expected = listed.pages;
      allIn = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
  return listed;
}

async function call<T>(cmd: CommandName, args: Record<string, unknown> = {}): Promise<T> {
  try {
    return await invoke<T>(cmd, args);
  } catch (e) {
    throw toAppError(e);
  }
}

export const api = {
  appInfo: () => call<AppInfo>('app_info'),
  listProfiles: () => call<ProfileView[]>('list_profiles'),
  saveProfile: (profile: ProfileInput, replaces: string | null) =>
    call<ProfileView>('save_profile', { profile, replaces }),
  deleteProfile: (name: string) => call<null>('delete_profile', { name }),
  testConnection: (profile: string | null, draft: ProfileInput | null) =>
    call<ConnectionCheck>('test_connection', { profile, draft }),
  startDemo: () => call<ProfileView>('start_demo'),
  listServices: (profile: string) => call<Service[]>('list_services', { profile }),
  /**
   * Every training of a service; `onPage` gets each page, in order, as it arrives. `held`:
   * the stamp of the listing of the same service whose rows the window holds, if any; the
   * trainings it holds unchanged then come as runs of its rows (`kept`), not whole.
   */
  listTrains: (profile: string, serviceId: string, recent: boolean, held: number | null, onPage: (page: TrainsPage) => void) =>
    listPaged<TrainsListed>('list_trains', { profile, serviceId, recent, held }, onPage),
  /**
   * Every training of every service of the profile, a few services at a time; `onPage` gets
   * each page, naming its service, as it arrives. A service that failed carries its error in the answer.
   * `held`: as for `listTrains`, the stamp of the listing of every service whose rows the window holds.
   */
  listAllTrains: (profile: string, recent: boolean, held: number | null, onPage: (page: TrainsPage) => void) =>
    listPaged<AllTrainsListed>('list_all_trains', { profile, recent, held }, onPage),
  /** The last listing kept of a service, to show while the fresh one loads or AiTEMS is down. */
  keptTrains: (profile: string, serviceId: string, recent: boolean) =>
    call<KeptTrains | null>('kept_trains', { profile, serviceId, recent }),
  /** Saves `trains` (the visible rows, in view order) with `columns` as a new CSV file in Downloads. */
  exportCsv: (serviceId: string, trains: Train[], columns: TrainColumn[]) =>
    call<ExportedCsv>('export_csv', { serviceId, trains, columns }),
  /**
   * How a profile watches: its refresh interval (`null`: the default, five minutes once it
   * watches a service, else off) and the services it notifies about. Answers the profile as it now is.
   */
  setWatch: (profile: string, refreshInterval: RefreshEvery | null, watchedServices: string[]) =>
    call<ProfileView>('set_watch', { profile, refreshInterval, watchedServices }),
  /** The table layout saved for a service with a profile; `null` when there is none this version can read. */
  tableLayout: (profile: string, serviceId: string) => call<TableLayout | null>('table_layout', { profile, serviceId }),
  /** Saves the table layout of a service with a profile (`null`: back to the default). */
  saveTableLayout: (profile: string, serviceId: string, layout: TableLayout | null) =>
    call<null>('save_table_layout', { profile, serviceId, layout }),
  /** Forgets the change marks of `trains` of a service (all of them when `null`). */
  markSeen: (profile: string, serviceId: string, trains: TrainKey[] | null) =>
    call<null>('mark_seen', { profile, serviceId, trains }),
  /**
   * `onUpdate` hears of each background refresh of a watched service, `onOpen` of each notice
   * the user clicked (what it opens); notices are written in `language`.
   */
  watchUpdates: (language: Language, onUpdate: (update: WatchUpdate) => void, onOpen: (target: NoticeTarget) => void) =>
    call<null>('watch_updates', { language, onUpdate: new Channel<WatchUpdate>(onUpdate), onOpen: new Channel<NoticeTarget>(onOpen) }),
  /** The version, the log folder (or why there is no log file) and the update setting. */
  about: () => call<AboutInfo>('about'),
  openLogFolder: () => call<null>('open_log_folder'),
  /**
   * A newer version, or `null`. `manual: false` is the check at start: the backend answers
   * `null` when the setting is off, in demo mode, or when the server cannot be reached.
   */
  checkUpdate: (manual: boolean) => call<UpdateOffer | null>('check_update', { manual }),
  /** Downloads and installs the version on offer, then restarts: on success no answer comes. */
  installUpdate: (onProgress: (progress: UpdateProgress) => void) =>
    call<null>('install_update', { onProgress: new Channel<UpdateProgress>(onProgress) }),
  setUpdateCheck: (enabled: boolean) => call<null>('set_update_check', { enabled }),
  /** `onLaunch` hears of each later start of the app, which brings this window to the front instead. */
  secondLaunches: (onLaunch: (launch: SecondLaunch) => void) =>
    call<null>('second_launches', { onLaunch: new Channel<SecondLaunch>(onLaunch) }),
};

export type Api = typeof api;
