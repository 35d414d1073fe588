// The fast row models (filterModel.ts, sortModel.ts) against table-core 8's own models on
// random data, plus the cases where table-core's `sortUndefined: 'last'` is inconsistent.
import { describe, expect, it } from 'vitest';
import {
  createTable,
  getCoreRowModel,
  getFilteredRowModel,
  getSortedRowModel,
  type ColumnDef,
  type ColumnFiltersState,
  type Row,
  type RowModel,
  type SortingState,
  type Table,
} from '@tanstack/table-core';
import type { Train } from '../bindings';
import { makeTranslate } from '../i18n';
import { columns, haystackFilter, trainFilterSpec } from './columns';
import { reusingCoreRowModel } from './coreModel';
import { fastFilteredRowModel, filterRows, internField, joinStrings, searchFields, searchJoined } from './filterModel';
import { RowBuilder, toRows, type TrainRow } from './rows';
import { columnRanks, computeRanks, forgetEarlierRanks, inOrderOf, rankSortedRowModel, sortByRanks, type RankKey } from './sortModel';

const t = makeTranslate('en');

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const TYPES = ['pop', 'relatedItem', 'personalRecommend', 'weird', ''];
const STATUSES = ['ready', 'completed', 'learning', 'learningFailed', 'mystery', ''];
const WORDS = ['Weekly', '신상품', 'retry', 'campaign', 'A/B', ''];

/** Random trains; with `missing`, dates, descriptions and inference are sometimes absent. */
function randomTrains(n: number, seed: number, missing: boolean): Train[] {
  const rand = prng(seed);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const day = () => `2026-0${1 + Math.floor(rand() * 3)}-1${Math.floor(rand() * 10)}T0${Math.floor(rand() * 10)}:00:00`;
  const out: Train[] = [];
  for (let i = 0; i < n; i++) {
    const absent = () => missing && rand() < 0.25;
    out.push({
      type: missing ? pick(TYPES) : pick(TYPES.slice(0, 4)),
      version: `v${Math.floor(rand() * n * 2).toString(36)}`,
      status: missing ? pick(STATUSES) : pick(STATUSES.slice(0, 5)),
      description: missing ? `${pick(WORDS)} ${pick(WORDS)}`.trim() : `${pick(WORDS.slice(0, 5))} ${i % 7}`,
      createdDate: absent() ? undefined : day(),
      nextUpdateDate: absent() ? undefined : day(),
      inference: absent() ? undefined : rand() < 0.5,
      hpConfig: rand() < 0.5 ? { is_enabled: true, item_top_n: 1000 * Math.floor(rand() * 5) } : { is_enabled: false },
    } as Train);
  }
  return out;
}

type Models = 'fast' | 'reusing' | 'tableCore';

function makeTable(data: TrainRow[], models: Models): Table<TrainRow> {
  // table-core's sort needs its sorting function and missing-last option on each column.
  const defs: ColumnDef<TrainRow, unknown>[] =
    models === 'tableCore' ? columns.map((c) => ({ ...c, sortingFn: 'basic', sortUndefined: 'last' })) : columns;
  return createTable<TrainRow>({
    data,
    columns: defs,
    state: { sorting: [], globalFilter: '', columnFilters: [], columnPinning: {}, columnVisibility: {}, columnOrder: [] },
    onStateChange: () => {},
    renderFallbackValue: null,
    getCoreRowModel: models === 'reusing' ? reusingCoreRowModel() : getCoreRowModel(),
    getFilteredRowModel: models === 'tableCore' ? getFilteredRowModel() : fastFilteredRowModel(trainFilterSpec),
    getSortedRowModel: models === 'tableCore' ? getSortedRowModel() : rankSortedRowModel(),
    getRowId: (row) => row.id,
    globalFilterFn: haystackFilter,
    getColumnCanGlobalFilter: (c) => c.id === 'version',
  });
}

function view(table: Table<TrainRow>, sorting: SortingState, globalFilter = '', columnFilters: ColumnFiltersState = []): number[] {
  table.setOptions((prev) => ({ ...prev, state: { ...prev.state, sorting, globalFilter, columnFilters } }));
  return table.getRowModel().rows.map((r) => r.index);
}

/** A column's cell value, as its accessor gives it. */
function cell(r: TrainRow, id: string): unknown {
  const def = columns.find((c) => c.id === id) as { accessorFn: (r: TrainRow, i: number) => unknown };
  return def.accessorFn(r, 0);
}

