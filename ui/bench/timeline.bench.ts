// Binning 100,000 trainings for the timeline (run on every filter change while it shows).
// Usage: npm run bench:timeline
import { bench, describe } from 'vitest';
import { statusTone } from '../src/lib/view/status';
import { binTimeline } from '../src/lib/view/timeline';

const STATUSES = ['completed', 'completed', 'ready', 'learningFailed', 'waiting', 'requestFailed', 'learning', 'stopping'];
const NOW = Date.UTC(2026, 2, 10, 3);
// One training every 11 minutes (about two years), one in 1,000 without a readable date.
const rows = Array.from({ length: 100_000 }, (_, i) => {
  const status = STATUSES[i % STATUSES.length]!;
  return { createdMs: i % 1000 === 999 ? null : NOW - i * 11 * 60_000, statusTone: statusTone(status) };
});

describe('timeline bins, 100,000 trainings', () => {
  bench('by week (the automatic choice)', () => {
    binTimeline(rows, (r) => r.createdMs, (r) => r.statusTone);
  });
  bench('by day', () => {
    binTimeline(rows, (r) => r.createdMs, (r) => r.statusTone, 'day');
  });
});
