// A fake backend for browser tests: same command names, arguments, error shapes and texts as the Rust side.
import type { Channel } from '@tauri-apps/api/core';
import type {
  AllTrainsListed,
  AppInfo,
  ExportedCsv,
  ProfileInput,
  ProfileView,
  RefreshEvery,
  ServiceListed,
  TableLayout,
  Train,
  TrainKey,
  TrainsListed,
  TrainsPage,
  NoticeTarget,
  WatchUpdate,
} from '../lib/bindings';
import { ALL_SERVICES } from '../lib/bindings';
import { EMPTY_SERVICE, generateTrains, recentOnly, SERVICES } from './data';
import { createDesktop, DESKTOP_SCENARIOS, VERSION } from './desktop';
import { fail, sleep } from './fail';
import { MockHistory } from './history';
import { createLayouts } from './layouts';
import { moveAlong } from './moving';
import { PageDiffer, sentPages, servicePages, type Print } from './sentPages';
import { startWatcher } from './watcher';

export const SCENARIOS = ['default', 'firstrun', 'demo', 'error', 'refresh-error', 'empty', 'big', 'slow', 'offline', 'export-error', 'layout-save-error', 'moving', 'large', 'partial', ...DESKTOP_SCENARIOS] as const;
export type Scenario = (typeof SCENARIOS)[number];
/** A command as the page called it; `at`: when (performance.now()). */
export type Call = { cmd: string; args: Record<string, unknown>; at: number };

function mask(key: string): string {
  return key.length <= 6 ? '••••' : `${key.slice(0, 4)}••••${key.slice(-2)}`;
}

/** As the Rust side's settings: the interval is `null` until chosen (see `refreshEvery`). */
type StoredProfile = Omit<ProfileView, 'openService' | 'refreshEvery'> & { secretSet: boolean };

/** As `ProfileSettings::refresh_every`: the chosen interval, else 5 min once watching, else off. */
const refreshEvery = (p: StoredProfile): RefreshEvery => p.refreshInterval ?? (p.watchedServices.length ? '5m' : 'off');
/** As `service_ids`: trimmed, without blanks or repeats, in their first order. */
const serviceIds = (ids: readonly string[]) => [...new Set(ids.map((id) => id.trim()).filter((id) => id !== ''))];

