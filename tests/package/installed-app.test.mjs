// The INSTALLED AiTEMS Desk (from the .deb) on demo data, driven over WebDriver with the
// end-to-end tests' harness. tests/package/run.sh installs the package first and sets
// E2E_APP to the installed binary's path.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readlinkSync } from 'node:fs';
import { APP, By, ROWS, screenshot, useDemoAndDriver, waitFor } from '../e2e/harness.mjs';

const setup = useDemoAndDriver({ demo: false });

/** Executables of the running processes (those this user may read). */
function runningExecutables() {
  const exes = [];
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try { exes.push(readlinkSync(`/proc/${pid}/exe`)); } catch { /* gone, or not ours */ }
  }
  return exes;
}

test('the window that opened is the installed binary', () => {
  assert.ok(APP.startsWith('/usr/'), `E2E_APP is an installed path: ${APP}`);
  assert.ok(runningExecutables().includes(APP), `a process runs ${APP}`);
});

test('the installed app opens on demo data and the table fills with rows', async () => {
  const rows = await waitFor(setup.driver, async () => (await setup.driver.findElements(By.css(ROWS))).length, (n) => n > 0, 'rows appear');
  assert.ok(rows > 0);
  assert.equal(await setup.driver.findElement(By.css('[data-testid="demo-badge"]')).getText(), 'DEMO');
  // The first demo service holds 300 trainings: the count reaches them all.
  const numbers = async () => ((await setup.driver.findElement(By.css('[data-testid="showing"]')).getText()).match(/\d[\d,]*/g) ?? [])
    .map((n) => Number(n.replace(/,/g, '')));
  const [shown, total] = await waitFor(setup.driver, numbers, ([s, t]) => t === 300 && s === t, 'all rows counted');
  assert.equal(shown, 300);
  assert.equal(total, 300);
  await screenshot(setup.driver, 'installed-demo-loaded');
});
