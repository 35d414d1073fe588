import { describe, expect, it } from 'vitest';
import { intervalMs, withWatched } from './refreshEvery';

describe('refresh interval', () => {
  it('is off or a number of minutes', () => {
    expect(intervalMs('off')).toBeNull();
    expect(intervalMs('1m')).toBe(60_000);
    expect(intervalMs('15m')).toBe(900_000);
  });

  it('adds or removes one watched service, keeping the others', () => {
    expect(withWatched(['a', 'b'], 'c', true)).toEqual(['a', 'b', 'c']);
    expect(withWatched(['a', 'b'], 'a', true)).toEqual(['b', 'a']);
    expect(withWatched(['a', 'b'], 'a', false)).toEqual(['b']);
    expect(withWatched([], 'a', false)).toEqual([]);
  });
});
