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

/** The performance mark set once the frame that first shows rows has been painted. */
export const ROWS_PAINTED_MARK = 'aitems:first-rows-painted';

/** Sets the first rows' mark, and the painted one after the next frame; the first time only. */
export function markFirstRows(): void {
  if (marked()) return;
  performance.mark(FIRST_ROWS_MARK);
  requestAnimationFrame(() => setTimeout(() => markOnce(ROWS_PAINTED_MARK)));
}

/** How long a task waits for the frame that shows the rows, at most (no frames come while the window is hidden). */
export const PAINT_WAIT_MS = 250;

/**
 * Runs `task` once, when the frame that first shows rows has been painted (its mark; work done
 * before would hold that frame back: loading the timeline's chart took about 70 ms there in
 * WebKitGTK), PAINT_WAIT_MS after the rows when that frame does not come, or `latestMs` from
 * now when no rows come (the first-run screen, an error, a service without trainings).
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
  const seen = (name: string) => {
    if (name === ROWS_PAINTED_MARK) run();
    else if (name === FIRST_ROWS_MARK) setTimeout(run, PAINT_WAIT_MS);
  };
  const observer = new PerformanceObserver((entries) => entries.getEntries().forEach((entry) => seen(entry.name)));
  const latest = setTimeout(run, latestMs);
  observer.observe({ type: 'mark' });
  if (marked(ROWS_PAINTED_MARK)) setTimeout(run);
  else if (marked()) seen(FIRST_ROWS_MARK);
}
