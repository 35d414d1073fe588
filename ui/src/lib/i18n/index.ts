import { en, type Dictionary, type MessageKey } from './en';
import { ko } from './ko';

export type Locale = 'en' | 'ko';
export type { MessageKey, Dictionary };
export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

export const dictionaries: Record<Locale, Dictionary> = { en, ko };

/** `ko`, `ko-KR` -> ko; everything else -> en. */
export function pickLocale(languages: readonly string[] | undefined): Locale {
  for (const lang of languages ?? []) {
    const base = lang.toLowerCase().split(/[-_]/)[0];
    if (base === 'ko') return 'ko';
    if (base === 'en') return 'en';
  }
  return 'en';
}

export function interpolate(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export function makeTranslate(locale: Locale): Translate {
  const dict = dictionaries[locale];
  return (key, params) => interpolate(dict[key] ?? en[key] ?? key, params);
}

function detectLocale(): Locale {
  if (typeof navigator === 'undefined') return 'en';
  const langs = navigator.languages?.length ? navigator.languages : [navigator.language];
  return pickLocale(langs);
}

export const locale: Locale = detectLocale();
export const t: Translate = makeTranslate(locale);
/**
 * `12345` -> `12,345`: English and Korean both group digits by three with a comma. Written
 * out rather than through Intl.NumberFormat: the page's first Intl object loads ICU data,
 * about 35 ms at start-up in WebKitGTK (BENCHMARKS.md).
 */
export function formatNumber(n: number): string {
  const [whole = '', fraction] = String(Math.abs(n)).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${n < 0 ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}
