import { describe, expect, it, vi } from 'vitest';
import type { TrainsPage } from './bindings';

/** The channel of the last call, so the test delivers its pages by hand. */
let channel: { onmessage: (p: TrainsPage) => void } | null = null;
let answer: unknown = null;

vi.mock('@tauri-apps/api/core', () => ({
  Channel: class {
    constructor(public onmessage: (p: TrainsPage) => void) {
      channel = this;
    }
  },
  invoke: async () => answer,
}));

const { api } = await import('./api');

const page = (n: number): TrainsPage => ({ pages: n, total: n, kept: [], trains: [{ version: `v${n}` }] });

describe('api.listTrains', () => {
  it('waits for pages that arrive after the answer, as large pages do', async () => {
    answer = { fetchedAt: 'now', pages: 2, total: 2, profile: null };
    const got: number[] = [];
    let settled = false;
    const listing = api.listTrains('p', 's', false, null, (p) => got.push(p.pages)).then((l) => {
      settled = true;
      return l;
    });
    await new Promise((r) => setTimeout(r, 0));
    expect(settled, 'no page has arrived yet').toBe(false);
    channel!.onmessage(page(1));
    await new Promise((r) => setTimeout(r, 0));
    expect(settled).toBe(false);
    channel!.onmessage(page(2));
    await expect(listing).resolves.toMatchObject({ pages: 2 });
    expect(got).toEqual([1, 2]);
  });

  it('fails, rather than waiting for ever, when a page never comes', async () => {
    vi.useFakeTimers();
    try {
      answer = { fetchedAt: 'now', pages: 3, total: 3, profile: null };
      const listing = api.listTrains('p', 's', false, null, () => {});
      const failed = expect(listing).rejects.toMatchObject({ code: 'internal' });
      await vi.advanceTimersByTimeAsync(31_000);
      await failed;
    } finally {
      vi.useRealTimers();
    }
  });
});
