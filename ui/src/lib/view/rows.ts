import type { Train } from '../bindings';
import type { Translate } from '../i18n';
import { parseApiDate } from './dates';
import { hpoSearchText, hpoSummary } from './hpo';
import { statusLabel, statusTone, type StatusTone } from './status';
import { typeLabel } from './trainType';

/** A train plus everything the table needs, computed once per load (not per render or per sort). */
export type TrainRow = {
  /**
   * The training's key (`trainKey`): the same training keeps its id across refreshes, so
   * selection and keyboard position follow it. A repeated or version-less key gets a suffix.
   */
  id: string;
  train: Train;
  /** The service the listing found it in, in the view of every service; empty otherwise. */
  serviceId: string;
  /** That service's name (its id when it has none); empty outside the view of every service. */
  serviceName: string;
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

/** A training's identity, as the backend's `TrainKey` names it: its type and its version. */
export function trainKey(type: string, version: string): string {
  return `${type}:${version}`;
}

/**
 * Whether two JSON values are the same (object key order aside). Runs on every training of
 * every refresh, so it walks keys without making arrays of them.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let keys = 0;
  for (const k in x) {
    if (!Object.hasOwn(y, k) || !sameJson(x[k], y[k])) return false;
    keys += 1;
  }
  for (const k in y) if (Object.hasOwn(y, k)) keys -= 1;
  return keys === 0;
}

/** The service a row belongs to, in the view of every service. */
export type RowService = { id: string; name: string };

export function toRow(train: Train, id: string, t: Translate, service?: RowService): TrainRow {
  const type = str(train.type);
  const status = str(train.status);
  const version = str(train.version);
  const description = str(train.description);
  const hp = train.hpConfig && typeof train.hpConfig === 'object' ? train.hpConfig : undefined;
  const row: TrainRow = {
    id,
    train,
    serviceId: service?.id ?? '',
    serviceName: service ? service.name || service.id : '',
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
  const parts = [description, type, row.typeLabel, status, row.statusLabel, row.hpo, hpoSearchText(hp)];
  if (service) parts.push(row.serviceName, service.id);
  row.haystack = parts
    .join('\u0001')
    .toLowerCase();
  return row;
}

/**
 * The key of a row's training among the changes of the listing on screen: its `trainKey`,
 * after its service in the view of every service (`shop01/pop:v1`).
 */
export function changeKey(row: Pick<TrainRow, 'serviceId' | 'type' | 'version'>): string {
  const key = trainKey(row.type, row.version);
  return row.serviceId ? `${row.serviceId}/${key}` : key;
}

/**
 * Builds a listing's rows page by page. A training that an earlier listing of the same
 * source had, unchanged, keeps that listing's row object: the table then leaves its cells
 * alone, and a refresh re-renders only what changed.
 */
export class RowBuilder {
  readonly rows: TrainRow[] = [];
  private readonly ids = new Set<string>();
  private readonly earlier: Map<string, TrainRow>;

  constructor(
    private readonly t: Translate,
    earlier: readonly TrainRow[] = [],
  ) {
    this.earlier = new Map(earlier.map((row) => [row.id, row]));
  }

  /** Adds a page of trainings; `service`: the service they belong to, in the view of every service. */
  add(trains: readonly Train[], service?: RowService): void {
    for (const train of trains) {
      const id = this.uniqueId(train, service);
      const before = this.earlier.get(id);
      this.rows.push(before && sameJson(before.train, train) && before.serviceName === (service ? service.name || service.id : '') ? before : toRow(train, id, this.t, service));
    }
  }

  private uniqueId(train: Train, service: RowService | undefined): string {
    const version = str(train.version);
    const prefix = service ? `${service.id}/` : '';
    const key = prefix + trainKey(str(train.type), version);
    let id = version === '' ? `${prefix}#${this.rows.length}` : key;
    for (let n = 2; this.ids.has(id); n++) id = `${key}#${n}`;
    this.ids.add(id);
    return id;
  }
}

/** Rows of one whole listing. */
export function toRows(trains: readonly Train[], t: Translate): TrainRow[] {
  const builder = new RowBuilder(t);
  builder.add(trains);
  return builder.rows;
}

/** A row's training as exported: in the view of every service, with the service it was listed in. */
export function withServiceId(row: TrainRow): Train {
  return row.serviceId && row.train.serviceId === undefined ? { ...row.train, serviceId: row.serviceId } : row.train;
}
