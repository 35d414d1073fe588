// Watching on the real app: a saved profile on the demo service (run by the CLI), whose
// clock the test moves. A training that finishes is marked in the table within one
// refresh and earns one desktop notification, received over D-Bus by a recording
// notification server on the test's private session bus. Closed to the tray, then
// minimised (as a window manager does it: window.py), the app goes on refreshing on its
// own; clicking a notification brings it back on the training it names. Then AiTEMS goes
// away and the app, started again, shows the rows it last saw under the offline note.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  APP, By, CLI, ROWS, closeWindow, demoTrains, launchApp, quitApp, screenshot, shownCount,
  startNotificationRecorder, useDemoAndDriver, waitFor, windowAction } from './harness.mjs';
import { execFileSync, spawn } from 'node:child_process';

const PROFILE = 'Work';
/** The small demo service: its newest training starts as "requesting". */
const SERVICE = 'demoshop001';

let notices;

// The recording notification server runs before the app starts and until it has stopped.
before(async () => {
  notices = await startNotificationRecorder();
});
const setup = useDemoAndDriver({ trains: SERVICE, profile: { name: PROFILE, service: SERVICE }, launch: [] });
after(() => notices?.stop());

const byTestId = (id) => By.css(`[data-testid="${id}"]`);
const rowCount = async () => (await setup.driver.findElements(By.css(ROWS))).length;
const listed = () => shownCount(setup.driver);
/** The change mark on the row of the training `version` ('' when none, or no such row is drawn). */
const markOf = (version) => setup.driver.executeScript(
  `const row = [...document.querySelectorAll(${JSON.stringify(ROWS)})]
     .find((r) => r.querySelector('.td--version')?.textContent.trim() === arguments[0]);
   return row?.querySelector('[data-testid="change-mark"]')?.textContent.trim() ?? '';`,
  version,
);
/** The change marks on the rows of the trainings `versions`. */
const marksOf = (versions) => Promise.all(versions.map(markOf));
const visibility = () => setup.driver.executeScript('return document.visibilityState');
/** The demo service's name, as the CLI lists it. */
const serviceName = () => JSON.parse(execFileSync(CLI, ['services', '--format', 'json', '--endpoint', setup.demo.url], {
  env: { ...process.env, NCLOUD_ACCESS_KEY: setup.demo.accessKey, NCLOUD_SECRET_KEY: setup.demo.secretKey },
  encoding: 'utf8',
})).find((s) => s.serviceId === SERVICE).name;
/** Opens the watch menu by the bell beside Refresh, runs `choose`, and closes it. */
async function inWatchMenu(choose) {
  await setup.driver.findElement(By.css('[data-testid="watch-menu"] button')).click();
  await setup.driver.wait(async () => (await setup.driver.findElements(byTestId('watch-toggle')))[0], 10000, 'the watch panel opens');
  await choose();
  await setup.driver.findElement(By.css('[data-testid="watch-menu"] button')).click();
}
const watchEvery = (label) => waitFor(setup.driver, () => setup.driver.findElement(byTestId('watch-every')).getText(), (text) => text === label, `watching every ${label}`);

test('a watched training that finishes is marked and notified once', async () => {
  await waitFor(setup.driver, listed, (n) => n === setup.expected.length, 'the saved profile opens its service');
  // Watched through the bell beside Refresh: five minutes by default once watching.
  await inWatchMenu(async () => {
    await setup.driver.executeScript('arguments[0].click()', await setup.driver.findElement(byTestId('watch-toggle')));
    await watchEvery('5 min');
  });

  const first = setup.expected[0];
  assert.equal(first.status, 'requesting', 'the demo data starts it as requested');
  const moved = await fetch(`${setup.demo.url}/demo/advance?steps=3`, { method: 'POST' });
  assert.equal(moved.status, 200);
  const after3 = demoTrains(setup.demo, SERVICE).find((t) => t.version === first.version);
  assert.ok(['completed', 'learningFailed'].includes(after3.status), after3.status);

  await setup.driver.findElement(byTestId('refresh')).click();
  const name = serviceName();
  const shown = await waitFor(setup.driver, async () => notices.read(), (n) => n.length > 0, 'a notification arrives');
  assert.equal(shown.length, 1, JSON.stringify(shown));
  assert.ok(shown[0].summary.includes(name), `${shown[0].summary} names ${name}`);
  assert.ok(shown[0].body.includes(first.version), `${shown[0].body} names ${first.version}`);

  const mark = await waitFor(setup.driver, () => markOf(first.version), (text) => text.length > 0, 'the finished training is marked');
  assert.match(mark, /→/);
  await screenshot(setup.driver, 'live-01-marked');

  // Refreshed again with nothing new: no second notification.
  await setup.driver.findElement(byTestId('refresh')).click();
  await waitFor(setup.driver, rowCount, (n) => n > 0, 'rows stay');
  await new Promise((r) => setTimeout(r, 1000));
  assert.equal((await notices.read()).length, 1);
});

