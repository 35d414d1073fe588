// The moment the first rows of trainings reach the screen: the start-up benchmark
// (tests/bench/desktop.mjs) reads it, and work not needed to start waits for it.

/** The performance mark set when the table's first rows are in the DOM. */
export const FIRST_ROWS_MARK = 'aitems:first-rows';

/** The performance mark set when a saved table layout is first applied. */
export const LAYOUT_MARK = 'aitems:layout';
/** The performance mark set when the timeline's chart is first drawn. */
export const TIMELINE_MARK = 'aitems:timeline';

const marked = (name = FIRST_ROWS_MARK) => performance.getEntriesByName(name).length > 0;

/** Sets the performance mark `name`, the first time only. */
export function markOnce(name: string): void {
  if (!marked(name)) performance.mark(name);
}

/** Sets the first rows' mark, the first time only. */
export function markFirstRows(): void {
  markOnce(FIRST_ROWS_MARK);
}

/**
 * Runs `task` once, soon after the first rows are on screen, or `latestMs` from now when no
 * rows come (the first-run screen, an error, a service without trainings).
 */
export function afterFirstRows(task: () => void, latestMs = 8_000): void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    observer.disconnect();
    clearTimeout(latest);
    task();
  };
  const observer = new PerformanceObserver((entries) => {
    if (entries.getEntriesByName(FIRST_ROWS_MARK).length > 0) run();
  });
  const latest = setTimeout(run, marked() ? 0 : latestMs);
  observer.observe({ type: 'mark' });
}
