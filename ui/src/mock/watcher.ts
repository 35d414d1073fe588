// As the Rust side's watch scheduler: each profile's watched services are refreshed in the
// background on the profile's interval, and the window hears of each refresh.
import type { AppError, Change, RefreshEvery, WatchUpdate } from '../lib/bindings';
import { retryDelayMs } from '../lib/live/backoff';
import { intervalMs } from '../lib/live/refreshEvery';

export type Watching = { name: string; refreshEvery: RefreshEvery; watchedServices: string[] };

type Deps = {
  profiles: () => Watching[];
  /** Lists the service as a refresh does; answers its unseen changes, or throws an AppError. */
  refresh: (profile: string, serviceId: string) => Promise<Change[]>;
  send: (update: WatchUpdate) => void;
};

const TICK_MS = 15_000;

/** Starts the background refreshes; they run while the page lives. */
export function startWatcher({ profiles, refresh, send }: Deps): void {
  const next = new Map<string, { at: number; failures: number }>();
  const tick = async () => {
    const now = Date.now();
    for (const profile of profiles()) {
      const every = intervalMs(profile.refreshEvery);
      if (every === null) continue;
      for (const serviceId of profile.watchedServices) {
        const id = `${profile.name}\u0000${serviceId}`;
        const due = next.get(id) ?? { at: now + every, failures: 0 };
        next.set(id, due);
        if (now < due.at) continue;
        const update = { profile: profile.name, serviceId, fetchedAt: null, unseen: [] as Change[], error: null, retryAt: null };
        try {
          const unseen = await refresh(profile.name, serviceId);
          next.set(id, { at: Date.now() + every, failures: 0 });
          send({ ...update, fetchedAt: new Date().toISOString(), unseen });
        } catch (e) {
          const error = e as AppError;
          const failures = due.failures + 1;
          const at = Date.now() + retryDelayMs(failures, every, error.detail?.retryAfterSeconds);
          next.set(id, { at, failures });
          send({ ...update, error, retryAt: new Date(at).toISOString() });
        }
      }
    }
  };
  setInterval(() => void tick(), TICK_MS);
}
