import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Change, KeptTrains, Train, TrainsListed, TrainsPage } from '../bindings';

/** What the next `listTrains` call does: the test sends pages and settles it by hand. */
type Pending = { held: number | null; onPage: (p: TrainsPage) => void; resolve: (l: TrainsListed) => void; reject: (e: unknown) => void };
const pending: Pending[] = [];
/** What `keptTrains` answers: the listing kept from an earlier run, if any. */
let kept: KeptTrains | null = null;

vi.mock('../api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../api')>()),
  api: {
    listTrains: (_profile: string, _service: string, _recent: boolean, held: number | null, onPage: (p: TrainsPage) => void) =>
      new Promise<TrainsListed>((resolve, reject) => pending.push({ held, onPage, resolve, reject })),
    keptTrains: async () => kept,
  },
}));

const { TrainsLoader } = await import('./trains.svelte');

const trains = (from: number, count: number): Train[] =>
  Array.from({ length: count }, (_, i) => ({ version: `v${from + i}`, type: 'pop', status: 'completed' }));
let stamps = 0;
const listed = (total: number, unseen: Change[] = []): TrainsListed => ({ fetchedAt: '2026-12-02T00:00:00Z', pages: 1, total, stamp: ++stamps, profile: null, unseen });
const key = { profile: 'p', serviceId: 's', recent: false, kept: true };
const settle = () => new Promise((r) => setTimeout(r, 0));

afterEach(() => {
  pending.length = 0;
  kept = null;
  vi.useRealTimers();
});

