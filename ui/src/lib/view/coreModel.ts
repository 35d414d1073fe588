// A core row model for table-core's `getCoreRowModel` option slot, lean and incremental.
//
// Lean: table-core's own rows carry some forty closures each (getValue, getLeafRows, memoised
// cell getters...), 1.7 KB a row, 17 MiB of the page's 36 MiB JS heap with 10,000 trainings.
// This app's row models (filterModel.ts, sortModel.ts) and table read only `id`, `index` and
// `original`, so its rows are those and nothing else. Flat data only (no sub-rows).
//
// Incremental: the Row of every training a new listing did not change (same row object at
// the same position) is kept, so a refresh of 10,000 trainings in which one moved makes one
// Row, and sortModel.ts can tell which columns' ranks still hold. The earlier Row is found by
// position, not through a WeakMap from row object to Row (about 35 ms per 100,000 rows on a
// first load, in Node), and `rowsById` is made only when asked for (about 25 ms).
import { getMemoOptions, memo, type Row, type RowModel, type Table } from '@tanstack/table-core';
import { subsetRowModel } from './filterModel';

const NO_SUB_ROWS: readonly never[] = Object.freeze([]);

/** A row as this app's row models use it: identity, position and data. */
function leanRow<T>(id: string, index: number, original: T): Row<T> {
  return { id, index, original, depth: 0, subRows: NO_SUB_ROWS } as unknown as Row<T>;
}

/** For `getCoreRowModel`: `(table) => () => RowModel`, memoised on the data. */
export function reusingCoreRowModel<T extends object>(): (table: Table<T>) => () => RowModel<T> {
  return (table) => {
    // The data and rows of the last call: a training at the same position keeps its Row.
    let earlierData: readonly T[] = [];
    let earlierRows: readonly Row<T>[] = [];
    return memo(
      () => [table.options.data] as const,
      (data: T[]) => {
        const rows = new Array<Row<T>>(data.length);
        for (let i = 0; i < data.length; i++) {
          const original = data[i]!;
          rows[i] = earlierData[i] === original ? earlierRows[i]! : leanRow(table._getRowId(original, i), i, original);
        }
        earlierData = data;
        earlierRows = rows;
        return subsetRowModel(rows);
      },
      getMemoOptions(table.options, 'debugTable', 'getRowModel'),
    );
  };
}
