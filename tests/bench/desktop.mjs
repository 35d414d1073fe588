// Start-up time and memory of AiTEMS Desk next to a bare Tauri window, both launched
// through tauri-driver (so both pay the same WebDriver overhead). Run by desktop.sh.
//
// - start: from asking for the session to a populated table (AiTEMS Desk, --demo: the
//   `aitems:first-rows` performance mark the table sets when its first rows are in the
//   DOM) or to the parsed page (bare window: DOMContentLoaded). Both end points are read
//   off the page's own clock (performance.timeOrigin is wall-clock time), so the result
//   does not depend on how often WebDriver polls (selenium polls every 200 ms).
//   Also printed: when the page's navigation started (time origin), the same for both.
// - start with a saved layout and the timeline: a saved profile on the demo service run by
//   the CLI, whose service (300 trainings) has a saved layout (columns chosen and moved, an
//   hpConfig option shown, widths, a sort) and the timeline shown (the default), to the
//   later of its first rows and its saved layout applied (`aitems:layout`); the timeline's
//   first drawing (`aitems:timeline`) is printed too. Launched in turn with the bare window,
//   after the runs above, so that those stay as they were (no saved profile to read).
// - memory: proportional set size (PSS, /proc/PID/smaps_rollup) summed over the app and
//   every process below it (WebKitWebProcess, WebKitNetworkProcess), with 10,000
//   trainings loaded in AiTEMS Desk (a saved profile on the demo service run by the CLI)
//   and the static page in the bare window (skipped with BENCH_MEMORY=0).
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, join } from 'node:path';
import { CLI, launchApp, saveProfile, startDemoService, startDriver, waitFor } from '../e2e/harness.mjs';
import { launchOnLargeService } from './large.mjs';
import { pssTree } from './memory.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const BARE = process.env.BENCH_BARE_APP;
/** Earlier builds of AiTEMS Desk to time in turn with this one (BENCH_BEFORE_APP: their binaries, comma-separated). */
const BEFORE = (process.env.BENCH_BEFORE_APP ?? '').split(',').filter(Boolean);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (xs) => `median ${median(xs).toFixed(0)} ms (min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)}, n=${xs.length})`;

/** Page-clock times (epoch ms) of the navigation start and of `readyAt`, or null while not ready. */
const pageTimes = (readyAt) => `
  const ready = ${readyAt};
  if (ready == null) return null;
  const marks = Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime]));
  return { origin: performance.timeOrigin, ready: performance.timeOrigin + ready, marks };`;
const APP_READY = pageTimes(`performance.getEntriesByName('aitems:first-rows')[0]?.startTime`);
const LAID_OUT_READY = pageTimes(`(() => {
    const at = (name) => performance.getEntriesByName(name)[0]?.startTime;
    const rows = at('aitems:first-rows');
    const layout = at('aitems:layout');
    return rows != null && layout != null && at('aitems:timeline') != null ? Math.max(rows, layout) : null;
  })()`);
const BARE_READY = pageTimes(`document.getElementById('ready')
    ? performance.getEntriesByType('navigation')[0]?.domContentLoadedEventStart || null : null`);

/** Launches once; returns ms from asking for the session to navigation start and to ready. */
async function timeLaunch(args, application, ready) {
  const asked = Date.now();
  const driver = await launchApp(args, application);
  try {
    const times = await waitFor(driver, () => driver.executeScript(ready), Boolean, 'ready', 60000);
    return { origin: times.origin - asked, ready: times.ready - asked, marks: times.marks };
  } finally {
    await driver.quit();
  }
}

const SETTINGS = join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'aitemsdesk', 'settings.json');
/** The saved profile the start with a saved layout opens, its service and that service's layout. */
const LAID_OUT = { name: 'Laid out', service: 'demofashn02', makeDefault: true };
const LAYOUT = {
  version: 1,
  columns: ['status', 'type', 'version', 'createdDate', 'hp:max_relate_recommend_top', 'hpo'],
  widths: { type: 150, version: 110, 'hp:max_relate_recommend_top': 140 },
  sort: [{ id: 'version', desc: false }],
  filter: '',
  facets: {},
  created: null,
  recent: false,
};

