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
});
