// The `moving` scenario: trainings move along between listings, as they do on a busy service.
import type { Train } from '../lib/bindings';
import { kstString } from './data';

const NEXT: Record<string, string> = { requesting: 'waiting', waiting: 'learning' };
const TYPES = ['personalRecommend', 'relatedItem', 'pop'] as const;

/**
 * Moves every training under way one step (requesting → waiting → learning → completed,
 * every third one ending learningFailed instead) and adds a new requested one on top.
 * `step` counts the moves of this list, from 1.
 */
export function moveAlong(trains: Train[], serviceId: string, step: number): void {
  let finished = 0;
  for (const train of trains) {
    const status = String(train.status);
    if (NEXT[status]) train.status = NEXT[status];
    else if (status === 'learning') {
      finished += 1;
      const failed = finished % 3 === 0;
      train.status = failed ? 'learningFailed' : 'completed';
      train.inference = !failed;
    }
  }
  trains.unshift({
    serviceId,
    type: TYPES[step % TYPES.length] ?? 'pop',
    version: `new${String(step).padStart(8, '0')}`,
    description: 'Requested while you were looking',
    status: 'requesting',
    createdDate: kstString(Date.now(), 3),
    hpConfig: { is_enabled: false },
    inference: false,
  });
}
