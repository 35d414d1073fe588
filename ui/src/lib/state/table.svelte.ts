// A tiny runes adapter for @tanstack/table-core: table-core holds the table state (sorting,
// multi-sort, filters, header handlers), our row models in view/ do the filtering and sorting
// (fast at 100,000 rows, see filterModel.ts and sortModel.ts), Svelte state holds the data and
// the table state, and `rows` is derived from both.
import {
  createTable,
  functionalUpdate,
  type ColumnDef,
  type ColumnFiltersState,
  type Row,
  type SortingState,
  type Table,
  type TableOptionsResolved,
  type TableState,
  type Updater,
} from '@tanstack/table-core';
import { COLUMN_IDS, columns, DEFAULT_SORTING, haystackFilter, SERVICE_COLUMN, trainFilterSpec } from '../view/columns';
import { reusingCoreRowModel } from '../view/coreModel';
import { createdFilter, isMoving, type CreatedChoice, type CreatedFilter } from '../view/dateRange';
import { applyFilters, fastFilteredRowModel, preparedFields, withinRanges } from '../view/filterModel';
import { hpColumn, hpOptionOf } from '../view/hpColumns';
import { captureLayout, layoutState, MAX_WIDTH, MIN_WIDTH, visibleColumns } from '../view/layout';
import type { TableLayout } from '../bindings';
import { columnRanks, forgetEarlierRanks, rankSortedRowModel } from '../view/sortModel';
import type { TrainRow } from '../view/rows';

/**
 * Filters that keep rows whose value is one of those selected: `service` selects service ids, `changed` training
 * keys, `hp:<option>` the values of an `hpConfig` option.
 */
export type FacetId = 'status' | 'type' | 'service' | 'changed' | `hp:${string}`;

/** From this many rows, the filter index and sort ranks are prepared ahead of time, when idle. */
const WARM_UP_FROM = 5_000;

const NO_VALUES: string[] = [];

export class TrainTable {
  data = $state.raw<TrainRow[]>([]);
  state = $state.raw<TableState>({} as TableState);
  readonly table: Table<TrainRow>;

  /** Visible rows: filtered then sorted (row models memoised by table-core on data + state). */
  rows: Row<TrainRow>[] = $derived.by(() => {
    void this.data;
    void this.state;
    return this.table.getRowModel().rows;
  });

  /**
   * The Created filter, or null. The same object until the filter itself changes, so what
   * follows it is not worked out again on each keystroke in the filter box.
   */
  created: CreatedFilter | null = $derived(
    (this.state.columnFilters.find((c) => c.id === 'createdDate')?.value as CreatedFilter | undefined) ?? null,
  );

  /** The data within the Created range: what the status and type menus count. */
  inCreatedRange: readonly TrainRow[] = $derived(
    withinRanges(this.data, trainFilterSpec, this.created ? [{ id: 'createdDate', value: this.created }] : []),
  );

  /**
   * The rows that pass every filter but the Created range, in no particular order: what the
   * timeline counts, so that it shows the range among the rest (as the status and type menus
   * count the range). The same array while neither the data nor those filters change.
   */
  exceptCreated: readonly Row<TrainRow>[] = $derived.by(() => {
    void this.data;
    void this.state;
    if (!this.created) return this.table.getFilteredRowModel().rows;
    const model = this.table.getPreFilteredRowModel();
    const others = this.state.columnFilters.filter((c) => c.id !== 'createdDate');
    const keys = [model, this.state.globalFilter, ...others];
    const memo = this.exceptCreatedMemo;
    if (memo && memo.keys.length === keys.length && memo.keys.every((k, i) => k === keys[i])) return memo.rows;
    const rows = applyFilters(this.table, trainFilterSpec, model, others, this.state.globalFilter).rows;
    this.exceptCreatedMemo = { keys, rows };
    return rows;
  });
  private exceptCreatedMemo: { keys: unknown[]; rows: readonly Row<TrainRow>[] } | null = null;
  /** The visible column ids, in display order: the same array while they do not change. */
  visibleColumns: string[] = $derived.by(() => {
    const next = visibleColumns(this.state);
    if (next.join('\n') !== this.shown.join('\n')) this.shown = next;
    return this.shown;
  });
  private shown: string[] = [];

