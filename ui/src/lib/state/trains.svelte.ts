import { api, toAppError } from '../api';
import { ALL_SERVICES, type AppError, type ServiceListed, type TrainsListed, type TrainsPage } from '../bindings';
import { t } from '../i18n';
import type { UnseenChange } from '../live/marks';
import { RowBuilder, toRows, type RowService, type TrainRow } from '../view/rows';

export type LoadKey = {
  profile: string;
  serviceId: string;
  recent: boolean;
  /** Whether a listing kept from an earlier run may show first (never in demo mode, whose service runs inside the app). */
  kept: boolean;
  /** Service names by id, for the view of every service (`serviceId` is `ALL_SERVICES`). */
  names?: ReadonlyMap<string, string>;
};

/** Whether a key stands for the view of every service of its profile. */
export const isAllServices = (key: { serviceId: string } | null): boolean => key?.serviceId === ALL_SERVICES;

/**
 * How far a listing has come: pages and trainings received so far; in the view of every
 * service, also how many services have sent trainings.
 */
export type LoadProgress = { pages: number; total: number; services?: number };

/** While pages keep arriving, the table takes the rows received so far at most this often. */
const SHOW_EVERY_MS = 100;

/** How many of the user's latest "seen" a listing's answer is checked against. */
const SEEN_KEPT = 100;

/**
 * Loads trains for one profile + service. A first load shows the listing kept from the last
 * time at once, if there is one, else fills the table page by page as the pages arrive; a
 * reload of the same service keeps the rows on screen until the new listing is complete,
 * then swaps them at once, keeping the row objects of trainings that did not change. The
 * last good rows stay when a reload fails. A quiet refresh (`refresh`) does the same
 * without showing that it runs or that it failed.
 */
export class TrainsLoader {
  rows = $state.raw<TrainRow[]>([]);
  /** True once rows for the current key were loaded at least once. */
  loaded = $state(false);
  loading = $state(false);
  /** A quiet refresh is running (`refresh`): nothing on screen says so. */
  refreshing = $state(false);
  progress = $state.raw<LoadProgress | null>(null);
  error = $state.raw<AppError | null>(null);
  fetchedAt = $state<number | null>(null);
  /** When the last listing of this source completed, by this computer's clock. */
  listedAt = $state<number | null>(null);
  /** True while the rows are the kept listing of an earlier run, not yet confirmed fresh. */
  stale = $state(false);
  key = $state.raw<LoadKey | null>(null);
  /**
   * The changes the user has not seen yet, as the latest listing or update told: of the
   * service, or of every service (each naming its own) in the view of every service.
   */
  unseen = $state.raw<UnseenChange[]>([]);
  /** In the view of every service: how the last listing of each service went (empty otherwise). */
  services = $state.raw<ServiceListed[]>([]);
  /** In the view of every service, while it loads: trainings received so far, by service id. */
  serviceProgress = $state.raw<Record<string, number>>({});
  /** Counts loads: the pages and the answer of a superseded one are ignored. */
  private generation = 0;
  private showTimer: ReturnType<typeof setTimeout> | null = null;

  /**
   * What the user saw lately, numbered: a listing under way when they saw it may still
   * count it as unseen (the backend heard of it after its answer was written).
   */
  private seenLately: { at: number; seen: (change: UnseenChange) => boolean }[] = [];
  private seenCount = 0;
  /** The seen-count when the latest listing began. */
  private listingSeenFrom = 0;
  /** The listing whose rows are on screen, and the stamp the backend knows it by. */
  private held: { stamp: number; recent: boolean; rows: TrainRow[] } | null = null;

  dispose(): void {
    this.generation += 1;
    this.cancelShow();
  }

  /**
   * Load (or reload) trains. `onDone` gets the listing's result, which carries the profile
   * when the listing changed it (a new latest service).
   */
  async load(key: LoadKey, onDone?: (listed: TrainsListed) => void): Promise<void> {
    await this.list(key, onDone, false);
  }

