import type { AppError } from '../bindings';
import type { MessageKey, Translate } from './index';

/** Codes the backend documents. Anything else falls back to the backend's own text. */
export const KNOWN_ERROR_CODES = [
  'auth_failed',
  'permission_denied',
  'clock_skew',
  'not_found',
  'rate_limited',
  'service_unavailable',
  'timeout',
  'network',
  'invalid_response',
  'invalid_input',
  'too_many_results',
  'keychain_unavailable',
  'missing_keys',
  'profile_not_found',
  'profile_exists',
  'settings_corrupt',
  'settings_io',
  'internal',
] as const;
export type KnownErrorCode = (typeof KNOWN_ERROR_CODES)[number];

export function isKnownCode(code: string): code is KnownErrorCode {
  return (KNOWN_ERROR_CODES as readonly string[]).includes(code);
}

/** What to show a person for an error: matched on `code`, never on the message text. */
export function errorText(err: AppError, t: Translate): { message: string; hint: string } {
  if (!isKnownCode(err.code)) {
    return { message: err.message, hint: err.hint };
  }
  const hint = t(`err.${err.code}.hint` as MessageKey);
  if (err.code === 'clock_skew') {
    // The backend knows by how many minutes the clock is off: its message says it best.
    return { message: err.message || t('err.clock_skew.message'), hint };
  }
  return { message: t(`err.${err.code}.message` as MessageKey), hint };
}
