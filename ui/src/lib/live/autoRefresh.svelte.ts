import type { AppError } from '../bindings';
import { retryDelayMs } from './backoff';

/**
 * When the listing on screen refreshes by itself: `everyMs` after the last good listing
 * and, after a failed automatic refresh, with backoff (`retryDelayMs`). Due times are
 * wall-clock instants checked on every `tick`, so after the computer slept, or while the
 * window's timers were held back, the next tick catches up at once.
 */
export class AutoRefresh {
  /** The profile's interval; `null`: only when asked. */
  everyMs = $state<number | null>(null);
  /** When the last automatic refresh failed (see `failing`). */
  failedAt = $state<number | null>(null);
  private failures = 0;
  private retryAt = 0;
  private running = false;
  private readonly run: () => Promise<AppError | null>;
  private readonly lastGood: () => number | null;

  /**
   * `run` refreshes quietly and resolves to its failure, or `null`; `lastGood` tells when
   * the last listing of the source on screen succeeded, however it was asked for.
   */
  constructor(run: () => Promise<AppError | null>, lastGood: () => number | null) {
    this.run = run;
    this.lastGood = lastGood;
  }

  /** Whether the last refresh failed, with no good listing since. */
  get failing(): boolean {
    return this.failedAt !== null && (this.lastGood() ?? -Infinity) < this.failedAt;
  }

  /** When the next automatic refresh is due, `null` when none is. */
  get dueAt(): number | null {
    if (this.everyMs === null) return null;
    if (this.failing) return this.retryAt;
    const last = this.lastGood();
    return last === null ? null : last + this.everyMs;
  }

  /** A refresh in the background failed: say so quietly and retry later. */
  failed(error: AppError, at: number): void {
    this.failures = this.failing ? this.failures + 1 : 1;
    this.failedAt = at;
    this.retryAt = at + retryDelayMs(this.failures, this.everyMs ?? 0, error.detail?.retryAfterSeconds);
  }

  /** Another source is on screen: its failures are not this one's. */
  reset(): void {
    this.failedAt = null;
    this.failures = 0;
  }

  /** Refreshes when due (and not already refreshing). */
  async tick(now: number): Promise<void> {
    const due = this.dueAt;
    if (due === null || now < due || this.running) return;
    this.running = true;
    try {
      const error = await this.run();
      if (error) this.failed(error, Date.now());
    } finally {
      this.running = false;
    }
  }
}
