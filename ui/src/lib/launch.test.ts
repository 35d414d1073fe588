import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppError, AppInfo, ProfileView } from './bindings';

const api = vi.hoisted(() => ({
  appInfo: vi.fn<() => Promise<AppInfo>>(),
  listProfiles: vi.fn<() => Promise<ProfileView[]>>(),
}));
vi.mock('./api', () => ({ api }));

const { askAtLaunch, launchAnswers } = await import('./launch');

const info = { demoRequested: false, timeZone: 'Asia/Seoul' } as AppInfo;
const locked: AppError = { code: 'keychain_unavailable', message: 'Locked.', hint: 'Unlock it.', detail: null, specific: false };

beforeEach(() => {
  api.appInfo.mockReset().mockResolvedValue(info);
  api.listProfiles.mockReset().mockResolvedValue([]);
});

describe('the launch questions', () => {
  it('are asked at once, and their answers taken later without asking again', async () => {
    askAtLaunch();
    expect(api.appInfo).toHaveBeenCalledTimes(1);
    expect(api.listProfiles).toHaveBeenCalledTimes(1);
    await expect(launchAnswers()).resolves.toEqual([info, []]);
    expect(api.appInfo).toHaveBeenCalledTimes(1);
    expect(api.listProfiles).toHaveBeenCalledTimes(1);
  });

  it('are asked afresh once taken (a retry sees the keychain as it now is)', async () => {
    api.listProfiles.mockRejectedValueOnce(locked);
    askAtLaunch();
    await expect(launchAnswers()).rejects.toEqual(locked);
    await expect(launchAnswers()).resolves.toEqual([info, []]);
    expect(api.listProfiles).toHaveBeenCalledTimes(2);
  });

  it('are asked when taken if nothing asked them before', async () => {
    await expect(launchAnswers()).resolves.toEqual([info, []]);
    expect(api.appInfo).toHaveBeenCalledTimes(1);
  });

  // Vitest fails a run in which a promise rejection goes unhandled.
  it('that failed before being taken are no unhandled rejection', async () => {
    api.appInfo.mockRejectedValueOnce(locked);
    askAtLaunch();
    await new Promise((resolve) => setTimeout(resolve, 10));
    await expect(launchAnswers()).rejects.toEqual(locked);
  });
});
