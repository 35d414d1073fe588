// The timeline above the table: trainings counted per day or per week of this computer's
// calendar (the days a custom Created range names), by status tone. Pure, and fast enough for
// every filter change at 100,000 trainings: the periods are laid out once on the calendar
// (Date arithmetic, so a DST change is no matter), then each training finds its period by a
// binary search over those edges (no Date per training). See bench/timeline.bench.ts.
import { ALL_TIME, type CreatedChoice, type TimeWindow } from './dateRange';
import { formatLocalDay } from './dates';
import type { StatusTone } from './status';

/** The length of a period: a calendar day, or a week from Monday. */
export type TimeUnit = 'day' | 'week';
export const TIME_UNITS: readonly TimeUnit[] = ['day', 'week'];

// Every tone has a place in the stack: a tone added to status.ts fails the type check here.
const STACK: Record<StatusTone, number> = { failed: 0, stopping: 1, waiting: 2, active: 3, ok: 4, done: 5, neutral: 6 };

/** The stack, bottom first: failures sit on the axis, where they are easiest to see. */
export const TIMELINE_GROUPS: readonly StatusTone[] = (Object.keys(STACK) as StatusTone[]).sort((a, b) => STACK[a] - STACK[b]);

/** Spans longer than this many days are shown by week when the user has not chosen. */
const DAYS_BY_DAY = 120;
const DAY_MS = 86_400_000;

export type TimelineBins = {
  unit: TimeUnit;
  /** Start of each period (local midnight; a Monday for weeks), epoch ms, then the end of the last one. */
  edges: number[];
  /** Trainings per period, by tone. */
  counts: Record<StatusTone, Uint32Array>;
  /** Trainings per period, all tones. */
  totals: Uint32Array;
  /** Trainings in some period. */
  dated: number;
  /** Trainings whose created date cannot be read: in no period. */
  undated: number;
};

/** Local midnight starting the period that holds `ms`. */
export function periodStart(ms: number, unit: TimeUnit): number {
  const d = new Date(ms);
  d.setHours(0, 0, 0, 0);
  if (unit === 'week') d.setDate(d.getDate() - ((d.getDay() + 6) % 7));
  return d.getTime();
}

/** The start of the period after the one starting at `start`. */
function nextStart(start: number, unit: TimeUnit): number {
  const d = new Date(start);
  d.setDate(d.getDate() + (unit === 'week' ? 7 : 1));
  return d.getTime();
}

/** Days for spans up to about four months, weeks beyond. */
export function autoUnit(first: number, last: number): TimeUnit {
  return last - first > DAYS_BY_DAY * DAY_MS ? 'week' : 'day';
}

/** Index of the last edge at or before `ms` (edges ascending, `ms` within them). */
function periodIndex(edges: readonly number[], ms: number): number {
  let lo = 0;
  let hi = edges.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (edges[mid]! <= ms) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const emptyCounts = (n: number) =>
  Object.fromEntries(TIMELINE_GROUPS.map((tone) => [tone, new Uint32Array(n)])) as Record<StatusTone, Uint32Array>;

/**
 * Counts `items` per period from the first training's period to the last one's (empty
 * periods between included), by tone. `unit` null: by day or week after the span.
 */
export function binTimeline<T>(
  items: readonly T[],
  time: (item: T) => number | null,
  tone: (item: T) => StatusTone,
  unit: TimeUnit | null = null,
): TimelineBins {
  let first = Infinity;
  let last = -Infinity;
  let undated = 0;
  for (let i = 0; i < items.length; i++) {
    const ms = time(items[i]!);
    if (ms === null || !Number.isFinite(ms)) {
      undated++;
      continue;
    }
    if (ms < first) first = ms;
    if (ms > last) last = ms;
  }
  const chosen = unit ?? (first <= last ? autoUnit(first, last) : 'day');
  if (first > last) return { unit: chosen, edges: [], counts: emptyCounts(0), totals: new Uint32Array(0), dated: 0, undated };

  const edges = [periodStart(first, chosen)];
  while (edges[edges.length - 1]! <= last) edges.push(nextStart(edges[edges.length - 1]!, chosen));
  const n = edges.length - 1;
  const counts = emptyCounts(n);
  const totals = new Uint32Array(n);
  // Listings come sorted by date more often than not: try the previous training's period first.
  let p = 0;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const ms = time(item);
    if (ms === null || !Number.isFinite(ms)) continue;
    if (ms < edges[p]! || ms >= edges[p + 1]!) p = periodIndex(edges, ms);
    counts[tone(item)][p]!++;
    totals[p]!++;
  }
  return { unit: chosen, edges, counts, totals, dated: items.length - undated, undated };
}

/** The Created filter's custom range covering periods `from` to `to` (indexes, either order). */
export function periodsChoice(bins: TimelineBins, from: number, to: number): CreatedChoice {
  const n = bins.totals.length;
  const a = Math.max(0, Math.min(n - 1, Math.min(from, to)));
  const b = Math.max(0, Math.min(n - 1, Math.max(from, to)));
  return { preset: 'custom', fromDay: formatLocalDay(bins.edges[a]!), toDay: formatLocalDay(bins.edges[b + 1]! - 1) };
}

/**
 * What a click on period `index` makes of the Created filter `current`: that period, or all
 * time when the filter already is that period alone (a second click on the chosen bar clears).
 */
export function clickedPeriodChoice(bins: TimelineBins, index: number, current: CreatedChoice | null): CreatedChoice {
  const choice = periodsChoice(bins, index, index);
  const again = current?.preset === 'custom' && current.fromDay === choice.fromDay && current.toDay === choice.toDay;
  return again ? ALL_TIME : choice;
}

/** The first and last periods a window of time touches, or null when it touches none (or leaves out nothing). */
export function periodsInWindow(bins: TimelineBins, window: TimeWindow | null): [number, number] | null {
  const n = bins.totals.length;
  if (!window || n === 0 || (window.from === null && window.to === null)) return null;
  const from = window.from ?? -Infinity;
  const to = window.to ?? Infinity;
  if (from >= bins.edges[n]! || to <= bins.edges[0]!) return null;
  const a = from <= bins.edges[0]! ? 0 : periodIndex(bins.edges, from);
  const b = to >= bins.edges[n]! ? n - 1 : periodIndex(bins.edges, to - 1);
  return a <= b ? [a, b] : null;
}

/** The first and last day of a period, `yyyy-MM-dd` (the same day for a day). */
export function periodDays(bins: TimelineBins, index: number): { from: string; to: string } {
  return { from: formatLocalDay(bins.edges[index]!), to: formatLocalDay(bins.edges[index + 1]! - 1) };
}

/** The stack's layers per period, in `TIMELINE_GROUPS` order: layer k is groups 0 to k added up (the last is the total). */
export function stackedLayers(bins: TimelineBins): Float64Array[] {
  const n = bins.totals.length;
  const layers: Float64Array[] = [];
  let below = new Float64Array(n);
  for (const tone of TIMELINE_GROUPS) {
    const layer = new Float64Array(n);
    const counts = bins.counts[tone];
    for (let i = 0; i < n; i++) layer[i] = below[i]! + counts[i]!;
    layers.push(layer);
    below = layer;
  }
  return layers;
}