/** An obviously correct reference: compare column by column (missing last both ways), then API index. */
function reference(data: TrainRow[], sorting: SortingState, keep: (r: TrainRow) => boolean = () => true): number[] {
  return data
    .map((row, index) => ({ row, index }))
    .filter(({ row }) => keep(row))
    .sort((a, b) => {
      for (const s of sorting) {
        const x = cell(a.row, s.id);
        const y = cell(b.row, s.id);
        if (x === y) continue;
        if (x === undefined) return 1;
        if (y === undefined) return -1;
        const d = (x as number) > (y as number) ? 1 : -1;
        return s.desc ? -d : d;
      }
      return a.index - b.index;
    })
    .map((r) => r.index);
}

const SORTS: SortingState[] = [
  [{ id: 'createdDate', desc: true }],
  [{ id: 'createdDate', desc: false }],
  [{ id: 'type', desc: false }],
  [{ id: 'status', desc: true }],
  [{ id: 'version', desc: true }],
  [{ id: 'inference', desc: false }],
  [{ id: 'hpo', desc: true }],
  [{ id: 'type', desc: false }, { id: 'createdDate', desc: true }],
  [{ id: 'status', desc: true }, { id: 'inference', desc: false }, { id: 'description', desc: false }],
  [{ id: 'hpo', desc: false }, { id: 'type', desc: true }, { id: 'nextUpdateDate', desc: true }],
];
const FILTERS: [string, ColumnFiltersState][] = [
  ['', []],
  ['weekly', []],
  ['  RETRY ', []],
  ['', [{ id: 'status', value: ['ready', 'learning'] }]],
  ['신상품', [{ id: 'type', value: ['pop'] }, { id: 'status', value: ['completed', 'mystery'] }]],
  ['zzz-nothing', []],
  ['', [{ id: 'type', value: [] }]],
];

describe('fast row models = table-core 8 row models (random data, no missing values)', () => {
  for (const seed of [1, 2, 3]) {
    it(`seed ${seed}: every filter x sort, incl. multi-sort`, () => {
      const data = toRows(randomTrains(700, seed, false), t);
      const fast = makeTable(data, 'fast');
      const core = makeTable(data, 'tableCore');
      for (const sorting of [[], ...SORTS]) {
        for (const [q, f] of FILTERS) expect(view(fast, sorting, q, f), `${JSON.stringify(sorting)} ${q}`).toEqual(view(core, sorting, q, f));
      }
    });
  }
});

describe('fast row models with missing values', () => {
  for (const seed of [4, 5]) {
    it(`seed ${seed}: matches the reference order (missing last both ways, next column, then API order)`, () => {
      const data = toRows(randomTrains(900, seed, true), t);
      const fast = makeTable(data, 'fast');
      const core = makeTable(data, 'tableCore');
      for (const sorting of SORTS) {
        expect(view(fast, sorting)).toEqual(reference(data, sorting));
        expect(view(fast, sorting, 'weekly')).toEqual(reference(data, sorting, (r) => r.haystack.includes('weekly')));
        expect(view(fast, sorting, 'v1')).toEqual(reference(data, sorting, (r) => r.versionKey.includes('v1')));
        // table-core agrees on which rows come first; only the order among rows that are
        // missing a sort value can differ (its comparator says "a after b" for both orders).
        const ours = view(fast, sorting);
        const theirs = view(core, sorting);
        expect([...ours].sort((a, b) => a - b)).toEqual([...theirs].sort((a, b) => a - b));
        const first = sorting[0]!.id;
        const present = (i: number) => cell(data[i]!, first) !== undefined;
        if (sorting.length === 1) expect(ours.filter(present)).toEqual(theirs.filter(present));
      }
    });
  }

  it('rows missing the first sort value are still ordered by the second, then API order', () => {
    const trains = [
      { version: 'a', type: 'pop', status: 'ready' },
      { version: 'b', type: 'relatedItem', status: 'ready', createdDate: '2026-03-01T00:00:00' },
      { version: 'c', type: 'pop', status: 'ready' },
      { version: 'd', type: 'personalRecommend', status: 'ready' },
    ] as Train[];
    const data = toRows(trains, t);
    const versions = (s: SortingState) => view(makeTable(data, 'fast'), s).map((i) => data[i]!.version);
    expect(versions([{ id: 'createdDate', desc: true }, { id: 'type', desc: false }])).toEqual(['b', 'd', 'a', 'c']);
    expect(versions([{ id: 'createdDate', desc: false }, { id: 'type', desc: true }])).toEqual(['b', 'a', 'c', 'd']);
    expect(versions([{ id: 'createdDate', desc: true }])).toEqual(['b', 'a', 'c', 'd']);
  });
});

