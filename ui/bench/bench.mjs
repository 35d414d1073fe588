// Benchmark: 100,000 rows in the mock build, measured inside the page with performance.now().
// Filter: setting the filter text -> filtered+sorted row model -> DOM updated (flushSync).
// Sort: toggling a column's sort -> row model -> DOM updated. Also frame times while scrolling.
// Usage: npm run bench  (builds dist-mock, serves it, drives /usr/bin/chromium via playwright-core)
import { spawn } from 'node:child_process';
import { chromium } from 'playwright-core';

const PORT = 4178;
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const TARGET = { filter: 16, sort: 50 };

const server = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--mode', 'mock', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], {
  stdio: ['ignore', 'ignore', 'inherit'],
});
// Wait until the preview server answers (its log is coloured, so poll rather than parse it).
const deadline = Date.now() + 30_000;
for (;;) {
  try {
    const res = await fetch(`http://127.0.0.1:${PORT}/`);
    if (res.ok) break;
  } catch {
    // not up yet
  }
  if (Date.now() > deadline) {
    server.kill();
    throw new Error('vite preview did not start');
  }
  await new Promise((r) => setTimeout(r, 200));
}

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)];
  return { median: q(0.5), p95: q(0.95), min: s[0], max: s[s.length - 1], n: s.length };
};
const fmt = (x) => x.toFixed(1).padStart(7);

let browser;
try {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
  });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
  const t0 = Date.now();
  await page.goto(`http://127.0.0.1:${PORT}/?scenario=big`);
  await page.waitForFunction(() => window.__aitemsBench?.loaded() && window.__aitemsBench.total() === 100_000, null, { timeout: 60_000 });
  console.log(`loaded 100,000 rows (mock IPC, 100 pages) in ${Date.now() - t0} ms`);

  const result = await page.evaluate(async (runs) => {
    const b = window.__aitemsBench;
    const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
    const out = { filterHook: [], filterInput: [], clear: [], sort: [], rows: {} };
    const terms = ['weekly', 'fail', '신상품', 'related items', 'item_top_n', 'zzz-none', 'ready', 'a7'];
    const input = document.querySelector('#filter-input');
    for (let i = 0; i < runs; i++) {
      const term = terms[i % terms.length];
      // 1) state -> row model -> DOM
      const r = b.filter(term);
      out.filterHook.push(r.ms);
      out.rows[term] = r.rows;
      await frame();
      const c = b.filter('');
      out.clear.push(c.ms);
      await frame();
      // 2) a keystroke through the real input element
      const t0 = performance.now();
      input.value = term;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      b.flush();
      out.filterInput.push(performance.now() - t0);
      await frame();
      b.filter('');
      await frame();
    }
    const sorts = [
      ['createdDate', false], ['createdDate', true], ['type', false], ['status', false],
      ['version', true], ['nextUpdateDate', false], ['description', false], ['hpo', true],
    ];
    for (let i = 0; i < runs; i++) {
      const [id, desc] = sorts[i % sorts.length];
      out.sort.push(b.sort(id, desc).ms);
      await frame();
    }
    b.sort('createdDate', true);
    // Scrolling: jump through the list one screen per frame and record frame intervals.
    const scroller = document.querySelector('[data-testid="train-grid"]');
    const frames = [];
    let last = performance.now();
    for (let i = 0; i < 240; i++) {
      scroller.scrollTop += i < 120 ? 900 : 40_000;
      await frame();
      const now = performance.now();
      frames.push(now - last);
      last = now;
    }
    out.frames = frames;
    out.domRows = document.querySelectorAll('[data-testid="train-grid"] [aria-rowindex]').length;
    return out;
  }, RUNS);

  const rows = [
    ['filter (state → rows → DOM)', stats(result.filterHook), TARGET.filter],
    ['keystroke (input event, debounced ≥20k rows)', stats(result.filterInput), TARGET.filter],
    ['clear filter', stats(result.clear), TARGET.filter],
    ['sort toggle', stats(result.sort), TARGET.sort],
    ['scroll frame interval', stats(result.frames), 16.7 * 2],
  ];
  console.log(`\n${'measure'.padEnd(44)}  median      p95      max   target  (runs)`);
  let ok = true;
  for (const [name, s, target] of rows) {
    const pass = s.p95 <= target;
    if (name.startsWith('filter') || name.startsWith('sort')) ok &&= s.median <= target;
    console.log(`${name.padEnd(44)} ${fmt(s.median)}  ${fmt(s.p95)}  ${fmt(s.max)}  ${String(target).padStart(6)}  (${s.n}) ${pass ? 'ok' : 'over (p95)'}`);
  }
  console.log(`\nrows matched per term: ${JSON.stringify(result.rows)}`);
  console.log(`DOM rows rendered at a time: ${result.domRows}`);
  console.log(ok ? '\nmedian within targets' : '\nmedian OVER target');
} finally {
  await browser?.close();
  server.kill();
}
