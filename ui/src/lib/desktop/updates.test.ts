import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppError, UpdateOffer, UpdateProgress } from '../bindings';

const api = vi.hoisted(() => ({
  checkUpdate: vi.fn<(manual: boolean) => Promise<UpdateOffer | null>>(),
  installUpdate: vi.fn<(onProgress: (p: UpdateProgress) => void) => Promise<null>>(),
}));
vi.mock('../api', () => ({ api }));

const { Updates } = await import('./updates.svelte');

const offer: UpdateOffer = { version: '0.2.0', currentVersion: '0.1.0', notes: 'Faster.', published: null, installable: true };
const badSignature: AppError = { code: 'invalid_response', message: 'Not signed.', hint: 'Nothing was changed.', detail: null, specific: true };

beforeEach(() => {
  api.checkUpdate.mockReset();
  api.installUpdate.mockReset();
});

describe('Updates', () => {
  it('at start, shows an offer in the notice until Later', async () => {
    api.checkUpdate.mockResolvedValue(offer);
    const updates = new Updates();
    await updates.checkAtStart();
    expect(api.checkUpdate).toHaveBeenCalledWith(false);
    expect(updates.noticeShown).toBe(true);
    updates.later();
    expect(updates.noticeShown).toBe(false);
    expect(updates.offer).toEqual(offer);
  });

  it('at start, says nothing when the check fails', async () => {
    api.checkUpdate.mockRejectedValue(badSignature);
    const updates = new Updates();
    await expect(updates.checkAtStart()).resolves.toBeUndefined();
    expect(updates.offer).toBeNull();
    expect(updates.noticeShown).toBe(false);
  });

  it('when asked, answers the offer or null, and passes a failure on', async () => {
    const updates = new Updates();
    api.checkUpdate.mockResolvedValueOnce(offer).mockResolvedValueOnce(null).mockRejectedValueOnce(badSignature);
    await expect(updates.checkNow()).resolves.toEqual(offer);
    expect(api.checkUpdate).toHaveBeenLastCalledWith(true);
    await expect(updates.checkNow()).resolves.toBeNull();
    expect(updates.offer).toBeNull();
    await expect(updates.checkNow()).rejects.toEqual(badSignature);
  });

  it('installs with progress, then restarts; the notice stays even after Later', async () => {
    api.checkUpdate.mockResolvedValue(offer);
    let send: (p: UpdateProgress) => void = () => {};
    let finish: (v: null) => void = () => {};
    api.installUpdate.mockImplementation((onProgress) => {
      send = onProgress;
      return new Promise((resolve) => (finish = resolve));
    });
    const updates = new Updates();
    await updates.checkAtStart();
    updates.later();
    const installed = updates.installOffer();
    expect(updates.install).toEqual({ step: 'downloading', progress: null });
    expect(updates.installing).toBe(true);
    expect(updates.noticeShown).toBe(true);
    send({ downloaded: 10, total: 100 });
    expect(updates.install).toEqual({ step: 'downloading', progress: { downloaded: 10, total: 100 } });
    finish(null);
    await installed;
    expect(updates.install).toEqual({ step: 'restarting' });
  });

  it('keeps the error of a failed install until Later', async () => {
    api.checkUpdate.mockResolvedValue(offer);
    api.installUpdate.mockRejectedValue(badSignature);
    const updates = new Updates();
    await updates.checkAtStart();
    await updates.installOffer();
    expect(updates.install).toEqual({ step: 'failed', error: badSignature });
    expect(updates.installing).toBe(false);
    updates.later();
    expect(updates.install).toEqual({ step: 'none' });
    expect(updates.noticeShown).toBe(false);
  });
});
