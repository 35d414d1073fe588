import type { RefreshEvery } from '../bindings';
import type { MessageKey } from '../i18n';

/** The choices of "Refresh every", in the order they are offered, with their words. */
export const REFRESH_CHOICES: readonly { value: RefreshEvery; label: MessageKey }[] = [
  { value: 'off', label: 'watch.every.off' },
  { value: '1m', label: 'watch.every.1m' },
  { value: '5m', label: 'watch.every.5m' },
  { value: '15m', label: 'watch.every.15m' },
];

const MINUTE = 60_000;
const INTERVAL_MS: Record<RefreshEvery, number | null> = { off: null, '1m': MINUTE, '5m': 5 * MINUTE, '15m': 15 * MINUTE };

/** The interval in milliseconds, `null` when the listing refreshes only when asked. */
export function intervalMs(every: RefreshEvery): number | null {
  return INTERVAL_MS[every];
}

/** The watched services with `serviceId` added or removed. */
export function withWatched(watched: readonly string[], serviceId: string, on: boolean): string[] {
  const rest = watched.filter((id) => id !== serviceId);
  return on ? [...rest, serviceId] : rest;
}
