// A core row model for table-core's `getCoreRowModel` option slot, lean and incremental.
//
// Lean: table-core's own rows carry some forty closures each (getValue, getLeafRows, memoised
// cell getters...), 1.7 KB a row, 17 MiB of the page's 36 MiB JS heap with 10,000 trainings.
// This app's row models (filterModel.ts, sortModel.ts) and table read only `id`, `index` and
// `original`, so its rows are those and nothing else. Flat data only (no sub-rows).
//
// Incremental: the Row of every training a new listing did not change (same row object at
// the same position) is kept, so a refresh of 10,000 trainings in which one moved makes one
// Row, and sortModel.ts can tell which columns' ranks still hold.
import { getMemoOptions, memo, type Row, type RowModel, type Table } from '@tanstack/table-core';

const NO_SUB_ROWS: readonly never[] = Object.freeze([]);

/** A row as this app's row models use it: identity, position and data. */
function leanRow<T>(id: string, index: number, original: T): Row<T> {
  return { id, index, original, depth: 0, subRows: NO_SUB_ROWS } as unknown as Row<T>;
}

/** For `getCoreRowModel`: `(table) => () => RowModel`, memoised on the data. */
export function reusingCoreRowModel<T extends object>(): (table: Table<T>) => () => RowModel<T> {
  return (table) => {
    let earlier = new WeakMap<T, Row<T>>();
    return memo(
      () => [table.options.data] as const,
      (data: T[]) => {
        const kept = new WeakMap<T, Row<T>>();
        const rows = new Array<Row<T>>(data.length);
        const rowsById: Record<string, Row<T>> = {};
        for (let i = 0; i < data.length; i++) {
          const original = data[i]!;
          const before = earlier.get(original);
          const row = before && before.index === i ? before : leanRow(table._getRowId(original, i), i, original);
          kept.set(original, row);
          rows[i] = row;
          rowsById[row.id] = row;
        }
        earlier = kept;
        return { rows, flatRows: rows, rowsById };
      },
      getMemoOptions(table.options, 'debugTable', 'getRowModel'),
    );
  };
}
