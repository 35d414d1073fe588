// Saved layouts: what the table keeps of itself, and how a saved layout comes back, from
// this version, another one, or broken.
import { describe, expect, it } from 'vitest';
import type { Train } from '../bindings';
import { makeTranslate } from '../i18n';
import { TrainTable } from '../state/table.svelte';
import { COLUMN_IDS } from './columns';
import { captureLayout, defaultLayout, LAYOUT_VERSION, MAX_WIDTH, MIN_WIDTH, restoreLayout, sameLayout } from './layout';
import { toRows } from './rows';

const t = makeTranslate('en');
const trains = [
  { version: 'a', type: 'pop', status: 'completed', createdDate: '2026-01-02T12:00:00', hpConfig: { is_enabled: true, item_top_n: 20000 } },
  { version: 'b', type: 'pop', status: 'ready', createdDate: '2026-02-01T00:00:00', hpConfig: { is_enabled: true, item_top_n: 5000 } },
  { version: 'c', type: 'relatedItem', status: 'completed', createdDate: '2026-03-01T00:00:00', hpConfig: { is_enabled: false } },
] as Train[];

function laidOut(): TrainTable {
  const table = new TrainTable();
  table.setData(toRows(trains, t));
  table.setColumns(['version', 'status', 'hp:item_top_n']);
  table.moveColumn('hp:item_top_n', 0);
  table.setWidth('status', 222.4);
  table.setSorting([{ id: 'hp:item_top_n', desc: false }]);
  table.setGlobalFilter('o');
  table.setFacet('status', ['completed', 'ready']);
  table.setFacet('hp:item_top_n', ['5,000', '20,000']);
  table.setFacet('changed', ['pop:a']);
  table.setCreated({ preset: 'custom', fromDay: '2026-01-01', toDay: '2026-02-28' });
  return table;
}

describe('table layout', () => {
  it('is captured from the table and comes back the same on a new table (save and restore)', () => {
    const layout = laidOut().layout(true);
    expect(layout).toEqual({
      version: LAYOUT_VERSION,
      columns: ['hp:item_top_n', 'version', 'status'],
      widths: { status: 222 },
      sort: [{ id: 'hp:item_top_n', desc: false }],
      filter: 'o',
      facets: { 'hp:item_top_n': ['5,000', '20,000'], status: ['completed', 'ready'] },
      created: { preset: 'custom', fromDay: '2026-01-01', toDay: '2026-02-28' },
      recent: true,
    });
    const stored = JSON.parse(JSON.stringify(layout)) as unknown;
    const table = new TrainTable();
    table.setData(toRows(trains, t));
    table.applyLayout(restoreLayout(stored));
    expect(sameLayout(table.layout(true), layout)).toBe(true);
    expect(table.visibleColumns).toEqual(['hp:item_top_n', 'version', 'status']);
    expect(table.rows.map((r) => r.original.version)).toEqual(['b', 'a']);
  });

  it('the default shows every known column, newest first, unfiltered', () => {
    const table = new TrainTable();
    expect(table.layout(false)).toEqual(defaultLayout());
    expect(defaultLayout().columns).toEqual([...COLUMN_IDS]);
    const reset = laidOut();
    reset.applyLayout(defaultLayout());
    expect(reset.layout(false)).toEqual(defaultLayout());
    expect(reset.rows.map((r) => r.original.version)).toEqual(['c', 'b', 'a']);
  });

  it('a layout of another version or none at all gives the default (no reader for older ones)', () => {
    for (const saved of [null, undefined, 'columns', 42, { columns: ['type'] }, { version: 0, columns: ['type'] }, { version: 2, columns: ['type'] }]) {
      expect(restoreLayout(saved), JSON.stringify(saved)).toEqual(defaultLayout());
    }
  });

  it('a broken layout gives the default', () => {
    for (const broken of [
      { version: 1, columns: 'type' },
      { version: 1, columns: [1, 2] },
      { version: 1, widths: { type: '90px' } },
      { version: 1, sort: [{ id: 'type' }] },
      { version: 1, facets: { status: 'ready' } },
      { version: 1, recent: 'yes' },
      { version: 1, created: 'last week' },
    ]) {
      expect(restoreLayout(broken), JSON.stringify(broken)).toEqual(defaultLayout());
    }
  });

  it('what this version does not know is left out (migrating a layout from a newer or older table)', () => {
    const restored = restoreLayout({
      version: 1,
      columns: ['owner', 'service', 'type', 'type', 'hp:', 'hp:min_item_cut'],
      widths: { type: 5, 'hp:min_item_cut': 99_999, description: 300, owner: 100, service: 100 },
      sort: [{ id: 'owner', desc: true }, { id: 'type', desc: true }, { id: 'type', desc: false }],
      facets: { status: ['ready'], changed: ['pop:a'], owner: ['x'], 'hp:min_item_cut': ['5'] },
      created: { preset: 'lastQuarter', fromDay: '', toDay: '' },
      extra: true,
    });
    expect(restored).toEqual({
      ...defaultLayout(),
      columns: ['type', 'hp:min_item_cut'],
      widths: { 'hp:min_item_cut': MAX_WIDTH, type: MIN_WIDTH },
      sort: [{ id: 'type', desc: true }],
      facets: { 'hp:min_item_cut': ['5'], status: ['ready'] },
      created: null,
    });
    expect(restoreLayout({ version: 1, columns: ['gone'] }).columns, 'no column left: the default ones').toEqual([...COLUMN_IDS]);
    // The Service column is the view of every service's own, but its sort and filter are kept.
    const every = restoreLayout({ version: 1, columns: ['service', 'version'], sort: [{ id: 'service', desc: false }], facets: { service: ['shop'] } });
    expect([every.columns, every.sort, every.facets]).toEqual([['version'], [{ id: 'service', desc: false }], { service: ['shop'] }]);
    const days = restoreLayout({ version: 1, created: { preset: 'custom', fromDay: '1 Jan', toDay: '2026-01-31' } });
    expect(days.created).toEqual({ preset: 'custom', fromDay: '', toDay: '2026-01-31' });
  });

  it('leaves out the Changed filter and the widths of hidden columns', () => {
    const table = laidOut();
    table.setWidth('type', 300);
    const layout = captureLayout(table.state, false);
    expect(layout.facets.changed).toBeUndefined();
    expect(layout.widths).toEqual({ status: 222 });
  });
});
