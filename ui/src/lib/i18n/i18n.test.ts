import { describe, expect, it } from 'vitest';
import { en } from './en';
import { ko } from './ko';
import { formatNumber, interpolate, makeTranslate, pickLocale } from './index';
import { errorText, KNOWN_ERROR_CODES } from './errors';

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
  it('has a message and hint for every known error code', () => {
    const t = makeTranslate('ko');
    for (const code of KNOWN_ERROR_CODES) {
      expect(en[`err.${code}.message` as keyof typeof en], code).toBeTruthy();
      expect(en[`err.${code}.hint` as keyof typeof en], code).toBeTruthy();
      const text = errorText({ code, message: 'backend msg', hint: 'backend hint', detail: null }, t);
      expect(text.hint).not.toBe('backend hint');
    }
  });
  it('keeps the backend message for clock_skew and for unknown codes', () => {
    const t = makeTranslate('en');
    expect(errorText({ code: 'clock_skew', message: "your computer's clock is 7 minutes off", hint: 'x', detail: null }, t).message).toBe(
      "your computer's clock is 7 minutes off",
    );
    expect(errorText({ code: 'brand_new', message: 'New thing', hint: 'Do X', detail: null }, t)).toEqual({ message: 'New thing', hint: 'Do X' });
    expect(errorText({ code: 'auth_failed', message: 'x', hint: 'y', detail: null }, t).message).toBe(
      'The access key or secret key was not accepted.',
    );
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
