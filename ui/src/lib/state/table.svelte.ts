// A tiny runes adapter for @tanstack/table-core: table-core does sorting/filtering,
// Svelte state holds the data and the table state, and `rows` is derived from both.
import {
  createTable,
  functionalUpdate,
  getCoreRowModel,
  getFilteredRowModel,
  getSortedRowModel,
  type ColumnFiltersState,
  type Row,
  type SortingState,
  type Table,
  type TableOptionsResolved,
  type TableState,
  type Updater,
} from '@tanstack/table-core';
import { columns, DEFAULT_SORTING, haystackFilter } from '../view/columns';
import type { TrainRow } from '../view/rows';

export class TrainTable {
  data = $state.raw<TrainRow[]>([]);
  state = $state.raw<TableState>({} as TableState);
  readonly table: Table<TrainRow>;

  /** Visible rows: filtered then sorted by table-core (memoised on data + state). */
  rows: Row<TrainRow>[] = $derived.by(() => {
    void this.data;
    void this.state;
    return this.table.getRowModel().rows;
  });

  constructor(sorting: SortingState = DEFAULT_SORTING) {
    const options: TableOptionsResolved<TrainRow> = {
      data: [],
      columns,
      state: {},
      onStateChange: () => {},
      renderFallbackValue: null,
      getCoreRowModel: getCoreRowModel(),
      getFilteredRowModel: getFilteredRowModel(),
      getSortedRowModel: getSortedRowModel(),
      getRowId: (row) => row.id,
      globalFilterFn: haystackFilter,
      // One globally filterable column is enough: the filter reads the row's haystack.
      getColumnCanGlobalFilter: (column) => column.id === 'version',
      // Asc -> desc -> off for every column (dates included), Shift+click adds a sort.
      sortDescFirst: false,
      enableSortingRemoval: true,
      enableMultiSort: true,
      isMultiSortEvent: (e: unknown) => (e as MouseEvent | KeyboardEvent).shiftKey === true,
      maxMultiSortColCount: 3,
    };
    this.table = createTable(options);
    this.state = { ...this.table.initialState, sorting, globalFilter: '', columnFilters: [] };
    this.apply();
  }

  private apply(): void {
    this.table.setOptions((prev) => ({
      ...prev,
      data: this.data,
      state: this.state,
      onStateChange: (updater: Updater<TableState>) => {
        this.state = functionalUpdate(updater, this.state);
        this.apply();
      },
    }));
  }

  setData(data: TrainRow[]): void {
    this.data = data;
    this.apply();
  }

  private patch(part: Partial<TableState>): void {
    this.state = { ...this.state, ...part };
    this.apply();
  }

  get globalFilter(): string {
    return (this.state.globalFilter as string | undefined) ?? '';
  }
  setGlobalFilter(value: string): void {
    this.patch({ globalFilter: value });
  }

  get sorting(): SortingState {
    return this.state.sorting;
  }
  setSorting(sorting: SortingState): void {
    this.patch({ sorting });
  }

  facet(id: 'status' | 'type'): string[] {
    const f = this.state.columnFilters.find((c) => c.id === id);
    return Array.isArray(f?.value) ? (f.value as string[]) : [];
  }
  setFacet(id: 'status' | 'type', values: string[]): void {
    const rest: ColumnFiltersState = this.state.columnFilters.filter((c) => c.id !== id);
    this.patch({ columnFilters: values.length ? [...rest, { id, value: values }] : rest });
  }

  get hasFilters(): boolean {
    return this.globalFilter.trim() !== '' || this.state.columnFilters.length > 0;
  }
  clearFilters(): void {
    this.patch({ globalFilter: '', columnFilters: [] });
  }
}
