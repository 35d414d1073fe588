// The grid's column tracks: a width the user set, else the column's default.
import { COLUMN_TRACK, isColumnId, type ColumnTrack } from './columns';
import { HP_TRACK } from './hpColumns';

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
