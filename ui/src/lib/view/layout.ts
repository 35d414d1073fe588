// The table layout kept per profile and service: visible columns and their order, widths,
// sort, filters and Recent only, in the settings' `TableLayout` shape (see the Rust
// `aitems::profiles::TableLayout`). A saved layout is checked when it is applied: what this
// version does not know is left out, and a layout it cannot read gives the default.
import type { ColumnFiltersState, ColumnSort, TableState } from '@tanstack/table-core';
import type { LayoutCreated, TableLayout } from '../bindings';
import { COLUMN_IDS, DEFAULT_SORTING, isColumnId, SERVICE_COLUMN } from './columns';
import { CREATED_PRESETS, createdFilter, type CreatedFilter, type CreatedPreset } from './dateRange';
import { hpOptionOf } from './hpColumns';

/** The layout format this version writes (the Rust side's `LAYOUT_VERSION`). */
export const LAYOUT_VERSION = 1;

/** Widths a column may take, in CSS pixels. */
export const MIN_WIDTH = 60;
export const MAX_WIDTH = 1200;

/** The columns whose filter keeps some of their values (the "Changed" filter is not kept). */
const isFacetColumn = (id: string): boolean => id === 'status' || id === 'type' || id === SERVICE_COLUMN || hpOptionOf(id) !== null;

/** A column this version can show: a known column or an `hpConfig` option's. */
export const isKnownColumn = (id: string): boolean => isColumnId(id) || hpOptionOf(id) !== null;

export function defaultLayout(): TableLayout {
  return {
    version: LAYOUT_VERSION,
    columns: [...COLUMN_IDS],
    widths: {},
    sort: DEFAULT_SORTING.map(({ id, desc }) => ({ id, desc })),
    filter: '',
    facets: {},
    created: null,
    recent: false,
  };
}

/** The visible column ids, in order. */
export function visibleColumns(state: TableState): string[] {
  const hidden = state.columnVisibility ?? {};
  return (state.columnOrder ?? []).filter((id) => hidden[id] !== false);
}

const sortedEntries = <T>(record: Record<string, T | undefined>): [string, T][] =>
  Object.entries(record)
    .filter((e): e is [string, T] => e[1] !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/** The layout of a table in `state`, with Recent only as given. */
export function captureLayout(state: TableState, recent: boolean): TableLayout {
  // The Service column is the view's, not the layout's (see `TrainTable.setServiceColumn`).
  const columns = visibleColumns(state).filter((id) => id !== SERVICE_COLUMN);
  const widths = Object.fromEntries(sortedEntries(state.columnSizing ?? {}).filter(([id]) => columns.includes(id)).map(([id, w]) => [id, Math.round(w)]));
  const facets: Record<string, string[]> = {};
  let created: LayoutCreated | null = null;
  for (const { id, value } of [...(state.columnFilters ?? [])].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    if (id === 'createdDate') {
      const { preset, fromDay, toDay } = value as CreatedFilter;
      created = { preset, fromDay, toDay };
    } else if (isFacetColumn(id) && Array.isArray(value)) facets[id] = value.map(String);
  }
  return {
    version: LAYOUT_VERSION,
    columns,
    widths,
    sort: (state.sorting ?? []).map(({ id, desc }) => ({ id, desc })),
    filter: typeof state.globalFilter === 'string' ? state.globalFilter : '',
    facets,
    created,
    recent,
  };
}

/** Whether two layouts are the same (layouts from `captureLayout` and `restoreLayout` list their keys in order). */
export const sameLayout = (a: TableLayout, b: TableLayout): boolean => JSON.stringify(a) === JSON.stringify(b);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : []);
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const day = (v: unknown): string => (typeof v === 'string' && DAY.test(v) ? v : '');

function restoreCreated(v: unknown): LayoutCreated | null {
  if (!isRecord(v)) return null;
  const preset = CREATED_PRESETS.find((p) => p !== 'all' && p === v.preset);
  return preset ? { preset, fromDay: day(v.fromDay), toDay: day(v.toDay) } : null;
}

const isStrings = (v: unknown): boolean => Array.isArray(v) && v.every((s) => typeof s === 'string');
const optional = (v: unknown, test: (v: unknown) => boolean): boolean => v === undefined || test(v);

/** Whether each part of a saved layout has the type the format gives it (a missing part takes its default). */
function isWellFormed(saved: Record<string, unknown>): boolean {
  return (
    optional(saved.columns, isStrings) &&
    optional(saved.widths, (w) => isRecord(w) && Object.values(w).every((n) => typeof n === 'number')) &&
    optional(saved.sort, (s) => Array.isArray(s) && s.every((k) => isRecord(k) && typeof k.id === 'string' && typeof k.desc === 'boolean')) &&
    optional(saved.filter, (f) => typeof f === 'string') &&
    optional(saved.facets, (f) => isRecord(f) && Object.values(f).every(isStrings)) &&
    optional(saved.created, (c) => c === null || (isRecord(c) && typeof c.preset === 'string')) &&
    optional(saved.recent, (r) => typeof r === 'boolean')
  );
}

/**
 * A saved layout as this version applies it: another format version, a broken layout or
 * none at all gives the default; unknown columns, sorts, facets and presets are left out, widths kept
 * within [MIN_WIDTH, MAX_WIDTH], and a layout that would show no column shows the default ones.
 */
export function restoreLayout(saved: unknown): TableLayout {
  const fallback = defaultLayout();
  if (!isRecord(saved) || saved.version !== LAYOUT_VERSION || !isWellFormed(saved)) return fallback;
  const columns = [...new Set(strings(saved.columns).filter((id) => isKnownColumn(id) && id !== SERVICE_COLUMN))];
  const shown = columns.length ? columns : fallback.columns;
  const widths: Record<string, number> = {};
  if (isRecord(saved.widths)) {
    for (const [id, w] of sortedEntries(saved.widths)) {
      if (shown.includes(id) && typeof w === 'number' && Number.isFinite(w)) widths[id] = Math.round(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, w)));
    }
  }
  const sort: ColumnSort[] = [];
  for (const s of (saved.sort ?? []) as ColumnSort[]) {
    if (isKnownColumn(s.id) && !sort.some((k) => k.id === s.id)) sort.push({ id: s.id, desc: s.desc });
  }
  const facets: Record<string, string[]> = {};
  if (isRecord(saved.facets)) {
    for (const [id, values] of sortedEntries(saved.facets)) if (isFacetColumn(id) && strings(values).length) facets[id] = strings(values);
  }
  return {
    version: LAYOUT_VERSION,
    columns: shown,
    widths,
    sort: sort.slice(0, 3),
    filter: typeof saved.filter === 'string' ? saved.filter : '',
    facets,
    created: restoreCreated(saved.created),
    recent: saved.recent === true,
  };
}

/**
 * The sizes, sort and filters a layout stands for (the columns it shows are the table's to
 * order, see `TrainTable.applyLayout`); the Created window is taken at `now`.
 */
export function layoutState(layout: TableLayout, now: number): Pick<TableState, 'columnSizing' | 'sorting' | 'globalFilter' | 'columnFilters'> {
  const columnFilters: ColumnFiltersState = sortedEntries(layout.facets).map(([id, value]) => ({ id, value }));
  const created = layout.created && createdFilter({ ...layout.created, preset: layout.created.preset as CreatedPreset }, now);
  if (created) columnFilters.push({ id: 'createdDate', value: created });
  return {
    columnSizing: { ...layout.widths } as Record<string, number>,
    sorting: layout.sort.map(({ id, desc }) => ({ id, desc })),
    globalFilter: layout.filter,
    columnFilters,
  };
}
