import { flushSync } from 'svelte';
import type { TrainTable } from './table.svelte';
import type { TrainsLoader } from './trains.svelte';

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
  (window as unknown as { __aitemsBench: unknown }).__aitemsBench = {
    rows: () => table.rows.length,
    total: () => loader.rows.length,
    loaded: () => loader.loaded,
    filter: (term: string) => timed(() => table.setGlobalFilter(term)),
    sort: (id: string, desc: boolean | null) => timed(() => table.setSorting(desc === null ? [] : [{ id, desc }])),
    flush: () => flushSync(),
  };
}
