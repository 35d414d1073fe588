// Benchmark: what a refresh of a 10,000-training listing that moved one training costs the
// page's main thread (mock build, Chromium), measured inside the page: the pages (of 1,000,
// as the app asks for them) parsed from the channel's JSON and turned into rows (unchanged
// trainings keep their row objects), then the swap into the table with the DOM update.
// Two ways in the same run: the refresh of the listing the window holds, whose trainings
// it holds come as runs of its rows (what auto-refresh and Refresh do), and the same
// refresh with every training sent whole (as after a listing kept from an earlier run).
// Each way also with one new training at the top (every page shifts) and with no change. Goal (issue "live
// trainings"): the whole refresh within one frame, 16 ms. Then the same in the view of every
// service (four services of 10,000 trainings), which has no goal of its own.
// Usage: npm run bench:refresh  (builds dist-mock; BENCH_RUNS sets the number of refreshes)
import { fmt, stats, withMockPage } from './browser.mjs';

const PORT = Number(process.env.BENCH_PORT ?? 4179);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
/** Refreshes of each kind in the view of every service (four times the trainings). */
const ALL_RUNS = Math.max(1, Math.round(RUNS / 3));
const GOAL = 16;

/** Times RUNS refreshes of each kind, both ways, interleaved, of the listing on the page. */
async function timeRefreshes(page, runs) {
  // As after a load: the table's idle preparation is done before the first refresh.
  await page.waitForTimeout(1500);
  return page.evaluate(async (n) => {
    const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
    const bench = window.__aitemsBench;
    const held = { out: [], added: [], unchanged: [] };
    const whole = { out: [], added: [], unchanged: [] };
    for (let i = 0; i < n; i++) {
      for (const [holding, into] of [[true, held], [false, whole]]) {
        into.out.push(bench.refreshOneChanged(holding));
        await frame();
        into.added.push(bench.refreshOneNew(holding));
        await frame();
        into.unchanged.push(bench.refreshUnchanged(holding));
        await frame();
      }
    }
    return { held, whole };
  }, runs);
}

const row = (name, xs) => {
  const s = stats(xs);
  console.log(`${name.padEnd(44)} ${fmt(s.median)}  ${fmt(s.p95)}  ${fmt(s.max)}`);
  return s;
};

/** Prints one way's figures; answers the median whole refresh with one training moved. */
function table(title, { out: runs, added, unchanged }) {
  console.log(`\n${title}\n`);
  console.log(`${'part of the refresh'.padEnd(44)}  median      p95      max`);
  row(`pages: parse + rows (${runs[0].pageCount} pages, summed)`, runs.map((r) => r.pages));
  row('  of which JSON.parse (the IPC layer\'s part)', runs.map((r) => r.parse));
  row('longest single page', runs.map((r) => r.longestPage));
  row('swap into the table + DOM update', runs.map((r) => r.swap));
  const total = row('whole refresh on the main thread', runs.map((r) => r.total));
  row('whole refresh, one new training at the top', added.map((r) => r.total));
  row('whole refresh, nothing changed', unchanged.map((r) => r.total));
  return total;
}

const loaded = (page, total) =>
  page.waitForFunction((n) => window.__aitemsBench?.loaded() && window.__aitemsBench.total() === n, total, { timeout: 120_000 });

await withMockPage(PORT, async (page, base) => {
  await page.goto(`${base}/?scenario=large`);
  await loaded(page, 10_000);
  const one = await timeRefreshes(page, RUNS);
  console.log(`\n10,000 trainings, one moved per refresh, ${RUNS} refreshes of each kind, times in ms (Chromium, mock build)`);
  const total = table('Refresh of the listing the window holds (what it holds comes as runs of its rows)', one.held);
  table('The same refresh with every training sent whole (baseline)', one.whole);
  const last = one.held.out[one.held.out.length - 1];
  console.log(`\nrow objects kept per refresh: ${last.reused.toLocaleString('en-US')} of ${last.rows.toLocaleString('en-US')}`);

  // The view of every service: four services of 10,000 trainings each.
  await page.getByRole('combobox', { name: 'Service' }).click();
  await page.getByRole('listbox').getByRole('option', { name: /All services/ }).click();
  await loaded(page, 40_000);
  const every = await timeRefreshes(page, ALL_RUNS);
  console.log(`\nThe view of every service: 4 services, 40,000 trainings, one moved per refresh, ${ALL_RUNS} refreshes of each kind (no goal)`);
  table('Refresh of the view the window holds', every.held);
  table('The same refresh with every training sent whole (baseline)', every.whole);

  console.log(`\n${total.median <= GOAL ? 'PASS' : 'OVER'}: median whole refresh of one service ${total.median.toFixed(1)} ms (goal ≤ ${GOAL} ms)`);
});
