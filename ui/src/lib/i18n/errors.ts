import type { AppError } from '../bindings';
import { koErrors } from './errors.ko';
import type { Locale } from './index';

type ErrorWords = { message: string; hint: string };

/** Each locale's own words per error code; English uses the backend's, which are English. */
const translations: Partial<Record<Locale, Record<AppError['code'], ErrorWords>>> = { ko: koErrors };

/**
 * What to show a person for an error, chosen by `code`, never by the message text. A message
 * that carries specific information (what was wrong with the input, by how many minutes the
 * clock is off, what was not found) is shown as the backend wrote it; otherwise the UI's own
 * words for the code in the user's language, where it has them.
 */
export function errorText(err: AppError, locale: Locale): ErrorWords {
  const own = translations[locale]?.[err.code];
  if (!own || err.specific) return { message: err.message, hint: err.hint };
  return own;
}
