import type { Translate } from '../i18n';

/** AiTEMS sends Korea time (UTC+9) without a zone. */
export const KST_OFFSET_MINUTES = 9 * 60;

const API_DATE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;

/**
 * `yyyy-MM-ddTHH:mm:ss.SSS` (0-3 fraction digits, seconds optional), read as UTC+9.
 * Returns epoch milliseconds, or null when the text is not such a date.
 */
export function parseApiDate(text: string | undefined | null): number | null {
  if (typeof text !== 'string') return null;
  const fixed = parseFixedApiDate(text);
  return fixed === undefined ? parseApiDatePattern(text) : fixed;
}

/** The general reading of `parseApiDate`, by a pattern (and the reference its fast path is tested against). */
export function parseApiDatePattern(text: string): number | null {
  const m = API_DATE.exec(text.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s = '0', frac = ''] = m.slice(1) as [string, string, string, string, string, string?, string?];
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  const ms = frac === '' ? 0 : Number(frac.padEnd(3, '0'));
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) {
    return null;
  }
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  // Reject dates that rolled over (e.g. Feb 30).
  const check = new Date(utc);
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1) return null;
  return utc - KST_OFFSET_MINUTES * 60_000;
}

/** The number written by the `count` characters of `text` from `at`, or -1 when one is not a digit. */
function digitsAt(text: string, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** Days in a month (1-12) of the proleptic Gregorian calendar, as `Date` counts them. */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

// Character codes of the separators in `yyyy-MM-ddTHH:mm:ss.SSS`.
const DASH = 45;
const COLON = 58;
const LETTER_T = 84;
const DOT = 46;
/** Fraction digits (1-3) -> the factor that makes them milliseconds. */
const FRACTION_SCALE = [1, 100, 10, 1];

/**
 * The shape the API sends, `yyyy-MM-ddTHH:mm:ss` with 0 or 1-3 fraction digits, read from
 * character codes without a pattern or substrings (a listing has two dates per training,
 * 200,000 for 100,000 trainings). Gives the same answer as `parseApiDatePattern`, or
 * undefined for any other text (then the pattern decides): no seconds, spaces around it, or
 * a year below 100 (which `Date.UTC` reads as 19xx).
 */
function parseFixedApiDate(text: string): number | null | undefined {
  const length = text.length;
  if (length !== 19 && (length < 21 || length > 23)) return undefined;
  if (
    text.charCodeAt(4) !== DASH ||
    text.charCodeAt(7) !== DASH ||
    text.charCodeAt(10) !== LETTER_T ||
    text.charCodeAt(13) !== COLON ||
    text.charCodeAt(16) !== COLON ||
    (length > 19 && text.charCodeAt(19) !== DOT)
  ) {
    return undefined;
  }
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  const hour = digitsAt(text, 11, 2);
  const minute = digitsAt(text, 14, 2);
  const second = digitsAt(text, 17, 2);
  const fraction = length > 19 ? digitsAt(text, 20, length - 20) : 0;
  if (year < 100 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0 || fraction < 0) return undefined;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) {
    return null;
  }
  const ms = length > 19 ? fraction * FRACTION_SCALE[length - 20]! : 0;
  return Date.UTC(year, month - 1, day, hour, minute, second, ms) - KST_OFFSET_MINUTES * 60_000;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Label for a zone: KST for Korea, otherwise UTC±h[:mm]. */
export function zoneLabel(offsetMinutes: number, timeZone?: string): string {
  if (timeZone === 'Asia/Seoul') return 'KST';
  if (offsetMinutes === 0) return 'UTC';
  const sign = offsetMinutes > 0 ? '+' : '-';
  const abs = Math.abs(offsetMinutes);
  const h = Math.floor(abs / 60);
  const m = abs % 60;
  return `UTC${sign}${h}${m ? `:${pad(m)}` : ''}`;
}

/** `16:39`: the time of day of `d`, a Date shifted so that its UTC fields are the zone's. */
const clockTime = (d: Date) => `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;

/** `2026-03-04 16:39 KST`: the instant shown in a zone given by its offset. */
export function formatAbsolute(ms: number, offsetMinutes: number, timeZone?: string): string {
  const d = new Date(ms + offsetMinutes * 60_000);
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  return `${date} ${clockTime(d)} ${zoneLabel(offsetMinutes, timeZone)}`;
}

// The zone's name comes from the app (`app_info`), not from Intl.DateTimeFormat: the page's
// first Intl object costs about 35 ms at start-up in WebKitGTK (BENCHMARKS.md).
let localZoneName: string | undefined;

/** Names the computer's time zone (IANA, e.g. `Asia/Seoul`) for zone labels. */
export function setLocalTimeZone(name: string | null | undefined): void {
  localZoneName = name ?? undefined;
}

/** The computer's own zone, for showing an instant in local time. */
export function formatLocal(ms: number): string {
  return formatAbsolute(ms, -new Date(ms).getTimezoneOffset(), localZoneName);
}

/** `2026-03-04`: the calendar day of an instant on this computer (the day a custom Created range names). */
export function formatLocalDay(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** `14:05`: the time of day of an instant on this computer, for something that just happened. */
export function formatLocalTime(ms: number): string {
  return clockTime(new Date(ms - new Date(ms).getTimezoneOffset() * 60_000));
}

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/** "3 h ago", "in 2 days", "just now": coarse, in the user's language. */
export function relativeTime(ms: number, now: number, t: Translate): string {
  const diff = ms - now;
  const abs = Math.abs(diff);
  const past = diff < 0;
  if (abs < 45_000) return t('rel.now');
  if (abs < HOUR) {
    const n = Math.max(1, Math.round(abs / MIN));
    return t(past ? 'rel.minAgo' : 'rel.minIn', { n });
  }
  if (abs < DAY) {
    const n = Math.round(abs / HOUR);
    if (n < 24) return t(past ? 'rel.hourAgo' : 'rel.hourIn', { n });
  }
  const days = Math.round(abs / DAY);
  if (days <= 1) return t(past ? 'rel.oneDayAgo' : 'rel.oneDayIn');
  if (days < 30) return t(past ? 'rel.dayAgo' : 'rel.dayIn', { n: days });
  if (days < 365) {
    const n = Math.round(days / 30.44);
    return t(past ? 'rel.monthAgo' : 'rel.monthIn', { n: Math.max(1, n) });
  }
  const years = Math.round(days / 365.25);
  return t(past ? 'rel.yearAgo' : 'rel.yearIn', { n: Math.max(1, years) });
}

/** What a date cell shows: absolute local time + relative hint, or the raw text if unparseable. */
export type DateDisplay =
  | { kind: 'none' }
  | { kind: 'raw'; text: string }
  | { kind: 'date'; absolute: string; relative: string; ms: number };

export function displayDate(raw: string | undefined, ms: number | null, now: number, t: Translate): DateDisplay {
  if (raw === undefined || raw === null || raw === '') return { kind: 'none' };
  if (ms === null) return { kind: 'raw', text: String(raw) };
  return { kind: 'date', absolute: formatLocal(ms), relative: relativeTime(ms, now, t), ms };
}
