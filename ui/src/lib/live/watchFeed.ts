// The backend's news of watched services, refreshed in the background: heard once for the
// whole app, handed to whichever screen listens.
import { api } from '../api';
import type { WatchUpdate } from '../bindings';
import { locale } from '../i18n';

type Listener = (update: WatchUpdate) => void;
const listeners = new Set<Listener>();

/** Asks the backend for its updates (once, at start), with notices in the UI's language. */
export function startWatchFeed(): void {
  // Without the feed the app still works, the screen refreshing on its own timer only.
  api.watchUpdates(locale, (update) => listeners.forEach((listener) => listener(update))).catch(() => {});
}

/** Hears every update until the returned function is called. */
export function onWatchUpdate(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
