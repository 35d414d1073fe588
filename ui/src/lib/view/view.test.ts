import { describe, expect, it } from 'vitest';
import { createTable, getCoreRowModel, type SortingState } from '@tanstack/table-core';
import type { Train } from '../bindings';
import { makeTranslate } from '../i18n';
import { COLUMN_IDS, columns, csvColumns, haystackFilter, trainFilterSpec } from './columns';
import { displayDate, formatAbsolute, formatLocal, parseApiDate, relativeTime, setLocalTimeZone, zoneLabel } from './dates';
import { highlightSegments, matchesQuery, normalizeQuery } from './filter';
import { fastFilteredRowModel, withinRanges } from './filterModel';
import { hpoSummary } from './hpo';
import { RowBuilder, toRows, type TrainRow } from './rows';
import { rankSortedRowModel } from './sortModel';
import { statusLabel, statusTone } from './status';
import { TRAIN_STATUSES } from '../bindings';
import { typeLabel } from './trainType';

const t = makeTranslate('en');
const tk = makeTranslate('ko');

describe('status and type labels', () => {
  it('maps every documented status to plain words', () => {
    expect(statusLabel('ready', t)).toBe('Ready');
    expect(statusLabel('learning', t)).toBe('Training');
    expect(statusLabel('completed', t)).toBe('Completed');
    expect(statusLabel('waiting', t)).toBe('Waiting');
    expect(statusLabel('requesting', t)).toBe('Requesting');
    expect(statusLabel('requestFailed', t)).toBe('Failed: request');
    expect(statusLabel('refinedFailed', t)).toBe('Failed: data refinement');
    expect(statusLabel('stopping', t)).toBe('Stopping');
    expect(statusLabel('learningFailed', t)).toBe('Failed: training');
    for (const s of TRAIN_STATUSES) expect(statusLabel(s, tk)).not.toBe(s);
  });
  it('shows unknown statuses raw in a neutral badge', () => {
    expect(statusLabel('archived', t)).toBe('archived');
    expect(statusTone('archived')).toBe('neutral');
    expect(statusTone('learningFailed')).toBe('failed');
    expect(statusTone(undefined)).toBe('neutral');
    expect(statusLabel(undefined, t)).toBe('Unknown');
  });
  it('maps types', () => {
    expect(typeLabel('personalRecommend', t)).toBe('Personal recommendations');
    expect(typeLabel('relatedItem', t)).toBe('Related items');
    expect(typeLabel('pop', t)).toBe('Popular items');
    expect(typeLabel('seasonal', t)).toBe('seasonal');
    expect(typeLabel('pop', tk)).toBe('인기 아이템');
  });
});

describe('dates', () => {
  it('parses API dates as Korea time (UTC+9) with 0-3 fraction digits', () => {
    expect(parseApiDate('2022-04-04T16:39:01.378')).toBe(Date.UTC(2022, 3, 4, 7, 39, 1, 378));
    expect(parseApiDate('2022-04-04T16:39:01.3')).toBe(Date.UTC(2022, 3, 4, 7, 39, 1, 300));
    expect(parseApiDate('2022-04-04T16:39:01.37')).toBe(Date.UTC(2022, 3, 4, 7, 39, 1, 370));
    expect(parseApiDate('2022-04-04T16:39:01')).toBe(Date.UTC(2022, 3, 4, 7, 39, 1));
    expect(parseApiDate('2022-04-04T16:39')).toBe(Date.UTC(2022, 3, 4, 7, 39));
    expect(parseApiDate('2022-01-01T03:00:00.000')).toBe(Date.UTC(2021, 11, 31, 18, 0));
  });
  it('rejects what is not such a date', () => {
    for (const bad of ['', 'soon', '2022-02-30T10:00:00', '2022-04-04 16:39:01', '2022-04-04T25:00:00', '2022-04-04T16:39:01.1234', undefined, null]) {
      expect(parseApiDate(bad as string)).toBeNull();
    }
  });
  it('formats absolute time with a zone label', () => {
    const ms = parseApiDate('2026-03-04T16:39:12.5')!;
    expect(formatAbsolute(ms, 540, 'Asia/Seoul')).toBe('2026-03-04 16:39 KST');
    expect(formatAbsolute(ms, 0, 'UTC')).toBe('2026-03-04 07:39 UTC');
    expect(formatAbsolute(ms, 60, 'Europe/Paris')).toBe('2026-03-04 08:39 UTC+1');
    expect(formatAbsolute(ms, -300 - 30, undefined)).toBe('2026-03-04 02:09 UTC-5:30');
    expect(zoneLabel(540, 'Asia/Tokyo')).toBe('UTC+9');
  });
  it('labels local times with the zone the app reports', () => {
    const ms = parseApiDate('2026-03-04T16:39:12.5')!;
    const offset = -new Date(ms).getTimezoneOffset();
    setLocalTimeZone('Asia/Seoul');
    expect(formatLocal(ms)).toBe(formatAbsolute(ms, offset, 'Asia/Seoul'));
    setLocalTimeZone(null);
    expect(formatLocal(ms)).toBe(formatAbsolute(ms, offset, undefined));
  });
  it('gives relative hints', () => {
    const now = Date.UTC(2026, 2, 4, 12, 0);
    expect(relativeTime(now - 10_000, now, t)).toBe('just now');
    expect(relativeTime(now - 5 * 60_000, now, t)).toBe('5 min ago');
    expect(relativeTime(now - 3 * 3_600_000, now, t)).toBe('3 h ago');
    expect(relativeTime(now + 2 * 86_400_000, now, t)).toBe('in 2 days');
    expect(relativeTime(now - 86_400_000, now, t)).toBe('yesterday');
    expect(relativeTime(now - 90 * 86_400_000, now, t)).toBe('3 mo ago');
    expect(relativeTime(now - 800 * 86_400_000, now, t)).toBe('2 y ago');
    expect(relativeTime(now - 3 * 3_600_000, now, tk)).toBe('3시간 전');
  });
  it('shows unparseable dates raw', () => {
    expect(displayDate('yesterday-ish', null, 0, t)).toEqual({ kind: 'raw', text: 'yesterday-ish' });
    expect(displayDate(undefined, null, 0, t)).toEqual({ kind: 'none' });
  });
});

