// Benchmark: what a refresh of a 10,000-training listing that moved one training costs the
// page's main thread (mock build, Chromium), measured inside the page: the 100 pages
// parsed from the channel's JSON and turned into rows (unchanged trainings keep their row
// objects), then the swap into the table with the DOM update. Goal (issue "live
// trainings"): the whole refresh within one frame, 16 ms; the swap is the longest piece.
// Usage: npm run bench:refresh  (builds dist-mock; BENCH_RUNS sets the number of refreshes)
import { fmt, stats, withMockPage } from './browser.mjs';

const PORT = Number(process.env.BENCH_PORT ?? 4179);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const GOAL = 16;

await withMockPage(PORT, async (page, base) => {
  await page.goto(`${base}/?scenario=large`);
  await page.waitForFunction(() => window.__aitemsBench?.loaded() && window.__aitemsBench.total() === 10_000, null, { timeout: 60_000 });
  // As after a load: the table's idle preparation is done before the first refresh.
  await page.waitForTimeout(1500);
  const { out: runs, unchanged } = await page.evaluate(async (n) => {
    const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
    const out = [];
    const unchanged = [];
    for (let i = 0; i < n; i++) {
      out.push(window.__aitemsBench.refreshOneChanged());
      await frame();
      unchanged.push(window.__aitemsBench.refreshUnchanged());
      await frame();
    }
    return { out, unchanged };
  }, RUNS);
  const row = (name, xs) => {
    const s = stats(xs);
    console.log(`${name.padEnd(44)} ${fmt(s.median)}  ${fmt(s.p95)}  ${fmt(s.max)}`);
    return s;
  };
  console.log(`\n10,000 trainings, one moved per refresh, ${RUNS} refreshes, times in ms (Chromium, mock build)\n`);
  console.log(`${'part of the refresh'.padEnd(44)}  median      p95      max`);
  row('pages: parse + rows (100 pages, summed)', runs.map((r) => r.pages));
  row('  of which JSON.parse (the IPC layer\'s part)', runs.map((r) => r.parse));
  row('longest single page', runs.map((r) => r.longestPage));
  row('swap into the table + DOM update', runs.map((r) => r.swap));
  const total = row('whole refresh on the main thread', runs.map((r) => r.total));
  row('whole refresh, nothing changed', unchanged.map((r) => r.total));
  const last = runs[runs.length - 1];
  console.log(`\nrow objects kept per refresh: ${last.reused.toLocaleString('en-US')} of ${last.rows.toLocaleString('en-US')}`);
  console.log(`${total.median <= GOAL ? 'PASS' : 'OVER'}: median whole refresh ${total.median.toFixed(1)} ms (goal ≤ ${GOAL} ms)`);
});
