import type { Train, TrainsPage } from '../bindings';
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

/** What a row takes from its training's type, status, description and HPO settings alone. */
type SharedTexts = Pick<TrainRow, 'typeLabel' | 'statusLabel' | 'statusTone' | 'hpo' | 'haystack'>;

/**
 * One step of the key of a row's shared texts (see RowTexts): the nodes below it by the next
 * value of the key, and the texts when the key ends here.
 */
type KeyNode = { next: Map<unknown, KeyNode>; texts?: SharedTexts };

// Markers in a key: no HPO settings, a value that is not a JSON primitive, the end of the settings.
const NO_HP = Symbol('no hpConfig');
const NO_SERVICE = Symbol('no service');
const STRUCTURED = Symbol('array or object');
const END = Symbol('end');

/** The tree holds at most this many nodes; a row whose key would need more works its texts out alone. */
const MAX_NODES = 50_000;

/**
 * The texts that rows share, worked out once per distinct combination of what they depend
 * on (most trainings of a service repeat a few types, statuses, descriptions and HPO
 * settings): labels, tone, HPO summary and the filter's haystack. Besides the time, the rows
 * then share those strings instead of each holding its own copy. One per listing.
 *
 * They are found in a tree keyed by each input in turn, each `hpConfig` key and value
 * included, in the object's own order (the HPO summary lists them in that order): walking it
 * costs a few Map look-ups of values the row has anyway, where a key made of the inputs' text
 * (JSON.stringify) cost more than working the texts out.
 */
export class RowTexts {
  private readonly root: KeyNode = { next: new Map() };
  private nodes = 0;

  constructor(private readonly t: Translate) {}

  of(type: string, status: string, description: string, hp: Record<string, unknown> | undefined, service?: RowService): SharedTexts {
    let node = this.step(this.step(this.step(this.root, service?.id ?? NO_SERVICE), type), status);
    if (hp === undefined) node = this.step(node, NO_HP);
    else {
      for (const key in hp) {
        if (!Object.hasOwn(hp, key)) continue;
        const value = hp[key];
        node = this.step(node, key);
        node = typeof value === 'object' && value !== null ? this.step(this.step(node, STRUCTURED), JSON.stringify(value)) : this.step(node, value);
      }
      node = this.step(node, END);
    }
    node = this.step(node, description);
    return (node.texts ??= sharedTexts(type, status, description, hp, this.t, service));
  }

  /** The node below `node` by `value`, made if need be (once the tree is full, a node that goes nowhere). */
  private step(node: KeyNode, value: unknown): KeyNode {
    let next = node.next.get(value);
    if (!next) {
      next = { next: new Map() };
      if (this.nodes < MAX_NODES) {
        node.next.set(value, next);
        this.nodes += 1;
      }
    }
    return next;
  }
}

function sharedTexts(
  type: string,
  status: string,
  description: string,
  hp: Record<string, unknown> | undefined,
  t: Translate,
  service?: RowService,
): SharedTexts {
  const texts = {
    typeLabel: typeLabel(type, t),
    statusLabel: statusLabel(status, t),
    statusTone: statusTone(status),
    hpo: hpoSummary(hp, t),
    haystack: '',
  };
  const searched = [description, type, texts.typeLabel, status, texts.statusLabel, texts.hpo, hpoSearchText(hp)];
  if (service) searched.push(service.name, service.id);
  texts.haystack = searched.join('\u0001').toLowerCase();
  return texts;
}

/**
 * What rows made together share, and the service they belong to in the view of every
 * service. Pass the same `texts` for every row of a listing (RowBuilder does); without it, a
 * row works its texts out alone. Whatever else a row's shared texts come
 * to depend on (another searchable field) is one more step of the key in `RowTexts.of`.
 */
export type RowContext = { texts?: RowTexts; service?: RowService };

/** The service a row belongs to, in the view of every service. */
export type RowService = { id: string; name: string };

/** The name a row shows for its service: its name, else its id; none outside the view of every service. */
const serviceNameOf = (service: RowService | undefined): string => (service ? service.name || service.id : '');

