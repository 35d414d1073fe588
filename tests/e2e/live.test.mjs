// Watching on the real app: a saved profile on the demo service (run by the CLI), whose
// clock the test moves. A training that finishes is marked in the table within one
// refresh and earns one desktop notification, received over D-Bus by a recording
// notification server on the test's private session bus. Then AiTEMS goes away and the
// app, started again, shows the rows it last saw under the offline note.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  By, CLI, ROWS, closeWindow, demoTrains, launchApp, screenshot, startDemoService, startDriver,
  startNotificationRecorder, waitFor,
} from './harness.mjs';
import { execFileSync } from 'node:child_process';

const PROFILE = 'Work';
/** The small demo service: its newest training starts as "requesting". */
const SERVICE = 'demoshop001';

let stopDriver;
let demo;
let driver;
let notices;
let before12;

const byTestId = (id) => By.css(`[data-testid="${id}"]`);
const rowCount = async () => (await driver.findElements(By.css(ROWS))).length;

before(async () => {
  notices = await startNotificationRecorder();
  demo = await startDemoService();
  before12 = demoTrains(demo, SERVICE);
  execFileSync(CLI, ['profile', 'add', PROFILE, '--endpoint', demo.url, '--service', SERVICE, '--stdin'], {
    input: `${demo.accessKey}\n${demo.secretKey}\n`,
  });
  stopDriver = await startDriver();
  driver = await launchApp([]);
});

after(async () => {
  await driver?.quit().catch(() => {});
  stopDriver?.();
  demo?.stop();
  notices?.stop();
});

test('a watched training that finishes is marked and notified once', async () => {
  await waitFor(driver, rowCount, (n) => n === before12.length, 'the saved profile opens its service');
  // Watched through the bell beside Refresh: five minutes by default once watching.
  await driver.findElement(By.css('[data-testid="watch-menu"] button')).click();
  const toggle = await driver.wait(async () => (await driver.findElements(byTestId('watch-toggle')))[0], 10000, 'the watch panel opens');
  await driver.executeScript('arguments[0].click()', toggle);
  await waitFor(driver, () => driver.findElement(byTestId('watch-every')).getText(), (text) => text.includes('5'), 'watching every 5 min');
  await driver.findElement(By.css('[data-testid="watch-menu"] button')).click();

  const first = before12[0];
  assert.equal(first.status, 'requesting', 'the demo data starts it as requested');
  const moved = await fetch(`${demo.url}/demo/advance?steps=3`, { method: 'POST' });
  assert.equal(moved.status, 200);
  const after3 = demoTrains(demo, SERVICE).find((t) => t.version === first.version);
  assert.ok(['completed', 'learningFailed'].includes(after3.status), after3.status);

  await driver.findElement(byTestId('refresh')).click();
  const name = JSON.parse(execFileSync(CLI, ['services', '--format', 'json', '--endpoint', demo.url], {
    env: { ...process.env, NCLOUD_ACCESS_KEY: demo.accessKey, NCLOUD_SECRET_KEY: demo.secretKey },
    encoding: 'utf8',
  })).find((s) => s.serviceId === SERVICE).name;
  const shown = await waitFor(driver, async () => notices.read(), (n) => n.length > 0, 'a notification arrives');
  assert.equal(shown.length, 1, JSON.stringify(shown));
  assert.ok(shown[0].summary.includes(name), `${shown[0].summary} names ${name}`);
  assert.ok(shown[0].body.includes(first.version), `${shown[0].body} names ${first.version}`);

  const mark = await waitFor(
    driver,
    () => driver.executeScript(
      `const row = [...document.querySelectorAll(${JSON.stringify(ROWS)})]
         .find((r) => r.querySelector('.td--version')?.textContent.trim() === arguments[0]);
       return row?.querySelector('[data-testid="change-mark"]')?.textContent.trim() ?? '';`,
      first.version,
    ),
    (text) => text.length > 0,
    'the finished training is marked',
  );
  assert.match(mark, /→/);
  await screenshot(driver, 'live-01-marked');

  // Refreshed again with nothing new: no second notification.
  await driver.findElement(byTestId('refresh')).click();
  await waitFor(driver, rowCount, (n) => n > 0, 'rows stay');
  await new Promise((r) => setTimeout(r, 1000));
  assert.equal((await notices.read()).length, 1);
});

test('closing the window while watching keeps the app watching, and says so once', async () => {
  const before = (await notices.read()).length;
  closeWindow();
  const told = await waitFor(driver, async () => (await notices.read()).slice(before), (n) => n.length > 0, 'the app says it keeps watching');
  assert.equal(told[0].summary, 'AiTEMS Desk is still watching');
  assert.equal(await driver.executeScript('return document.querySelectorAll(arguments[0]).length > 0', ROWS), true, 'the app still runs');
  closeWindow();
  await new Promise((r) => setTimeout(r, 1000));
  assert.equal((await notices.read()).length, before + 1, 'said the first time only');
});

test('offline: the app started again shows the rows it last saw, with the offline note', async () => {
  const seen = await rowCount();
  demo.stop();
  await driver.quit();
  driver = await launchApp([]);
  await waitFor(driver, rowCount, (n) => n === seen, 'the kept rows show');
  const banner = await driver.wait(async () => (await driver.findElements(byTestId('error-banner')))[0], 20000, 'the failure shows');
  await waitFor(driver, () => banner.getText(), (text) => text.includes('Offline: showing the trainings as of'), 'the offline note');
  await screenshot(driver, 'live-02-offline');
});
