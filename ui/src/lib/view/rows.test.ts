// Rows made together share the texts that depend on type, status, description and HPO
// settings alone (RowTexts): each must be what the row would have worked out alone.
import { describe, expect, it } from 'vitest';
import type { Train } from '../bindings';
import { makeTranslate } from '../i18n';
import { RowTexts, toRow, toRows } from './rows';

const t = makeTranslate('en');

const HP: Train['hpConfig'][] = [
  undefined,
  {},
  { is_enabled: false },
  { is_enabled: true },
  { is_enabled: true, item_top_n: 50000 },
  { item_top_n: 50000, is_enabled: true }, // same settings, another order: listed in that order
  { is_enabled: true, item_top_n: '50000' }, // a string, not a number
  { is_enabled: true, item_top_n: 0 },
  { is_enabled: true, item_top_n: null },
  { is_enabled: true, group_column: ['TIMESTAMP'] },
  { is_enabled: true, group_column: ['TIMESTAMP', 'USER_ID'] },
  { is_enabled: true, group_column: 'TIMESTAMP' },
  { is_enabled: true, nested: { a: 1 } },
  { is_enabled: true, nested: '{"a":1}' }, // the text of the object above
  { is_enabled: 'item_top_n', item_top_n: 'is_enabled' }, // values that are key names
  { is_enabled: 'item_top_n' },
];
const TYPES = ['pop', 'relatedItem', 'seasonal', ''];
const STATUSES = ['ready', 'learningFailed', 'archived', ''];
const DESCRIPTIONS = ['Weekly', '신상품 반영', '', 'pop'];

/** Every combination, twice over (the second time from the shared texts). */
function trains(): Train[] {
  const out: Train[] = [];
  for (let round = 0; round < 2; round++) {
    let c = 0;
    for (const hpConfig of HP) {
      for (const type of TYPES) {
        for (const status of STATUSES) {
          const train: Train = { type, status, description: DESCRIPTIONS[c % DESCRIPTIONS.length]!, version: `v${round}-${c++}` };
          if (hpConfig !== undefined) train.hpConfig = structuredClone(hpConfig);
          out.push(train);
        }
      }
    }
  }
  return out;
}

describe('rows made together', () => {
  it('have the texts each row works out alone', () => {
    const list = trains();
    const together = toRows(list, t);
    list.forEach((train, i) => expect(together[i]).toEqual(toRow(train, together[i]!.id, t)));
  });

  it('share one string per distinct combination', () => {
    const texts = new RowTexts(t);
    const a = toRow({ type: 'pop', status: 'ready', description: 'Weekly', hpConfig: { is_enabled: true, item_top_n: 5 } }, 'a', t, { texts });
    const b = toRow({ type: 'pop', status: 'ready', description: 'Weekly', hpConfig: { is_enabled: true, item_top_n: 5 } }, 'b', t, { texts });
    const c = toRow({ type: 'pop', status: 'ready', description: 'Weekly', hpConfig: { item_top_n: 5, is_enabled: true } }, 'c', t, { texts });
    expect(b.haystack).toBe(a.haystack);
    expect(texts.of('pop', 'ready', 'Weekly', { is_enabled: true, item_top_n: 5 })).toBe(texts.of('pop', 'ready', 'Weekly', { is_enabled: true, item_top_n: 5 }));
    expect(texts.of('pop', 'ready', 'Weekly', { is_enabled: true, item_top_n: 5 })).not.toBe(texts.of('pop', 'ready', 'Weekly', { item_top_n: 5, is_enabled: true }));
    expect(c.haystack).not.toBe(a.haystack); // the settings searched in their own order
    expect(c.haystack).toContain('item_top_n 5 is_enabled true');
  });

  it('keep the version as the filter key when it is lower case already', () => {
    expect(toRow({ version: 'abc' }, 'x', t).versionKey).toBe('abc');
    expect(toRow({ version: 'AbC' }, 'x', t).versionKey).toBe('abc');
  });
});
