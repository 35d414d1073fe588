// The view of every service: a Service column that leads whatever the layout, sorts and
// filters, and never becomes part of a saved layout.
import { describe, expect, it } from 'vitest';
import type { Train } from '../bindings';
import { makeTranslate } from '../i18n';
import { COLUMN_IDS, csvColumns } from '../view/columns';
import { defaultLayout } from '../view/layout';
import { RowBuilder, withServiceId } from '../view/rows';
import { TrainTable } from './table.svelte';

const t = makeTranslate('en');
const train = (version: string): Train => ({ version, type: 'pop', status: 'ready' });

function everyService(): TrainTable {
  const rows = new RowBuilder(t);
  rows.add([train('a1'), train('a2')], { id: 'zeta01', name: 'Zeta shop' });
  rows.add([train('b1')], { id: 'alpha02', name: '' });
  const table = new TrainTable();
  table.setServiceColumn(true);
  table.setData(rows.rows);
  return table;
}

describe('the Service column', () => {
  it('leads in the view of every service, even after a layout without it, and is not saved', () => {
    const table = everyService();
    expect(table.visibleColumns).toEqual(['service', ...COLUMN_IDS]);
    table.applyLayout({ ...defaultLayout(), columns: ['status', 'version'] });
    expect(table.visibleColumns).toEqual(['service', 'status', 'version']);
    table.moveColumn('service', 2);
    expect(table.visibleColumns[0]).toBe('service');
    expect(table.layout(false).columns).toEqual(['status', 'version']);
    expect(csvColumns(table.visibleColumns), 'the export names each row\u2019s service').toEqual(['serviceId', 'status', 'version']);
  });

  it('sorts by service name (its id when it has none) and filters by service', () => {
    const table = everyService();
    table.setSorting([{ id: 'service', desc: false }]);
    expect(table.rows.map((r) => r.original.version)).toEqual(['b1', 'a1', 'a2']);
    table.setFacet('service', ['zeta01']);
    expect(table.rows.map((r) => r.original.version)).toEqual(['a1', 'a2']);
    expect(table.layout(false).facets).toEqual({ service: ['zeta01'] });
  });

  it('goes away with its sort and filter in a service\u2019s own table', () => {
    const table = everyService();
    table.setSorting([{ id: 'service', desc: false }]);
    table.setFacet('service', ['zeta01']);
    table.setServiceColumn(false);
    expect(table.visibleColumns).toEqual([...COLUMN_IDS]);
    expect(table.sorting).toEqual([]);
    expect(table.facet('service')).toEqual([]);
  });

  it('exports each training with the service it was listed in', () => {
    const rows = new RowBuilder(t);
    rows.add([train('a1'), { ...train('a2'), serviceId: 'given' }], { id: 'shop', name: 'Shop' });
    expect(rows.rows.map(withServiceId).map((x) => x.serviceId)).toEqual(['shop', 'given']);
    const single = new RowBuilder(t);
    single.add([train('a1')]);
    expect(withServiceId(single.rows[0]!)).toBe(single.rows[0]!.train);
  });
});