/** Saves the profile with its layout in the settings file (as the app would have written it). */
function saveLaidOutProfile(demo) {
  saveProfile(demo, LAID_OUT);
  const settings = JSON.parse(readFileSync(SETTINGS, 'utf8'));
  settings.profiles[LAID_OUT.name].tableLayouts = { [LAID_OUT.service]: LAYOUT };
  writeFileSync(SETTINGS, JSON.stringify(settings, null, 2));
}

const pageReady = `return document.readyState === 'complete' && !!document.getElementById('ready')`;

/**
 * Memory of AiTEMS Desk with 10,000 trainings loaded, from a saved profile on the demo
 * service run by the CLI (so the app holds what it would hold with AiTEMS: not the
 * service's data, which demo mode keeps inside the app), and of the bare window.
 */
async function measureMemory() {
  const { driver, stopDemo } = await launchOnLargeService();
  let appMemory;
  try {
    await new Promise((r) => setTimeout(r, 3000));
    appMemory = pssTree('aitems-desk');
  } finally {
    await driver.quit();
    stopDemo();
  }
  const bareDriver = await launchApp([], BARE);
  let bareMemory;
  try {
    await waitFor(bareDriver, () => bareDriver.executeScript(pageReady), Boolean, 'page', 60000);
    await new Promise((r) => setTimeout(r, 3000));
    bareMemory = pssTree(basename(BARE));
  } finally {
    await bareDriver.quit();
  }
  const show = (m) => `${m.total.toFixed(0)} MiB (${Object.entries(m.parts).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ')})`;
  console.log(`memory, AiTEMS Desk with 10,000 trainings: ${show(appMemory)}`);
  console.log(`memory, bare Tauri window:                 ${show(bareMemory)}`);
  console.log(`memory ratio: ${(appMemory.total / bareMemory.total).toFixed(2)}x (target <= 1.3x)`);
}

/** Prints the start-up figures of `app` launches, next to those of the bare window. */
function printStart(title, app, bare, target) {
  const ready = (xs) => xs.map((x) => x.ready);
  const origin = (xs) => xs.map((x) => x.origin);
  const afterOrigin = (xs) => xs.map((x) => x.ready - x.origin);
  console.log(`start, ${title}: ${fmt(ready(app))}`);
  console.log(`start, bare Tauri window (to its parsed page): ${fmt(ready(bare))}`);
  console.log(`  of which before the page's navigation starts: app ${fmt(origin(app))}; bare ${fmt(origin(bare))}`);
  console.log(`  of which after it:                            app ${fmt(afterOrigin(app))}; bare ${fmt(afterOrigin(bare))}`);
  for (const name of Object.keys(app[0].marks)) {
    console.log(`  app mark ${name}, ms after navigation start: ${fmt(app.map((x) => x.marks[name] ?? NaN))}`);
  }
  console.log(`start ratio (medians): ${(median(ready(app)) / median(ready(bare))).toFixed(2)}x (target <= ${target}x)`);
}

/**
 * Launches the app (`args`, until `appReady`), the earlier builds if any, and the
 * bare window in turn, RUNS times; prints the figures.
 */
async function compareStart(title, args, appReady, target) {
  const app = [];
  const before = BEFORE.map(() => []);
  const bare = [];
  for (let i = 0; i < RUNS; i++) {
    app.push(await timeLaunch(args, undefined, appReady));
    for (const [k, binary] of BEFORE.entries()) before[k].push(await timeLaunch(args, binary, appReady));
    bare.push(await timeLaunch([], BARE, BARE_READY));
  }
  printStart(`AiTEMS Desk (${title})`, app, bare, target);
  for (const [k, binary] of BEFORE.entries()) printStart(`earlier build (${binary}), same launches`, before[k], bare, target);
}

const stopDriver = await startDriver();
try {
  await compareStart('--demo, to a populated table', ['--demo'], APP_READY, 1.2);
  if (process.env.BENCH_LAYOUT !== '0') {
    const demo = await startDemoService();
    try {
      saveLaidOutProfile(demo);
      await compareStart('saved profile, saved layout and timeline, to its rows in that layout', [], LAID_OUT_READY, 1.3);
    } finally {
      demo.stop();
      execFileSync(CLI, ['profile', 'remove', LAID_OUT.name]);
    }
  }
  if (process.env.BENCH_MEMORY !== '0') await measureMemory();
} finally {
  stopDriver();
}
