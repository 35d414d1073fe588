// As the Rust side (changes.rs, changes/unseen.rs, watch/history.rs): what changed between
// two listings of the same source, and the changes of each service the user has not seen,
// merged across refreshes until seen.
import type { Change, Train, TrainKey } from '../lib/bindings';

const keyText = (key: TrainKey) => `${key.type}:${key.version}`;

function keyOf(train: Train): TrainKey | null {
  return typeof train.version === 'string' ? { type: typeof train.type === 'string' ? train.type : '', version: train.version } : null;
}

/** A training already marked keeps one mark that tells the whole story (as `Unseen::add`). */
function merge(earlier: Change | undefined, change: Change): Change | null {
  if (earlier?.kind === 'new' && change.kind === 'statusChanged') return { kind: 'new', key: change.key, status: change.to };
  if (earlier?.kind === 'statusChanged' && change.kind === 'statusChanged') {
    return earlier.from === change.to ? null : { kind: 'statusChanged', key: change.key, from: earlier.from, to: change.to };
  }
  return change;
}

export class MockHistory {
  /** The statuses of the last listing of each source (profile, service, recent). */
  private readonly listings = new Map<string, Map<string, string | null>>();
  /** Unseen changes of each (profile, service), in the order first noticed. */
  private readonly unseen = new Map<string, Map<string, Change>>();

  /** Records a listing; answers the service's unseen changes. The first listing of a source is no news. */
  record(profile: string, serviceId: string, recent: boolean, trains: readonly Train[]): Change[] {
    const source = `${profile}\u0000${serviceId}\u0000${recent}`;
    const before = this.listings.get(source);
    const now = new Map<string, string | null>();
    const fresh: Change[] = [];
    for (const train of trains) {
      const key = keyOf(train);
      if (!key) continue;
      const status = typeof train.status === 'string' ? train.status : null;
      now.set(keyText(key), status);
      if (!before) continue;
      if (!before.has(keyText(key))) fresh.push({ kind: 'new', key, status });
      else if (before.get(keyText(key)) !== status) fresh.push({ kind: 'statusChanged', key, from: before.get(keyText(key)) ?? null, to: status });
    }
    this.listings.set(source, now);
    const unseen = this.service(profile, serviceId);
    for (const change of fresh) {
      const merged = merge(unseen.get(keyText(change.key)), change);
      unseen.delete(keyText(change.key));
      if (merged) unseen.set(keyText(change.key), merged);
    }
    return this.unseenOf(profile, serviceId);
  }

  unseenOf(profile: string, serviceId: string): Change[] {
    return [...this.service(profile, serviceId).values()].map((change) => structuredClone(change));
  }

  /** Forgets the marks of `keys`, or all of the service's when `null`. */
  markSeen(profile: string, serviceId: string, keys: TrainKey[] | null): void {
    const unseen = this.service(profile, serviceId);
    if (keys === null) unseen.clear();
    else for (const key of keys) unseen.delete(keyText(key));
  }

  /** A deleted or renamed profile's history goes with it. */
  forgetProfile(profile: string): void {
    for (const map of [this.listings, this.unseen]) {
      for (const source of [...map.keys()]) if (source.startsWith(`${profile}\u0000`)) map.delete(source);
    }
  }

  private service(profile: string, serviceId: string): Map<string, Change> {
    const id = `${profile}\u0000${serviceId}`;
    let unseen = this.unseen.get(id);
    if (!unseen) this.unseen.set(id, (unseen = new Map()));
    return unseen;
  }
}
