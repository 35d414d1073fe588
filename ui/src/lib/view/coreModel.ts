// A core row model for table-core's `getCoreRowModel` option slot that keeps the Row of every
// training a new listing did not change (same row object at the same position), so that a
// refresh of 10,000 trainings in which one moved makes one Row, not 10,000. Flat data only
// (no sub-rows). Rows are immutable (a changed training is a new object), so a kept Row's
// cached values stay true.
import { createRow, getMemoOptions, memo, type Row, type RowModel, type Table } from '@tanstack/table-core';

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
          const row = before && before.index === i ? before : createRow(table, table._getRowId(original, i), original, i, 0);
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
