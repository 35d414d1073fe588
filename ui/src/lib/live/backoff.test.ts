import { describe, expect, it } from 'vitest';
import { retryDelayMs } from './backoff';

const MIN = 60_000;

describe('retryDelayMs', () => {
  it('waits 30 s, then doubles', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, 15 * MIN))).toEqual([30_000, 60_000, 120_000, 240_000]);
  });
  it('never waits longer than the interval', () => {
    expect(retryDelayMs(3, 1 * MIN)).toBe(MIN);
    expect(retryDelayMs(40, 5 * MIN)).toBe(5 * MIN);
  });
  it('never retries sooner than the server asked', () => {
    expect(retryDelayMs(1, 5 * MIN, 90)).toBe(90_000);
    expect(retryDelayMs(1, 1 * MIN, 600), 'even past the interval').toBe(600_000);
    expect(retryDelayMs(3, 15 * MIN, 10)).toBe(120_000);
  });
  it('still waits 30 s when there is no interval to cap it', () => {
    expect(retryDelayMs(1, 0)).toBe(30_000);
    expect(retryDelayMs(5, 0)).toBe(30_000);
  });
});
