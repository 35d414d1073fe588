// The runes adapter over table-core: header clicks cycle the sort and nothing resets it.
import { describe, expect, it, vi } from 'vitest';
import type { Train } from '../bindings';
import { makeTranslate } from '../i18n';
import { toRows } from '../view/rows';
import { TrainTable } from './table.svelte';

const t = makeTranslate('en');
const trains = [
  { version: 'old', type: 'pop', status: 'ready', createdDate: '2026-01-01T00:00:00' },
  { version: 'new', type: 'pop', status: 'ready', createdDate: '2026-03-01T00:00:00' },
  { version: 'mid', type: 'relatedItem', status: 'completed', createdDate: '2026-02-01T00:00:00' },
] as Train[];

const click = (table: TrainTable, id: string, shiftKey = false) =>
  table.table.getColumn(id)!.getToggleSortingHandler()!({ shiftKey } as unknown as MouseEvent);
const versions = (table: TrainTable) => table.rows.map((r) => r.original.version);

describe('TrainTable', () => {
  it('clicking Created cycles newest first -> off -> oldest first -> newest first', () => {
    const table = new TrainTable();
    table.setData(toRows(trains, t));
    expect(table.sorting).toEqual([{ id: 'createdDate', desc: true }]);
    expect(versions(table)).toEqual(['new', 'mid', 'old']);
    click(table, 'createdDate');
    expect(table.sorting).toEqual([]);
    expect(versions(table)).toEqual(['old', 'new', 'mid']); // API order
    click(table, 'createdDate');
    expect(table.sorting).toEqual([{ id: 'createdDate', desc: false }]);
    expect(versions(table)).toEqual(['old', 'mid', 'new']);
    click(table, 'createdDate');
    expect(table.sorting).toEqual([{ id: 'createdDate', desc: true }]);
  });

  it('keeps the sort (even none) and filters across new data, and Shift adds a sort', () => {
    const table = new TrainTable();
    table.setData(toRows(trains, t));
    click(table, 'createdDate');
    table.setData(toRows([...trains].reverse(), t));
    table.setGlobalFilter('pop');
    expect(table.sorting).toEqual([]);
    expect(versions(table)).toEqual(['new', 'old']);
    table.setGlobalFilter('');
    click(table, 'type');
    click(table, 'createdDate', true);
    expect(table.sorting).toEqual([{ id: 'type', desc: false }, { id: 'createdDate', desc: false }]);
    expect(versions(table)).toEqual(['old', 'new', 'mid']);
  });

  it('prepares large data ahead of time without changing any result', () => {
    vi.useFakeTimers();
    try {
      const many = Array.from({ length: 6000 }, (_, i) => ({
        version: `v${(i * 7919) % 6000}`,
        type: i % 3 ? 'pop' : 'relatedItem',
        status: 'ready',
        createdDate: `2026-01-${String(1 + (i % 28)).padStart(2, '0')}T00:00:00`,
      })) as Train[];
      const table = new TrainTable();
      table.setData(toRows(many, t));
      vi.runAllTimers(); // every warm-up step (setTimeout when there is no requestIdleCallback)
      click(table, 'version');
      const got = table.rows.map((r) => r.original.version);
      expect(got).toEqual(many.map((x) => x.version as string).sort());
      table.setGlobalFilter('v59');
      expect(table.rows.map((r) => r.original.version)).toEqual(got.filter((v) => v.includes('v59')));
    } finally {
      vi.useRealTimers();
    }
  });

  describe('Created filter', () => {
    const dated = [
      { version: 'today', type: 'pop', status: 'ready', createdDate: '2026-03-10T09:00:00' },
      { version: 'lastWeek', type: 'pop', status: 'completed', createdDate: '2026-03-05T09:00:00' },
      { version: 'lastMonth', type: 'relatedItem', status: 'completed', createdDate: '2026-02-15T09:00:00' },
      { version: 'undated', type: 'relatedItem', status: 'ready', createdDate: 'soon' },
    ] as Train[];
    const NOW = Date.parse('2026-03-10T12:00:00+09:00');
    const counts = (table: TrainTable) => table.inCreatedRange.map((r) => r.version);

    it('keeps the rows in the window and is what the menus count', () => {
      const table = new TrainTable();
      table.setData(toRows(dated, t));
      expect(counts(table)).toHaveLength(4);
      table.setCreated({ preset: '7d', fromDay: '', toDay: '' }, NOW);
      expect(versions(table)).toEqual(['today', 'lastWeek']);
      expect(counts(table)).toEqual(['today', 'lastWeek']);
      // The menus count the window only, not what the other filters leave.
      table.setFacet('status', ['ready']);
      table.setGlobalFilter('pop');
      expect(versions(table)).toEqual(['today']);
      expect(counts(table)).toEqual(['today', 'lastWeek']);
      expect(table.hasFilters).toBe(true);
      table.clearFilters();
      expect(table.created).toBeNull();
      expect(versions(table)).toEqual(['today', 'lastWeek', 'lastMonth', 'undated']);
    });

    it('gives the same filter values while typing, so the menus need not count again', () => {
      const table = new TrainTable();
      table.setData(toRows(dated, t));
      table.setCreated({ preset: '30d', fromDay: '', toDay: '' }, NOW);
      const [created, status] = [table.created, table.facet('status')];
      table.setGlobalFilter('p');
      table.setGlobalFilter('po');
      expect(table.created).toBe(created);
      expect(table.facet('status')).toBe(status);
      table.setCreated({ preset: '7d', fromDay: '', toDay: '' }, NOW);
      expect(table.created).not.toBe(created);
    });

    it('stays chosen across a new listing, the moving window taken again at that time', () => {
      vi.useFakeTimers();
      try {
        vi.setSystemTime(NOW);
        const table = new TrainTable();
        table.setData(toRows(dated, t));
        table.setCreated({ preset: '24h', fromDay: '', toDay: '' });
        expect(versions(table)).toEqual(['today']);
        // A day later the same listing has nothing in the last 24 hours, and a new training has come.
        vi.setSystemTime(NOW + 86_400_000);
        table.setData(toRows([...dated, { version: 'tomorrow', type: 'pop', status: 'ready', createdDate: '2026-03-11T10:00:00' }], t));
        expect(table.created?.preset).toBe('24h');
        expect(versions(table)).toEqual(['tomorrow']);
        expect(counts(table)).toEqual(['tomorrow']);
      } finally {
        vi.useRealTimers();
      }
    });

    it('keeps a custom range as it is across a new listing', () => {
      const table = new TrainTable();
      table.setData(toRows(dated, t));
      table.setCreated({ preset: 'custom', fromDay: '2026-02-01', toDay: '2026-03-06' }, NOW);
      const created = table.created;
      table.setData(toRows(dated, t));
      expect(table.created).toBe(created);
      expect(versions(table)).toEqual(['lastWeek', 'lastMonth']);
    });

    it('gives the timeline the rows of every filter but the Created range, the same array while those stay', () => {
      const table = new TrainTable();
      table.setData(toRows(dated, t));
      const ids = () => table.exceptCreated.map((r) => r.original.version).sort();
      expect(ids()).toEqual(['lastMonth', 'lastWeek', 'today', 'undated']);
      table.setGlobalFilter('pop');
      table.setCreated({ preset: '24h', fromDay: '', toDay: '' }, NOW);
      const popOnly = dated.filter((d) => d.type === 'pop').map((d) => d.version).sort();
      expect(ids()).toEqual(popOnly);
      expect(versions(table)).toEqual(['today']);
      const before = table.exceptCreated;
      click(table, 'version');
      table.setCreated({ preset: '30d', fromDay: '', toDay: '' }, NOW);
      expect(table.exceptCreated).toBe(before);
      table.setFacet('status', ['ready']);
      expect(table.exceptCreated).not.toBe(before);
      expect(table.exceptCreated.every((r) => r.original.status === 'ready' && r.original.type === 'pop')).toBe(true);
    });
  });
});
