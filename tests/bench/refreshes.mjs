// Memory of AiTEMS Desk (app + WebKit processes, PSS) with the demo's 10,000-training
// service on screen, after its first refresh and after 120 (BENCH_REFRESHES), each
// pressed through the Refresh button and waited for. Goal (issue "live trainings"): the
// memory grows by at most 10 %. Run by `tests/bench/desktop.sh refreshes.mjs`.
import { launchApp, startDriver } from '../e2e/harness.mjs';
import { openLargeService } from './large.mjs';
import { pssTree } from './memory.mjs';

const REFRESHES = Number(process.env.BENCH_REFRESHES ?? 120);

/** Presses Refresh and resolves once the listing is in (the button is enabled again). */
const REFRESH = `
  const done = arguments[arguments.length - 1];
  const button = document.querySelector('[data-testid="refresh"]');
  const started = performance.now();
  button.click();
  let seenBusy = false;
  const poll = () => {
    if (button.disabled) seenBusy = true;
    if ((seenBusy || performance.now() - started > 2000) && !button.disabled) return done(performance.now() - started);
    setTimeout(poll, 10);
  };
  poll();`;

const show = (m) => `${m.total.toFixed(0)} MiB (${Object.entries(m.parts).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ')})`;
const settle = () => new Promise((r) => setTimeout(r, 3000));

const stopDriver = await startDriver();
try {
  const driver = await launchApp(['--demo']);
  try {
    await openLargeService(driver);
    const times = [await driver.executeAsyncScript(REFRESH)];
    await settle();
    const first = pssTree('aitems-desk');
    for (let i = 1; i < REFRESHES; i++) times.push(await driver.executeAsyncScript(REFRESH));
    await settle();
    const last = pssTree('aitems-desk');
    const sorted = [...times].sort((a, b) => a - b);
    console.log(`refreshes of 10,000 trainings: ${times.length}, each median ${sorted[Math.floor(sorted.length / 2)].toFixed(0)} ms (max ${sorted[sorted.length - 1].toFixed(0)})`);
    console.log(`memory after the first refresh: ${show(first)}`);
    console.log(`memory after ${times.length} refreshes:   ${show(last)}`);
    const growth = (last.total / first.total - 1) * 100;
    console.log(`memory growth: ${growth.toFixed(1)} % (goal <= 10 %)`);
  } finally {
    await driver.quit();
  }
} finally {
  stopDriver();
}
