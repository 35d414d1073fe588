// Two trainings side by side: every field either has and every `hpConfig` option either has,
// each with both values and whether they are the same.
import { TRAIN_FIELDS, type Train } from '../bindings';
import { orderKeys, sortHpKeys } from './hpo';
import { sameJson } from './rows';

/** One line of a comparison: a top-level field or an `hpConfig` option. `undefined`: not there. */
export type DiffLine = { section: 'field' | 'hpConfig'; key: string; a: unknown; b: unknown; same: boolean };

type Json = Record<string, unknown>;

const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

const line = (section: DiffLine['section'], key: string, a: Json, b: Json): DiffLine => ({
  section,
  key,
  a: a[key],
  b: b[key],
  same: sameJson(a[key], b[key]),
});

/**
 * Compares two trainings: the documented fields in API order, then any other field A-Z, then
 * each `hpConfig` option of either (documented options first). An `hpConfig` that is not an
 * object on either side is compared as a field instead, so nothing received is left out.
 */
export function compareTrains(a: Train, b: Train): DiffLine[] {
  const hpOptions = [a.hpConfig, b.hpConfig].every((hp) => hp === undefined || isRecord(hp));
  const fieldKeys = orderKeys([...Object.keys(a), ...Object.keys(b)], TRAIN_FIELDS).filter((k) => !hpOptions || k !== 'hpConfig');
  const lines = fieldKeys.map((key) => line('field', key, a, b));
  if (!hpOptions) return lines;
  const hpA: Json = a.hpConfig ?? {};
  const hpB: Json = b.hpConfig ?? {};
  const hpKeys = sortHpKeys([...Object.keys(hpA), ...Object.keys(hpB)]);
  return [...lines, ...hpKeys.map((key) => line('hpConfig', key, hpA, hpB))];
}

/** The lines to show: all, or only those that differ. */
export function shownLines(lines: readonly DiffLine[], onlyDifferences: boolean): readonly DiffLine[] {
  return onlyDifferences ? lines.filter((l) => !l.same) : lines;
}

/** "Copy as JSON": the trainings as received, pretty-printed, as one array. */
export function trainsJson(trains: readonly Train[]): string {
  return JSON.stringify(trains, null, 2);
}
