// Benchmark: 100,000 rows in the mock build, measured inside the page with performance.now().
// Filter: setting the filter text -> filtered+sorted row model -> DOM updated (flushSync).
// Clear: removing the filter text -> all rows, sorted -> DOM updated.
// Sort: toggling a column's sort -> row model -> DOM updated. Also frame times while scrolling.
// Keystroke: a term typed into the filter box (its input event) -> rows -> DOM updated.
// Rows ready: a first load's 100,000 parsed trainings -> table rows -> a table's sorted row
// model (see benchHook.ts), then the same rows swapped into the page and drawn.
// Targets (the issue's figures): filter p95 within a frame, clear median within a frame, sort
// median ≤ 50 ms, rows ready median ≤ 300 ms; the other statistics are reported alongside.
// Usage: npm run bench  (builds dist-mock, serves it, drives /usr/bin/chromium via playwright-core;
// BENCH_RUNS and BENCH_READY_RUNS set the runs, BENCH_PORT the preview server's port)
import { fmt, stats, withMockPage } from './browser.mjs';

const PORT = Number(process.env.BENCH_PORT ?? 4178);
const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const READY_RUNS = Number(process.env.BENCH_READY_RUNS ?? 9);
const TARGET = { filter: 16, clear: 16, sort: 50, keystroke: 16, frame: 16.7 * 2, ready: 300 };

await withMockPage(PORT, async (page, base) => {
  const t0 = Date.now();
  await page.goto(`${base}/?scenario=big`);
  await page.waitForFunction(() => window.__aitemsBench?.loaded() && window.__aitemsBench.total() === 100_000, null, { timeout: 60_000 });
  console.log(`loaded 100,000 rows (mock IPC, 100 pages) in ${Date.now() - t0} ms`);
  // The table prepares its search index and sort ranks when idle after a load (table.svelte.ts);
  // a person takes longer than this to start typing, so measure after it.
  await page.waitForTimeout(1500);

  const result = await page.evaluate(async ([runs, readyRuns]) => {
    const b = window.__aitemsBench;
    const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
    const out = { filterHook: [], filterTerms: [], filterInput: [], waited: 0, clear: [], sort: [], rows: {}, model: { filter: [], clear: [], sort: [] } };
    const terms = ['weekly', 'fail', '신상품', 'related items', 'item_top_n', 'zzz-none', 'ready', 'a7'];
    const input = document.querySelector('#filter-input');
    for (let i = 0; i < runs; i++) {
      const term = terms[i % terms.length];
      // 1) state -> row model -> DOM
      const r = b.filter(term);
      out.filterHook.push(r.ms);
      out.filterTerms.push(term);
      out.model.filter.push(r.model);
      out.rows[term] = r.rows;
      await frame();
      const c = b.filter('');
      out.clear.push(c.ms);
      out.model.clear.push(c.model);
      await frame();
      // 2) a keystroke through the real input element (which filters at once unless the last
      // filter took over a frame; then it waits for a pause in typing, counted apart)
      const t0 = performance.now();
      input.value = term;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      b.flush();
      const ms = performance.now() - t0;
      // (A build from before `filterText` always waited for a pause at this size.)
      if (b.filterText?.() === term) out.filterInput.push(ms);
      else {
        out.waited += 1;
        await new Promise((r) => setTimeout(r, 300));
      }
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
      const r = b.sort(id, desc);
      out.sort.push(r.ms);
      out.model.sort.push(r.model);
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
    // Last, as it makes 100,000 rows per run: rows ready for a first load, then drawn.
    out.ready = [];
    for (let i = 0; i < readyRuns; i++) {
      await new Promise((r) => setTimeout(r, 200));
      out.ready.push(b.rowsReady());
    }
    return out;
  }, [RUNS, READY_RUNS]);

  const rows = [
    ['filter (state → rows → DOM)', stats(result.filterHook), TARGET.filter, 'p95'],
    ['clear filter (→ 100,000 rows, sorted)', stats(result.clear), TARGET.clear, 'median'],
    ['sort toggle', stats(result.sort), TARGET.sort, 'median'],
    ['keystroke (input event → rows → DOM)', stats(result.filterInput.length ? result.filterInput : [NaN]), TARGET.keystroke, 'p95'],
    ['scroll frame interval', stats(result.frames), TARGET.frame, 'p95'],
    ['rows ready (first load: rows + table model)', stats(result.ready.map((r) => r.ready)), TARGET.ready, 'median'],
  ];
  console.log(`\n100,000 rows, ${RUNS} runs per measure, times in ms (Chromium, mock build)\n`);
  console.log(`${'measure'.padEnd(46)}  median      p95      max    target   result`);
  const verdicts = [];
  for (const [name, s, target, on] of rows) {
    const value = on === 'median' ? s.median : s.p95;
    const pass = value <= target;
    // Filter, clear, sort and rows ready decide the verdict; keystroke and scrolling are for information.
    if (!name.startsWith('keystroke') && !name.startsWith('scroll')) verdicts.push(`${name.split(' (')[0]} ${on} ${value.toFixed(1)} ${pass ? '≤' : '>'} ${target}`);
    const tag = `${pass ? 'ok' : 'OVER'} (${on})${on === 'median' && s.p95 > target ? `, p95 over` : ''}`;
    console.log(`${name.padEnd(46)} ${fmt(s.median)}  ${fmt(s.p95)}  ${fmt(s.max)}  ${('≤ ' + target.toFixed(target % 1 ? 1 : 0)).padStart(7)}   ${tag}`);
  }
  console.log('');
  const split = (k) => `${k} ${stats(result.model[k]).median.toFixed(1)}`;
  if (result.model.sort.every((x) => typeof x === 'number')) {
    console.log(`of which the row model alone (median): ${['filter', 'clear', 'sort'].map(split).join(', ')} ms; the rest is Svelte + DOM`);
  }
  const part = (k) => `${k} ${stats(result.ready.map((r) => r[k])).median.toFixed(1)} (p95 ${stats(result.ready.map((r) => r[k])).p95.toFixed(1)})`;
  console.log(`rows ready, ${READY_RUNS} runs, median: ${['toRows', 'table', 'ready'].map(part).join(', ')}; then swapped into the page and drawn: ${part('shown')} ms`);
  const slowest = result.filterHook.map((ms, i) => [ms, result.filterTerms[i], i + 1]).sort((a, b) => b[0] - a[0]).slice(0, 4);
  console.log(`slowest filter runs: ${slowest.map(([ms, term, run]) => `${term} ${ms.toFixed(1)} (run ${run})`).join(', ')} ms`);
  console.log(`keystrokes that waited for a pause in typing (the filter before took over a frame): ${result.waited} of ${RUNS}`);
  console.log(`rows matched per term: ${JSON.stringify(result.rows)}`);
  console.log(`DOM rows rendered at a time: ${result.domRows}`);
  const ok = verdicts.every((v) => v.includes('≤'));
  console.log(`\n${ok ? 'PASS' : 'FAIL'}: ${verdicts.join(', ')} ms`);
});