describe('sortModel pieces', () => {
  it('ranks values: equal values share a rank, missing values rank last', () => {
    expect(computeRanks(['b', undefined, 'a', 'b', null])).toEqual({ rank: Uint32Array.from([1, 2, 0, 1, 2]), missing: 2 });
    expect(computeRanks([10, -1.5, 10, 3])).toEqual({ rank: Uint32Array.from([2, 0, 2, 1]), missing: 3 });
    expect(computeRanks([true, undefined, false])).toEqual({ rank: Uint32Array.from([1, 2, 0]), missing: 2 });
    // Strings by UTF-16 code units (like `<`), not by locale.
    expect(computeRanks(['b', 'B', 'ä', 'a']).rank).toEqual(Uint32Array.from([2, 0, 3, 1]));
  });

  it("puts a filter's rows in the order of all rows, and leaves its buffer zeroed", () => {
    const order = Uint32Array.from([3, 0, 4, 1, 2]);
    const subset = [4, 0, 3].map((index) => ({ index, id: String(index) }) as unknown as Row<TrainRow>);
    const positions = new Uint32Array(8);
    const ordered = inOrderOf(order, subset, positions);
    expect(ordered.map((r) => r.index)).toEqual([3, 0, 4]);
    expect(ordered[0]).toBe(subset[2]); // the subset's own rows
    expect(inOrderOf(order, [subset[1]!], positions)).toEqual([subset[1]]);
    expect(positions.every((p) => p === 0)).toBe(true);
  });

  it('ranks numbers (the binary search) as a Set and Map of the values would', () => {
    const reference = (values: unknown[]) => {
      // As ranks were found before: the distinct numbers (a Set), sorted as a Float64Array.
      const sorted = Array.from(Float64Array.from(new Set(values.filter((v) => v !== undefined && v !== null)) as Set<number>).sort());
      const rankOf = new Map(sorted.map((v, i) => [v, i]));
      return { rank: Uint32Array.from(values, (v) => (v === undefined || v === null ? sorted.length : rankOf.get(v as number)!)), missing: sorted.length };
    };
    const rand = prng(21);
    const lists: unknown[][] = [
      [0, -0, 0, -0],
      [-0, 5, 0, null, -3, undefined],
      [Infinity, -Infinity, 1e300, -1e-300, 0],
      [undefined, null],
      [3, NaN, 1, NaN], // NaN: the general way
      Array.from({ length: 5000 }, () => (rand() < 0.1 ? undefined : 1.7e12 + Math.floor(rand() * 4000) * 60_000)),
      Array.from({ length: 5000 }, () => (rand() < 0.1 ? null : (rand() - 0.5) * 10)),
    ];
    for (const values of lists) expect(computeRanks(values)).toEqual(reference(values));
    expect(computeRanks([2, '1', 3, undefined]).missing).toBe(3); // not all numbers: the general way
  });

  it('counting sort and comparison sort agree, and ties keep ascending row index', () => {
    const rand = prng(9);
    for (const m of [0, 1, 2, 5, 40, 3000]) {
      const n = 4000;
      const a = computeRanks(Array.from({ length: n }, () => (rand() < 0.2 ? undefined : Math.floor(rand() * 7))));
      const b = computeRanks(Array.from({ length: n }, () => (rand() < 0.1 ? undefined : Math.floor(rand() * n))));
      // A subset of rows in shuffled order.
      const index = Uint32Array.from({ length: m }, () => Math.floor(rand() * n));
      for (const keys of [
        [{ ...a, desc: true }],
        [{ ...b, desc: false }],
        [{ ...a, desc: false }, { ...b, desc: true }],
      ] satisfies RankKey[][]) {
        const got = Array.from(sortByRanks(index, keys), (p) => index[p]!);
        const want = Array.from(index).sort((x, y) => {
          for (const k of keys) {
            const rx = k.rank[x]!;
            const ry = k.rank[y]!;
            if (rx === ry) continue;
            if (rx === k.missing) return 1;
            if (ry === k.missing) return -1;
            return k.desc ? ry - rx : rx - ry;
          }
          return x - y;
        });
        expect(got).toEqual(want);
      }
    }
  });

  it('the joined-string search finds exactly the strings a per-string test finds', () => {
    const texts = ['abc', '', 'cab', 'bca', 'c', 'abcabc', '', 'b', 'zzz', 'a\u0001b', 'ab'];
    const joined = joinStrings(texts);
    for (const q of ['a', 'b', 'c', 'ab', 'bc', 'ca', 'abc', 'cabc', 'z', 'zzzz', '\u0001', 'a\u0001b', 'q']) {
      const hits = new Uint8Array(texts.length);
      const count = searchJoined(joined, q, hits);
      expect([...hits].map(Boolean), q).toEqual(texts.map((x) => x.includes(q)));
      expect(count).toBe(texts.filter((x) => x.includes(q)).length);
    }
  });

  it('interned fields find the same rows as the per-row filter (shared and unique texts)', () => {
    const data = toRows(randomTrains(500, 21, true), t);
    const rows = makeTable(data, 'fast').getCoreRowModel().rows;
    const fields = trainFilterSpec.fields.map((f) => internField(rows, f));
    expect(fields[1]!.joined.starts.length - 1).toBeLessThan(rows.length); // shared haystacks interned
    for (const q of ['weekly', 'v1', 'ready', 'pop', '신상품', 'related items', 'item_top_n', 'v', 'zzz']) {
      expect(searchFields(fields, rows.length, q), q).toEqual(filterRows(rows, trainFilterSpec.fields, q, []).map((r) => r.index));
    }
  });

  it('filterRows keeps order and reuses the row objects', () => {
    const data = toRows(randomTrains(50, 11, false), t);
    const table = makeTable(data, 'fast');
    const core = table.getCoreRowModel().rows;
    const out = filterRows(core, trainFilterSpec.fields, 'weekly', []);
    expect(out.length).toBeGreaterThan(0);
    for (const row of out) expect(core).toContain(row);
    expect(out.map((r) => r.index)).toEqual([...out.map((r) => r.index)].sort((x, y) => x - y));
  });

  it('re-ranks when the data changes, and reuses ranks and the model while it does not', () => {
    const first = toRows(randomTrains(60, 12, false), t);
    const table = makeTable(first, 'fast');
    const sorting: SortingState = [{ id: 'version', desc: false }];
    expect(view(table, sorting)).toEqual(reference(first, sorting));
    const model: RowModel<TrainRow> = table.getRowModel();
    expect(table.getRowModel()).toBe(model);
    const second = toRows(randomTrains(80, 13, false), t);
    table.setOptions((prev) => ({ ...prev, data: second }));
    expect(view(table, sorting)).toEqual(reference(second, sorting));
    expect(table.getRowModel().rows.length).toBe(80);
    // rowsById is there when asked for.
    expect(table.getRowModel().rowsById[second[5]!.id]?.original).toBe(second[5]);
  });
});

