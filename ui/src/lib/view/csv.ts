/** RFC 4180 field: quoted when it holds a comma, quote, or line break; quotes doubled. */
export function csvField(value: unknown): string {
  const s = value === undefined || value === null ? '' : String(value);
  // Guard against spreadsheet formula injection (=, +, -, @ at the start).
  const safe = /^[=+\-@\t\r]/.test(s) && !/^-?\d[\d.,]*$/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export type CsvColumn<T> = { header: string; value: (row: T) => unknown };

/** Header line + one line per row, CRLF line ends, UTF-8 BOM so Excel reads Korean correctly. */
export function buildCsv<T>(rows: readonly T[], cols: readonly CsvColumn<T>[], bom = true): string {
  const lines = [cols.map((c) => csvField(c.header)).join(',')];
  for (const row of rows) lines.push(cols.map((c) => csvField(c.value(row))).join(','));
  return (bom ? '\uFEFF' : '') + lines.join('\r\n') + '\r\n';
}
