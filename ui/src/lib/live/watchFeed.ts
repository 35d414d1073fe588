// The backend's news of watched services, refreshed in the background, and of the notices
// the user clicked: heard once for the whole app, handed to whichever screen listens.
import { api } from '../api';
import type { NoticeTarget, WatchUpdate } from '../bindings';
import { locale } from '../i18n';

type Listeners<T> = Set<(news: T) => void>;
const updateListeners: Listeners<WatchUpdate> = new Set();
const openListeners: Listeners<NoticeTarget> = new Set();

const tell = <T>(listeners: Listeners<T>) => (news: T) => listeners.forEach((listener) => listener(news));
const hear = <T>(listeners: Listeners<T>, listener: (news: T) => void) => {
  listeners.add(listener);
  return () => void listeners.delete(listener);
};

/** Asks the backend for its news (once, at start), with notices in the UI's language. */
export function startWatchFeed(): void {
  // Without the feed the app still works, the screen refreshing on its own timer only.
  api.watchUpdates(locale, tell(updateListeners), tell(openListeners)).catch(() => {});
}

/** Hears every update until the returned function is called. */
export const onWatchUpdate = (listener: (update: WatchUpdate) => void): (() => void) => hear(updateListeners, listener);

/** Hears every clicked notice (what it opens) until the returned function is called. */
export const onNoticeOpen = (listener: (target: NoticeTarget) => void): (() => void) => hear(openListeners, listener);
