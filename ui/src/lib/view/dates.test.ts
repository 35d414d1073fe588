// parseApiDate reads the API's own shape from character codes and everything else by a
// pattern: both must give the same answer.
import { describe, expect, it } from 'vitest';
import { KST_OFFSET_MINUTES, parseApiDate, parseApiDatePattern } from './dates';

const KST = KST_OFFSET_MINUTES * 60_000;

describe('parseApiDate', () => {
  it('reads the API shape with no fraction or 1-3 fraction digits', () => {
    expect(parseApiDate('2026-03-04T16:39:12')).toBe(Date.UTC(2026, 2, 4, 16, 39, 12) - KST);
    expect(parseApiDate('2026-03-04T16:39:12.5')).toBe(Date.UTC(2026, 2, 4, 16, 39, 12, 500) - KST);
    expect(parseApiDate('2026-03-04T16:39:12.05')).toBe(Date.UTC(2026, 2, 4, 16, 39, 12, 50) - KST);
    expect(parseApiDate('2026-03-04T16:39:12.005')).toBe(Date.UTC(2026, 2, 4, 16, 39, 12, 5) - KST);
    expect(parseApiDate('2026-03-04T16:39:12.')).toBeNull();
    expect(parseApiDate('2026-03-04T16:39:12.0005')).toBeNull();
  });

  it('knows month lengths and leap years', () => {
    expect(parseApiDate('2024-02-29T00:00:00')).toBe(Date.UTC(2024, 1, 29) - KST);
    expect(parseApiDate('2000-02-29T00:00:00')).toBe(Date.UTC(2000, 1, 29) - KST);
    for (const bad of ['2026-02-29T00:00:00', '1900-02-29T00:00:00', '2026-04-31T00:00:00', '2026-02-30T00:00:00.000']) {
      expect(parseApiDate(bad)).toBeNull();
    }
  });

  const cases = [
    // the shape the API sends
    '2022-04-04T16:39:01.378', '2022-04-04T16:39:01.3', '2022-04-04T16:39:01.37', '2022-04-04T16:39:01',
    '2022-01-01T00:00:00.000', '1999-12-31T23:59:59.999', '9999-12-31T23:59:59.999', '0100-01-01T00:00:00',
    // out of range
    '2022-00-10T10:00:00', '2022-13-10T10:00:00', '2022-04-00T10:00:00', '2022-04-32T10:00:00',
    '2022-04-04T24:00:00', '2022-04-04T23:60:00', '2022-04-04T23:59:60', '2022-06-31T10:00:00.1',
    '2023-02-29T10:00:00', '2100-02-29T10:00:00', '2400-02-29T10:00:00', '2020-02-29T10:00:00.12',
    // what only the pattern reads: no seconds, spaces around it, years below 100
    '2022-04-04T16:39', ' 2022-04-04T16:39:01.378', '2022-04-04T16:39:01 ', '\t2022-04-04T16:39:01.5\n',
    '0050-03-01T00:00:00', '0000-01-01T00:00:00.000', '0099-12-31T23:59:59',
    // not such a date
    '', 'soon', '2022-04-04 16:39:01', '2022/04/04T16:39:01', '2022-04-04t16:39:01', '2022-04-04T16:39:01.1234',
    '2022-04-04T16:39:01,378', '2022-4-04T16:39:01.378', '+2022-04-04T16:39:01', '2022-04-04T16:39:01Z',
    '2022-04-04T16:39:01.37Z', '２０２２-04-04T16:39:01', '2022-04-04T16:39:0a', '2022-04-04T1 :39:01',
    'abcd-ef-ghTij:kl:mn', '2022-04-04T16:39:01.-1', '2022-04-04T16:39:-1', '-022-04-04T16:39:01',
  ];

  it('gives what the pattern gives, on edge cases', () => {
    for (const text of cases) expect([text, parseApiDate(text)]).toEqual([text, parseApiDatePattern(text)]);
  });

  it('gives what the pattern gives, on many dates and near-dates', () => {
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % n;
    };
    const two = (n: number) => String(n).padStart(2, '0');
    for (let i = 0; i < 20_000; i++) {
      const year = String(rand(3) === 0 ? rand(10_000) : 1990 + rand(60)).padStart(4, '0');
      const base = `${year}-${two(rand(14))}-${two(rand(33))}T${two(rand(26))}:${two(rand(62))}:${two(rand(62))}`;
      const fraction = ['', '.', `.${rand(10)}`, `.${two(rand(100))}`, `.${String(rand(1000)).padStart(3, '0')}`, `.${rand(10_000)}`][rand(6)];
      let text = base + fraction;
      if (rand(10) === 0) {
        const at = rand(text.length);
        text = text.slice(0, at) + ' -:.T0x'[rand(7)] + text.slice(at + 1);
      }
      expect([text, parseApiDate(text)]).toEqual([text, parseApiDatePattern(text)]);
    }
  });

  it('has no date for a missing value', () => {
    expect(parseApiDate(undefined)).toBeNull();
    expect(parseApiDate(null)).toBeNull();
  });
});
