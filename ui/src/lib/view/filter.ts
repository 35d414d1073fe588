/** Filter text as typed -> what rows are matched against (trimmed, lower case). */
export function normalizeQuery(q: string | undefined | null): string {
  return (q ?? '').trim().toLowerCase();
}

/** Does a row's lower-cased haystack contain the normalised query? Empty query matches all. */
export function matchesQuery(haystack: string, normalizedQuery: string): boolean {
  return normalizedQuery === '' || haystack.includes(normalizedQuery);
}

/** Status/type facet filter: an empty selection means "all". */
export function matchesSet(value: string, selected: readonly string[] | undefined): boolean {
  return !selected || selected.length === 0 || selected.includes(value);
}

export type Segment = { text: string; match: boolean };

/** Split `text` into plain and matching parts (case-insensitive) for highlighting. */
export function highlightSegments(text: string, query: string): Segment[] {
  const q = normalizeQuery(query);
  if (!q || !text) return text ? [{ text, match: false }] : [];
  const lower = text.toLowerCase();
  // Lower-casing can change length for a few characters (e.g. 'İ'); then skip highlighting.
  if (lower.length !== text.length) return [{ text, match: false }];
  const out: Segment[] = [];
  let from = 0;
  for (;;) {
    const at = lower.indexOf(q, from);
    if (at < 0) break;
    if (at > from) out.push({ text: text.slice(from, at), match: false });
    out.push({ text: text.slice(at, at + q.length), match: true });
    from = at + q.length;
  }
  if (from < text.length) out.push({ text: text.slice(from), match: false });
  return out;
}

/** Count of rows per value, for the facet menus ("Ready (12)"). */
export function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) {
    const k = key(item);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts;
}
