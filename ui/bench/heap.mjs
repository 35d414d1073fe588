// What the page holds per training: the JS heap (after a full garbage collection) of the
// mock build with no trainings and with 10,000 (and 100,000), and what takes the most of
// it, by kind, from a heap snapshot. Chromium; WebKit's heap differs in detail, not in
// what the page keeps. Usage: npm run bench:heap
import { withMockPage } from './browser.mjs';

const PORT = Number(process.env.BENCH_PORT ?? 4180);
const SIZES = [['empty', 0], ['large', 10_000], ['big', 100_000]];

await withMockPage(PORT, async (page, base) => {
  const cdp = await page.context().newCDPSession(page);
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize / 1048576;
  };
  const used = {};
  for (const [scenario, count] of SIZES) {
    await page.goto(`${base}/?scenario=${scenario}`);
    await page.waitForFunction((n) => window.__aitemsBench?.loaded() && window.__aitemsBench.total() === n, count, { timeout: 120_000 })
      .catch(() => page.waitForTimeout(3000)); // an empty service never shows the table
    await page.waitForTimeout(4000); // the table's idle preparation (search index, sort ranks)
    used[count] = await heap();
    const perTraining = count ? ` (${(((used[count] - used[0]) * 1048576) / count).toFixed(0)} bytes per training)` : '';
    console.log(`JS heap with ${count.toLocaleString('en-US').padStart(7)} trainings: ${used[count].toFixed(1)} MiB${perTraining}`);
    if (count === 10_000) console.log(await biggest(cdp));
  }
});

/** The kinds of heap objects that take the most, from a snapshot. */
async function biggest(cdp) {
  const chunks = [];
  const take = (e) => chunks.push(e.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', take);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', take);
  const { snapshot, nodes, strings } = JSON.parse(chunks.join(''));
  const fields = snapshot.meta.node_fields;
  const [type, name, size] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f));
  const byKind = new Map();
  for (let i = 0; i < nodes.length; i += fields.length) {
    const kind = snapshot.meta.node_types[0][nodes[i + type]];
    const key = kind === 'object' || kind === 'closure' ? `${kind} ${strings[nodes[i + name]]}` : kind;
    const sum = byKind.get(key) ?? { bytes: 0, count: 0 };
    sum.bytes += nodes[i + size];
    sum.count += 1;
    byKind.set(key, sum);
  }
  const top = [...byKind].sort((a, b) => b[1].bytes - a[1].bytes).slice(0, 8);
  return `  most of it (10,000 trainings):\n${top.map(([k, v]) => `  ${(v.bytes / 1048576).toFixed(1).padStart(6)} MiB ${String(v.count).padStart(7)} × ${k}`).join('\n')}`;
}
