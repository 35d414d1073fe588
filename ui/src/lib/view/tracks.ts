// The grid's column tracks: a width the user set, else the column's default; and the keys
// that set a width.
import { COLUMN_TRACK, isColumnId, type ColumnTrack } from './columns';
import { HP_TRACK } from './hpColumns';
import { MAX_WIDTH, MIN_WIDTH } from './layout';

const trackOf = (id: string): ColumnTrack => (isColumnId(id) ? COLUMN_TRACK[id] : HP_TRACK);

/** The CSS `grid-template-columns` of these columns, and the width below which the table scrolls. */
export function gridColumns(ids: readonly string[], widths: Readonly<Record<string, number>>): { template: string; minWidth: number } {
  let minWidth = 0;
  const tracks = ids.map((id) => {
    const set = widths[id];
    if (set !== undefined) {
      minWidth += set;
      return `${set}px`;
    }
    const { min, grow } = trackOf(id);
    minWidth += min;
    return grow ? `minmax(${min}px, ${grow}fr)` : `${min}px`;
  });
  return { template: tracks.join(' '), minWidth };
}

/** How far an arrow key moves a column's edge, in CSS pixels, and with Shift. */
export const WIDTH_STEP = 10;
export const WIDTH_STEP_LARGE = 50;

/**
 * What a key pressed on a column's resize handle makes of its width `now`: a new width (the
 * arrows step it, Shift further; Home and End go to the narrowest and the widest), 'fit'
 * (Enter: the content's width), or null for any other key.
 */
export function keyedWidth(key: string, shift: boolean, now: number): number | 'fit' | null {
  const step = shift ? WIDTH_STEP_LARGE : WIDTH_STEP;
  const within = (px: number) => Math.round(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, px)));
  switch (key) {
    case 'ArrowLeft':
      return within(now - step);
    case 'ArrowRight':
      return within(now + step);
    case 'Home':
      return MIN_WIDTH;
    case 'End':
      return MAX_WIDTH;
    case 'Enter':
      return 'fit';
    default:
      return null;
  }
}
