import type { Train, TrainsPage } from '../lib/bindings';

/**
 * Pages of a listing as the backend sends them over the channel (`PageSender`), each as
 * its JSON text. To a window that holds a listing whose trainings were sent as `held` (in
 * the order they were sent), the trainings it holds go as runs of its rows (`kept`), each
 * used once; trainings of a service that serialise alike are always sent. `prints`: how
 * each training was sent, in order, to hold next.
 */
export class PageDiffer {
  readonly prints: string[] = [];
  private readonly byPrint = new Map<string, number>();

  constructor(held: readonly string[]) {
    const twice = new Set<string>();
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
      const print = `${serviceId ?? ''}\u0000${JSON.stringify(train)}`;
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

/** Every page of one service's `trains`, `pageSize` at a time, up to the first short page. */
export function sentPages(trains: readonly Train[], pageSize: number, held: readonly string[]): { pages: string[]; prints: string[] } {
  const differ = new PageDiffer(held);
  const pages: string[] = [];
  const count = Math.max(1, Math.ceil((trains.length + 1) / pageSize));
  for (let p = 1; p <= count; p++) pages.push(differ.page(trains.slice((p - 1) * pageSize, p * pageSize), p, Math.min(p * pageSize, trains.length)));
  return { pages, prints: differ.prints };
}