describe('TrainsLoader', () => {
  it('shows the first page at once and the rest as they arrive, numbered across pages', async () => {
    vi.useFakeTimers();
    const loader = new TrainsLoader();
    const done = loader.load(key);
    const call = pending[0]!;
    call.onPage({ pages: 1, total: 1000, kept: [], trains: trains(0, 1000) });
    expect(loader.rows.length).toBe(1000);
    expect(loader.loaded).toBe(false);
    expect(loader.progress).toEqual({ pages: 1, total: 1000 });
    call.onPage({ pages: 2, total: 1500, kept: [], trains: trains(1000, 500) });
    expect(loader.rows.length, 'later pages are shown together, a moment later').toBe(1000);
    vi.advanceTimersByTime(150);
    expect(loader.rows.length).toBe(1500);
    call.resolve(listed(1500));
    await done;
    expect(loader.loaded).toBe(true);
    expect(loader.progress).toBeNull();
    expect(loader.rows.map((r) => r.id)).toEqual(Array.from({ length: 1500 }, (_, i) => `pop:v${i}`));
    expect(loader.rows[1200]?.version).toBe('v1200');
  });

  it('keeps the rows on screen during a refresh and swaps them when it is complete', async () => {
    const loader = new TrainsLoader();
    const first = loader.load(key);
    pending[0]!.onPage({ pages: 1, total: 3, kept: [], trains: trains(0, 3) });
    pending[0]!.resolve(listed(3));
    await first;
    const refresh = loader.load(key);
    pending[1]!.onPage({ pages: 1, total: 2, kept: [], trains: trains(10, 2) });
    await settle();
    expect(loader.rows.map((r) => r.version)).toEqual(['v0', 'v1', 'v2']);
    pending[1]!.resolve(listed(2));
    await refresh;
    expect(loader.rows.map((r) => r.version)).toEqual(['v10', 'v11']);
  });

  it('ignores the pages and answer of a listing that was superseded', async () => {
    const loader = new TrainsLoader();
    const old = loader.load(key);
    const other = loader.load({ ...key, serviceId: 't' });
    pending[0]!.onPage({ pages: 1, total: 3, kept: [], trains: trains(0, 3) });
    pending[0]!.resolve(listed(3));
    await old;
    expect(loader.rows).toEqual([]);
    pending[1]!.onPage({ pages: 1, total: 1, kept: [], trains: trains(50, 1) });
    pending[1]!.resolve(listed(1));
    await other;
    expect(loader.rows.map((r) => r.version)).toEqual(['v50']);
  });

  it('keeps the last good rows and reports the error when a refresh fails', async () => {
    const loader = new TrainsLoader();
    const first = loader.load(key);
    pending[0]!.onPage({ pages: 1, total: 2, kept: [], trains: trains(0, 2) });
    pending[0]!.resolve(listed(2));
    await first;
    const refresh = loader.load(key);
    pending[1]!.reject({ code: 'network', message: 'down', hint: '', detail: null, specific: true });
    await refresh;
    expect(loader.rows.length).toBe(2);
    expect(loader.error?.code).toBe('network');
    expect(loader.loading).toBe(false);
  });

  it('shows the kept listing at once, then swaps in the fresh one when it is complete', async () => {
    kept = { fetchedAt: '2026-12-01T05:02:00Z', trains: trains(100, 2), unseen: [] };
    const loader = new TrainsLoader();
    const done = loader.load(key);
    await settle();
    expect(loader.rows.map((r) => r.version)).toEqual(['v100', 'v101']);
    expect(loader.stale).toBe(true);
    expect(loader.fetchedAt).toBe(Date.parse('2026-12-01T05:02:00Z'));
    pending[0]!.onPage({ pages: 1, total: 1000, kept: [], trains: trains(0, 1000) });
    await settle();
    expect(loader.rows.length, 'no half listing replaces the kept one').toBe(2);
    pending[0]!.resolve(listed(1000));
    await done;
    expect(loader.rows.length).toBe(1000);
    expect(loader.stale).toBe(false);
  });

  it('keeps showing the kept listing, still marked as such, when AiTEMS cannot be reached', async () => {
    kept = { fetchedAt: '2026-12-01T05:02:00Z', trains: trains(100, 2), unseen: [] };
    const loader = new TrainsLoader();
    const done = loader.load(key);
    await settle();
    pending[0]!.reject({ code: 'network', message: 'down', hint: '', detail: null, specific: true });
    await done;
    expect(loader.rows.length).toBe(2);
    expect(loader.stale).toBe(true);
    expect(loader.error?.code).toBe('network');
  });

  it('does not put a kept listing over fresh pages that came first', async () => {
    let release: (k: KeptTrains) => void = () => {};
    kept = null;
    const slowKept = new Promise<KeptTrains>((r) => (release = r));
    const { api } = await import('../api');
    const spy = vi.spyOn(api, 'keptTrains').mockReturnValueOnce(slowKept);
    const loader = new TrainsLoader();
    const done = loader.load(key);
    pending[0]!.onPage({ pages: 1, total: 3, kept: [], trains: trains(0, 3) });
    release({ fetchedAt: '2026-12-01T05:02:00Z', trains: trains(100, 1), unseen: [] });
    await settle();
    expect(loader.rows.map((r) => r.version)).toEqual(['v0', 'v1', 'v2']);
    expect(loader.stale).toBe(false);
    pending[0]!.resolve(listed(3));
    await done;
    spy.mockRestore();
  });

  it('asks for no kept listing where none is kept (demo mode)', async () => {
    kept = { fetchedAt: '2026-12-01T05:02:00Z', trains: trains(100, 2), unseen: [] };
    const loader = new TrainsLoader();
    const done = loader.load({ ...key, kept: false });
    await settle();
    expect(loader.rows).toEqual([]);
    pending[0]!.resolve(listed(0));
    await done;
  });
  it('keeps the row object of every training a refresh did not change', async () => {
    const loader = new TrainsLoader();
    const first = loader.load(key);
    pending[0]!.onPage({ pages: 1, total: 3, kept: [], trains: trains(0, 3) });
    pending[0]!.resolve(listed(3));
    await first;
    const before = loader.rows;
    const moved = { ...trains(1, 1)[0]!, status: 'learningFailed' };
    const refresh = loader.load(key);
    pending[1]!.onPage({ pages: 1, total: 4, kept: [], trains: [...trains(9, 1), trains(0, 1)[0]!, moved, structuredClone(trains(2, 1)[0]!)] });
    pending[1]!.resolve(listed(4));
    await refresh;
    const [added, same, changed, copied] = loader.rows;
    expect(same, 'unchanged: the same object').toBe(before[0]);
    expect(copied, 'unchanged JSON in a new object: the same row').toBe(before[2]);
    expect(changed).not.toBe(before[1]);
    expect(changed?.status).toBe('learningFailed');
    expect(added?.id).toBe('pop:v9');
  });

  it('leaves the rows as they are when a refresh changed nothing', async () => {
    const loader = new TrainsLoader();
    const first = loader.load(key);
    pending[0]!.onPage({ pages: 1, total: 3, kept: [], trains: trains(0, 3) });
    pending[0]!.resolve(listed(3));
    await first;
    const before = loader.rows;
    const refresh = loader.refresh();
    pending[1]!.onPage({ pages: 1, total: 3, kept: [], trains: structuredClone(trains(0, 3)) });
    pending[1]!.resolve(listed(3));
    await refresh;
    expect(loader.rows, 'the same array: the table has nothing to redo').toBe(before);
  });

  it('refreshes quietly: no progress, and a failure is answered, not shown', async () => {
    const loader = new TrainsLoader();
    const first = loader.load(key);
    pending[0]!.resolve(listed(0));
    await first;
    const quiet = loader.refresh();
    expect(loader.loading).toBe(false);
    expect(loader.refreshing).toBe(true);
    pending[1]!.onPage({ pages: 1, total: 1, kept: [], trains: trains(0, 1) });
    expect(loader.progress).toBeNull();
    pending[1]!.reject({ code: 'network', message: 'down', hint: '', detail: null, specific: true });
    expect((await quiet)?.code).toBe('network');
    expect(loader.error).toBeNull();
    expect(loader.refreshing).toBe(false);
  });

  it('takes the unseen changes of each listing, kept or fresh', async () => {
    const moved: Change = { kind: 'statusChanged', key: { type: 'pop', version: 'v0' }, from: 'learning', to: 'completed' };
    kept = { fetchedAt: '2026-12-01T05:02:00Z', trains: trains(0, 1), unseen: [moved] };
    const loader = new TrainsLoader();
    const done = loader.load(key);
    await settle();
    expect(loader.unseen).toEqual([moved]);
    pending[0]!.resolve(listed(0, []));
    await done;
    expect(loader.unseen).toEqual([]);
  });

  /** A new training's change mark. */
  const change = (version: string): Change => ({ kind: 'new', key: { type: 'pop', version }, status: 'requesting' });

  /** A loader that listed `count` trainings, v0 and v1 of them unseen. */
  const loadedWithUnseen = async (count: number) => {
    const loader = new TrainsLoader();
    const first = loader.load(key);
    pending[0]!.onPage({ pages: 1, total: count, kept: [], trains: trains(0, count) });
    pending[0]!.resolve(listed(count, [change('v0'), change('v1')]));
    await first;
    return loader;
  };

  it('leaves out of a listing\'s answer what the user saw while it was under way, not what they saw before it began', async () => {
    const loader = await loadedWithUnseen(2);

    const refresh = loader.load(key);
    loader.forgetUnseen((c) => c.key.version === 'v0'); // opened while the refresh is under way
    expect(loader.unseen.map((c) => c.key.version)).toEqual(['v1']);
    pending[1]!.onPage({ pages: 1, total: 2, kept: [], trains: trains(0, 2) });
    pending[1]!.resolve(listed(2, [change('v0'), change('v1')])); // written before the backend heard
    await refresh;
    expect(loader.unseen.map((c) => c.key.version)).toEqual(['v1']);

    const later = loader.load(key);
    pending[2]!.onPage({ pages: 1, total: 2, kept: [], trains: trains(0, 2) });
    pending[2]!.resolve(listed(2, [change('v0')])); // changed again since: the backend knows best
    await later;
    expect(loader.unseen.map((c) => c.key.version)).toEqual(['v0']);
  });

  it('takes what a background refresh told during a listing, less what the user saw since that listing began', async () => {
    const loader = await loadedWithUnseen(3);
    loader.forgetUnseen((c) => c.key.version === 'v1'); // seen before the next listing began

    void loader.refresh();
    loader.forgetUnseen((c) => c.key.version === 'v0'); // opened while it is under way
    loader.hearUnseen([change('v0'), change('v1'), change('v2')]); // told before the backend heard of v0
    expect(loader.unseen.map((c) => c.key.version), 'v1 changed again since it was seen').toEqual(['v1', 'v2']);
  });

  describe('a refresh of the listing on screen', () => {
    /** Loads two pages (v0..v2, v3..v4) and answers with a stamp; the loader and that stamp. */
    const loadTwoPages = async (loader = new TrainsLoader(), at = key) => {
      const first = loader.load(at);
      const call = pending[pending.length - 1]!;
      call.onPage({ pages: 1, total: 3, kept: [], trains: trains(0, 3) });
      call.onPage({ pages: 2, total: 5, kept: [], trains: trains(3, 2) });
      const answer = listed(5);
      call.resolve(answer);
      await first;
      return { loader, stamp: answer.stamp };
    };

    it('passes the stamp of the listing it holds and keeps the rows it is sent as runs of held rows', async () => {
      const { loader, stamp } = await loadTwoPages();
      const before = loader.rows;
      const refresh = loader.refresh();
      const call = pending[1]!;
      expect(call.held).toBe(stamp);
      const moved = trains(0, 3);
      moved[1]!.status = 'learningFailed';
      call.onPage({ pages: 1, total: 3, kept: [[0, 0, 1], [2, 2, 1]], trains: [moved[1]!] });
      call.onPage({ pages: 2, total: 5, kept: [[0, 3, 2]], trains: [] });
      call.resolve(listed(5));
      await refresh;
      expect(loader.rows.map((r) => r.version)).toEqual(['v0', 'v1', 'v2', 'v3', 'v4']);
      expect(loader.rows[1]!.train.status).toBe('learningFailed');
      expect(loader.rows.filter((row, i) => row === before[i]).map((r) => r.version)).toEqual(['v0', 'v2', 'v3', 'v4']);
    });

    it('passes the stamp of the latest listing, and still holds it after a refresh failed', async () => {
      const { loader } = await loadTwoPages();
      const again = loader.refresh();
      pending[1]!.onPage({ pages: 1, total: 1, kept: [], trains: trains(7, 1) });
      const answer = listed(1);
      pending[1]!.resolve(answer);
      await again;
      const failing = loader.refresh();
      expect(pending[2]!.held).toBe(answer.stamp);
      pending[2]!.reject({ code: 'network', message: 'down', hint: '', detail: null, specific: true });
      await failing;
      void loader.refresh();
      expect(pending[3]!.held).toBe(answer.stamp);
    });

    it('passes no stamp for rows it does not hold from that listing: the recent-only list, another service, a kept listing', async () => {
      const { loader } = await loadTwoPages();
      void loader.load({ ...key, recent: true });
      expect(pending[1]!.held, 'recent only is another listing').toBeNull();

      const switching = (await loadTwoPages()).loader;
      void switching.load({ ...key, serviceId: 'other' });
      expect(pending[3]!.held, 'another service').toBeNull();

      const offline = (await loadTwoPages()).loader;
      kept = { fetchedAt: '2026-12-01T05:02:00Z', trains: trains(100, 2), unseen: [] };
      const other = offline.load({ ...key, serviceId: 'other' });
      await settle();
      pending[5]!.reject({ code: 'network', message: 'down', hint: '', detail: null, specific: true });
      await other;
      expect(offline.stale).toBe(true);
      void offline.refresh();
      expect(pending[6]!.held, 'rows of a kept listing').toBeNull();
    });

    it('fails a listing whose pages refer to rows it does not hold, keeps the rows, and asks for every training next time', async () => {
      const { loader } = await loadTwoPages();
      const before = loader.rows;
      const refresh = loader.load(key);
      pending[1]!.onPage({ pages: 1, total: 3, kept: [[0, 4, 3]], trains: [] });
      pending[1]!.resolve(listed(3));
      await refresh;
      expect(loader.error?.code).toBe('internal');
      expect(loader.rows).toBe(before);
      void loader.refresh();
      expect(pending[2]!.held).toBeNull();
    });
  });
});
