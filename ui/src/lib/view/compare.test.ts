import { describe, expect, it } from 'vitest';
import type { Train } from '../bindings';
import { compareTrains, shownLines, trainsJson } from './compare';

const a: Train = {
  serviceId: 'kzblozze40q',
  type: 'relatedItem',
  hpConfig: { is_enabled: true, item_top_n: 50000, group_column: ['TIMESTAMP'], zeta: 1 },
  version: 'quyjux9urbk',
  description: '',
  status: 'completed',
  createdDate: '2022-04-04T16:39:01.378',
  inference: true,
  learningTimeSec: 1200,
};
const b: Train = {
  version: 'abcdefghijk',
  type: 'relatedItem',
  serviceId: 'kzblozze40q',
  status: 'learningFailed',
  createdDate: '2022-04-05T10:00:00',
  inference: true,
  hpConfig: { group_column: ['TIMESTAMP'], item_top_n: 20000, session_max_timestamp: 1800, is_enabled: true },
  newField: { nested: [1, 2] },
};

describe('compareTrains', () => {
  const lines = compareTrains(a, b);
  const at = (section: string, key: string) => lines.find((l) => l.section === section && l.key === key);

  it('lists every field of either training, documented ones in API order, then the others A-Z', () => {
    expect(lines.filter((l) => l.section === 'field').map((l) => l.key)).toEqual([
      'serviceId', 'type', 'version', 'description', 'status', 'createdDate', 'inference', 'learningTimeSec', 'newField',
    ]);
  });

  it('lists every hpConfig option of either, documented ones first', () => {
    expect(lines.filter((l) => l.section === 'hpConfig').map((l) => l.key)).toEqual([
      'is_enabled', 'session_max_timestamp', 'item_top_n', 'group_column', 'zeta',
    ]);
  });

  it('marks what differs, what is the same, and what only one of them has', () => {
    expect(at('field', 'type')).toEqual({ section: 'field', key: 'type', a: 'relatedItem', b: 'relatedItem', same: true });
    expect(at('field', 'version')?.same).toBe(false);
    expect(at('field', 'status')).toMatchObject({ a: 'completed', b: 'learningFailed', same: false });
    expect(at('field', 'description')).toMatchObject({ a: '', b: undefined, same: false });
    expect(at('field', 'newField')).toMatchObject({ a: undefined, b: { nested: [1, 2] }, same: false });
    expect(at('hpConfig', 'item_top_n')).toMatchObject({ a: 50000, b: 20000, same: false });
    expect(at('hpConfig', 'group_column')?.same).toBe(true);
    expect(at('hpConfig', 'session_max_timestamp')).toMatchObject({ a: undefined, b: 1800, same: false });
    expect(lines.filter((l) => !l.same).map((l) => l.key)).toEqual([
      'version', 'description', 'status', 'createdDate', 'learningTimeSec', 'newField', 'session_max_timestamp', 'item_top_n', 'zeta',
    ]);
  });

  it('tells an absent value from null', () => {
    const [line] = compareTrains({ description: null } as unknown as Train, {}).filter((l) => l.key === 'description');
    expect(line).toMatchObject({ a: null, b: undefined, same: false });
  });

  it('treats a training without hpConfig as having no options', () => {
    const noHp = compareTrains({ version: 'x' }, { version: 'x', hpConfig: { is_enabled: false } });
    expect(noHp).toEqual([
      { section: 'field', key: 'version', a: 'x', b: 'x', same: true },
      { section: 'hpConfig', key: 'is_enabled', a: undefined, b: false, same: false },
    ]);
  });

  it('compares an hpConfig that is not an object as a field, leaving nothing out', () => {
    const odd = compareTrains({ hpConfig: 'off' } as unknown as Train, { hpConfig: { is_enabled: false } });
    expect(odd).toEqual([{ section: 'field', key: 'hpConfig', a: 'off', b: { is_enabled: false }, same: false }]);
  });

  it('finds nothing to show in "only differences" for the same training', () => {
    const same = compareTrains(a, structuredClone(a));
    expect(same.every((l) => l.same)).toBe(true);
    expect(shownLines(same, true)).toEqual([]);
    expect(shownLines(same, false)).toHaveLength(same.length);
  });

  it('folds the lines with the same value', () => {
    expect(shownLines(lines, true).every((l) => !l.same)).toBe(true);
    expect(shownLines(lines, true)).toHaveLength(9);
  });
});

describe('trainsJson', () => {
  it('is the trainings as received, pretty-printed, as an array', () => {
    const text = trainsJson([a, b]);
    expect(JSON.parse(text)).toEqual([a, b]);
    expect(text).toContain('\n  {\n    "serviceId": "kzblozze40q"');
    expect(text.indexOf('"learningTimeSec"')).toBeGreaterThan(0);
  });
});
