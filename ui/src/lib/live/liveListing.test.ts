import { describe, expect, it, vi } from 'vitest';
import type { AppError, Change, TrainsListed, WatchUpdate } from '../bindings';

vi.mock('../api', () => ({ api: { markSeen: async () => null } }));
const { LiveListing } = await import('./liveListing.svelte');
const { TrainTable } = await import('../state/table.svelte');

const moved: Change = { kind: 'statusChanged', key: { type: 'pop', version: 'v1' }, from: 'learning', to: 'completed' };
const down: AppError = { code: 'network', message: 'down', hint: '', detail: null, specific: true };

/** A loader on service `s1` of profile Work whose quiet refreshes are counted. */
function setup(busy = false, serviceId = 's1') {
  const loader = {
    key: { profile: 'Work', serviceId, recent: false, kept: true },
    rows: [],
    unseen: [] as Change[],
    loading: busy,
    refreshing: false,
    listedAt: 0,
    refreshes: 0,
    hearUnseen(unseen: Change[]) {
      this.unseen = unseen;
    },
    async refresh(_onDone?: (l: TrainsListed) => void) {
      this.refreshes += 1;
      return null;
    },
  };
  const live = new LiveListing(loader as never, new TrainTable());
  return { loader, live };
}
const update = (over: Partial<WatchUpdate>): WatchUpdate => ({
  profile: 'Work',
  serviceId: 's1',
  fetchedAt: '2026-12-02T05:00:00.000Z',
  unseen: [moved],
  error: null,
  retryAt: null,
  ...over,
});

describe('LiveListing hears background refreshes', () => {
  it('refreshes the listing on screen quietly when its service was refreshed', () => {
    const { loader, live } = setup();
    live.hear(update({}), 'Work');
    expect(loader.refreshes).toBe(1);
  });

  it('only takes the unseen changes while a listing is already on its way', () => {
    const { loader, live } = setup(true);
    live.hear(update({}), 'Work');
    expect(loader.refreshes).toBe(0);
    expect(loader.unseen).toEqual([moved]);
  });

  it('says quietly that the service on screen could not be refreshed', () => {
    const { loader, live } = setup();
    live.hear(update({ fetchedAt: null, unseen: [], error: down }), 'Work');
    expect(live.auto.failing).toBe(true);
    expect(loader.refreshes).toBe(0);
    live.hear(update({ serviceId: 'other', fetchedAt: null, error: down }), 'Work');
    expect(live.otherUnseen).toEqual({});
  });

  it('counts the changes of the profile’s other services, and ignores other profiles', () => {
    const { loader, live } = setup();
    live.hear(update({ serviceId: 's2' }), 'Work');
    live.hear(update({ profile: 'Home', serviceId: 's3' }), 'Work');
    expect(live.otherUnseen).toEqual({ s2: 1 });
    expect(loader.refreshes).toBe(0);
    live.switched('s2');
    expect(live.otherUnseen).toEqual({});
  });

  it('in the view of every service, lists them all again when any of them changed, and a failure of one is not the view failing', () => {
    const { loader, live } = setup(false, '*');
    live.hear(update({ serviceId: 's2' }), 'Work');
    expect(loader.refreshes).toBe(1);
    expect(live.otherUnseen).toEqual({});
    live.hear(update({ serviceId: 's3', fetchedAt: null, unseen: [], error: down }), 'Work');
    expect(live.auto.failing).toBe(false);
  });
});