  /**
   * Reloads the listing on screen quietly: no progress, and a failure leaves `error` as it
   * was. Resolves to the failure, or `null` once done (or superseded, or nothing to reload).
   */
  async refresh(onDone?: (listed: TrainsListed) => void): Promise<AppError | null> {
    return this.key ? this.list(this.key, onDone, true) : null;
  }

  /**
   * Puts the rows of a complete listing on screen. One that changed nothing leaves the
   * table as it is: nothing to sort, filter or render again.
   */
  showListing(rows: TrainRow[]): void {
    if (!sameRows(rows, this.rows)) this.rows = rows;
  }

  /** Drops the unseen changes that `seen` picks: the user has now seen them. */
  forgetUnseen(seen: (change: UnseenChange) => boolean): void {
    this.unseen = this.unseen.filter((change) => !seen(change));
    this.seenLately = [...this.seenLately.slice(1 - SEEN_KEPT), { at: ++this.seenCount, seen }];
  }

  /**
   * Takes the unseen changes a background refresh told while a listing is under way, less
   * what the user saw since that listing began: the refresh may have been told them
   * before the backend heard they were seen, as that listing's answer may.
   */
  hearUnseen(unseen: UnseenChange[]): void {
    this.unseen = this.stillUnseen(unseen, this.listingSeenFrom);
  }

  /** `unseen` as a listing that began at seen-count `from` told it, less what was seen since. */
  private stillUnseen(unseen: UnseenChange[], from: number): UnseenChange[] {
    const since = this.seenLately.filter((entry) => entry.at > from);
    return since.length ? unseen.filter((change) => !since.some((entry) => entry.seen(change))) : unseen;
  }

  private async list(key: LoadKey, onDone: ((listed: TrainsListed) => void) | undefined, quiet: boolean): Promise<AppError | null> {
    const sameSource = this.key !== null && this.key.profile === key.profile && this.key.serviceId === key.serviceId;
    if (!sameSource) {
      this.rows = [];
      this.loaded = false;
      this.stale = false;
      this.fetchedAt = null;
      this.listedAt = null;
      this.error = null;
      this.unseen = [];
      this.services = [];
    }
    this.key = key;
    const seenFrom = this.seenCount;
    this.listingSeenFrom = seenFrom;
    // A refresh of the listing on screen gets the trainings it holds unchanged as runs of its rows.
    const held = this.held && this.held.rows === this.rows && this.held.recent === key.recent ? this.held : null;
    const generation = ++this.generation;
    const current = () => generation === this.generation;
    // Rows on screen for this very source stay until the new listing is complete.
    let fillAsPagesArrive = !this.loaded;
    const received = new RowBuilder(t, this.rows);
    if (fillAsPagesArrive && key.kept) {
      void this.showKept(key, () => current() && received.rows.length === 0).then((shown) => {
        if (shown) fillAsPagesArrive = false;
      });
    }
    this.cancelShow();
    this.loading = !quiet;
    this.refreshing = quiet;
    this.progress = null;
    this.serviceProgress = {};
    /** Why a page could not be put together, if one could not: the listing then fails. */
    let broken: unknown = null;
    const onPage = (page: TrainsPage, service?: RowService) => {
      if (!current() || broken !== null) return;
      try {
        received.addPage(page, held?.rows ?? [], service);
      } catch (e) {
        broken = e;
        return;
      }
      if (!quiet) this.progress = service ? this.progressOfAll(service.id, page.total) : { pages: page.pages, total: page.total };
      if (fillAsPagesArrive) this.showSoon(received.rows, current);
    };
    const failIfBroken = () => {
      if (broken === null) return;
      this.held = null; // the next listing asks for every training whole
      throw toAppError(broken);
    };
    try {
      let rows: TrainRow[];
      let fetchedAt: string;
      let heldNext: { stamp: number; recent: boolean } | null = null;
      if (isAllServices(key)) {
        const names = key.names ?? new Map<string, string>();
        const listed = await api.listAllTrains(key.profile, key.recent, held?.stamp ?? null, (page) => {
          const id = page.serviceId ?? '';
          onPage(page, { id, name: names.get(id) ?? '' });
        });
        if (!current()) return null;
        failIfBroken();
        rows = this.keepingFailed(received.rows, listed.services);
        // Rows set aside for a service that failed are out of the order they were sent in.
        if (listed.services.every((s) => s.error === null)) heldNext = { stamp: listed.stamp, recent: key.recent };
        this.services = listed.services;
        this.unseen = this.stillUnseen(listed.services.flatMap((s) => s.unseen.map((change) => ({ ...change, serviceId: s.serviceId }))), seenFrom);
        fetchedAt = listed.fetchedAt;
      } else {
        const listed = await api.listTrains(key.profile, key.serviceId, key.recent, held?.stamp ?? null, (page) => onPage(page));
        if (!current()) return null;
        failIfBroken();
        rows = received.rows;
        heldNext = { stamp: listed.stamp, recent: key.recent };
        this.unseen = this.stillUnseen(listed.unseen, seenFrom);
        fetchedAt = listed.fetchedAt;
        onDone?.(listed);
      }
      this.cancelShow();
      this.showListing(rows);
      this.held = heldNext && { ...heldNext, rows: this.rows };
      this.loaded = true;
      this.stale = false;
      this.error = null;
      const fetched = Date.parse(fetchedAt);
      this.fetchedAt = Number.isNaN(fetched) ? Date.now() : fetched;
      this.listedAt = Date.now();
      return null;
    } catch (e) {
      if (!current()) return null;
      this.cancelShow();
      if (!quiet) this.error = e as AppError;
      return e as AppError;
    } finally {
      if (current()) {
        this.loading = false;
        this.refreshing = false;
        this.progress = null;
      }
    }
  }

