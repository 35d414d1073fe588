import { afterEach, describe, expect, it, vi } from 'vitest';
import { ensurePageLanguage } from './pageLanguage';

afterEach(() => vi.unstubAllGlobals());

describe('ensurePageLanguage', () => {
  it('replaces a POSIX locale name, which Intl refuses, with the app locale', () => {
    vi.stubGlobal('navigator', { language: 'C' });
    expect(() => new Intl.NumberFormat(navigator.language)).toThrow(RangeError);
    ensurePageLanguage('en');
    expect(navigator.language).toBe('en');
    expect(new Intl.NumberFormat(navigator.language).format(1234)).toBe('1,234');
  });

  it('leaves a valid language as it is', () => {
    vi.stubGlobal('navigator', { language: 'ko-KR' });
    ensurePageLanguage('en');
    expect(navigator.language).toBe('ko-KR');
  });
});