  /** Whether the table lists several services: the Service column then leads, whatever the layout. */
  private withService = false;

  /** The known columns and those of the `hpConfig` options the table lists or filters. */
  private columnDefs: ColumnDef<TrainRow, unknown>[] = columns;

  constructor(sorting: SortingState = DEFAULT_SORTING) {
    const options: TableOptionsResolved<TrainRow> = {
      data: [],
      columns,
      state: {},
      onStateChange: () => {},
      renderFallbackValue: null,
      getCoreRowModel: reusingCoreRowModel(),
      getFilteredRowModel: fastFilteredRowModel(trainFilterSpec),
      getSortedRowModel: rankSortedRowModel(),
      getRowId: (row) => row.id,
      globalFilterFn: haystackFilter,
      // The global filter itself is in fastFilteredRowModel (the row's haystack); these two keep
      // table-core's own notion of it consistent (one globally filterable column is enough).
      getColumnCanGlobalFilter: (column) => column.id === 'version',
      // Asc -> desc -> off for every column (dates included; from the default newest-first
      // that reads desc -> off -> asc), Shift+click adds a sort.
      sortDescFirst: false,
      enableSortingRemoval: true,
      enableMultiSort: true,
      isMultiSortEvent: (e: unknown) => (e as MouseEvent | KeyboardEvent).shiftKey === true,
      maxMultiSortColCount: 3,
    };
    this.table = createTable(options);
    this.state = {
      ...this.table.initialState,
      sorting,
      globalFilter: '',
      columnFilters: [],
      columnOrder: [...COLUMN_IDS],
      columnVisibility: {},
      columnSizing: {},
    };
    this.apply();
  }

  private apply(): void {
    this.table.setOptions((prev) => ({
      ...prev,
      data: this.data,
      columns: this.columnDefs,
      state: this.state,
      onStateChange: (updater: Updater<TableState>) => {
        this.state = functionalUpdate(updater, this.state);
        this.apply();
      },
    }));
  }

  setData(data: TrainRow[]): void {
    this.data = data;
    // A window that ends now (last 7 days...) moves on with each listing.
    const created = this.created;
    if (created && isMoving(created.preset)) {
      this.state = { ...this.state, columnFilters: this.withFilter('createdDate', createdFilter(created, Date.now())) };
    }
    this.apply();
    this.warmUp();
  }

  private cancelWarmUp: (() => void) | null = null;

