import type { ColumnDef, FilterFn, Row, SortingState } from '@tanstack/table-core';
import type { TrainColumn } from '../bindings';
import type { MessageKey } from '../i18n';
import { matchesQuery, matchesSet, normalizeQuery } from './filter';
import { hpOptionOf } from './hpColumns';
import type { FilterSpec } from './filterModel';
import { changeKey, type TrainRow } from './rows';

/** The columns of a service's table, in their default order. */
export const COLUMN_IDS = [
  'type',
  'version',
  'status',
  'description',
  'createdDate',
  'nextUpdateDate',
  'inference',
  'hpo',
] as const;
/**
 * The column naming each training's service: shown first in the view of every service,
 * never in a service's own table, and not part of a saved layout (its sort is).
 */
export const SERVICE_COLUMN = 'service';
export type ColumnId = (typeof COLUMN_IDS)[number] | typeof SERVICE_COLUMN;

export const COLUMN_LABEL: Record<ColumnId, MessageKey> = {
  service: 'col.service',
  type: 'col.type',
  version: 'col.version',
  status: 'col.status',
  description: 'col.description',
  createdDate: 'col.createdDate',
  nextUpdateDate: 'col.nextUpdateDate',
  inference: 'col.inference',
  hpo: 'col.hpo',
};

/** A column's default width: at least `min` CSS pixels, sharing the spare width by `grow` (none: fixed). */
export type ColumnTrack = { min: number; grow?: number };

export const COLUMN_TRACK: Record<ColumnId, ColumnTrack> = {
  service: { min: 150, grow: 1 },
  type: { min: 150, grow: 1.1 },
  version: { min: 116 },
  status: { min: 170, grow: 1 },
  description: { min: 170, grow: 2 },
  createdDate: { min: 160 },
  nextUpdateDate: { min: 160 },
  inference: { min: 116 },
  hpo: { min: 140, grow: 1.2 },
};

export const isColumnId = (id: string): id is ColumnId => Object.hasOwn(COLUMN_LABEL, id);

/** The CSV export's column for each table column: the API field; `hpo` is every `hpConfig` option. */
const CSV_COLUMN: Record<ColumnId, TrainColumn> = {
  service: 'serviceId',
  type: 'type',
  version: 'version',
  status: 'status',
  description: 'description',
  createdDate: 'createdDate',
  nextUpdateDate: 'nextUpdateDate',
  inference: 'inference',
  hpo: 'hpConfig',
};

/**
 * What Export CSV writes for these table columns (ids of the visible ones, in order): an
 * `hpConfig` option's column as that option's own.
 */
export function csvColumns(ids: readonly string[]): TrainColumn[] {
  return ids.flatMap((id): TrainColumn[] => {
    if (Object.hasOwn(CSV_COLUMN, id)) return [CSV_COLUMN[id as ColumnId]];
    const option = hpOptionOf(id);
    return option === null ? [] : [{ hpOption: option }];
  });
}

/** Default order: newest first. */
export const DEFAULT_SORTING: SortingState = [{ id: 'createdDate', desc: true }];

/**
 * Sorting is by these accessors' values in natural order (sortModel.ts): strings lower-cased,
 * dates as epoch ms. Empty or missing values are `undefined` and sort last in both directions;
 * ties go to the next sort column, then to API order.
 */
const orUndef = (s: string): string | undefined => (s === '' ? undefined : s.toLowerCase());

/**
 * What the row model filters on (filterModel.ts): version and haystack; three facet columns;
 * the training keys that the "Changed" quick filter keeps; and the Created range.
 */
export const trainFilterSpec: FilterSpec<TrainRow> = {
  fields: [{ text: (r) => r.versionKey }, { text: (r) => r.haystack, shared: true }],
  facets: {
    status: (r) => r.status,
    type: (r) => r.type,
    service: (r) => r.serviceId,
    changed: changeKey,
  },
  ranges: { createdDate: (r) => r.createdMs },
};

/** Global filter for table-core's own API; the same test as `trainFilterSpec.fields`. */
export const haystackFilter: FilterFn<TrainRow> = (row: Row<TrainRow>, _columnId, query: string) =>
  matchesQuery(row.original.versionKey, query) || matchesQuery(row.original.haystack, query);
haystackFilter.resolveFilterValue = (value: unknown) => normalizeQuery(typeof value === 'string' ? value : '');

/** Facet filter for status and type (table-core's API; the row model uses `trainFilterSpec`). */
export const inSetFilter: FilterFn<TrainRow> = (row, columnId, selected: string[]) =>
  matchesSet(columnId === 'status' ? row.original.status : row.original.type, selected);
inSetFilter.autoRemove = (value: unknown) => !Array.isArray(value) || value.length === 0;

export const columns: ColumnDef<TrainRow, unknown>[] = [
  { id: 'service', accessorFn: (r) => orUndef(r.serviceName || r.serviceId) },
  { id: 'type', accessorFn: (r) => orUndef(r.typeLabel), filterFn: inSetFilter },
  { id: 'version', accessorFn: (r) => orUndef(r.version) },
  { id: 'status', accessorFn: (r) => orUndef(r.statusLabel), filterFn: inSetFilter },
  { id: 'description', accessorFn: (r) => orUndef(r.description) },
  { id: 'createdDate', accessorFn: (r) => r.createdMs ?? undefined },
  { id: 'nextUpdateDate', accessorFn: (r) => r.nextMs ?? undefined },
  { id: 'inference', accessorFn: (r) => r.inference },
  { id: 'hpo', accessorFn: (r) => orUndef(r.hpo) },
];
