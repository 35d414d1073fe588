// Each `hpConfig` option as a column of its own (`hp:<option>`): sortable by its value and
// filterable by the values it takes, so HPO settings can be compared down the table.
import type { ColumnDef, FilterFn } from '@tanstack/table-core';
import { formatHpValue, sortHpKeys } from './hpo';
import type { TrainRow } from './rows';

const PREFIX = 'hp:';

/** The column id of an `hpConfig` option. */
export const hpColumnId = (option: string): string => PREFIX + option;

/** The option a column id stands for, or null when it is not an option's column. */
export function hpOptionOf(id: string): string | null {
  return id.startsWith(PREFIX) && id.length > PREFIX.length ? id.slice(PREFIX.length) : null;
}

/** Default width of an option's column. */
export const HP_TRACK = { min: 130 } as const;

function rawValue(row: TrainRow, option: string): unknown {
  const hp = row.train.hpConfig;
  return hp && typeof hp === 'object' ? (hp as Record<string, unknown>)[option] : undefined;
}

/** An option's value as the table shows it; '' when the training does not set it. */
export function hpText(row: TrainRow, option: string): string {
  return formatHpValue(rawValue(row, option));
}

/** What the column sorts by: numbers and booleans as they are, other values by their text. */
function sortValue(row: TrainRow, option: string): unknown {
  const value = rawValue(row, option);
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  return formatHpValue(value).toLowerCase();
}

/** Keeps the rows whose option value (as shown) is one of those selected. */
const hpFilter: FilterFn<TrainRow> = (row, columnId, selected: string[]) =>
  selected.includes(hpText(row.original, hpOptionOf(columnId) ?? ''));
hpFilter.autoRemove = (value: unknown) => !Array.isArray(value) || value.length === 0;

/** The table-core column of an option. */
export function hpColumn(option: string): ColumnDef<TrainRow, unknown> {
  return { id: hpColumnId(option), accessorFn: (r) => sortValue(r, option), filterFn: hpFilter };
}

/** Every option the trainings set, in display order (documented ones first). */
export function hpOptionsOf(rows: readonly TrainRow[]): string[] {
  const seen = new Set<string>();
  for (const row of rows) {
    const hp = row.train.hpConfig;
    if (hp && typeof hp === 'object') for (const key in hp) seen.add(key);
  }
  return sortHpKeys(seen);
}
