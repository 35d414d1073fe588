import { afterEach, describe, expect, it, vi } from 'vitest';
import { ALL_SERVICES, type AllTrainsListed, type AppError, type ServiceListed, type Train, type TrainsPage } from '../bindings';

/** What the next `listAllTrains` call does: the test sends pages and settles it by hand. */
type Pending = { held: number | null; onPage: (p: TrainsPage) => void; resolve: (l: AllTrainsListed) => void };
const pending: Pending[] = [];

vi.mock('../api', () => ({
  api: {
    listAllTrains: (_profile: string, _recent: boolean, held: number | null, onPage: (p: TrainsPage) => void) =>
      new Promise<AllTrainsListed>((resolve) => pending.push({ held, onPage, resolve })),
    keptTrains: async () => null,
  },
}));

const { TrainsLoader } = await import('./trains.svelte');

const trains = (versions: string[]): Train[] => versions.map((version) => ({ version, type: 'pop', status: 'completed' }));
const names = new Map([
  ['shop', 'Shop'],
  ['news', ''],
]);
const key = { profile: 'p', serviceId: ALL_SERVICES, recent: false, kept: false, names };
const down: AppError = { code: 'service_unavailable', message: 'AiTEMS is not available right now.', hint: '', detail: null, specific: false };
const outcome = (serviceId: string, total: number, error: AppError | null = null): ServiceListed => ({ serviceId, name: names.get(serviceId) || null, total, unseen: [], error });
let stamps = 0;
const listed = (pages: number, services: ServiceListed[]): AllTrainsListed => ({ fetchedAt: '2026-12-04T00:00:00Z', pages, stamp: ++stamps, services });

afterEach(() => {
  pending.length = 0;
});

describe('TrainsLoader, every service', () => {
  it('tags each row with its service and keeps the same training of two services apart', async () => {
    const loader = new TrainsLoader();
    const done = loader.load(key);
    pending[0]!.onPage({ serviceId: 'shop', pages: 1, total: 2, kept: [], trains: trains(['a', 'b']) });
    pending[0]!.onPage({ serviceId: 'news', pages: 1, total: 1, kept: [], trains: trains(['a']) });
    expect(loader.progress).toEqual({ pages: 2, total: 3, services: 2 });
    expect(loader.serviceProgress).toEqual({ shop: 2, news: 1 });
    pending[0]!.resolve(listed(2, [outcome('shop', 2), outcome('news', 1)]));
    await done;
    expect(loader.rows.map((r) => [r.id, r.serviceId, r.serviceName])).toEqual([
      ['shop/pop:a', 'shop', 'Shop'],
      ['shop/pop:b', 'shop', 'Shop'],
      ['news/pop:a', 'news', 'news'],
    ]);
    expect(loader.rows[0]!.haystack, 'the filter box finds a service by name').toContain('shop');
    expect(loader.services.map((s) => s.serviceId)).toEqual(['shop', 'news']);
    expect(loader.unseen).toEqual([]);
  });

  it('keeps the rows a failed service had, and none of the pages it sent before failing', async () => {
    const loader = new TrainsLoader();
    const first = loader.load(key);
    pending[0]!.onPage({ serviceId: 'shop', pages: 1, total: 1, kept: [], trains: trains(['a']) });
    pending[0]!.onPage({ serviceId: 'news', pages: 1, total: 2, kept: [], trains: trains(['x', 'y']) });
    pending[0]!.resolve(listed(2, [outcome('shop', 1), outcome('news', 2)]));
    await first;
    const kept = loader.rows.filter((r) => r.serviceId === 'news');

    const refresh = loader.load(key);
    pending[1]!.onPage({ serviceId: 'shop', pages: 1, total: 2, kept: [], trains: trains(['a', 'c']) });
    pending[1]!.onPage({ serviceId: 'news', pages: 1, total: 1, kept: [], trains: trains(['half']) });
    pending[1]!.resolve(listed(2, [outcome('shop', 2), outcome('news', 0, down)]));
    await refresh;
    expect(loader.rows.map((r) => r.id)).toEqual(['shop/pop:a', 'shop/pop:c', 'news/pop:x', 'news/pop:y']);
    expect(loader.rows.filter((r) => r.serviceId === 'news'), 'the same row objects').toEqual(kept);
    expect(loader.error, 'one service failing is not the listing failing').toBeNull();
    expect(loader.services.find((s) => s.serviceId === 'news')?.error?.code).toBe('service_unavailable');
  });

  it('on a refresh, passes the stamp of the listing it holds and keeps the rows sent as runs, each with its service', async () => {
    const loader = new TrainsLoader();
    const first = loader.load(key);
    pending[0]!.onPage({ serviceId: 'shop', pages: 1, total: 2, kept: [], trains: trains(['a', 'b']) });
    pending[0]!.onPage({ serviceId: 'news', pages: 1, total: 1, kept: [], trains: trains(['a']) });
    const answer = listed(2, [outcome('shop', 2), outcome('news', 1)]);
    pending[0]!.resolve(answer);
    await first;
    const before = loader.rows;

    const refresh = loader.refresh();
    expect(pending[1]!.held).toBe(answer.stamp);
    pending[1]!.onPage({ serviceId: 'news', pages: 1, total: 1, kept: [[0, 2, 1]], trains: [] });
    pending[1]!.onPage({ serviceId: 'shop', pages: 1, total: 3, kept: [[1, 0, 2]], trains: trains(['new']) });
    pending[1]!.resolve(listed(2, [outcome('shop', 3), outcome('news', 1)]));
    await refresh;
    expect(loader.rows.map((r) => r.id)).toEqual(['news/pop:a', 'shop/pop:new', 'shop/pop:a', 'shop/pop:b']);
    expect(loader.rows.map((r) => r.serviceName)).toEqual(['news', 'Shop', 'Shop', 'Shop']);
    expect([loader.rows[0], loader.rows[2], loader.rows[3]]).toEqual([before[2], before[0], before[1]]);
    expect(loader.rows[2], 'the same row object').toBe(before[0]);
  });

  it('makes a held row again when its service has been renamed since', async () => {
    const loader = new TrainsLoader();
    const first = loader.load(key);
    pending[0]!.onPage({ serviceId: 'shop', pages: 1, total: 1, kept: [], trains: trains(['a']) });
    pending[0]!.resolve(listed(1, [outcome('shop', 1), outcome('news', 0)]));
    await first;
    const renamed = loader.load({ ...key, names: new Map([['shop', 'Boutique']]) });
    pending[1]!.onPage({ serviceId: 'shop', pages: 1, total: 1, kept: [[0, 0, 1]], trains: [] });
    pending[1]!.resolve(listed(1, [outcome('shop', 1), outcome('news', 0)]));
    await renamed;
    expect(loader.rows.map((r) => [r.id, r.serviceName])).toEqual([['shop/pop:a', 'Boutique']]);
  });

  it('holds no listing once a service failed: its rows were set aside out of the order they came in', async () => {
    const loader = new TrainsLoader();
    const first = loader.load(key);
    pending[0]!.onPage({ serviceId: 'shop', pages: 1, total: 1, kept: [], trains: trains(['a']) });
    pending[0]!.resolve(listed(1, [outcome('shop', 1), outcome('news', 0, down)]));
    await first;
    void loader.refresh();
    expect(pending[1]!.held).toBeNull();
  });
});
