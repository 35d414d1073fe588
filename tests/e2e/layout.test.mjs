// The table layout on the real app: a saved profile on the demo service (run by the CLI),
// its table laid out (columns chosen, an hpConfig option shown, a sort, a fitted width),
// then the app started again: the layout is back, read from the settings file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { By, ROWS, launchApp, quitApp, screenshot, useDemoAndDriver, waitFor } from './harness.mjs';

const PROFILE = 'Layout';
const SERVICE = 'demoshop001';
const SETTINGS = join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'aitemsdesk', 'settings.json');

const setup = useDemoAndDriver({
  profile: { name: PROFILE, service: SERVICE, makeDefault: true, removeAfter: true },
  launch: [],
});

const byTestId = (id) => By.css(`[data-testid="${id}"]`);
const rowCount = async () => (await setup.driver.findElements(By.css(ROWS))).length;
const headerIds = () =>
  setup.driver.executeScript(`return [...document.querySelectorAll('.row--head [role="columnheader"]')].map((h) => h.dataset.col);`);
const headerWidth = (id) =>
  setup.driver.executeScript(`return document.querySelector('[role="columnheader"][data-col="${id}"]').getBoundingClientRect().width;`);
/** The layout the settings file holds for the service, once there is one. */
function savedLayout() {
  try {
    return JSON.parse(readFileSync(SETTINGS, 'utf8')).profiles?.[PROFILE]?.tableLayouts?.[SERVICE] ?? null;
  } catch {
    return null;
  }
}

test('a layout set in the table is back after the app starts again', async () => {
  await waitFor(setup.driver, rowCount, (n) => n > 3, 'the saved profile opens its service');
  const initial = await headerIds();
  assert.ok(initial.includes('description'), `the default columns: ${initial}`);

  await setup.driver.findElement(By.css('[data-testid="columns-menu"] button')).click();
  const chooser = await setup.driver.wait(async () => (await setup.driver.findElements(byTestId('column-chooser')))[0], 10000, 'the column menu opens');
  await setup.driver.executeScript('arguments[0].click()', await chooser.findElement(By.css('input[data-col="description"]')));
  const option = await chooser.findElement(By.css('input[data-col^="hp:"]:not(:checked)'));
  const optionId = await option.getAttribute('data-col');
  await setup.driver.executeScript('arguments[0].click()', option);
  await setup.driver.executeScript('arguments[0].click()', await chooser.findElement(By.css('button[data-col="status"][data-control="up"]')));
  await setup.driver.findElement(By.css('[data-testid="columns-menu"] button')).click();
  await setup.driver.findElement(By.css('[role="columnheader"][data-col="version"] button')).click();
  await setup.driver.actions().doubleClick(await setup.driver.findElement(byTestId('resize-type'))).perform();

  const laidOut = await headerIds();
  assert.ok(!laidOut.includes('description') && laidOut.includes(optionId), `${laidOut}`);
  assert.ok(laidOut.indexOf('status') < laidOut.indexOf('version'), `status moved up: ${laidOut}`);
  const typeWidth = await headerWidth('type');
  const saved = await waitFor(setup.driver, async () => savedLayout(), (l) => l?.columns?.join() === laidOut.join() && l.sort?.[0]?.id === 'version', 'the layout is saved in the settings file');
  assert.equal(Math.round(typeWidth), saved.widths.type, 'the fitted width is saved');
  await screenshot(setup.driver, 'layout-01-set');

  await quitApp(setup.driver);
  setup.driver = await launchApp([]);
  await waitFor(setup.driver, rowCount, (n) => n > 3, 'the app shows the service again');
  await waitFor(setup.driver, headerIds, (ids) => ids.join() === laidOut.join(), 'the columns are back, in their order');
  const sorted = await setup.driver.findElement(By.css('[role="columnheader"][data-col="version"]')).getAttribute('aria-sort');
  assert.equal(sorted, 'ascending');
  assert.ok(Math.abs((await headerWidth('type')) - typeWidth) < 2, 'the width is back');
  await screenshot(setup.driver, 'layout-02-restarted');
});
