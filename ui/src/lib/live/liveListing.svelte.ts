import type { AppError, WatchUpdate } from '../bindings';
import type { TrainTable } from '../state/table.svelte';
import { isAllServices, type TrainsLoader } from '../state/trains.svelte';
import { AutoRefresh } from './autoRefresh.svelte';
import { ChangeMarks } from './changeMarks.svelte';

/**
 * Keeps the listing on screen current without being asked: refreshes it quietly on the
 * profile's interval and when the backend refreshed it in the background, and holds its
 * change marks and what background refreshes said of the profile's other services.
 */
export class LiveListing {
  readonly auto: AutoRefresh;
  readonly marks: ChangeMarks;
  /** Unseen changes of the profile's other services, by service id, as background refreshes told. */
  otherUnseen = $state.raw<Record<string, number>>({});
  private readonly loader: TrainsLoader;

  constructor(loader: TrainsLoader, table: TrainTable) {
    this.loader = loader;
    this.auto = new AutoRefresh(() => this.refresh(), () => loader.listedAt);
    this.marks = new ChangeMarks(loader, table);
  }

  /** Another source is on screen. */
  switched(serviceId: string): void {
    this.auto.reset();
    const { [serviceId]: _shown, ...others } = this.otherUnseen;
    this.otherUnseen = others;
  }

  /**
   * What the backend found refreshing a watched service of `profile` in the background. The
   * view of every service takes a change of any of them in, by listing them all again; one
   * service failing in the background is not the view failing.
   */
  hear(update: WatchUpdate, profile: string): void {
    const shown = this.loader.key;
    if (update.profile !== profile) return;
    const every = isAllServices(shown);
    if (!every && update.serviceId !== shown?.serviceId) {
      if (update.fetchedAt !== null) this.otherUnseen = { ...this.otherUnseen, [update.serviceId]: update.unseen.length };
      return;
    }
    if (update.error) {
      if (!every) this.auto.failed(update.error, Date.now());
      return;
    }
    if (update.fetchedAt === null) return;
    if (!this.busy) void this.refresh().then((error) => error && this.auto.failed(error, Date.now()));
    else if (!every) this.loader.hearUnseen(update.unseen);
  }

  private get busy(): boolean {
    return this.loader.loading || this.loader.refreshing;
  }

  /** A quiet refresh, unless a listing is already on its way. */
  private refresh(): Promise<AppError | null> {
    return this.busy ? Promise.resolve(null) : this.loader.refresh();
  }
}
