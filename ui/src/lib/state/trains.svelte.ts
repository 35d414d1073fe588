import { api } from '../api';
import type { AppError, TrainsProgress } from '../bindings';
import { t } from '../i18n';
import { toRows, type TrainRow } from '../view/rows';

function newRequestId(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return `req-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

export type LoadKey = { profile: string; serviceId: string; recent: boolean };

/** Loads trains for one profile + service; keeps the last good rows when a refresh fails. */
export class TrainsLoader {
  rows = $state.raw<TrainRow[]>([]);
  /** True once rows for the current key were loaded at least once. */
  loaded = $state(false);
  loading = $state(false);
  progress = $state.raw<TrainsProgress | null>(null);
  error = $state.raw<AppError | null>(null);
  fetchedAt = $state<number | null>(null);
  key = $state.raw<LoadKey | null>(null);
  private currentRequest: string | null = null;
  private unlisten: (() => void) | null = null;

  async listen(): Promise<void> {
    if (this.unlisten) return;
    try {
      this.unlisten = await api.onTrainsProgress((p) => {
        if (p.requestId === this.currentRequest) this.progress = p;
      });
    } catch {
      // Progress is a nicety: without events the spinner still shows.
    }
  }

  dispose(): void {
    this.unlisten?.();
    this.unlisten = null;
  }

  reset(): void {
    this.currentRequest = null;
    this.rows = [];
    this.loaded = false;
    this.loading = false;
    this.progress = null;
    this.error = null;
    this.fetchedAt = null;
    this.key = null;
  }

  /** Load (or reload) trains. Rows stay visible unless the service or profile changed. */
  async load(key: LoadKey, onRows?: (rows: TrainRow[]) => void): Promise<void> {
    const sameSource = this.key !== null && this.key.profile === key.profile && this.key.serviceId === key.serviceId;
    if (!sameSource) {
      this.rows = [];
      this.loaded = false;
      this.fetchedAt = null;
      this.error = null;
    }
    this.key = key;
    const requestId = newRequestId();
    this.currentRequest = requestId;
    this.loading = true;
    this.progress = null;
    try {
      const list = await api.listTrains(key.profile, key.serviceId, key.recent, requestId);
      if (this.currentRequest !== requestId) return;
      const rows = toRows(Array.isArray(list.trains) ? list.trains : [], t);
      this.rows = rows;
      this.loaded = true;
      this.error = null;
      const fetched = Date.parse(list.fetchedAt);
      this.fetchedAt = Number.isNaN(fetched) ? Date.now() : fetched;
      onRows?.(rows);
    } catch (e) {
      if (this.currentRequest !== requestId) return;
      this.error = e as AppError;
    } finally {
      if (this.currentRequest === requestId) {
        this.loading = false;
        this.progress = null;
      }
    }
  }
}