  /** The progress of a listing of every service once `serviceId` has sent `total` trainings. */
  private progressOfAll(serviceId: string, total: number): LoadProgress {
    this.serviceProgress = { ...this.serviceProgress, [serviceId]: total };
    const counts = Object.values(this.serviceProgress);
    return { pages: (this.progress?.pages ?? 0) + 1, total: counts.reduce((sum, n) => sum + n, 0), services: counts.length };
  }

  /**
   * The rows of a listing of every service, where a service that failed keeps the rows it
   * had on screen (none of the pages it sent before failing): nothing the user had is lost.
   */
  private keepingFailed(received: TrainRow[], services: readonly ServiceListed[]): TrainRow[] {
    const failed = new Set(services.filter((s) => s.error !== null).map((s) => s.serviceId));
    if (failed.size === 0) return received;
    const kept = this.rows.filter((row) => failed.has(row.serviceId));
    return [...received.filter((row) => !failed.has(row.serviceId)), ...kept];
  }

  /** Shows the kept listing of `key` while `wanted()` (no fresh page yet); whether it did. */
  private async showKept(key: LoadKey, wanted: () => boolean): Promise<boolean> {
    const kept = await api.keptTrains(key.profile, key.serviceId, key.recent).catch(() => null);
    if (!kept || !wanted()) return false;
    this.rows = toRows(kept.trains, t);
    this.unseen = kept.unseen;
    this.loaded = true;
    this.stale = true;
    const fetched = Date.parse(kept.fetchedAt);
    this.fetchedAt = Number.isNaN(fetched) ? null : fetched;
    return true;
  }

  /** Shows the rows received so far: the first page at once, later ones together. */
  private showSoon(received: TrainRow[], current: () => boolean): void {
    const show = () => {
      this.showTimer = null;
      if (current()) this.rows = received.slice();
    };
    if (this.rows.length === 0) show();
    else this.showTimer ??= setTimeout(show, SHOW_EVERY_MS);
  }

  private cancelShow(): void {
    if (this.showTimer !== null) clearTimeout(this.showTimer);
    this.showTimer = null;
  }
}

/** Whether two row lists hold the same row objects in the same order. */
function sameRows(a: readonly TrainRow[], b: readonly TrainRow[]): boolean {
  return a.length === b.length && a.every((row, i) => row === b[i]);
}
