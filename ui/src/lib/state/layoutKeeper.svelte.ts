// Keeps the table's layout per profile and service: the first service shown at launch opens
// in its saved layout, read while its listing loads (App.svelte); another opens with its default
// layout at once and takes its saved one when that comes (the first rows never wait for it; a
// change made before it comes wins over it). A change is saved once the table has stayed the
// same for SAVE_AFTER_MS, only when it differs from what is stored. The default layout is
// stored as none. A save that fails is told (`saveError`) until a later one succeeds or the
// person dismisses it.
import { untrack } from 'svelte';
import { api, toAppError } from '../api';
import type { AppError, TableLayout } from '../bindings';
import { LAYOUT_MARK, markOnce } from '../desktop/firstRows';
import { defaultLayout, restoreLayout, sameLayout } from '../view/layout';
import type { TrainTable } from './table.svelte';

/** How long the table must stay the same before its layout is written. */
export const SAVE_AFTER_MS = 500;

/** Where layouts are kept (the backend; tests give their own). */
export type LayoutStore = {
  load: (profile: string, serviceId: string) => Promise<TableLayout | null>;
  save: (profile: string, serviceId: string, layout: TableLayout | null) => Promise<unknown>;
};

const backend: LayoutStore = { load: api.tableLayout, save: api.saveTableLayout };

/** A service's saved layout (null: none), read before its table is shown. */
export type LayoutRead = { profile: string; serviceId: string; layout: TableLayout | null };

/** Reads the saved layout of a service; null when it cannot be read (the table then opens with the default). */
export function readLayout(profile: string, serviceId: string, store: LayoutStore = backend): Promise<LayoutRead | null> {
  return store.load(profile, serviceId).then(
    (layout) => ({ profile, serviceId, layout }),
    () => null,
  );
}

export class LayoutKeeper {
  /** Recent only: part of the layout, though the listing (not the table) applies it. */
  recent = $state(false);
  /** The layout the table and Recent only have now. */
  readonly current: TableLayout;
  /** Why the last save failed; null once one succeeds, or when dismissed. */
  saveError = $state.raw<AppError | null>(null);
  private readonly table: TrainTable;
  private readonly store: LayoutStore;

  private key: { profile: string; serviceId: string } | null = null;
  /** What is stored for `key` (the default when nothing is). */
  private stored: TableLayout = defaultLayout();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private opening = 0;
  /** The last `opening` whose service had a layout written. */
  private writtenFor = 0;

  /** Create it while a component is set up: it follows the table's changes from then on. */
  constructor(table: TrainTable, store: LayoutStore = backend) {
    this.table = table;
    this.store = store;
    this.current = $derived(table.layout(this.recent));
    $effect(() => {
      const layout = this.current;
      untrack(() => this.changed(layout));
    });
  }

  /**
   * Shows a service's table: its saved layout at once when `read` holds it (read before the
   * table was drawn, see App.svelte), else the default layout now and the saved one once
   * read, unless the table was changed meanwhile (the change is kept, and saved); `onRecent`
   * is called when the saved layout changes Recent only (the listing must be asked again).
   * What was not yet saved of the previous service is saved first.
   */
  open(profile: string, serviceId: string, onRecent: () => void, read: LayoutRead | null = null): void {
    this.flush();
    this.key = { profile, serviceId };
    const shown = defaultLayout();
    this.stored = shown;
    this.show(shown);
    const opening = ++this.opening;
    if (read?.profile === profile && read.serviceId === serviceId) {
      this.takeSaved(read.layout, shown, opening, onRecent);
      return;
    }
    this.store.load(profile, serviceId).then(
      (saved) => this.takeSaved(saved, shown, opening, onRecent),
      // A layout that cannot be read leaves the default one: it never blocks the table.
      () => {},
    );
  }

  /** Takes the saved layout read for the `opening`th service shown, which was first `shown` by default. */
  private takeSaved(saved: TableLayout | null, shown: TableLayout, opening: number, onRecent: () => void): void {
    if (opening !== this.opening || saved === null) return;
    if (sameLayout(this.current, shown)) {
      this.stored = restoreLayout(saved);
      if (this.show(this.stored)) onRecent();
      markOnce(LAYOUT_MARK);
    } else if (this.writtenFor !== opening) {
      // Changed before the saved layout came: the change stays, and is saved over it.
      this.stored = restoreLayout(saved);
      this.changed(this.current);
    }
    // (Already written since: what was read is older than what is stored now.)
  }

  /** Back to the default layout; `onRecent` as in `open`. */
  reset(onRecent: () => void): void {
    if (this.show(defaultLayout())) onRecent();
  }

  /** Saves a pending change now (before the table shows another service or closes). */
  flush(): void {
    if (this.timer === undefined) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.write(this.current);
  }

  /** Applies a layout; returns whether Recent only changed. */
  private show(layout: TableLayout): boolean {
    this.table.applyLayout(layout);
    const recentChanged = this.recent !== layout.recent;
    this.recent = layout.recent;
    return recentChanged;
  }

  /** Notes the layout the table now has (the constructor's effect calls it on each change). */
  changed(layout: TableLayout): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.key === null || sameLayout(layout, this.stored)) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.write(layout);
    }, SAVE_AFTER_MS);
  }

  private write(layout: TableLayout): void {
    if (this.key === null || sameLayout(layout, this.stored)) return;
    this.stored = layout;
    this.writtenFor = this.opening;
    const { profile, serviceId } = this.key;
    const saved = sameLayout(layout, defaultLayout()) ? null : layout;
    // Not saved: the table keeps its layout for this run, and the next change tries again.
    this.store.save(profile, serviceId, saved).then(
      () => (this.saveError = null),
      (e: unknown) => {
        this.stored = defaultLayout();
        this.saveError = toAppError(e);
      },
    );
  }
}
