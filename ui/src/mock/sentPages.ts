import type { Train, TrainsPage } from '../lib/bindings';

/**
 * A listing's pages as the backend sends them over the channel (`PageSender`), each as its
 * JSON text: to a window that holds a listing whose trainings serialised as `held`, the
 * trainings it holds go as runs of its rows (`kept`), each used once, and trainings that
 * serialise alike are always sent. `prints`: how each training serialised, to hold next.
 */
export function sentPages(trains: readonly Train[], pageSize: number, held: readonly string[]): { pages: string[]; prints: string[] } {
  const byPrint = new Map<string, number>();
  const twice = new Set<string>();
  held.forEach((print, index) => {
    if (byPrint.has(print)) twice.add(print);
    byPrint.set(print, index);
  });
  for (const print of twice) byPrint.delete(print);
  const pages: string[] = [];
  const prints: string[] = [];
  const count = Math.max(1, Math.ceil((trains.length + 1) / pageSize));
  for (let p = 1; p <= count; p++) {
    const page: TrainsPage = { pages: p, total: Math.min(p * pageSize, trains.length), kept: [], trains: [] };
    trains.slice((p - 1) * pageSize, p * pageSize).forEach((train, at) => {
      const print = JSON.stringify(train);
      prints.push(print);
      const from = byPrint.get(print);
      byPrint.delete(print);
      const run = page.kept[page.kept.length - 1];
      if (from === undefined) page.trains.push(train);
      else if (run && run[0] + run[2] === at && run[1] + run[2] === from) run[2] += 1;
      else page.kept.push([at, from, 1]);
    });
    pages.push(JSON.stringify(page));
  }
  return { pages, prints };
}
