import { describe, expect, it } from 'vitest';
import type { AppError } from '../bindings';
import { AutoRefresh } from './autoRefresh.svelte';

const MIN = 60_000;
const down = (retryAfterSeconds?: number): AppError => ({
  code: 'service_unavailable',
  message: 'down',
  hint: '',
  detail: { httpStatus: 503, traceId: null, serverMessage: null, retryAfterSeconds },
  specific: false,
});

/** An AutoRefresh whose refreshes answer `outcomes` in turn (null: it listed fine). */
function setup(outcomes: (AppError | null)[]) {
  const state = { lastGood: 0 as number | null, runs: [] as number[], now: 0 };
  const auto = new AutoRefresh(async () => {
    state.runs.push(state.now);
    const outcome = outcomes.shift() ?? null;
    if (outcome === null) state.lastGood = state.now;
    return outcome;
  }, () => state.lastGood);
  auto.everyMs = 5 * MIN;
  const at = async (now: number) => {
    state.now = now;
    const real = Date.now;
    Date.now = () => now;
    try {
      await auto.tick(now);
    } finally {
      Date.now = real;
    }
  };
  return { auto, state, at };
}

describe('AutoRefresh', () => {
  it('refreshes once the interval has passed since the last good listing', async () => {
    const { state, at } = setup([null, null]);
    await at(4 * MIN);
    expect(state.runs).toEqual([]);
    await at(5 * MIN);
    await at(5 * MIN + 15_000);
    expect(state.runs).toEqual([5 * MIN]);
  });

  it('catches up at once after the computer slept through several intervals', async () => {
    const { state, at } = setup([null]);
    await at(3 * 60 * MIN);
    expect(state.runs).toEqual([3 * 60 * MIN]);
  });

  it('after a failure retries with backoff, says since when it fails, and recovers', async () => {
    const { auto, state, at } = setup([down(), down(), null]);
    await at(5 * MIN);
    expect(auto.failing).toBe(true);
    expect(auto.failedAt).toBe(5 * MIN);
    expect(auto.dueAt).toBe(5 * MIN + 30_000);
    await at(5 * MIN + 29_000);
    await at(5 * MIN + 30_000);
    expect(auto.dueAt, 'then 60 s').toBe(5 * MIN + 90_000);
    await at(5 * MIN + 90_000);
    expect(state.runs).toEqual([5 * MIN, 5 * MIN + 30_000, 5 * MIN + 90_000]);
    expect(auto.failing).toBe(false);
    expect(auto.dueAt).toBe(10 * MIN + 90_000);
  });

  it('waits as long as the server asked after a 429', async () => {
    const { auto, at } = setup([down(200)]);
    await at(5 * MIN);
    expect(auto.dueAt).toBe(5 * MIN + 200_000);
  });

  it('a listing asked for by hand counts as the last good one', async () => {
    const { auto, state, at } = setup([down()]);
    await at(5 * MIN);
    state.lastGood = 5 * MIN + 10_000; // Refresh clicked
    expect(auto.failing).toBe(false);
    expect(auto.dueAt).toBe(10 * MIN + 10_000);
  });

  it('does nothing when off, or before anything was listed', async () => {
    const { auto, state, at } = setup([]);
    auto.everyMs = null;
    await at(60 * MIN);
    auto.everyMs = MIN;
    state.lastGood = null;
    await at(120 * MIN);
    expect(state.runs).toEqual([]);
  });
});