test('closing the window while watching keeps the app watching, and says so once', async () => {
  const before = (await notices.read()).length;
  closeWindow();
  const told = await waitFor(setup.driver, async () => (await notices.read()).slice(before), (n) => n.length > 0, 'the app says it keeps watching');
  assert.equal(told[0].summary, 'AiTEMS Desk is still watching');
  assert.equal(await setup.driver.executeScript('return document.querySelectorAll(arguments[0]).length > 0', ROWS), true, 'the app still runs');
  closeWindow();
  await new Promise((r) => setTimeout(r, 1000));
  assert.equal((await notices.read()).length, before + 1, 'said the first time only');
});

test('minimised, the app goes on refreshing: what changes meanwhile is notified and marked', async () => {
  // Back from the tray (the test above): a second launch shows the running window.
  const second = spawn(APP, [], { stdio: 'ignore' });
  assert.equal(await new Promise((resolve) => second.on('exit', resolve)), 0, 'the second launch hands over');
  await waitFor(setup.driver, visibility, (state) => state === 'visible', 'the window shows again');
  await inWatchMenu(async () => {
    await setup.driver.executeScript('arguments[0].click()', await setup.driver.findElement(By.css('input[type="radio"][value="1m"]')));
    await watchEvery('1 min');
  });
  const told = (await notices.read()).length;
  const before = demoTrains(setup.demo, SERVICE);

  windowAction('minimise');
  await waitFor(setup.driver, visibility, (state) => state === 'hidden', 'the page is told it is not shown');
  assert.equal((await fetch(`${setup.demo.url}/demo/advance`, { method: 'POST' })).status, 200);
  const moved = demoTrains(setup.demo, SERVICE).filter((t) => !before.some((b) => b.version === t.version && b.status === t.status));
  assert.ok(moved.length > 0, 'the demo step changed a training');

  // Nobody presses Refresh: the next refresh is due within the minute.
  const shown = await waitFor(setup.driver, async () => (await notices.read()).slice(told), (n) => n.length > 0, 'a notification while minimised', 100_000);
  assert.equal(shown.length, 1, JSON.stringify(shown));
  assert.ok(shown[0].summary.includes(serviceName()), shown[0].summary);
  const versions = moved.map((t) => t.version);
  const marks = await waitFor(setup.driver, () => marksOf(versions), (texts) => texts.every((text) => text.length > 0), 'the table marks what changed while minimised');
  assert.equal(await visibility(), 'hidden', 'all of it while minimised');

  windowAction('restore');
  await waitFor(setup.driver, visibility, (state) => state === 'visible', 'the window is back');
  assert.deepEqual(await marksOf(versions), marks, 'with the marks');
  await screenshot(setup.driver, 'live-02-after-minimised');
});

test('clicking a notification brings the window back on the training it names, details open', async () => {
  const notice = (await notices.read()).filter((n) => n.summary.includes(serviceName())).at(-1);
  assert.ok(notice.actions.includes('default'), `a click is offered: ${JSON.stringify(notice.actions)}`);
  closeWindow();
  await waitFor(setup.driver, visibility, (state) => state === 'hidden', 'the window is closed to the tray');

  notices.click(notice.id);
  await waitFor(setup.driver, visibility, (state) => state === 'visible', 'the window comes back');
  const heading = await setup.driver.wait(async () => (await setup.driver.findElements(By.css('#drawer-title .mono')))[0], 20000, 'the details open');
  const version = await heading.getText();
  assert.ok(notice.body.split('\n')[0].includes(version), `${notice.body} names ${version} first`);
  const row = await setup.driver.findElement(By.css(`[data-testid="train-grid"] [data-version="${version}"]`));
  assert.equal(await row.getAttribute('aria-current'), 'true', 'its row is the one open');
  await waitFor(setup.driver, () => markOf(version), (mark) => mark === '', 'opened, its change is seen: the mark goes');
  await screenshot(setup.driver, 'live-03-notification-clicked');
});

test('offline: the app started again shows the rows it last saw, with the offline note', async () => {
  const seen = await listed();
  setup.demo.stop();
  await quitApp(setup.driver);
  setup.driver = await launchApp([]);
  await waitFor(setup.driver, listed, (n) => n === seen, 'the kept rows show');
  assert.ok((await rowCount()) > 0, 'and are on screen');
  const banner = await setup.driver.wait(async () => (await setup.driver.findElements(byTestId('error-banner')))[0], 20000, 'the failure shows');
  await waitFor(setup.driver, () => banner.getText(), (text) => text.includes('Offline: showing the trainings as of'), 'the offline note');
  await screenshot(setup.driver, 'live-04-offline');
});
