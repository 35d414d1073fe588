import { api } from '../api';
import type { Change, TrainKey } from '../bindings';
import type { TrainTable } from '../state/table.svelte';
import type { TrainsLoader } from '../state/trains.svelte';
import { changeKey, type TrainRow } from '../view/rows';
import { keyOf, markedKeys, marksByKey } from './marks';

/**
 * The change marks of the listing on screen (its `unseen` changes), the "Changed" quick
 * filter, and telling the backend what the user has seen.
 */
export class ChangeMarks {
  readonly byKey: Map<string, Change> = $derived.by(() => marksByKey(this.loader.unseen));
  /** Keys of the rows on screen that carry a mark. */
  readonly keys: string[] = $derived.by(() => markedKeys(this.loader.rows, this.byKey));

  private readonly loader: TrainsLoader;
  private readonly table: TrainTable;

  constructor(loader: TrainsLoader, table: TrainTable) {
    this.loader = loader;
    this.table = table;
  }

  /** Whether the "Changed" quick filter is on. */
  get filtering(): boolean {
    return this.table.facet('changed').length > 0;
  }

  setFiltering(on: boolean): void {
    this.table.setFacet('changed', on ? this.keys : []);
  }

  /**
   * While the quick filter is on it keeps the rows it showed, a row the user opened
   * included, and takes in rows marked since.
   */
  keepFilterCurrent(): void {
    const shown = this.table.facet('changed');
    if (shown.length === 0) return;
    const added = this.keys.filter((key) => !shown.includes(key));
    if (added.length) this.table.setFacet('changed', [...shown, ...added]);
  }

  /** The user opened `row`: its mark goes, here and in the backend. */
  seen(row: TrainRow): void {
    const key = changeKey(row);
    if (!this.byKey.has(key)) return;
    this.loader.forgetUnseen((change) => keyOf(change) === key);
    this.tell(row.serviceId || null, [{ type: row.type, version: row.version }]);
  }

  /** "Mark all as seen": every mark of the listing goes (of each service listed), and the quick filter with them. */
  allSeen(): void {
    const services = new Set(this.loader.unseen.map((change) => change.serviceId ?? null));
    this.loader.forgetUnseen(() => true);
    this.table.setFacet('changed', []);
    for (const service of services) this.tell(service, null);
  }

  /** Tells the backend that the user saw `trains` (all, when `null`) of `service` (the one on screen when `null`). */
  private tell(service: string | null, trains: TrainKey[] | null): void {
    const source = this.loader.key;
    if (!source) return;
    // A mark the backend failed to forget comes back with the next listing: nothing to show.
    api.markSeen(source.profile, service ?? source.serviceId, trains).catch(() => {});
  }
}
