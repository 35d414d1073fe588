/** The first retry after a failed automatic refresh. */
export const FIRST_RETRY_MS = 30_000;

/**
 * How long to wait before retrying after `failures` automatic refreshes in a row failed:
 * 30 s, then doubling, capped at the refresh interval, and never sooner than the server
 * asked (`Retry-After`, in seconds).
 */
export function retryDelayMs(failures: number, intervalMs: number, retryAfterSeconds?: number | null): number {
  const doubled = FIRST_RETRY_MS * 2 ** Math.max(0, failures - 1);
  const capped = Math.min(doubled, Math.max(FIRST_RETRY_MS, intervalMs));
  return Math.max(capped, (retryAfterSeconds ?? 0) * 1000);
}