describe('HPO summary', () => {
  it('says Off when disabled', () => {
    expect(hpoSummary({ is_enabled: false, group_column: ['TIMESTAMP'] }, t)).toBe('Off');
  });
  it('summarises enabled options', () => {
    expect(hpoSummary({ is_enabled: true, item_top_n: 20000, session_max_timestamp: 1800 }, t)).toBe(
      'On · item_top_n 20,000 · session_max_timestamp 1,800',
    );
    expect(hpoSummary({ is_enabled: true }, t)).toBe('On');
    expect(hpoSummary(undefined, t)).toBe('—');
    expect(hpoSummary({ item_top_n: 5000 }, t)).toBe('item_top_n 5,000');
  });
});

const trains: Train[] = [
  { type: 'pop', version: 'aaaaaaaaaa1', status: 'ready', description: 'Weekly run', createdDate: '2026-03-01T10:00:00.000', hpConfig: { is_enabled: false }, inference: true },
  { type: 'relatedItem', version: 'bbbbbbbbbb2', status: 'learning', description: '신상품 연관 추천', createdDate: '2026-03-03T09:00:00', hpConfig: { is_enabled: true, item_top_n: 50000 }, inference: false },
  { type: 'personalRecommend', version: 'ccccccccccc', status: 'mystery', description: '', createdDate: 'not a date' },
  { type: 'pop', version: 'ddddddddddd', status: 'learningFailed', description: 'Retry after refinement', createdDate: '2026-03-02T08:00:00.5', nextUpdateDate: '2026-03-05T08:00:00' },
  { type: 'weird', version: 'eeeeeeeeeee', status: 'completed' },
];
const rows = toRows(trains, t);

function model(sorting: SortingState, globalFilter = '', columnFilters: { id: string; value: unknown }[] = []) {
  const table = createTable<TrainRow>({
    data: rows,
    columns,
    state: { sorting, globalFilter, columnFilters, columnPinning: {}, columnVisibility: {}, columnOrder: [] },
    onStateChange: () => {},
    renderFallbackValue: null,
    getCoreRowModel: getCoreRowModel(),
    getFilteredRowModel: fastFilteredRowModel(trainFilterSpec),
    getSortedRowModel: rankSortedRowModel(),
    globalFilterFn: haystackFilter,
    getColumnCanGlobalFilter: (c) => c.id === 'version',
  });
  return table.getRowModel().rows.map((r) => r.original.version);
}

describe('sorting (our row models with our column definitions)', () => {
  it('sorts dates as dates, missing last in both directions', () => {
    expect(model([{ id: 'createdDate', desc: false }])).toEqual(['aaaaaaaaaa1', 'ddddddddddd', 'bbbbbbbbbb2', 'ccccccccccc', 'eeeeeeeeeee']);
    expect(model([{ id: 'createdDate', desc: true }])).toEqual(['bbbbbbbbbb2', 'ddddddddddd', 'aaaaaaaaaa1', 'ccccccccccc', 'eeeeeeeeeee']);
  });
  it('sorts by a secondary column', () => {
    expect(model([{ id: 'type', desc: false }, { id: 'createdDate', desc: true }])).toEqual([
      'ccccccccccc', // Personal recommendations
      'ddddddddddd', // Popular items, newer
      'aaaaaaaaaa1',
      'bbbbbbbbbb2', // Related items
      'eeeeeeeeeee', // weird
    ]);
  });
  it('sorts status by label and keeps API order when off', () => {
    expect(model([])).toEqual(trains.map((x) => x.version));
    expect(model([{ id: 'status', desc: false }])[0]).toBe('eeeeeeeeeee'); // Completed
  });
});

