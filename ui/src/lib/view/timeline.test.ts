import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ALL_TIME, createdWindow } from './dateRange';
import { formatLocalDay, parseApiDate } from './dates';
import { statusTone, type StatusTone } from './status';
import { autoUnit, binTimeline, clickedPeriodChoice, periodDays, periodsChoice, periodsInWindow, stackedLayers, TIMELINE_GROUPS, type TimelineBins, type TimeUnit } from './timeline';

type Item = { created: string; status: string };
const kst = (text: string) => parseApiDate(text)!;
const bin = (items: Item[], unit: TimeUnit | null = null): TimelineBins =>
  binTimeline(
    items,
    (i) => parseApiDate(i.created),
    (i) => statusTone(i.status),
    unit,
  );
const days = (bins: TimelineBins) => bins.edges.map(formatLocalDay);
const row = (bins: TimelineBins, tone: StatusTone) => [...bins.counts[tone]];

/** Runs the tests of a block in a time zone of this computer. */
function inZone(zone: string): void {
  beforeAll(() => {
    vi.stubEnv('TZ', zone);
  });
  afterAll(() => {
    vi.unstubAllEnvs();
  });
}

describe('timeline periods in Korea', () => {
  inZone('Asia/Seoul');

  it('a day runs from local midnight to the next, empty days between included', () => {
    const bins = bin(
      [
        { created: '2026-03-04T00:00:00', status: 'completed' },
        { created: '2026-03-03T23:59:59.999', status: 'completed' },
        { created: '2026-03-06T12:00', status: 'ready' },
      ],
      'day',
    );
    expect(days(bins)).toEqual(['2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07']);
    expect([...bins.totals]).toEqual([1, 1, 0, 1]);
    expect(bins.dated).toBe(3);
  });

  it('a week runs from Monday to Sunday', () => {
    const bins = bin(
      [
        { created: '2026-03-01T23:59:59', status: 'completed' }, // a Sunday
        { created: '2026-03-02T00:00:00', status: 'completed' }, // the Monday after
        { created: '2026-03-08T23:00:00', status: 'completed' },
      ],
      'week',
    );
    expect(days(bins)).toEqual(['2026-02-23', '2026-03-02', '2026-03-09']);
    expect([...bins.totals]).toEqual([1, 2]);
    expect(periodDays(bins, 1)).toEqual({ from: '2026-03-02', to: '2026-03-08' });
  });

  it('stacks the statuses by tone, the three failures together', () => {
    const statuses = ['completed', 'learningFailed', 'requestFailed', 'refinedFailed', 'ready', 'learning', 'requesting', 'waiting', 'stopping', 'brandNew', ''];
    const bins = bin(statuses.map((status) => ({ created: '2026-03-04T10:00', status })));
    expect(bins.totals[0]).toBe(statuses.length);
    expect(row(bins, 'failed')).toEqual([3]);
    expect(row(bins, 'active')).toEqual([2]);
    expect(row(bins, 'done')).toEqual([1]);
    expect(row(bins, 'ok')).toEqual([1]);
    expect(row(bins, 'neutral')).toEqual([2]);
    const stacked = TIMELINE_GROUPS.reduce((sum, tone) => sum + bins.counts[tone][0]!, 0);
    expect(stacked).toBe(bins.totals[0]);
    expect(TIMELINE_GROUPS[0]).toBe('failed');
  });

  it('stacks the layers bottom up, failures first and the total on top', () => {
    const bins = bin(
      [
        { created: '2026-03-04T10:00', status: 'learningFailed' },
        { created: '2026-03-04T11:00', status: 'completed' },
        { created: '2026-03-04T12:00', status: 'completed' },
        { created: '2026-03-05T10:00', status: 'ready' },
      ],
      'day',
    );
    const layers = stackedLayers(bins).map((layer) => [...layer]);
    expect(layers).toHaveLength(TIMELINE_GROUPS.length);
    expect(layers[0]).toEqual([1, 0]); // failed
    expect(layers[TIMELINE_GROUPS.indexOf('ok')]).toEqual([1, 1]);
    expect(layers[TIMELINE_GROUPS.indexOf('done')]).toEqual([3, 1]);
    expect(layers.at(-1)).toEqual([...bins.totals]);
  });

  it('leaves out trainings whose date cannot be read, and counts them', () => {
    const bins = bin([
      { created: '2026-03-04T10:00', status: 'completed' },
      { created: 'yesterday', status: 'learningFailed' },
      { created: '', status: 'completed' },
    ]);
    expect(bins.dated).toBe(1);
    expect(bins.undated).toBe(2);
    expect(row(bins, 'failed')).toEqual([0]);
  });

  it('no trainings, or none dated: no periods', () => {
    expect(bin([])).toMatchObject({ edges: [], dated: 0, undated: 0 });
    const undated = bin([{ created: 'n/a', status: 'completed' }]);
    expect(undated.totals).toHaveLength(0);
    expect(undated.undated).toBe(1);
    expect(periodsInWindow(undated, { from: 0, to: 1 })).toBeNull();
  });

  it('chooses days for up to about four months and weeks beyond, unless told', () => {
    const start = kst('2026-01-01T09:00');
    expect(autoUnit(start, start + 100 * 86_400_000)).toBe('day');
    expect(autoUnit(start, start + 200 * 86_400_000)).toBe('week');
    const long = [
      { created: '2025-01-01T09:00', status: 'completed' },
      { created: '2026-01-01T09:00', status: 'completed' },
    ];
    expect(bin(long).unit).toBe('week');
    expect(bin(long, 'day').totals).toHaveLength(366);
  });

  /** The weeks from Monday 2 March to Sunday 22 March 2026. */
  const threeWeeks = () =>
    bin(
      [
        { created: '2026-03-02T10:00', status: 'completed' },
        { created: '2026-03-20T10:00', status: 'completed' },
      ],
      'week',
    );

  it('periods become a custom Created range of whole days, in either order', () => {
    const bins = threeWeeks();
    expect(periodsChoice(bins, 1, 1)).toEqual({ preset: 'custom', fromDay: '2026-03-09', toDay: '2026-03-15' });
    expect(periodsChoice(bins, 2, 0)).toEqual({ preset: 'custom', fromDay: '2026-03-02', toDay: '2026-03-22' });
    expect(periodsChoice(bins, -3, 99)).toEqual({ preset: 'custom', fromDay: '2026-03-02', toDay: '2026-03-22' });
  });

  it('a click chooses its period, and a second click on the period chosen alone clears the Created range', () => {
    const bins = threeWeeks();
    const week = { preset: 'custom', fromDay: '2026-03-09', toDay: '2026-03-15' } as const;
    expect(clickedPeriodChoice(bins, 1, null)).toEqual(week);
    expect(clickedPeriodChoice(bins, 1, week)).toEqual(ALL_TIME);
    // With the window it stood for, as the table holds it.
    expect(clickedPeriodChoice(bins, 1, { ...week, ...createdWindow(week, 0) })).toEqual(ALL_TIME);
    // Another period, a wider range or a preset: the click chooses its period.
    expect(clickedPeriodChoice(bins, 2, week)).toEqual({ preset: 'custom', fromDay: '2026-03-16', toDay: '2026-03-22' });
    expect(clickedPeriodChoice(bins, 1, { preset: 'custom', fromDay: '2026-03-09', toDay: '2026-03-22' })).toEqual(week);
    expect(clickedPeriodChoice(bins, 1, { preset: '7d', fromDay: '', toDay: '' })).toEqual(week);
  });

  it('finds the periods a Created window touches', () => {
    const bins = bin(
      [
        { created: '2026-03-01T10:00', status: 'completed' },
        { created: '2026-03-10T10:00', status: 'completed' },
      ],
      'day',
    );
    const custom = (fromDay: string, toDay: string) => createdWindow({ preset: 'custom', fromDay, toDay }, 0);
    expect(periodsInWindow(bins, custom('2026-03-03', '2026-03-04'))).toEqual([2, 3]);
    expect(periodsInWindow(bins, custom('2026-02-01', '2026-03-02'))).toEqual([0, 1]);
    expect(periodsInWindow(bins, custom('2026-03-09', ''))).toEqual([8, 9]);
    expect(periodsInWindow(bins, custom('2026-04-01', '2026-04-02'))).toBeNull();
    expect(periodsInWindow(bins, { from: kst('2026-03-08T12:00'), to: null })).toEqual([7, 9]);
    expect(periodsInWindow(bins, null)).toBeNull();
    expect(periodsInWindow(bins, { from: null, to: null })).toBeNull();
  });
});

describe('timeline periods elsewhere', () => {
  inZone('Europe/Berlin');

  it('uses the days of this computer, not of Korea', () => {
    // 07:00 in Korea is still the day before in Berlin (23:00).
    const bins = bin([{ created: '2026-03-04T07:00', status: 'completed' }]);
    expect(days(bins)).toEqual(['2026-03-03', '2026-03-04']);
  });

  it('a day that starts summer time is 23 hours long, and its evening is still that day', () => {
    const bins = bin(
      [
        { created: '2026-03-29T05:00', status: 'completed' }, // 2026-03-28 21:00 in Berlin
        { created: '2026-03-30T06:30', status: 'completed' }, // 2026-03-29 23:30 in Berlin (summer time)
      ],
      'day',
    );
    expect(days(bins)).toEqual(['2026-03-28', '2026-03-29', '2026-03-30']);
    expect(bins.edges[2]! - bins.edges[1]!).toBe(23 * 3_600_000);
    expect([...bins.totals]).toEqual([1, 1]);
  });
});
