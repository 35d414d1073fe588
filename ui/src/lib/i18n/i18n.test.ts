import { describe, expect, it } from 'vitest';
import { en } from './en';
import { ko } from './ko';
import { formatNumber, interpolate, makeTranslate, pickLocale } from './index';
import { ERROR_CODES, type AppError } from '../bindings';
import { errorText } from './errors';
import { koErrors } from './errors.ko';

describe('i18n', () => {
  it('has the same keys in en and ko, none empty', () => {
    expect(Object.keys(ko).sort()).toEqual(Object.keys(en).sort());
    for (const [k, v] of Object.entries(ko)) expect(v.trim(), k).not.toBe('');
  });
  it('uses the same placeholders in both languages', () => {
    const ph = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(en) as (keyof typeof en)[]) expect(ph(ko[key]), key).toEqual(ph(en[key]));
  });
  it('picks the locale from navigator languages', () => {
    expect(pickLocale(['ko-KR'])).toBe('ko');
    expect(pickLocale(['fr-FR', 'ko'])).toBe('ko');
    expect(pickLocale(['en-GB', 'ko'])).toBe('en');
    expect(pickLocale([])).toBe('en');
  });
  it('interpolates', () => {
    expect(interpolate('Showing {shown} of {total}', { shown: 1, total: 2 })).toBe('Showing 1 of 2');
    expect(interpolate('{missing}', {})).toBe('{missing}');
  });
});

const error = (over: Partial<AppError>): AppError => ({
  code: 'auth_failed',
  message: 'backend message',
  hint: 'backend hint',
  detail: null,
  specific: false,
  ...over,
});

describe('errorText', () => {
  it('has Korean words for every error code the backend sends', () => {
    for (const code of ERROR_CODES) {
      expect(koErrors[code].message.trim(), code).not.toBe('');
      expect(koErrors[code].hint.trim(), code).not.toBe('');
      expect(errorText(error({ code }), 'ko')).toEqual(koErrors[code]);
    }
  });
  it('shows the backend words in English, the one place they are written', () => {
    expect(errorText(error({ code: 'timeout' }), 'en')).toEqual({ message: 'backend message', hint: 'backend hint' });
  });
  it('shows a specific invalid-input message as it is, in every language', () => {
    const specific = error({
      code: 'invalid_input',
      message: 'Enter both the access key and the secret key.',
      hint: 'Check what you entered and try again.',
      specific: true,
    });
    for (const locale of ['en', 'ko'] as const) {
      expect(errorText(specific, locale).message, locale).toBe('Enter both the access key and the secret key.');
    }
  });
  it('keeps the minutes of a clock skew', () => {
    const skew = error({ code: 'clock_skew', message: "Your computer's clock is 7 minutes off.", specific: true });
    expect(errorText(skew, 'ko').message).toContain('7 minutes');
  });
  it('says what really happens to an unreadable settings file', () => {
    // The backend leaves the file untouched and saves nothing until it is fixed or removed.
    const backendHint = 'Fix settings.json in a text editor, or delete it to start with no profiles (the keys stay in the keychain).';
    const corrupt = error({ code: 'settings_corrupt', message: 'The settings file settings.json is damaged.', hint: backendHint, specific: true });
    expect(errorText(corrupt, 'en').hint).toBe(backendHint);
    expect(koErrors.settings_corrupt.hint).not.toMatch(/새 파일 옆에/);
    expect(koErrors.settings_corrupt.hint).toMatch(/지우/);
  });
});

describe('formatNumber', () => {
  it('groups digits by three with commas, as both en-US and ko-KR do', () => {
    for (const n of [0, 7, 999, 1000, 12345, 100000, 1234567, -4321, 1234.5]) {
      expect(formatNumber(n)).toBe(n.toLocaleString('en-US', { maximumFractionDigits: 20 }));
      expect(formatNumber(n)).toBe(n.toLocaleString('ko-KR', { maximumFractionDigits: 20 }));
    }
  });
});
