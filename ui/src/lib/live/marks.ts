// Change marks: which rows carry one and what it says. The backend tells which changes the
// user has not seen yet (`unseen`); the table marks the rows of those trainings.
import type { Change, TrainKey } from '../bindings';
import type { Translate } from '../i18n';
import { statusLabel } from '../view/status';
import { changeKey, type TrainRow } from '../view/rows';

/** A change the user has not seen, with its service in the view of every service. */
export type UnseenChange = Change & { serviceId?: string };

/** Unseen changes by the key of their training (`changeKey`), the way rows look them up. */
export function marksByKey(unseen: readonly UnseenChange[]): Map<string, Change> {
  return new Map(unseen.map((change) => [keyOf(change), change]));
}

/** The key of a change's training, as `changeKey` gives a row's. */
export function keyOf(change: UnseenChange): string {
  return changeKey({ serviceId: change.serviceId ?? '', type: change.key.type, version: change.key.version });
}

/** The mark of a row, if its training changed unseen. */
export function markOf(row: TrainRow, marks: ReadonlyMap<string, Change>): Change | undefined {
  return marks.size === 0 ? undefined : marks.get(changeKey(row));
}

/** The keys of the rows that carry a mark, in row order. */
export function markedKeys(rows: readonly TrainRow[], marks: ReadonlyMap<string, Change>): string[] {
  if (marks.size === 0) return [];
  const out: string[] = [];
  for (const row of rows) {
    const key = changeKey(row);
    if (marks.has(key)) out.push(key);
  }
  return out;
}

/** What a mark says: "New", or the move in plain status words ("Training → Completed"). */
export function markLabel(change: Change, t: Translate): string {
  if (change.kind === 'new') return t('marks.new');
  return t('marks.moved', { from: statusLabel(change.from ?? undefined, t), to: statusLabel(change.to ?? undefined, t) });
}