  /**
   * Large data: build the filter's search index and every column's sort ranks one at a time
   * while the app is idle, so the first search or header click does not pay for them
   * (10-100 ms each at 100,000 rows). One search of the index, its result dropped, has the
   * engine compile the search's loops before the first keystroke, which otherwise runs them
   * cold (the slowest keystroke of a session in `npm run bench`).
   */
  private warmUp(): void {
    this.cancelWarmUp?.();
    this.cancelWarmUp = null;
    if (this.data.length < WARM_UP_FROM) return;
    const table = this.table;
    const tasks = [
      () => preparedFields(table.getPreFilteredRowModel().rows, trainFilterSpec),
      () => applyFilters(table, trainFilterSpec, table.getPreFilteredRowModel(), [], 'e'),
      ...COLUMN_IDS.map((id) => () => columnRanks(table, id)),
      () => forgetEarlierRanks(table),
    ];
    const idle = typeof requestIdleCallback === 'function';
    let handle: number | undefined;
    const schedule = (): void => {
      handle = idle ? requestIdleCallback(step, { timeout: 2000 }) : (setTimeout(step, 50) as unknown as number);
    };
    const step = (): void => {
      tasks.shift()?.();
      if (tasks.length) schedule();
    };
    schedule();
    this.cancelWarmUp = () => (idle ? cancelIdleCallback(handle!) : clearTimeout(handle));
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

  /** The table's layout now, with Recent only as given. */
  layout(recent: boolean): TableLayout {
    return captureLayout(this.state, recent);
  }

  /** Lays the table out as `layout` (checked by `restoreLayout`) says; the Created window is taken at `now`. */
  applyLayout(layout: TableLayout, now = Date.now()): void {
    const next = layoutState(layout, now);
    this.defineColumns(next.columnFilters.map((f) => f.id));
    this.patch({ ...next, ...this.showing(layout.columns) });
  }

  /** Shows these columns, in this order, and hides the others. */
  setColumns(ids: readonly string[]): void {
    this.patch(this.showing(ids));
  }

  /** Shows the Service column first (the view of every service) or not at all. */
  setServiceColumn(shown: boolean): void {
    if (shown === this.withService) return;
    this.withService = shown;
    this.setColumns(this.visibleColumns);
    if (!shown) this.patch({ columnFilters: this.withFilter(SERVICE_COLUMN, null), sorting: this.state.sorting.filter((s) => s.id !== SERVICE_COLUMN) });
  }

  /**
   * The column order and visibility that show `ids`, in this order, and hide every other
   * column; the Service column leads when the table lists several services, else is hidden.
   */
  private showing(requested: readonly string[]): Pick<TableState, 'columnOrder' | 'columnVisibility'> {
    const others = requested.filter((id) => id !== SERVICE_COLUMN);
    const ids = this.withService ? [SERVICE_COLUMN, ...others] : others;
    this.defineColumns(ids);
    const all = this.columnDefs.map((c) => c.id!);
    const order = [...ids, ...all.filter((id) => !ids.includes(id))];
    return { columnOrder: order, columnVisibility: Object.fromEntries(order.map((id) => [id, ids.includes(id)])) };
  }

  /** Moves a visible column to another place among the visible ones. */
  moveColumn(id: string, to: number): void {
    const shown = this.visibleColumns.filter((c) => c !== id);
    shown.splice(Math.max(0, Math.min(shown.length, to)), 0, id);
    this.setColumns(shown);
  }

  /** Sets a column's width in CSS pixels (kept within the allowed widths); null: its default. */
  setWidth(id: string, px: number | null): void {
    const { [id]: _old, ...rest } = this.state.columnSizing ?? {};
    const sizing = px === null ? rest : { ...rest, [id]: Math.round(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, px))) };
    this.patch({ columnSizing: sizing });
  }

  /** Makes sure every `hpConfig` option among `ids` has its column. */
  private defineColumns(ids: readonly string[]): void {
    const known = new Set(this.columnDefs.map((c) => c.id));
    const added = ids.flatMap((id) => {
      const option = hpOptionOf(id);
      return option !== null && !known.has(id) ? [hpColumn(option)] : [];
    });
    if (added.length) this.columnDefs = [...this.columnDefs, ...added];
  }

  /** The values a facet keeps; the same array while that filter does not change. */
  facet(id: FacetId): string[] {
    const f = this.state.columnFilters.find((c) => c.id === id);
    return Array.isArray(f?.value) ? (f.value as string[]) : NO_VALUES;
  }
  setFacet(id: FacetId, values: string[]): void {
    this.defineColumns([id]);
    this.patch({ columnFilters: this.withFilter(id, values.length ? values : null) });
  }

  /** Filters by Created: the window is taken at `now`, and taken again at each new listing. */
  setCreated(choice: CreatedChoice, now = Date.now()): void {
    this.patch({ columnFilters: this.withFilter('createdDate', createdFilter(choice, now)) });
  }

  /** The column filters with one column's filter replaced (null: removed). */
  private withFilter(id: string, value: unknown): ColumnFiltersState {
    const rest = this.state.columnFilters.filter((c) => c.id !== id);
    return value === null ? rest : [...rest, { id, value }];
  }

  get hasFilters(): boolean {
    return this.globalFilter.trim() !== '' || this.state.columnFilters.length > 0;
  }
  clearFilters(): void {
    this.patch({ globalFilter: '', columnFilters: [] });
  }
}
