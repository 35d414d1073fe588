// The rows selected for comparison: two at most, by row id.

/** How many rows a comparison takes. */
export const PICKS = 2;

/**
 * Selects or unselects a row. A third selected row replaces the earliest one. `open`, the row
 * whose details are shown, counts as already selected when nothing else is: click one row,
 * then Ctrl+click another, and both are selected.
 */
export function togglePick(picked: readonly string[], id: string, open: string | null = null): string[] {
  if (picked.includes(id)) return picked.filter((p) => p !== id);
  const before = picked.length === 0 && open !== null && open !== id ? [open] : picked;
  return [...before, id].slice(-PICKS);
}
