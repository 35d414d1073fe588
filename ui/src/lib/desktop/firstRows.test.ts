import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterFirstRows, FIRST_ROWS_MARK, markFirstRows, PAINT_WAIT_MS, ROWS_PAINTED_MARK } from './firstRows';

const settle = (ms = 20) => new Promise((r) => setTimeout(r, ms));

/** Animation frames, run when the test says a frame is painted. */
let frames: (() => void)[] = [];
const paint = () => frames.splice(0).forEach((f) => f());

beforeEach(() => {
  frames = [];
  vi.stubGlobal('requestAnimationFrame', (f: () => void) => frames.push(f));
});
afterEach(() => {
  performance.clearMarks(FIRST_ROWS_MARK);
  performance.clearMarks(ROWS_PAINTED_MARK);
  vi.unstubAllGlobals();
});

describe('afterFirstRows', () => {
  it('waits for the first rows, then runs the task once', async () => {
    const task = vi.fn();
    afterFirstRows(task, 5_000);
    await settle();
    expect(task).not.toHaveBeenCalled();
    markFirstRows();
    markFirstRows();
    await settle();
    expect(task, 'not before the frame that shows the rows').not.toHaveBeenCalled();
    expect(performance.getEntriesByName(ROWS_PAINTED_MARK)).toHaveLength(0);
    paint();
    await settle();
    expect(task).toHaveBeenCalledTimes(1);
    expect(performance.getEntriesByName(ROWS_PAINTED_MARK)).toHaveLength(1);
    expect(performance.getEntriesByName(FIRST_ROWS_MARK)).toHaveLength(1);
  });

  it('runs without a frame in the end, as while the window is hidden', async () => {
    markFirstRows();
    const task = vi.fn();
    afterFirstRows(task, 5_000);
    await settle(PAINT_WAIT_MS / 2);
    expect(task).not.toHaveBeenCalled();
    await settle(PAINT_WAIT_MS);
    expect(task).toHaveBeenCalledTimes(1);
  });

  it('runs after the next frame when the rows are already on screen', async () => {
    markFirstRows();
    const task = vi.fn();
    afterFirstRows(task, 5_000);
    paint();
    await settle();
    expect(task).toHaveBeenCalledTimes(1);
  });

  it('runs in the end when no rows come', async () => {
    const task = vi.fn();
    afterFirstRows(task, 30);
    await settle(10);
    expect(task).not.toHaveBeenCalled();
    await settle(60);
    expect(task).toHaveBeenCalledTimes(1);
    markFirstRows();
    await settle();
    expect(task).toHaveBeenCalledTimes(1);
  });
});