export function toRow(train: Train, id: string, t: Translate, context: RowContext = {}): TrainRow {
  const type = str(train.type);
  const status = str(train.status);
  const version = str(train.version);
  const description = str(train.description);
  const hp = train.hpConfig && typeof train.hpConfig === 'object' ? train.hpConfig : undefined;
  const { service } = context;
  const shared = context.texts?.of(type, status, description, hp, service) ?? sharedTexts(type, status, description, hp, t, service);
  const versionKey = version.toLowerCase();
  const createdRaw = optStr(train.createdDate);
  const nextRaw = optStr(train.nextUpdateDate);
  return {
    id,
    train,
    serviceId: service?.id ?? '',
    serviceName: serviceNameOf(service),
    type,
    typeLabel: shared.typeLabel,
    version,
    status,
    statusLabel: shared.statusLabel,
    statusTone: shared.statusTone,
    description,
    createdRaw,
    createdMs: parseApiDate(createdRaw),
    nextRaw,
    nextMs: parseApiDate(nextRaw),
    inference: typeof train.inference === 'boolean' ? train.inference : undefined,
    hpo: shared.hpo,
    // The same string when the version is lower case already (as AiTEMS writes them).
    versionKey: versionKey === version ? version : versionKey,
    haystack: shared.haystack,
  };
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
  /** The earlier rows by id, made when a page of trainings first needs them. */
  private earlierById: Map<string, TrainRow> | null = null;
  private readonly texts: RowTexts;

  constructor(
    private readonly t: Translate,
    private readonly earlier: readonly TrainRow[] = [],
  ) {
    this.texts = new RowTexts(t);
  }

  /** Adds a page of trainings; `service`: the service they belong to, in the view of every service. */
  add(trains: readonly Train[], service?: RowService): void {
    const earlier = (this.earlierById ??= new Map(this.earlier.map((row) => [row.id, row])));
    const reusing = earlier.size > 0;
    const context = { texts: this.texts, service };
    const serviceName = serviceNameOf(service);
    for (const train of trains) {
      const id = this.uniqueId(train, service);
      const before = reusing ? earlier.get(id) : undefined;
      this.rows.push(before && sameJson(before.train, train) && before.serviceName === serviceName ? before : toRow(train, id, this.t, context));
    }
  }

  /**
   * Adds a page as the channel sent it: runs of the rows of the listing the window holds
   * (`held`), and trainings filling the other positions; `service`: the service they belong
   * to, in the view of every service.
   */
  addPage(page: Pick<TrainsPage, 'kept' | 'trains'>, held: readonly TrainRow[], service?: RowService): void {
    const start = this.rows.length;
    let next = 0;
    for (const [at, from, count] of page.kept) {
      const fresh = at - (this.rows.length - start);
      if (fresh > 0) this.add(page.trains.slice(next, (next += fresh)), service);
      this.keep(held, from, count, service);
    }
    if (next < page.trains.length) this.add(next === 0 ? page.trains : page.trains.slice(next), service);
  }

  /**
   * Adds `count` rows of `held` from index `from` as they are; one whose id is taken, or
   * whose service now has another name, is made again.
   */
  private keep(held: readonly TrainRow[], from: number, count: number, service: RowService | undefined): void {
    if (from + count > held.length) throw new Error('A page refers to rows of a listing the window does not hold.');
    const serviceName = serviceNameOf(service);
    for (let i = from; i < from + count; i++) {
      const row = held[i]!;
      if (this.ids.has(row.id) || row.serviceName !== serviceName) {
        this.add([row.train], service);
      } else {
        this.ids.add(row.id);
        this.rows.push(row);
      }
    }
  }

  private uniqueId(train: Train, service: RowService | undefined): string {
    const version = str(train.version);
    const prefix = service ? `${service.id}/` : '';
    const key = version === '' ? `${prefix}#${this.rows.length}` : prefix + trainKey(str(train.type), version);
    // One look-up when the key is new, as nearly every key is: add it and see the set grow.
    const size = this.ids.size;
    if (this.ids.add(key).size > size) return key;
    let id = key;
    for (let n = 2; this.ids.has(id); n++) id = `${prefix}${trainKey(str(train.type), version)}#${n}`;
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
