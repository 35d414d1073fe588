import { flushSync } from 'svelte';
import { sentPages, sentPagesOfEach } from '../../mock/sentPages';
import type { Train, TrainsPage } from '../bindings';
import { t } from '../i18n';
import { RowBuilder, toRows, type RowService, type TrainRow } from '../view/rows';
import { TrainTable } from './table.svelte';
import type { TrainsLoader } from './trains.svelte';

/** The app's page size (`PAGE_LIMIT`): a listing arrives in pages of this many trainings. */
const PAGE = 1000;

/** The rows of each service in turn, in the order they first appear (one group outside the view of every service). */
function byService(rows: readonly TrainRow[]): { service?: RowService; rows: TrainRow[] }[] {
  const groups = new Map<string, { service?: RowService; rows: TrainRow[] }>();
  for (const row of rows) {
    let group = groups.get(row.serviceId);
    if (!group) {
      group = row.serviceId ? { service: { id: row.serviceId, name: row.serviceName }, rows: [] } : { rows: [] };
      groups.set(row.serviceId, group);
    }
    group.rows.push(row);
  }
  return [...groups.values()];
}

/**
 * What a refresh does on the main thread, timed: each page parsed from the channel's JSON
 * (which Tauri's IPC does before the page reaches the app) and turned into rows (unchanged
 * trainings keep their row objects), then the swap of the whole listing into the table and
 * the DOM update. `change` alters the first service's trainings before they are "received"
 * (for example, one training's status). `holding`: whether the window held the listing
 * before, so that the trainings it holds come as runs of its rows (else every training comes
 * whole, as after a listing kept from an earlier run). In the view of every service, the
 * services' pages come one service after the other (the app lists two at a time, their pages
 * mixed), and the rows the window holds are taken in that order.
 */
function timeRefresh(loader: TrainsLoader, change: (trains: Train[]) => void, holding: boolean) {
  const services = byService(loader.rows);
  const held = services.flatMap((group) => group.rows);
  const listing = services.map((group) => ({ serviceId: group.service?.id, trains: group.rows.map((row) => structuredClone(row.train) as Train) }));
  const heldPrints = holding ? sentPagesOfEach(listing, PAGE, []).prints : [];
  change(listing[0]?.trains ?? []);
  const pages = sentPagesOfEach(listing, PAGE, heldPrints).pages;
  const serviceOf = new Map(services.map((group) => [group.service?.id, group.service]));
  const before = new Set(held);
  const t0 = performance.now();
  const builder = new RowBuilder(t, held);
  let longestPage = 0;
  let parse = 0;
  for (const page of pages) {
    const p0 = performance.now();
    const received = JSON.parse(page.json) as TrainsPage;
    const p1 = performance.now();
    builder.addPage(received, held, serviceOf.get(page.serviceId));
    parse += p1 - p0;
    longestPage = Math.max(longestPage, performance.now() - p0);
  }
  const t1 = performance.now();
  loader.showListing(builder.rows);
  flushSync();
  const t2 = performance.now();
  const reused = builder.rows.filter((row) => before.has(row)).length;
  return { pages: t1 - t0, pageCount: pages.length, parse, longestPage, swap: t2 - t1, total: t2 - t0, rows: builder.rows.length, reused };
}

/**
 * Rows ready: from a listing's parsed trainings (a first load, nothing to reuse) to rows the
 * table can show: the rows made (`toRows`), then a table of its own taking them (core row
 * model, the default sort's ranks, the sorted rows), as the first render asks for them. Then
 * the same rows swapped into the page's table and drawn (`shown`: facet counts, timeline and
 * DOM; that table takes over the sort ranks of the rows it had, as a refresh does).
 */
function timeRowsReady(loader: TrainsLoader, pages: readonly string[]) {
  const trains: Train[] = [];
  for (const page of pages) for (const train of (JSON.parse(page) as TrainsPage).trains) trains.push(train);
  const t0 = performance.now();
  const rows = toRows(trains, t);
  const t1 = performance.now();
  const fresh = new TrainTable();
  fresh.setData(rows);
  const count = fresh.table.getRowModel().rows.length;
  const t2 = performance.now();
  fresh.setData([]); // no idle preparation for a table nobody shows
  const t3 = performance.now();
  loader.showListing(rows);
  flushSync();
  const t4 = performance.now();
  return { toRows: t1 - t0, table: t2 - t1, ready: t2 - t0, shown: t4 - t3, rows: count };
}

/**
 * The benchmark's hook (bench/), installed only in the mock build: times a state change ->
 * row model -> DOM. `model` is the row model alone (filter + sort); the rest of `ms` is
 * Svelte and the DOM.
 */
export function installBenchHook(table: TrainTable, loader: TrainsLoader): void {
  const timed = (change: () => void) => {
    const t0 = performance.now();
    change();
    const rows = table.rows.length;
    const model = performance.now() - t0;
    flushSync();
    return { ms: performance.now() - t0, model, rows };
  };
  let pages: string[] | null = null;
  let newTrains = 0;
  (window as unknown as { __aitemsBench: unknown }).__aitemsBench = {
    rows: () => table.rows.length,
    total: () => loader.rows.length,
    loaded: () => loader.loaded,
    filter: (term: string) => timed(() => table.setGlobalFilter(term)),
    /** The filter text the table applies now. */
    filterText: () => table.globalFilter,
    sort: (id: string, desc: boolean | null) => timed(() => table.setSorting(desc === null ? [] : [{ id, desc }])),
    flush: () => flushSync(),
    /** A first load's rows made and made ready for the table (see `timeRowsReady`). */
    rowsReady: () => timeRowsReady(loader, (pages ??= sentPages(loader.rows.map((row) => row.train), PAGE, []).pages)),
    /** A refresh in which nothing changed; `holding`: see `timeRefresh`. */
    refreshUnchanged: (holding: boolean) => timeRefresh(loader, () => {}, holding),
    /** A refresh in which one training's status moved (the first one that is not completed). */
    refreshOneChanged: (holding: boolean) =>
      timeRefresh(
        loader,
        (trains) => {
          const moved = trains.find((train) => train.status !== 'completed') ?? trains[0];
          if (moved) moved.status = 'completed';
        },
        holding,
      ),
    /** A refresh that brought one new training request, at the top: every page shifts by one. */
    refreshOneNew: (holding: boolean) =>
      timeRefresh(
        loader,
        (trains) => {
          trains.unshift({ ...trains[0], version: `bench-new-${++newTrains}`, status: 'requesting' });
        },
        holding,
      ),
  };
}
