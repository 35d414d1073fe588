import type { ColumnDef, FilterFn, Row, SortingState } from '@tanstack/table-core';
import type { MessageKey } from '../i18n';
import { matchesQuery, matchesSet, normalizeQuery } from './filter';
import type { TrainRow } from './rows';

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
export type ColumnId = (typeof COLUMN_IDS)[number];

export const COLUMN_LABEL: Record<ColumnId, MessageKey> = {
  type: 'col.type',
  version: 'col.version',
  status: 'col.status',
  description: 'col.description',
  createdDate: 'col.createdDate',
  nextUpdateDate: 'col.nextUpdateDate',
  inference: 'col.inference',
  hpo: 'col.hpo',
};

/** Default order: newest first. */
export const DEFAULT_SORTING: SortingState = [{ id: 'createdDate', desc: true }];

/** Empty or missing values sort last in both directions (table-core's `sortUndefined: 'last'`). */
const orUndef = (s: string): string | undefined => (s === '' ? undefined : s.toLowerCase());

/** Global filter: one precomputed haystack per row, so 100,000 rows filter in a few ms. */
export const haystackFilter: FilterFn<TrainRow> = (row: Row<TrainRow>, _columnId, query: string) =>
  matchesQuery(row.original.haystack, query);
haystackFilter.resolveFilterValue = (value: unknown) => normalizeQuery(typeof value === 'string' ? value : '');

/** Facet filter for status and type: value is the list of selected raw values. */
export const inSetFilter: FilterFn<TrainRow> = (row, columnId, selected: string[]) =>
  matchesSet(columnId === 'status' ? row.original.status : row.original.type, selected);
inSetFilter.autoRemove = (value: unknown) => !Array.isArray(value) || value.length === 0;

export const columns: ColumnDef<TrainRow, unknown>[] = [
  {
    id: 'type',
    accessorFn: (r) => orUndef(r.typeLabel),
    sortingFn: 'basic',
    sortUndefined: 'last',
    filterFn: inSetFilter,
  },
  { id: 'version', accessorFn: (r) => orUndef(r.version), sortingFn: 'basic', sortUndefined: 'last' },
  {
    id: 'status',
    accessorFn: (r) => orUndef(r.statusLabel),
    sortingFn: 'basic',
    sortUndefined: 'last',
    filterFn: inSetFilter,
  },
  { id: 'description', accessorFn: (r) => orUndef(r.description), sortingFn: 'basic', sortUndefined: 'last' },
  { id: 'createdDate', accessorFn: (r) => r.createdMs ?? undefined, sortingFn: 'basic', sortUndefined: 'last' },
  { id: 'nextUpdateDate', accessorFn: (r) => r.nextMs ?? undefined, sortingFn: 'basic', sortUndefined: 'last' },
  { id: 'inference', accessorFn: (r) => r.inference, sortingFn: 'basic', sortUndefined: 'last' },
  { id: 'hpo', accessorFn: (r) => orUndef(r.hpo), sortingFn: 'basic', sortUndefined: 'last' },
];
