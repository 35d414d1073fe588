// The Created filter: a window of time that ends now (last 24 hours, 7 or 30 days) or whole
// days chosen by the user. AiTEMS dates are read as instants (epoch ms, see dates.ts); the
// days of a custom range are days of this computer's zone, the zone the table shows dates in.

/** The Created filter's choices, in menu order. */
export const CREATED_PRESETS = ['all', '24h', '7d', '30d', 'custom'] as const;
export type CreatedPreset = (typeof CREATED_PRESETS)[number];

/** What the user chose: a preset and, for `custom`, the first and last day (`yyyy-MM-dd`, or '' for open). */
export type CreatedChoice = { preset: CreatedPreset; fromDay: string; toDay: string };

/** Instants `from` (inclusive) to `to` (exclusive), epoch ms; null leaves that side open. */
export type TimeWindow = { from: number | null; to: number | null };

/** What the table's Created filter holds: the choice, and the window it stood for when applied. */
export type CreatedFilter = CreatedChoice & TimeWindow;

export const ALL_TIME: CreatedChoice = { preset: 'all', fromDay: '', toDay: '' };

const HOUR = 3_600_000;
const LAST: Record<'24h' | '7d' | '30d', number> = { '24h': 24 * HOUR, '7d': 7 * 24 * HOUR, '30d': 30 * 24 * HOUR };

/** Whether a preset is a window that moves with the clock (re-applied on each refresh). */
export function isMoving(preset: CreatedPreset): preset is keyof typeof LAST {
  return Object.hasOwn(LAST, preset);
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Local midnight at the start of `day` (`yyyy-MM-dd`) plus `plusDays` days, in epoch ms; null
 * when `day` is not such a date. Days are counted on the calendar, so a DST change is no matter.
 */
export function localDayStart(day: string, plusDays = 0): number | null {
  const m = DAY.exec(day);
  if (!m) return null;
  const [year, month, date] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(year, month - 1, date);
  if (d.getFullYear() !== year || d.getMonth() !== month - 1 || d.getDate() !== date) return null;
  d.setDate(d.getDate() + plusDays);
  return d.getTime();
}

/** The instants a choice stands for at `now`. A custom range given last day first is read the right way round. */
export function createdWindow(choice: CreatedChoice, now: number): TimeWindow {
  if (isMoving(choice.preset)) return { from: now - LAST[choice.preset], to: null };
  if (choice.preset !== 'custom') return { from: null, to: null };
  const [first, last] = choice.fromDay && choice.toDay && choice.fromDay > choice.toDay ? [choice.toDay, choice.fromDay] : [choice.fromDay, choice.toDay];
  return { from: localDayStart(first), to: localDayStart(last, 1) };
}

/** Whether a window leaves out nothing. */
export function isOpen(window: TimeWindow): boolean {
  return window.from === null && window.to === null;
}

/** Whether an instant falls in the window. A training without a readable date is only in an open window. */
export function inWindow(ms: number | null, window: TimeWindow): boolean {
  if (isOpen(window)) return true;
  if (ms === null) return false;
  return (window.from === null || ms >= window.from) && (window.to === null || ms < window.to);
}

/** The filter value for a choice at `now`; null for "all" (no filter). */
export function createdFilter(choice: CreatedChoice, now: number): CreatedFilter | null {
  if (choice.preset === 'all') return null;
  return { preset: choice.preset, fromDay: choice.fromDay, toDay: choice.toDay, ...createdWindow(choice, now) };
}
