import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterFirstRows, FIRST_ROWS_MARK, markFirstRows } from './firstRows';

const settle = (ms = 20) => new Promise((r) => setTimeout(r, ms));

afterEach(() => performance.clearMarks(FIRST_ROWS_MARK));

describe('afterFirstRows', () => {
  it('waits for the first rows, then runs the task once', async () => {
    const task = vi.fn();
    afterFirstRows(task, 5_000);
    await settle();
    expect(task).not.toHaveBeenCalled();
    markFirstRows();
    markFirstRows();
    await settle();
    expect(task).toHaveBeenCalledTimes(1);
    expect(performance.getEntriesByName(FIRST_ROWS_MARK)).toHaveLength(1);
  });

  it('runs at once when the rows are already on screen', async () => {
    markFirstRows();
    const task = vi.fn();
    afterFirstRows(task, 5_000);
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
