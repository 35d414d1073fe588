import { formatNumber, type Translate } from '../i18n';

/** HPO options the documentation names, in display order. */
export const DOCUMENTED_HP_OPTIONS = [
  'is_enabled',
  'session_max_timestamp',
  'item_top_n',
  'min_item_cut',
  'min_session_length',
  'max_user_recommend_top',
  'max_relate_recommend_top',
  'group_column',
] as const;

/** Distinct keys in display order: those named in `first`, in its order, then the others A-Z. */
export function orderKeys(keys: Iterable<string>, first: readonly string[]): string[] {
  const rank = (k: string) => (first.includes(k) ? first.indexOf(k) : first.length);
  return [...new Set(keys)].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

/** HPO option names in display order: the documented ones first, then the others A-Z. */
export function sortHpKeys(keys: Iterable<string>): string[] {
  return orderKeys(keys, DOCUMENTED_HP_OPTIONS);
}

export function formatHpValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return '';
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(formatHpValue).join(', ');
  return JSON.stringify(value);
}

/**
 * One short line for the HPO column.
 * "Off" when `is_enabled` is false; otherwise "On" followed by the options that were set
 * (group_column left out: it is a data setting, not a tuning knob).
 */
export function hpoSummary(hp: Record<string, unknown> | undefined | null, t: Translate): string {
  if (!hp || typeof hp !== 'object') return t('hpo.missing');
  if (hp.is_enabled === false) return t('hpo.off');
  const parts: string[] = [];
  for (const [key, value] of Object.entries(hp)) {
    if (key === 'is_enabled' || key === 'group_column') continue;
    parts.push(`${key} ${formatHpValue(value)}`);
  }
  if (hp.is_enabled === true) return [t('hpo.on'), ...parts].join(' · ');
  return parts.length ? parts.join(' · ') : t('hpo.missing');
}

/** Every key and value, for the filter box. */
export function hpoSearchText(hp: Record<string, unknown> | undefined | null): string {
  if (!hp || typeof hp !== 'object') return '';
  return Object.entries(hp)
    .map(([k, v]) => `${k} ${typeof v === 'number' ? String(v) : formatHpValue(v)}`)
    .join(' ');
}
