// Each hpConfig option as a column: found in the trainings, sorted by value, filtered by the values shown.
import { describe, expect, it } from 'vitest';
import type { Train } from '../bindings';
import { makeTranslate } from '../i18n';
import { TrainTable } from '../state/table.svelte';
import { hpColumnId, hpOptionOf, hpOptionsOf, hpText } from './hpColumns';
import { toRows } from './rows';

const t = makeTranslate('en');
const rows = toRows(
  [
    { version: 'a', hpConfig: { is_enabled: true, item_top_n: 20000, zeta: 'x', group_column: ['TIMESTAMP'] } },
    { version: 'b', hpConfig: { is_enabled: true, item_top_n: 5000 } },
    { version: 'c', hpConfig: { is_enabled: false } },
    { version: 'd' },
    { version: 'e', hpConfig: { is_enabled: true, item_top_n: 100000 } },
  ] as Train[],
  t,
);
const versions = (table: TrainTable) => table.rows.map((r) => r.original.version);

describe('hpConfig option columns', () => {
  it('offers every option the trainings set, documented ones first, then the others A-Z', () => {
    expect(hpOptionsOf(rows)).toEqual(['is_enabled', 'item_top_n', 'group_column', 'zeta']);
    expect(hpOptionOf(hpColumnId('item_top_n'))).toBe('item_top_n');
    expect(hpOptionOf('hp:')).toBeNull();
    expect(hpOptionOf('status')).toBeNull();
    expect(hpText(rows[0]!, 'group_column')).toBe('TIMESTAMP');
    expect(hpText(rows[3]!, 'item_top_n')).toBe('');
  });

  it('sorts by the value as a number, trainings without it last both ways', () => {
    const table = new TrainTable();
    table.setData(rows);
    table.setColumns(['version', 'hp:item_top_n']);
    table.setSorting([{ id: 'hp:item_top_n', desc: false }]);
    expect(versions(table)).toEqual(['b', 'a', 'e', 'c', 'd']);
    table.setSorting([{ id: 'hp:item_top_n', desc: true }]);
    expect(versions(table)).toEqual(['e', 'a', 'b', 'c', 'd']);
  });

  it('filters by the values as shown, with the other filters', () => {
    const table = new TrainTable();
    table.setData(rows);
    table.setFacet('hp:item_top_n', ['5,000', '']);
    expect(versions(table)).toEqual(['b', 'c', 'd']);
    table.setFacet('hp:is_enabled', ['true']);
    expect(versions(table)).toEqual(['b']);
    table.setFacet('hp:item_top_n', []);
    expect(versions(table)).toEqual(['a', 'b', 'e']);
  });
});