export function createBackend(scenario: Scenario) {
  const calls: Call[] = [];
  let listTrainsCount = 0;
  const history = new MockHistory();
  const layouts = createLayouts();
  let onUpdate: Channel<WatchUpdate> | null = null;
  let onOpen: Channel<NoticeTarget> | null = null;
  /** How many times each service's trainings moved along (the moving scenario). */
  const moves = new Map<string, number>();
  /** As `SentListings`: the last listing of each profile, service and recent flag sent in full, each training's fingerprint. */
  const sent = new Map<string, { stamp: number; prints: Print[] }>();
  let lastStamp = 0;
  /** The trainings of the listing `listingKey` the window holds, as sent, if `stamp` is its last one. */
  const heldPrints = (listingKey: string, stamp: unknown): Print[] => {
    const earlier = sent.get(listingKey);
    return earlier && earlier.stamp === stamp ? earlier.prints : [];
  };
  /** Records a listing sent in full; its stamp. */
  const remember = (listingKey: string, prints: Print[]): number => {
    const stamp = ++lastStamp;
    sent.set(listingKey, { stamp, prints });
    return stamp;
  };
  const desktop = createDesktop(scenario, scenario === 'demo');
  const profiles: StoredProfile[] = [];
  if (scenario !== 'firstrun' && scenario !== 'demo') {
    profiles.push({
      name: 'Work',
      maskedAccessKey: 'ncp_••••7Q',
      endpoint: 'https://aitems.apigw.ntruss.com',
      defaultService: 'kzblozze40q',
      recentServices: ['kzblozze40q', 'h5t0b8y6jqe'],
      isDefault: true,
      isDemo: false,
      secretSet: true,
      refreshInterval: null,
      watchedServices: [],
    });
  }
  const trainsCache = new Map<string, ReturnType<typeof generateTrains>>();
  const trainsFor = (serviceId: string) => {
    let list = trainsCache.get(serviceId);
    if (!list) {
      const count = scenario === 'big' ? 100_000 : scenario === 'large' ? 10_000 : scenario === 'empty' || serviceId === EMPTY_SERVICE ? 0 : scenario === 'slow' ? 2_500 : 240;
      list = generateTrains(serviceId, count);
      trainsCache.set(serviceId, list);
    }
    return list;
  };
  // As the Rust side (ProfileView::open_service): the default service, else the latest used.
  const summary = ({ secretSet: _s, ...p }: StoredProfile): ProfileView => ({
    ...p,
    recentServices: [...p.recentServices],
    watchedServices: [...p.watchedServices],
    refreshEvery: refreshEvery({ ...p, secretSet: _s }),
    openService: p.defaultService ?? p.recentServices[0] ?? null,
  });
  const find = (name: unknown) => {
    const p = profiles.find((x) => x.name === name);
    if (!p) fail('profile_not_found', `There is no profile named “${String(name)}”.`, 'Choose an existing profile or create a new one.');
    return p;
  };

  async function handle(cmd: string, args: Record<string, unknown>): Promise<unknown> {
    calls.push({ cmd, args: structuredClone(args), at: performance.now() });
    await sleep(scenario === 'slow' ? 600 : 40);
    switch (cmd) {
      case 'app_info':
        return {
          version: VERSION,
          demoRequested: scenario === 'demo',
          timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
        } satisfies AppInfo;
      case 'list_profiles':
        return profiles.map(summary);
      case 'start_demo': {
        let demo = profiles.find((p) => p.isDemo);
        if (!demo) {
          demo = {
            name: 'Demo',
            maskedAccessKey: null,
            endpoint: 'http://127.0.0.1:0 (demo)',
            defaultService: 'kzblozze40q',
            recentServices: [],
            isDefault: profiles.length === 0,
            isDemo: true,
            secretSet: false,
            refreshInterval: null,
            watchedServices: [],
          };
          profiles.push(demo);
        }
        return summary(demo);
      }
      case 'save_profile': {
        const input = args.profile as ProfileInput;
        const replaces = (args.replaces as string | null) ?? null;
        if (!input?.name?.trim()) fail('invalid_input', '“” cannot be used as a profile name.', 'Use 1 to 64 characters, without slashes, backslashes or control characters.', null, true);
        const clash = profiles.find((p) => p.name === input.name && p.name !== replaces);
        if (clash) fail('profile_exists', `A profile named “${input.name}” already exists.`, 'Choose another name, or edit the existing profile instead.');
        const old = replaces ? find(replaces) : undefined;
        if (!old && (!input.accessKey || !input.secretKey)) fail('invalid_input', 'Enter both the access key and the secret key.', 'Check what you entered and try again.', null, true);
        const next: StoredProfile = {
          name: input.name.trim(),
          maskedAccessKey: input.accessKey ? mask(input.accessKey) : (old?.maskedAccessKey ?? null),
          endpoint: input.endpoint || 'https://aitems.apigw.ntruss.com',
          defaultService: input.defaultService || null,
          recentServices: old?.recentServices ?? [],
          isDefault: old?.isDefault ?? profiles.filter((p) => !p.isDemo).length === 0,
          isDemo: false,
          secretSet: true,
          // The form carries no watching: kept.
          refreshInterval: old?.refreshInterval ?? null,
          watchedServices: old?.watchedServices ?? [],
        };
        if (old && old.name !== next.name) history.forgetProfile(old.name);
        if (old) profiles.splice(profiles.indexOf(old), 1, next);
        else profiles.push(next);
        return summary(next);
      }
      case 'delete_profile': {
        const p = find(args.name);
        profiles.splice(profiles.indexOf(p), 1);
        history.forgetProfile(p.name);
        if (p.isDefault && profiles[0]) profiles[0].isDefault = true;
        return null;
      }
      case 'test_connection': {
        const draft = args.draft as ProfileInput | null;
        if (draft && /bad|wrong/i.test(draft.accessKey)) {
          fail('auth_failed', 'AiTEMS did not accept the access key and secret key.', "Check the access key and secret key in your profile (NCP console > My Page > Authentication Key Management), and that your computer's clock is correct.", {
            httpStatus: 401,
            traceId: 'c1a4e2f0-5b7d-4e11-9a2b-0d3e8f6a7b21',
            serverMessage: 'Authentication Failed: Invalid authentication information.',
          });
        }
        if (!draft) find(args.profile);
        return { serviceCount: SERVICES.length };
      }
      case 'list_services':
        find(args.profile);
        return SERVICES.map((s) => ({ ...s }));
      case 'list_trains':
        return listTrains(args);
      case 'list_all_trains':
        return listAllTrains(args);
      case 'kept_trains':
        // Offline: the listing kept from an earlier run (a day ago) is all there is.
        if (scenario !== 'offline' || args.recent === true) return null;
        return {
          fetchedAt: new Date(Date.now() - 86_400_000).toISOString(),
          trains: structuredClone(trainsFor(String(args.serviceId))),
          unseen: history.unseenOf(String(args.profile), String(args.serviceId)),
        };
      case 'export_csv':
        return exportCsv(args);
      case 'set_watch': {
        const p = find(args.profile);
        p.refreshInterval = (args.refreshInterval as RefreshEvery | null) ?? null;
        p.watchedServices = serviceIds(args.watchedServices as string[]);
        return summary(p);
      }
      case 'table_layout': {
        const p = find(args.profile);
        return layouts.get(p.name, String(args.serviceId ?? ''), p.isDemo);
      }
      case 'save_table_layout': {
        const p = find(args.profile);
        if (scenario === 'layout-save-error') {
          fail('settings_io', 'The settings file /home/analyst/.config/aitemsdesk/settings.json could not be read or written.', 'Check the free disk space and that your home folder can be written.');
        }
        return layouts.set(p.name, String(args.serviceId ?? ''), (args.layout as TableLayout | null) ?? null, p.isDemo);
      }
      case 'mark_seen':
        history.markSeen(String(args.profile), String(args.serviceId), (args.trains as TrainKey[] | null) ?? null);
        return null;
      case 'watch_updates':
        // A later call replaces the earlier listener.
        onUpdate = args.onUpdate as Channel<WatchUpdate>;
        onOpen = args.onOpen as Channel<NoticeTarget>;
        return null;
      default:
        return desktop.handle(cmd, args);
    }
  }

  /** One listing of a service as AiTEMS answers it (the scenario's faults included). */
  function listing(profile: StoredProfile, serviceId: string, recent: boolean): Train[] {
    listTrainsCount += 1;
    if (scenario === 'error' && listTrainsCount === 1) {
      fail('auth_failed', 'AiTEMS did not accept the access key and secret key.', "Check the access key and secret key in your profile (NCP console > My Page > Authentication Key Management), and that your computer's clock is correct.", {
        httpStatus: 401,
        traceId: '7f3c9a2e-41d8-4b6a-a1f0-92c4d8e51b07',
        serverMessage: 'Authentication Failed: Invalid authentication information.',
      });
    }
    if (scenario === 'offline') {
      fail('network', 'Could not reach AiTEMS: connection refused.', 'Check your internet connection, proxy or VPN, and the endpoint address of your profile.', null, true);
    }
    if (scenario === 'refresh-error' && listTrainsCount > 1) {
      fail('service_unavailable', 'AiTEMS is not available right now.', 'Try again in a few minutes. If it lasts, check the NCP service status page.', {
        httpStatus: 503,
        traceId: '0b9d1e44-8c2f-4a57-b3e6-5f7a0c9d2e18',
        serverMessage: 'Endpoint Error',
      });
    }
    // One service of the profile is down (the view of every service lists the others).
    if (scenario === 'partial' && serviceId === SERVICES[1]!.serviceId) {
      fail('service_unavailable', 'AiTEMS is not available right now.', 'Try again in a few minutes. If it lasts, check the NCP service status page.', {
        httpStatus: 503,
        traceId: '3a1f0c9e-7b2d-4e58-9c61-0d4b8a2f7e35',
        serverMessage: 'Endpoint Error',
      });
    }
    if (!SERVICES.some((s) => s.serviceId === serviceId)) {
      fail(
        'not_found',
        `Service \`${serviceId}\` was not found.`,
        'Check the service id (it is shown in the AiTEMS console), or pick the service from the list.',
        { httpStatus: 404, traceId: 'e5c2a7b9-3d14-4f08-8a6e-1b2c3d4e5f60', serverMessage: 'Not Found Exception' },
        true,
      );
    }
    const all = trainsFor(serviceId);
    if (scenario === 'moving') {
      const step = (moves.get(serviceId) ?? -1) + 1; // the first listing finds them as they are
      moves.set(serviceId, step);
      if (step > 0) moveAlong(all, serviceId, step);
    }
    const trains = recent ? recentOnly(all) : all;
    history.record(profile.name, serviceId, recent, trains);
    return trains;
  }

  async function listTrains(args: Record<string, unknown>): Promise<TrainsListed> {
    const profile = find(args.profile);
    const serviceId = String(args.serviceId ?? '');
    const onPage = args.onPage as Channel<TrainsPage>;
    const trains = listing(profile, serviceId, args.recent === true);
    // As the Rust side: trainings the window holds unchanged come as runs of its rows.
    const listingKey = [profile.name, serviceId, args.recent === true].join('\u0000');
    const { pages, prints } = sentPages(trains, 1000, heldPrints(listingKey, args.held));
    for (const page of pages) {
      await sleep(scenario === 'big' ? 4 : scenario === 'slow' ? 1000 : 120);
      onPage.onmessage(JSON.parse(page) as TrainsPage);
    }
    const stamp = remember(listingKey, prints);
    // As the Rust side: a new latest service changes the profile, and the answer carries it.
    const before = profile.recentServices[0];
    profile.recentServices = [serviceId, ...profile.recentServices.filter((s) => s !== serviceId)].slice(0, 5);
    const changed = !profile.isDemo && before !== serviceId;
    return {
      fetchedAt: new Date().toISOString(),
      pages: pages.length,
      total: trains.length,
      stamp,
      profile: changed ? summary(profile) : null,
      unseen: history.unseenOf(profile.name, serviceId),
    };
  }

  /** As the Rust side: every service, two at a time, each page naming its service; a failed service carries its error. */
  async function listAllTrains(args: Record<string, unknown>): Promise<AllTrainsListed> {
    const profile = find(args.profile);
    const onPage = args.onPage as Channel<TrainsPage>;
    let sent = 0;
    // As the Rust side: the trainings the window holds come as runs of its rows, counted in the order they were sent.
    const listingKey = [profile.name, ALL_SERVICES, args.recent === true].join('\u0000');
    const differ = new PageDiffer(heldPrints(listingKey, args.held));
    const listOne = async (serviceId: string, name: string | null): Promise<ServiceListed> => {
      try {
        const trains = listing(profile, serviceId, args.recent === true);
        for (const page of servicePages(differ, trains, 1000, serviceId)) {
          await sleep(scenario === 'big' ? 4 : scenario === 'slow' ? 1000 : 120);
          onPage.onmessage(JSON.parse(page) as TrainsPage);
          sent += 1;
        }
        return { serviceId, name, total: trains.length, unseen: history.unseenOf(profile.name, serviceId), error: null };
      } catch (error) {
        return { serviceId, name, total: 0, unseen: [], error: error as ServiceListed['error'] };
      }
    };
    const services: ServiceListed[] = [];
    for (let i = 0; i < SERVICES.length; i += 2) {
      services.push(...(await Promise.all(SERVICES.slice(i, i + 2).map((s) => listOne(s.serviceId, s.name ?? null)))));
    }
    return { fetchedAt: new Date().toISOString(), pages: sent, stamp: remember(listingKey, differ.prints), services };
  }

  startWatcher({
    profiles: () => profiles.map((p) => ({ name: p.name, refreshEvery: refreshEvery(p), watchedServices: p.watchedServices })),
    refresh: async (name, serviceId) => {
      await sleep(120);
      listing(find(name), serviceId, false);
      return history.unseenOf(name, serviceId);
    },
    send: (update) => onUpdate?.onmessage(update),
  });

  // As the Rust side names the file (export.rs): a new name each time, never over the last one.
  let exports = 0;
  function exportCsv(args: Record<string, unknown>): ExportedCsv {
    const serviceId = args.serviceId === ALL_SERVICES ? 'all-services' : String(args.serviceId ?? '');
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(serviceId)) fail('invalid_input', 'Not a service id.', 'Check the service ID.', null, true);
    if (scenario === 'export-error') {
      fail('export_failed', 'The CSV file could not be saved in /home/analyst/Downloads.', 'Check that the folder exists and has free space, then export again.', null, true);
    }
    const copy = exports > 0 ? ` (${exports})` : '';
    exports += 1;
    return { path: `/home/analyst/Downloads/aitems-${serviceId}-202603041639${copy}.csv` };
  }

  /** A click on a notice that opens `target`, as the notification plugin reports it. */
  const clickNotice = (target: NoticeTarget) => onOpen?.onmessage(target);
  return { calls, handle, clickNotice };
}
