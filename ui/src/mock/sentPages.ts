import type { Train, TrainsPage } from '../lib/bindings';

/** A training's fingerprint as sent by a service: a number, as the backend keeps (`sent.rs`). */
export type Print = number;

/** The fingerprint of `train` as sent by `serviceId` (53-bit cyrb53 hash of its JSON). */
function fingerprint(serviceId: string, train: Train): Print {
  const text = `${serviceId}\u0000${JSON.stringify(train)}`;
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/**
 * Pages of a listing as the backend sends them over the channel (`PageSender`), each as
 * its JSON text. To a window that holds a listing whose trainings were sent as `held` (in
 * the order they were sent), the trainings it holds go as runs of its rows (`kept`), each
 * used once; trainings of a service that serialise alike are always sent. `prints`: how
 * each training was sent, in order, to hold next. Kept as numbers, as the backend keeps
 * them: the page's memory (`npm run bench:heap`) then holds no text of the mock's own.
 */
export class PageDiffer {
  readonly prints: Print[] = [];
  private readonly byPrint = new Map<Print, number>();

  constructor(held: readonly Print[]) {
    const twice = new Set<Print>();
    held.forEach((print, index) => {
      if (this.byPrint.has(print)) twice.add(print);
      this.byPrint.set(print, index);
    });
    for (const print of twice) this.byPrint.delete(print);
  }

  /** One page of `trains`; `serviceId` names its service in a listing of every service. */
  page(trains: readonly Train[], pages: number, total: number, serviceId?: string): string {
    const page: TrainsPage = { ...(serviceId === undefined ? {} : { serviceId }), pages, total, kept: [], trains: [] };
    trains.forEach((train, at) => {
      const print = fingerprint(serviceId ?? '', train);
      this.prints.push(print);
      const from = this.byPrint.get(print);
      this.byPrint.delete(print);
      const run = page.kept[page.kept.length - 1];
      if (from === undefined) page.trains.push(train);
      else if (run && run[0] + run[2] === at && run[1] + run[2] === from) run[2] += 1;
      else page.kept.push([at, from, 1]);
    });
    return JSON.stringify(page);
  }
}

/** One service's trainings in a listing: `serviceId` names it in a listing of every service. */
export type ServiceTrains = { serviceId?: string; trains: readonly Train[] };

/** A page as sent, its JSON text, and the service it names (in a listing of every service). */
export type SentPage = { serviceId?: string; json: string };

/**
 * Every page of each service of `listing` in turn, `pageSize` at a time, each up to its
 * first short page, as one listing sends them: the trainings held are counted across its
 * services, in the order they were sent.
 */
export function sentPagesOfEach(listing: readonly ServiceTrains[], pageSize: number, held: readonly Print[]): { pages: SentPage[]; prints: Print[] } {
  const differ = new PageDiffer(held);
  const pages: SentPage[] = [];
  for (const { serviceId, trains } of listing) {
    for (const json of servicePages(differ, trains, pageSize, serviceId)) pages.push(serviceId === undefined ? { json } : { serviceId, json });
  }
  return { pages, prints: differ.prints };
}

/**
 * The pages of one service's `trains` through `differ`, `pageSize` at a time, up to the first
 * short page; each made only when asked for, so that pages of services listed at once keep
 * the order they were sent in.
 */
export function* servicePages(differ: PageDiffer, trains: readonly Train[], pageSize: number, serviceId?: string): Generator<string> {
  const count = Math.max(1, Math.ceil((trains.length + 1) / pageSize));
  for (let p = 1; p <= count; p++) {
    yield differ.page(trains.slice((p - 1) * pageSize, p * pageSize), p, Math.min(p * pageSize, trains.length), serviceId);
  }
}

/** Every page of one service's `trains`, `pageSize` at a time, up to the first short page. */
export function sentPages(trains: readonly Train[], pageSize: number, held: readonly Print[]): { pages: string[]; prints: Print[] } {
  const { pages, prints } = sentPagesOfEach([{ trains }], pageSize, held);
  return { pages: pages.map((page) => page.json), prints };
}
