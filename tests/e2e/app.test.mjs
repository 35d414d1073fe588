// The real AiTEMS Desk binary on demo data, driven over WebDriver. Each step is checked
// against what the demo AiTEMS service holds (read independently through the CLI) and
// leaves a screenshot in target/e2e-screens/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import {
  By, ROWS, demoTrains, screenshot, useDemoAndDriver, visibleVersions, waitFor,
} from './harness.mjs';

/** The service demo mode opens first (the 300-training one). */
const SERVICE = 'demofashn02';

const setup = useDemoAndDriver({ trains: SERVICE });

const byTestId = (id) => By.css(`[data-testid="${id}"]`);
const numbers = (text) => (text.match(/\d[\d,]*/g) ?? []).map((n) => Number(n.replace(/,/g, '')));
const showing = async () => numbers(await setup.driver.findElement(byTestId('showing')).getText());
const createdMs = (train) => Date.parse(`${train.createdDate}+09:00`);

test('starts in demo mode and loads every training of the service', async () => {
  await waitFor(setup.driver, async () => (await setup.driver.findElements(By.css(ROWS))).length, (n) => n > 0, 'rows appear');
  assert.equal(await setup.driver.findElement(byTestId('demo-badge')).getText(), 'DEMO');
  const [shown, total] = await waitFor(setup.driver, showing, ([s, t]) => t === setup.expected.length && s === t, 'all rows counted');
  assert.equal(shown, setup.expected.length);
  assert.equal(total, 300);
  // Default order: newest first, exactly as the demo service's dates say.
  const newestFirst = [...setup.expected].sort((a, b) => createdMs(b) - createdMs(a)).map((t) => t.version);
  const versions = await visibleVersions(setup.driver);
  assert.deepEqual(versions.slice(0, 8), newestFirst.slice(0, 8));
  await screenshot(setup.driver, '01-demo-loaded');
});

test('sorting by Created puts the oldest training first', async () => {
  // Found afresh each time: the header re-renders when the sort changes.
  const headerCell = () => setup.driver.findElement(By.css('[role="columnheader"][data-col="createdDate"]'));
  const clickHeader = async () => (await headerCell()).findElement(By.css('button')).click();
  const ariaSort = () =>
    setup.driver.executeScript('return document.querySelector(\'[role="columnheader"][data-col="createdDate"]\').getAttribute("aria-sort")');
  assert.equal(await ariaSort(), 'descending', 'newest first by default');
  // Each click moves one step: descending -> off -> ascending.
  await clickHeader();
  await waitFor(setup.driver, ariaSort, (s) => s === 'none', 'sort off');
  await clickHeader();
  await waitFor(setup.driver, ariaSort, (s) => s === 'ascending', 'ascending');
  const oldestFirst = [...setup.expected].sort((a, b) => createdMs(a) - createdMs(b)).map((t) => t.version);
  const versions = await waitFor(setup.driver, () => visibleVersions(setup.driver), (v) => v[0] === oldestFirst[0], 'oldest first');
  assert.deepEqual(versions.slice(0, 8), oldestFirst.slice(0, 8));
  await screenshot(setup.driver, '02-sorted-by-created');
});

test('filtering by a version narrows the table to that training', async () => {
  const target = setup.expected[42];
  const input = setup.driver.findElement(byTestId('filter-input'));
  await input.sendKeys(target.version);
  await waitFor(setup.driver, showing, ([s]) => s === 1, 'one row left');
  assert.deepEqual(await visibleVersions(setup.driver), [target.version]);
  const marks = await setup.driver.findElements(By.css(`${ROWS} mark`));
  assert.ok(marks.length > 0, 'the match is highlighted');
  await screenshot(setup.driver, '03-filtered');
  await input.clear();
  await setup.driver.executeScript('arguments[0].dispatchEvent(new Event("input", { bubbles: true }))', input);
  await waitFor(setup.driver, showing, ([s]) => s === setup.expected.length, 'filter cleared');
});

test('Recent only shows the latest training of each type', async () => {
  const recent = demoTrains(setup.demo, SERVICE, true);
  const toggle = setup.driver.findElement(byTestId('recent-toggle'));
  await setup.driver.executeScript('arguments[0].click()', toggle);
  await waitFor(setup.driver, showing, ([s, t]) => t === recent.length && s === t, 'recent rows');
  const versions = await visibleVersions(setup.driver);
  assert.deepEqual([...versions].sort(), recent.map((t) => t.version).sort());
  await screenshot(setup.driver, '04-recent-only');
  await setup.driver.executeScript('arguments[0].click()', toggle);
  await waitFor(setup.driver, showing, ([, t]) => t === setup.expected.length, 'all rows back');
});

test('a row opens its details with the exact training data', async () => {
  const rows = await setup.driver.findElements(By.css(ROWS));
  const version = (await rows[0].findElement(By.css('.td--version')).getAttribute('textContent')).trim();
  await rows[0].click();
  const drawer = await setup.driver.wait(async () => (await setup.driver.findElements(byTestId('details-drawer')))[0], 10000, 'drawer opens');
  assert.ok(await drawer.isDisplayed());
  const raw = JSON.parse(await setup.driver.findElement(byTestId('raw-json')).getAttribute('textContent'));
  const train = setup.expected.find((t) => t.version === version);
  assert.deepEqual(raw, train, 'the drawer shows what the service holds, unknown fields included');
  assert.ok((await setup.driver.findElements(By.css(ROWS))).length > 0, 'the list stays visible');
  await screenshot(setup.driver, '05-details');
});

test('Export CSV saves the visible rows in the Downloads folder and says where', async () => {
  const exportOnce = async () => {
    await setup.driver.findElement(byTestId('export')).click();
    const notice = await setup.driver.wait(async () => (await setup.driver.findElements(byTestId('export-path')))[0], 15000, 'export notice');
    return (await notice.getText()).trim();
  };
  const path = await exportOnce();
  assert.equal(join(path, '..'), join(homedir(), 'Downloads'), 'saved where a browser would save it');
  assert.match(path, new RegExp(`aitems-${SERVICE}-\\d{12}\\.csv$`));
  const csv = readFileSync(path, 'utf8');
  for (const train of setup.expected) assert.ok(csv.includes(train.version), `${train.version} is in the file`);
  assert.ok(!csv.includes(setup.demo.secretKey), 'no key in the file');
  await screenshot(setup.driver, '06-exported');
  // Dismissed, then a second export: a new file next to the first, never over it.
  await setup.driver.findElement(By.css('[data-testid="export-notice"] button')).click();
  await waitFor(setup.driver, async () => (await setup.driver.findElements(byTestId('export-notice'))).length, (n) => n === 0, 'notice dismissed');
  const second = await exportOnce();
  assert.notEqual(second, path);
  assert.equal(readFileSync(second, 'utf8'), csv, 'same rows, same file contents');
});
