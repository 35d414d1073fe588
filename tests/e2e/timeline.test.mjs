// The timeline on the real app (WebKitGTK): it loads after the first rows and counts the
// trainings the demo service holds (read independently through the CLI), and choosing a
// period in its table filters the table by it. Run under LANG=C.UTF-8, the locale of minimal
// Linux installs and WSL, under which WebKitGTK gives the page the language "C".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { By, screenshot, shownCount, useDemoAndDriver, waitFor } from './harness.mjs';

// Read by tauri-driver, and so by the app, once `before` starts them.
process.env.LANG = 'C.UTF-8';
delete process.env.LC_ALL;
delete process.env.LANGUAGE;

/** The service demo mode opens first. */
const SERVICE = 'demofashn02';

const setup = useDemoAndDriver({ trains: SERVICE });

const byTestId = (id) => By.css(`[data-testid="${id}"]`);
const showing = () => shownCount(setup.driver);

test('the timeline draws and counts every dated training; a period chosen in its table filters the table', async () => {
  const language = await setup.driver.executeScript('return navigator.language');
  await waitFor(setup.driver, async () => (await setup.driver.findElements(By.css('[data-testid="timeline-plot"] canvas'))).length, (n) => n > 0, `the timeline is drawn (page language ${language})`, 20000);
  const marks = await setup.driver.executeScript(`return performance.getEntriesByType('mark').map((m) => m.name)`);
  assert.ok(marks.includes('aitems:timeline'), `the timeline's mark is set: ${marks}`);

  const table = setup.driver.findElement(byTestId('timeline-table'));
  await table.findElement(By.css('summary')).click();
  const periods = await waitFor(
    setup.driver,
    () =>
      setup.driver.executeScript(`return [...document.querySelectorAll('[data-testid="timeline-table"] tbody tr')].map((r) => ({
        label: r.querySelector('th').textContent.trim(),
        total: Number(r.querySelector('td').textContent.replace(/,/g, '')),
      }))`),
    (rows) => rows.length > 0,
    'the periods are listed',
  );
  const undated = await setup.driver.findElements(byTestId('timeline-undated'));
  const undatedCount = undated.length ? Number((await undated[0].getText()).replace(/,/g, '').match(/\d+/)[0]) : 0;
  const dated = periods.reduce((sum, p) => sum + p.total, 0);
  assert.equal(dated + undatedCount, setup.expected.length, 'every training of the service is counted once');

  const all = await showing();
  const busiest = periods.reduce((a, b) => (b.total > a.total ? b : a));
  const button = () => table.findElement(By.xpath(`.//tbody//button[normalize-space(.)="${busiest.label}"]`));
  await (await button()).click();
  await waitFor(setup.driver, showing, (n) => n === busiest.total, `the table shows the ${busiest.total} trainings of ${busiest.label}`);
  assert.equal(await (await button()).getAttribute('aria-pressed'), 'true');
  await screenshot(setup.driver, 'timeline-01-period');
  await (await button()).click();
  await waitFor(setup.driver, showing, (n) => n === all, 'choosing it again shows every date');
});
