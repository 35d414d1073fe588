import { describe, expect, it, vi } from 'vitest';
import type { Change, Train } from '../bindings';
import { makeTranslate } from '../i18n';
import { TrainTable } from '../state/table.svelte';
import { RowBuilder, toRows } from '../view/rows';
import { markedKeys, markLabel, marksByKey, markOf, type UnseenChange } from './marks';

const markSeen = vi.fn(async () => null);
vi.mock('../api', () => ({ api: { markSeen: (...args: unknown[]) => markSeen(...(args as [])) } }));
const { ChangeMarks } = await import('./changeMarks.svelte');

const en = makeTranslate('en');
const ko = makeTranslate('ko');
const trains: Train[] = [
  { type: 'pop', version: 'v1', status: 'completed' },
  { type: 'pop', version: 'v2', status: 'requesting' },
  { type: 'relatedItem', version: 'v1', status: 'learning' },
  { type: 'pop', version: 'v3', status: 'ready' },
];
const rows = toRows(trains, en);
const moved: Change = { kind: 'statusChanged', key: { type: 'pop', version: 'v1' }, from: 'learning', to: 'completed' };
const added: Change = { kind: 'new', key: { type: 'pop', version: 'v2' }, status: 'requesting' };
const gone: Change = { kind: 'new', key: { type: 'pop', version: 'elsewhere' }, status: null };

describe('change marks', () => {
  it('mark the rows whose training changed, by type and version', () => {
    const marks = marksByKey([moved, added, gone]);
    expect(rows.map((r) => markOf(r, marks)?.kind)).toEqual(['statusChanged', 'new', undefined, undefined]);
    expect(markedKeys(rows, marks), 'only rows on screen count').toEqual(['pop:v1', 'pop:v2']);
  });

  it('say what changed in plain status words, in each language', () => {
    expect(markLabel(added, en)).toBe('New');
    expect(markLabel(moved, en)).toBe('Training → Completed');
    expect(markLabel({ ...moved, from: 'waiting', to: 'learningFailed' }, en)).toBe('Waiting → Failed: training');
    expect(markLabel({ ...moved, from: null, to: 'archived' }, en)).toBe('Unknown → archived');
    expect(markLabel(added, ko)).toBe('신규');
    expect(markLabel(moved, ko)).toBe('학습 중 → 완료');
  });
});

describe('ChangeMarks', () => {
  function setup(unseen: Change[]) {
    const loader = { rows, unseen, key: { profile: 'Work', serviceId: 's1', recent: false, kept: true }, forgetUnseen(seen: (c: Change) => boolean) {
      this.unseen = this.unseen.filter((c) => !seen(c));
    } };
    const table = new TrainTable();
    table.setData(rows);
    const marks = new ChangeMarks(loader as never, table);
    return { loader, table, marks };
  }
  const versions = (table: TrainTable) => table.rows.map((r) => r.original.id);

  it('the Changed filter shows only the marked rows, and keeps a row once opened', () => {
    const { table, marks, loader } = setup([moved, added]);
    marks.setFiltering(true);
    expect(marks.filtering).toBe(true);
    expect(versions(table).sort()).toEqual(['pop:v1', 'pop:v2']);
    marks.seen(rows[0]!);
    expect(loader.unseen).toEqual([added]);
    expect(markSeen).toHaveBeenLastCalledWith('Work', 's1', [{ type: 'pop', version: 'v1' }]);
    marks.keepFilterCurrent();
    expect(versions(table).sort(), 'the opened row stays while the filter is on').toEqual(['pop:v1', 'pop:v2']);
    marks.setFiltering(false);
    expect(table.rows).toHaveLength(4);
  });

  it('the Changed filter takes in rows marked since it was turned on', () => {
    const { table, marks, loader } = setup([moved]);
    marks.setFiltering(true);
    loader.unseen = [moved, added];
    marks.keepFilterCurrent();
    expect(versions(table).sort()).toEqual(['pop:v1', 'pop:v2']);
  });

  it('Mark all as seen clears every mark, turns the filter off and tells the backend', () => {
    const { table, marks, loader } = setup([moved, added]);
    marks.setFiltering(true);
    marks.allSeen();
    expect(loader.unseen).toEqual([]);
    expect(marks.filtering).toBe(false);
    expect(table.rows).toHaveLength(4);
    expect(markSeen).toHaveBeenLastCalledWith('Work', 's1', null);
  });

  it('opening an unmarked row tells the backend nothing', () => {
    markSeen.mockClear();
    const { marks } = setup([moved]);
    marks.seen(rows[3]!);
    expect(markSeen).not.toHaveBeenCalled();
  });
});

describe('change marks in the view of every service', () => {
  const builder = new RowBuilder(en);
  builder.add(trains.slice(0, 2), { id: 'shop', name: 'Shop' });
  builder.add(trains.slice(0, 2), { id: 'news', name: 'News' });
  const everyRows = builder.rows;
  const inNews: UnseenChange = { ...moved, serviceId: 'news' };

  it('mark only the row of the service the change is about', () => {
    const marks = marksByKey([inNews]);
    expect(everyRows.map((r) => markOf(r, marks)?.kind)).toEqual([undefined, undefined, 'statusChanged', undefined]);
    expect(markedKeys(everyRows, marks)).toEqual(['news/pop:v1']);
  });

  it('opening a row tells the backend about its own service; Mark all as seen about each service', () => {
    const loader = { rows: everyRows, unseen: [inNews, { ...added, serviceId: 'shop' }] as UnseenChange[], key: { profile: 'Work', serviceId: '*', recent: false, kept: false }, forgetUnseen(seen: (c: UnseenChange) => boolean) {
      this.unseen = this.unseen.filter((c) => !seen(c));
    } };
    const table = new TrainTable();
    table.setData(everyRows);
    const marks = new ChangeMarks(loader as never, table);
    marks.seen(everyRows[0]!);
    expect(loader.unseen, 'the same training of another service keeps its mark').toHaveLength(2);
    marks.seen(everyRows[2]!);
    expect(markSeen).toHaveBeenLastCalledWith('Work', 'news', [{ type: 'pop', version: 'v1' }]);
    expect(loader.unseen.map((c) => c.serviceId)).toEqual(['shop']);
    markSeen.mockClear();
    marks.allSeen();
    expect(markSeen.mock.calls).toEqual([['Work', 'shop', null]]);
  });
});
