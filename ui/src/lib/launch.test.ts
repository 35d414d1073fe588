import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppError, AppInfo, ProfileView, TableLayout, TrainsListed, TrainsPage } from './bindings';

/** A listing asked through the api: its pages are sent and its answer given by hand. */
type Asked = { profile: string; serviceId: string; recent: boolean; held: number | null; onPage: (page: TrainsPage) => void; resolve: (listed: TrainsListed) => void };
const asked: Asked[] = [];

const api = vi.hoisted(() => ({
  appInfo: vi.fn<() => Promise<AppInfo>>(),
  listProfiles: vi.fn<() => Promise<ProfileView[]>>(),
  tableLayout: vi.fn<(profile: string, serviceId: string) => Promise<TableLayout | null>>(),
  listTrains: vi.fn(),
}));
vi.mock('./api', () => ({ api }));

const { askAtLaunch, launchAnswers, openingProfile, StartedListing, takeOpening } = await import('./launch');

const info = (demoRequested = false) => ({ demoRequested, timeZone: 'Asia/Seoul' }) as AppInfo;
const profile = (name: string, more: Partial<ProfileView> = {}) => ({ name, isDemo: false, isDefault: false, openService: null, ...more }) as ProfileView;
const locked: AppError = { code: 'keychain_unavailable', message: 'Locked.', hint: 'Unlock it.', detail: null, specific: false };
const layout = { version: 1 } as TableLayout;
const page = (n: number): TrainsPage => ({ pages: n, total: n, kept: [], trains: [{ type: 'pop', version: `v${n}`, status: 'completed' }] });
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  asked.length = 0;
  api.appInfo.mockReset().mockResolvedValue(info());
  api.listProfiles.mockReset().mockResolvedValue([]);
  api.tableLayout.mockReset().mockResolvedValue(layout);
  api.listTrains.mockReset().mockImplementation(
    (profile: string, serviceId: string, recent: boolean, held: number | null, onPage: (page: TrainsPage) => void) =>
      new Promise<TrainsListed>((resolve) => asked.push({ profile, serviceId, recent, held, onPage, resolve })),
  );
  takeOpening('', ''); // whatever an earlier test left
});

describe('the launch questions', () => {
  it('are asked at once, and their answers taken later without asking again', async () => {
    askAtLaunch();
    expect(api.appInfo).toHaveBeenCalledTimes(1);
    expect(api.listProfiles).toHaveBeenCalledTimes(1);
    await expect(launchAnswers()).resolves.toEqual([info(), []]);
    expect(api.appInfo).toHaveBeenCalledTimes(1);
    expect(api.listProfiles).toHaveBeenCalledTimes(1);
  });

  it('are asked afresh once taken (a retry sees the keychain as it now is)', async () => {
    api.listProfiles.mockRejectedValueOnce(locked);
    askAtLaunch();
    await expect(launchAnswers()).rejects.toEqual(locked);
    await expect(launchAnswers()).resolves.toEqual([info(), []]);
    expect(api.listProfiles).toHaveBeenCalledTimes(2);
  });

  it('are asked when taken if nothing asked them before', async () => {
    await expect(launchAnswers()).resolves.toEqual([info(), []]);
    expect(api.appInfo).toHaveBeenCalledTimes(1);
  });

  // Vitest fails a run in which a promise rejection goes unhandled.
  it('that failed before being taken are no unhandled rejection', async () => {
    api.appInfo.mockRejectedValueOnce(locked);
    askAtLaunch();
    await settle();
    await expect(launchAnswers()).rejects.toEqual(locked);
  });
});

describe('the profile the app opens with', () => {
  it('is the demo profile with --demo, else the default one, else the first', () => {
    const demo = profile('Demo', { isDemo: true });
    const work = profile('Work', { isDefault: true });
    const home = profile('Home');
    expect(openingProfile([info(true), [work, demo]])).toBe(demo);
    expect(openingProfile([info(true), [work]]), 'demo mode has yet to start').toBeUndefined();
    expect(openingProfile([info(), [home, work]])).toBe(work);
    expect(openingProfile([info(), [home]])).toBe(home);
    expect(openingProfile([info(), []])).toBeUndefined();
  });
});

describe('what the first screen shows', () => {
  it('is asked as soon as the launch questions are answered, and taken once, for its profile and service only', async () => {
    api.listProfiles.mockResolvedValue([profile('Work', { isDefault: true, openService: 'svc' })]);
    askAtLaunch();
    await launchAnswers();
    expect(api.tableLayout).toHaveBeenCalledWith('Work', 'svc');
    expect(asked).toMatchObject([{ profile: 'Work', serviceId: 'svc', recent: false, held: null }]);
    expect(takeOpening('Work', 'other')).toBeNull();
    // Asked for another service than the one opened: what was asked is dropped.
    expect(takeOpening('Work', 'svc')).toBeNull();
  });

  it('hands over the listing and the layout asked', async () => {
    api.listProfiles.mockResolvedValue([profile('Work', { isDefault: true, openService: 'svc' })]);
    askAtLaunch();
    await launchAnswers();
    const opening = takeOpening('Work', 'svc');
    expect(opening).not.toBeNull();
    await expect(opening!.layout).resolves.toBe(layout);
    expect(takeOpening('Work', 'svc'), 'taken once').toBeNull();
  });

  it('is not asked when the profile opens no service, or when the launch questions failed', async () => {
    api.listProfiles.mockResolvedValue([profile('Work')]);
    askAtLaunch();
    await launchAnswers();
    api.listProfiles.mockRejectedValue(locked);
    askAtLaunch();
    await expect(launchAnswers()).rejects.toEqual(locked);
    expect(api.tableLayout).not.toHaveBeenCalled();
    expect(asked).toEqual([]);
  });
});

describe('StartedListing', () => {
  it('gives the pages received before it was followed at once, then each as it comes, and the answer', async () => {
    const listing = new StartedListing('Work', 'svc');
    asked[0]!.onPage(page(1));
    asked[0]!.onPage(page(2));
    const received: number[] = [];
    const answer = listing.follow((p) => received.push(p.pages));
    expect(received).toEqual([1, 2]);
    asked[0]!.onPage(page(3));
    expect(received).toEqual([1, 2, 3]);
    const listed = { stamp: 7 } as TrainsListed;
    asked[0]!.resolve(listed);
    await expect(answer).resolves.toBe(listed);
  });
});
