import { describe, expect, it } from 'vitest';
import { parseApiDate } from './dates';
import { createdFilter, createdWindow, inWindow, isMoving, localDayStart, type CreatedChoice } from './dateRange';

// A fixed "now": 2026-03-10 12:00 Korea time.
const NOW = parseApiDate('2026-03-10T12:00:00')!;
const kst = (text: string) => parseApiDate(text)!;
const choice = (preset: CreatedChoice['preset'], fromDay = '', toDay = ''): CreatedChoice => ({ preset, fromDay, toDay });
const within = (c: CreatedChoice, text: string) => inWindow(kst(text), createdWindow(c, NOW));

describe('Created presets', () => {
  it('last 24 hours, 7 days and 30 days end now and start that long before', () => {
    expect(createdWindow(choice('24h'), NOW)).toEqual({ from: NOW - 24 * 3_600_000, to: null });
    expect(within(choice('24h'), '2026-03-09T12:00:00')).toBe(true);
    expect(within(choice('24h'), '2026-03-09T11:59:59.999')).toBe(false);
    expect(within(choice('7d'), '2026-03-03T12:00:01')).toBe(true);
    expect(within(choice('7d'), '2026-03-03T11:59:00')).toBe(false);
    expect(within(choice('30d'), '2026-02-08T12:30:00')).toBe(true);
    expect(within(choice('30d'), '2026-02-08T11:30:00')).toBe(false);
  });

  it('a date after now (a clock ahead) is still in a window that ends now', () => {
    expect(within(choice('24h'), '2026-03-10T12:05:00')).toBe(true);
  });

  it('all keeps everything, even a training whose date cannot be read', () => {
    expect(createdWindow(choice('all'), NOW)).toEqual({ from: null, to: null });
    expect(inWindow(null, createdWindow(choice('all'), NOW))).toBe(true);
    expect(createdFilter(choice('all'), NOW)).toBeNull();
  });

  it('a set window leaves out trainings without a readable date', () => {
    expect(inWindow(null, createdWindow(choice('30d'), NOW))).toBe(false);
    expect(inWindow(null, createdWindow(choice('custom', '2026-03-01', ''), NOW))).toBe(false);
  });

  it('only the presets that end now move with the clock', () => {
    expect(['all', '24h', '7d', '30d', 'custom'].filter((p) => isMoving(p as CreatedChoice['preset']))).toEqual(['24h', '7d', '30d']);
  });
});

describe('custom range', () => {
  it('covers whole days of this computer, first to last inclusive', () => {
    const w = createdWindow(choice('custom', '2026-03-01', '2026-03-04'), NOW);
    expect(w).toEqual({ from: new Date(2026, 2, 1).getTime(), to: new Date(2026, 2, 5).getTime() });
    expect(inWindow(new Date(2026, 2, 1, 0, 0, 0).getTime(), w)).toBe(true);
    expect(inWindow(new Date(2026, 2, 4, 23, 59, 59).getTime(), w)).toBe(true);
    expect(inWindow(new Date(2026, 2, 5).getTime(), w)).toBe(false);
    expect(inWindow(new Date(2026, 1, 28, 23, 59).getTime(), w)).toBe(false);
  });

  it('does not depend on now', () => {
    const c = choice('custom', '2026-03-01', '2026-03-04');
    expect(createdWindow(c, NOW + 90 * 86_400_000)).toEqual(createdWindow(c, NOW));
  });

  it('reads a range given last day first the right way round', () => {
    expect(createdWindow(choice('custom', '2026-03-04', '2026-03-01'), NOW)).toEqual(createdWindow(choice('custom', '2026-03-01', '2026-03-04'), NOW));
  });

  it('leaves a side open when its day is empty or not a date', () => {
    expect(createdWindow(choice('custom', '2026-03-01', ''), NOW)).toEqual({ from: new Date(2026, 2, 1).getTime(), to: null });
    expect(createdWindow(choice('custom', '', '2026-03-04'), NOW)).toEqual({ from: null, to: new Date(2026, 2, 5).getTime() });
    expect(createdWindow(choice('custom', '2026-02-30', 'soon'), NOW)).toEqual({ from: null, to: null });
  });

  it('keeps the choice with the window it stands for', () => {
    expect(createdFilter(choice('custom', '2026-03-01', '2026-03-01'), NOW)).toEqual({
      preset: 'custom',
      fromDay: '2026-03-01',
      toDay: '2026-03-01',
      from: new Date(2026, 2, 1).getTime(),
      to: new Date(2026, 2, 2).getTime(),
    });
  });
});

describe('localDayStart', () => {
  it('is local midnight, counted on the calendar across month ends', () => {
    expect(localDayStart('2026-01-31', 1)).toBe(new Date(2026, 1, 1).getTime());
    expect(localDayStart('2026-12-31', 1)).toBe(new Date(2027, 0, 1).getTime());
    expect(localDayStart('2026-3-1')).toBeNull();
  });
});
