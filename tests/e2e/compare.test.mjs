// Comparing two trainings in the real app on demo data: two rows selected with the mouse, the
// comparison opened, and an hpConfig option that differs between them shown highlighted, with
// the values the demo service holds (read independently through the CLI).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Key } from 'selenium-webdriver';
import { By, ROWS, screenshot, useDemoAndDriver, visibleVersions, waitFor } from './harness.mjs';

/** The service demo mode opens first. */
const SERVICE = 'demofashn02';

const setup = useDemoAndDriver({ trains: SERVICE });

const byTestId = (id) => By.css(`[data-testid="${id}"]`);
const rowOf = (version) => setup.driver.findElement(By.css(`${ROWS}[data-version="${version}"]`));
/** A value as the comparison shows it. */
const shown = (value) => (value === undefined ? 'not set' : typeof value === 'string' ? value : JSON.stringify(value));

/** The first hpConfig option whose value differs between two trainings, if any. */
function differingOption(a, b) {
  const keys = [...new Set([...Object.keys(a.hpConfig ?? {}), ...Object.keys(b.hpConfig ?? {})])];
  return keys.find((k) => JSON.stringify(a.hpConfig?.[k]) !== JSON.stringify(b.hpConfig?.[k]));
}

test('two trainings selected in the table open side by side, a differing hpConfig option highlighted', async () => {
  const versions = await waitFor(setup.driver, () => visibleVersions(setup.driver), (v) => v.length > 5, 'rows appear');
  const byVersion = new Map(setup.expected.map((t) => [t.version, t]));
  const first = byVersion.get(versions[0]);
  const second = versions.slice(1).map((v) => byVersion.get(v)).find((t) => differingOption(first, t));
  assert.ok(first && second, 'two trainings on screen whose hpConfig differ');
  const option = differingOption(first, second);

  // A click opens the first; Ctrl+click on the second selects both.
  await (await rowOf(first.version)).click();
  await setup.driver.actions().keyDown(Key.CONTROL).click(await rowOf(second.version)).keyUp(Key.CONTROL).perform();
  const compare = setup.driver.findElement(byTestId('compare'));
  await waitFor(setup.driver, () => compare.isEnabled(), (on) => on, 'Compare is enabled with two rows selected');
  await compare.click();

  const table = await setup.driver.wait(async () => (await setup.driver.findElements(byTestId('compare-table')))[0], 10000, 'the comparison opens');
  const headings = await table.findElement(By.css('thead')).getText();
  assert.ok(headings.includes(first.version) && headings.includes(second.version), 'both trainings are compared');
  const line = await table.findElement(By.css(`tr[data-section="hpConfig"][data-key="${option}"]`));
  assert.match(await line.getAttribute('class'), /\bdiff\b/, `${option} is marked as differing`);
  const cells = await Promise.all((await line.findElements(By.css('td'))).map((td) => td.getText()));
  assert.deepEqual(cells, [shown(first.hpConfig?.[option]), shown(second.hpConfig?.[option])]);
  const same = await table.findElement(By.css('tr[data-section="field"][data-key="serviceId"]'));
  assert.doesNotMatch(await same.getAttribute('class'), /\bdiff\b/, 'the same service is not marked');
  const colours = await setup.driver.executeScript(
    'return [arguments[0], arguments[1]].map((el) => getComputedStyle(el).backgroundColor)',
    line,
    same,
  );
  assert.notEqual(colours[0], colours[1], 'the differing line stands out');
  await screenshot(setup.driver, '20-compare');
});
