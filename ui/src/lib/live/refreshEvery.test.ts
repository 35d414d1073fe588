import { describe, expect, it } from 'vitest';
import { intervalMs, intervalToKeep, withWatched } from './refreshEvery';

describe('refresh interval', () => {
  it('is off or a number of minutes', () => {
    expect(intervalMs('off')).toBeNull();
    expect(intervalMs('1m')).toBe(60_000);
    expect(intervalMs('15m')).toBe(900_000);
  });

  it('is kept through a change of watched services when the user chose it', () => {
    expect(intervalToKeep({ refreshEvery: '1m', watchedServices: [] })).toBe('1m');
    expect(intervalToKeep({ refreshEvery: 'off', watchedServices: ['s1'] })).toBe('off');
    expect(intervalToKeep({ refreshEvery: '15m', watchedServices: ['s1'] })).toBe('15m');
  });

  it('follows the default when it is the default (5 min once watching, else off)', () => {
    expect(intervalToKeep({ refreshEvery: 'off', watchedServices: [] })).toBeNull();
    expect(intervalToKeep({ refreshEvery: '5m', watchedServices: ['s1'] })).toBeNull();
  });

  it('adds or removes one watched service, keeping the others', () => {
    expect(withWatched(['a', 'b'], 'c', true)).toEqual(['a', 'b', 'c']);
    expect(withWatched(['a', 'b'], 'a', true)).toEqual(['b', 'a']);
    expect(withWatched(['a', 'b'], 'a', false)).toEqual(['b']);
    expect(withWatched([], 'a', false)).toEqual([]);
  });
});