describe('filter', () => {
  it('normalises the query', () => {
    expect(normalizeQuery('  Weekly ')).toBe('weekly');
    expect(matchesQuery('abc', '')).toBe(true);
  });
  it('matches version, description, type raw+label, status raw+label and HPO', () => {
    expect(model([], 'WEEKLY')).toEqual(['aaaaaaaaaa1']);
    expect(model([], '연관')).toEqual(['bbbbbbbbbb2']);
    expect(model([], 'related items')).toEqual(['bbbbbbbbbb2']);
    expect(model([], 'relatedItem')).toEqual(['bbbbbbbbbb2']);
    expect(model([], 'failed: training')).toEqual(['ddddddddddd']);
    expect(model([], 'learningfailed')).toEqual(['ddddddddddd']);
    expect(model([], 'mystery')).toEqual(['ccccccccccc']);
    expect(model([], 'item_top_n')).toEqual(['bbbbbbbbbb2']);
    expect(model([], '50000')).toEqual(['bbbbbbbbbb2']);
    expect(model([], 'cccc')).toEqual(['ccccccccccc']);
  });
  it('filters by status and type sets', () => {
    expect(model([], '', [{ id: 'status', value: ['ready', 'completed'] }])).toEqual(['aaaaaaaaaa1', 'eeeeeeeeeee']);
    expect(model([], '', [{ id: 'type', value: ['pop'] }])).toEqual(['aaaaaaaaaa1', 'ddddddddddd']);
    expect(model([], 'retry', [{ id: 'type', value: ['pop'] }])).toEqual(['ddddddddddd']);
  });
  it('filters by a Created window, leaving out an unreadable date', () => {
    const from = Date.parse('2026-03-02T00:00:00+09:00');
    expect(model([], '', [{ id: 'createdDate', value: { from, to: null } }])).toEqual(['bbbbbbbbbb2', 'ddddddddddd']);
    expect(model([], '', [{ id: 'createdDate', value: { from: null, to: from } }])).toEqual(['aaaaaaaaaa1']);
    expect(model([], 'pop', [{ id: 'createdDate', value: { from, to: null } }])).toEqual(['ddddddddddd']);
    expect(model([], '', [{ id: 'createdDate', value: { from: null, to: null } }])).toHaveLength(trains.length);
  });
  it('gives the rows within the Created window alone, for the facet counts', () => {
    const from = Date.parse('2026-03-02T00:00:00+09:00');
    const filters = [{ id: 'status', value: ['ready'] }, { id: 'createdDate', value: { from, to: null } }];
    expect(withinRanges(rows, trainFilterSpec, filters).map((r) => r.version)).toEqual(['bbbbbbbbbb2', 'ddddddddddd']);
    expect(withinRanges(rows, trainFilterSpec, [{ id: 'status', value: ['ready'] }])).toBe(rows);
  });
  it('computes highlight ranges', () => {
    expect(highlightSegments('Weekly run, weekly', 'WEEK')).toEqual([
      { text: 'Week', match: true },
      { text: 'ly run, ', match: false },
      { text: 'week', match: true },
      { text: 'ly', match: false },
    ]);
    expect(highlightSegments('abc', '')).toEqual([{ text: 'abc', match: false }]);
    expect(highlightSegments('', 'x')).toEqual([]);
  });
});

describe('CSV columns', () => {
  it('asks the export for the API fields of the visible columns, in their order', () => {
    expect(csvColumns(['version', 'status', 'hpo', 'createdDate'])).toEqual(['version', 'status', 'hpConfig', 'createdDate']);
    // Every table column: the API field of the same name, and `hpConfig` for the HPO column.
    expect(csvColumns(columns.map((c) => c.id!))).toEqual(['serviceId', ...COLUMN_IDS.map((id) => (id === 'hpo' ? 'hpConfig' : id))]);
    expect(csvColumns(['version', 'nosuch'])).toEqual(['version']);
    // An `hpConfig` option shown as a column of its own is exported as one, where it is shown.
    expect(csvColumns(['hp:min_item_cut', 'version', 'hpo'])).toEqual([{ hpOption: 'min_item_cut' }, 'version', 'hpConfig']);
  });
});

describe('RowBuilder', () => {
  it('keys rows by type and version, unique even when a listing repeats a training', () => {
    const builder = new RowBuilder(t);
    builder.add([{ type: 'pop', version: 'a' }, { type: 'relatedItem', version: 'a' }]);
    builder.add([{ type: 'pop', version: 'a' }, { type: 'pop' }, { type: 'pop' }]);
    expect(builder.rows.map((r) => r.id)).toEqual(['pop:a', 'relatedItem:a', 'pop:a#2', '#3', '#4']);
  });

  it('reuses an earlier row only when its training is the same', () => {
    const earlier = toRows([{ type: 'pop', version: 'a', status: 'ready', hpConfig: { is_enabled: true, group_column: ['X'] } }, { type: 'pop', version: 'b', status: 'ready' }], t);
    const builder = new RowBuilder(t, earlier);
    builder.add([{ hpConfig: { group_column: ['X'], is_enabled: true }, status: 'ready', version: 'a', type: 'pop' }, { type: 'pop', version: 'b', status: 'learning' }]);
    expect(builder.rows[0]).toBe(earlier[0]);
    expect(builder.rows[1]).not.toBe(earlier[1]);
    expect(builder.rows[1]?.statusLabel).toBe('Training');
  });
});
