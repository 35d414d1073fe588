// The layout of each service: saved a while after the last change and only when it changed,
// restored when a service opens (read ahead at launch and shown at once, else after the first
// rows, never before), reset to the default.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TableLayout } from '../bindings';
import { defaultLayout } from '../view/layout';
import { LayoutKeeper, readLayout, SAVE_AFTER_MS, type LayoutStore } from './layoutKeeper.svelte';
import { TrainTable } from './table.svelte';

function memoryStore(initial: Record<string, unknown> = {}) {
  const kept = new Map(Object.entries(initial));
  const saves: [string, TableLayout | null][] = [];
  const store: LayoutStore = {
    load: async (profile, serviceId) => {
      const v = kept.get(`${profile}/${serviceId}`);
      if (v instanceof Error) throw v;
      return (v ?? null) as TableLayout | null;
    },
    save: async (profile, serviceId, layout) => {
      saves.push([`${profile}/${serviceId}`, layout]);
      kept.set(`${profile}/${serviceId}`, layout);
    },
  };
  return { store, saves };
}

/** What the constructor's effect does in the app: tell the keeper of the table's change. */
const settle = (keeper: LayoutKeeper) => keeper.changed(keeper.current);

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('LayoutKeeper', () => {
  it('saves once, SAVE_AFTER_MS after the last change, and not when nothing changed', async () => {
    const table = new TrainTable();
    const { store, saves } = memoryStore();
    const keeper = new LayoutKeeper(table, store);
    keeper.open('Work', 'shop01', () => {});
    await vi.runAllTimersAsync();
    settle(keeper);
    await vi.advanceTimersByTimeAsync(SAVE_AFTER_MS);
    expect(saves).toEqual([]);
    for (const text of ['n', 'ni', 'nig']) {
      table.setGlobalFilter(text);
      settle(keeper);
      await vi.advanceTimersByTimeAsync(SAVE_AFTER_MS - 100);
    }
    expect(saves).toEqual([]);
    await vi.advanceTimersByTimeAsync(100);
    expect(saves).toHaveLength(1);
    expect(saves[0]![1]!.filter).toBe('nig');
    settle(keeper);
    await vi.advanceTimersByTimeAsync(SAVE_AFTER_MS);
    expect(saves).toHaveLength(1);
  });

  it('restores the saved layout of the service opened, and says when Recent only changes', async () => {
    const saved = { ...defaultLayout(), columns: ['version', 'hp:item_top_n'], recent: true };
    const table = new TrainTable();
    const { store } = memoryStore({ 'Work/shop01': saved });
    const keeper = new LayoutKeeper(table, store);
    const onRecent = vi.fn();
    keeper.open('Work', 'shop01', onRecent);
    expect(table.visibleColumns).toEqual(defaultLayout().columns);
    await vi.runAllTimersAsync();
    expect(table.visibleColumns).toEqual(['version', 'hp:item_top_n']);
    expect(keeper.recent).toBe(true);
    expect(onRecent).toHaveBeenCalledOnce();

    keeper.open('Work', 'fashn02', onRecent);
    await vi.runAllTimersAsync();
    expect(table.visibleColumns).toEqual(defaultLayout().columns);
    expect(keeper.recent).toBe(false);
  });

  it('shows a layout read ahead at once, without reading it again; one read for another service is not used', async () => {
    const saved = { ...defaultLayout(), columns: ['status', 'version'], recent: true };
    const { store } = memoryStore({ 'Work/shop01': saved });
    const load = vi.spyOn(store, 'load');
    const read = await readLayout('Work', 'shop01', store);
    expect(read).toEqual({ profile: 'Work', serviceId: 'shop01', layout: saved });
    load.mockClear();
    const table = new TrainTable();
    const keeper = new LayoutKeeper(table, store);
    const onRecent = vi.fn();
    keeper.open('Work', 'shop01', onRecent, read);
    expect(table.visibleColumns).toEqual(['status', 'version']);
    expect(keeper.recent).toBe(true);
    expect(onRecent).toHaveBeenCalledOnce();
    expect(load).not.toHaveBeenCalled();

    keeper.open('Work', 'fashn02', () => {}, read);
    expect(load).toHaveBeenCalledWith('Work', 'fashn02');
    expect(table.visibleColumns).toEqual(defaultLayout().columns);
  });

  it('a layout that cannot be read ahead is no layout read: the table opens as usual', async () => {
    const { store } = memoryStore({ 'Work/shop01': new Error('settings_io') });
    expect(await readLayout('Work', 'shop01', store)).toBeNull();
  });

  it('saves what is pending before another service opens, under the service it belongs to', async () => {
    const table = new TrainTable();
    const { store, saves } = memoryStore();
    const keeper = new LayoutKeeper(table, store);
    keeper.open('Work', 'shop01', () => {});
    await vi.runAllTimersAsync();
    table.setColumns(['status', 'version']);
    settle(keeper);
    keeper.open('Work', 'fashn02', () => {});
    expect(saves.map(([k, l]) => [k, l?.columns])).toEqual([['Work/shop01', ['status', 'version']]]);
  });

  it('a broken or unreadable saved layout gives the default, and the default is stored as none', async () => {
    const table = new TrainTable();
    const { store, saves } = memoryStore({ 'Work/a': { version: 1, columns: 7, sort: 'x' }, 'Work/b': new Error('keychain') });
    const keeper = new LayoutKeeper(table, store);
    keeper.open('Work', 'a', () => {});
    await vi.runAllTimersAsync();
    expect(keeper.current).toEqual(defaultLayout());
    keeper.open('Work', 'b', () => {});
    await vi.runAllTimersAsync();
    expect(keeper.current).toEqual(defaultLayout());

    table.setWidth('version', 200);
    settle(keeper);
    await vi.advanceTimersByTimeAsync(SAVE_AFTER_MS);
    const onRecent = vi.fn();
    keeper.reset(onRecent);
    settle(keeper);
    await vi.advanceTimersByTimeAsync(SAVE_AFTER_MS);
    expect(saves.map(([, l]) => l?.widths ?? null)).toEqual([{ version: 200 }, null]);
    expect(onRecent).not.toHaveBeenCalled();
  });

  it('tells why a save failed, until a later save succeeds', async () => {
    const table = new TrainTable();
    const { store, saves } = memoryStore();
    let failing = true;
    const failingStore: LayoutStore = {
      ...store,
      save: async (profile, serviceId, layout) => {
        if (failing) throw { code: 'settings_io', message: 'The settings file could not be written.', hint: 'Check the disk.', detail: null };
        return store.save(profile, serviceId, layout);
      },
    };
    const keeper = new LayoutKeeper(table, failingStore);
    keeper.open('Work', 'shop01', () => {});
    await vi.runAllTimersAsync();
    expect(keeper.saveError).toBeNull();

    table.setWidth('version', 200);
    settle(keeper);
    await vi.advanceTimersByTimeAsync(SAVE_AFTER_MS);
    expect(keeper.saveError).toMatchObject({ code: 'settings_io', message: 'The settings file could not be written.' });
    expect(table.state.columnSizing, 'the table keeps its layout').toEqual({ version: 200 });

    failing = false;
    table.setWidth('version', 210);
    settle(keeper);
    await vi.advanceTimersByTimeAsync(SAVE_AFTER_MS);
    expect(keeper.saveError).toBeNull();
    expect(saves.map(([, l]) => l?.widths)).toEqual([{ version: 210 }]);
  });

  describe('a change made before the saved layout comes', () => {
    const saved = { ...defaultLayout(), columns: ['version', 'status'], recent: true };

    /** A service opened on a store whose saved layout comes when the test calls `answer`. */
    function openLate(onRecent: () => void = () => {}) {
      const { store, saves } = memoryStore();
      let answer: () => void = () => {};
      const late: LayoutStore = { ...store, load: () => new Promise((resolve) => (answer = () => resolve(saved))) };
      const table = new TrainTable();
      const keeper = new LayoutKeeper(table, late);
      keeper.open('Work', 'shop01', onRecent);
      return { table, keeper, saves, answer: () => answer() };
    }

    it('wins over it, and is saved', async () => {
      const onRecent = vi.fn();
      const { table, keeper, saves, answer } = openLate(onRecent);
      table.setGlobalFilter('nightly');
      settle(keeper);
      answer();
      await vi.advanceTimersByTimeAsync(0);
      expect(table.globalFilter).toBe('nightly');
      expect(table.visibleColumns).toEqual(defaultLayout().columns);
      expect(onRecent).not.toHaveBeenCalled();
      settle(keeper);
      await vi.advanceTimersByTimeAsync(SAVE_AFTER_MS);
      expect(saves.map(([k, l]) => [k, l?.filter, l?.columns])).toEqual([['Work/shop01', 'nightly', defaultLayout().columns]]);
    });

    it('is not undone when it was saved before the saved layout came', async () => {
      const { table, keeper, saves, answer } = openLate();
      table.setColumns(['type', 'version']);
      settle(keeper);
      await vi.advanceTimersByTimeAsync(SAVE_AFTER_MS);
      expect(saves).toHaveLength(1);
      answer();
      await vi.runAllTimersAsync();
      settle(keeper);
      await vi.advanceTimersByTimeAsync(SAVE_AFTER_MS);
      expect(table.visibleColumns).toEqual(['type', 'version']);
      expect(saves).toHaveLength(1);
    });

    it('is only the person’s: with none, the saved layout is shown', async () => {
      const { table, keeper, saves, answer } = openLate();
      settle(keeper);
      answer();
      await vi.runAllTimersAsync();
      expect(table.visibleColumns).toEqual(['version', 'status']);
      settle(keeper);
      await vi.advanceTimersByTimeAsync(SAVE_AFTER_MS);
      expect(saves).toEqual([]);
    });
  });
});