describe('a refreshed listing keeps what did not change', () => {
  /** The listing after a refresh: some statuses moved, and sometimes new trainings on top. */
  function refreshed(before: TrainRow[], seed: number, added: number): TrainRow[] {
    const rand = prng(seed);
    const trains = before.map((row) => (rand() < 0.02 ? { ...row.train, status: 'completed' } : row.train));
    const builder = new RowBuilder(t, before);
    builder.add([...randomTrains(added, seed + 100, false).map((x, i) => ({ ...x, version: `new${seed}-${i}` })), ...trains]);
    return builder.rows;
  }

  const setData = (table: Table<TrainRow>, data: TrainRow[]) => table.setOptions((prev) => ({ ...prev, data }));

  for (const added of [0, 2]) {
    it(`sorts and filters as a table built afresh (${added} new on top)`, () => {
      let data = toRows(randomTrains(600, 7, false), t);
      const kept = makeTable(data, 'reusing');
      for (const sorting of SORTS) view(kept, sorting);
      for (let round = 1; round <= 4; round++) {
        data = refreshed(data, round, added);
        setData(kept, data);
        const fresh = makeTable(data, 'fast');
        for (const sorting of SORTS) {
          for (const [text, facets] of FILTERS) {
            expect(view(kept, sorting, text, facets), `round ${round} ${JSON.stringify(sorting)} "${text}"`).toEqual(view(fresh, sorting, text, facets));
          }
        }
        if (round === 2) forgetEarlierRanks(kept);
      }
    });
  }

  it('keeps the Row of every unchanged training in place, and the ranks of every unchanged column', () => {
    const data = toRows(randomTrains(300, 9, false), t);
    const table = makeTable(data, 'reusing');
    const rowsBefore = table.getCoreRowModel().rows;
    const createdBefore = columnRanks(table, 'createdDate');
    const statusBefore = columnRanks(table, 'status');
    const moved = data.map((row, i) => (i === 5 ? { ...row, status: 'mystery-new', statusLabel: 'mystery-new' } : row));
    setData(table, moved);
    const rows = table.getCoreRowModel().rows;
    expect(rows.filter((row, i) => row === rowsBefore[i]).length).toBe(299);
    expect(rows[5]).not.toBe(rowsBefore[5]);
    expect(columnRanks(table, 'createdDate'), 'dates did not move').toBe(createdBefore);
    expect(columnRanks(table, 'status'), 'a status did').not.toBe(statusBefore);
    const shifted = [toRows(randomTrains(1, 10, false), t)[0]!, ...data];
    setData(table, shifted);
    expect(table.getCoreRowModel().rows[1], 'moved down a place: a new Row').not.toBe(rowsBefore[0]);
  });
});
