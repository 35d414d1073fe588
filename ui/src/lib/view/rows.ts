import type { Train } from '../bindings';
import type { Translate } from '../i18n';
import { parseApiDate } from './dates';
import { hpoSearchText, hpoSummary } from './hpo';
import { statusLabel, statusTone, type StatusTone } from './status';
import { typeLabel } from './trainType';

/** A train plus everything the table needs, computed once per load (not per render or per sort). */
export type TrainRow = {
  /** Position in the API answer: a stable id and the tiebreak for sorting. */
  index: number;
  id: string;
  train: Train;
  type: string;
  typeLabel: string;
  version: string;
  status: string;
  statusLabel: string;
  statusTone: StatusTone;
  description: string;
  createdRaw: string | undefined;
  createdMs: number | null;
  nextRaw: string | undefined;
  nextMs: number | null;
  inference: boolean | undefined;
  hpo: string;
  /** Lower-cased version: the filter box searches it and `haystack`. */
  versionKey: string;
  /**
   * Lower-cased text of the other fields the filter box searches, separated by U+0001. Kept
   * apart from the version because rows share it (same description, type, status, HPO), so
   * the filter searches each distinct haystack once (filterModel.ts).
   */
  haystack: string;
};

const str = (v: unknown): string => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));
const optStr = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

export function toRow(train: Train, index: number, t: Translate): TrainRow {
  const type = str(train.type);
  const status = str(train.status);
  const version = str(train.version);
  const description = str(train.description);
  const hp = train.hpConfig && typeof train.hpConfig === 'object' ? train.hpConfig : undefined;
  const row: TrainRow = {
    index,
    id: String(index),
    train,
    type,
    typeLabel: typeLabel(type, t),
    version,
    status,
    statusLabel: statusLabel(status, t),
    statusTone: statusTone(status),
    description,
    createdRaw: optStr(train.createdDate),
    createdMs: parseApiDate(optStr(train.createdDate)),
    nextRaw: optStr(train.nextUpdateDate),
    nextMs: parseApiDate(optStr(train.nextUpdateDate)),
    inference: typeof train.inference === 'boolean' ? train.inference : undefined,
    hpo: hpoSummary(hp, t),
    versionKey: version.toLowerCase(),
    haystack: '',
  };
  row.haystack = [description, type, row.typeLabel, status, row.statusLabel, row.hpo, hpoSearchText(hp)]
    .join('\u0001')
    .toLowerCase();
  return row;
}

/** Rows of `trains`, numbered from `first` (a page's place in the whole listing). */
export function toRows(trains: readonly Train[], t: Translate, first = 0): TrainRow[] {
  const rows = new Array<TrainRow>(trains.length);
  for (let i = 0; i < trains.length; i++) rows[i] = toRow(trains[i] as Train, first + i, t);
  return rows;
}
