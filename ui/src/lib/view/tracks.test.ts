import { describe, expect, it } from 'vitest';
import { MAX_WIDTH, MIN_WIDTH } from './layout';
import { keyedWidth, WIDTH_STEP, WIDTH_STEP_LARGE } from './tracks';

describe('keyedWidth', () => {
  it('steps the width with the arrow keys, further with Shift', () => {
    expect(keyedWidth('ArrowRight', false, 120)).toBe(120 + WIDTH_STEP);
    expect(keyedWidth('ArrowLeft', false, 120)).toBe(120 - WIDTH_STEP);
    expect(keyedWidth('ArrowRight', true, 120)).toBe(120 + WIDTH_STEP_LARGE);
    expect(keyedWidth('ArrowLeft', true, 120)).toBe(120 - WIDTH_STEP_LARGE);
    expect(keyedWidth('ArrowRight', false, 120.6)).toBe(131);
  });

  it('stays within the allowed widths; Home and End go to their ends', () => {
    expect(keyedWidth('ArrowLeft', true, MIN_WIDTH + 5)).toBe(MIN_WIDTH);
    expect(keyedWidth('ArrowRight', true, MAX_WIDTH - 5)).toBe(MAX_WIDTH);
    expect(keyedWidth('Home', false, 300)).toBe(MIN_WIDTH);
    expect(keyedWidth('End', false, 300)).toBe(MAX_WIDTH);
  });

  it('fits on Enter and leaves every other key alone', () => {
    expect(keyedWidth('Enter', false, 300)).toBe('fit');
    for (const key of ['ArrowUp', 'ArrowDown', ' ', 'Tab', 'a', 'Escape']) expect(keyedWidth(key, false, 300)).toBeNull();
  });
});
