// The demo's 10,000-training service, in a running AiTEMS Desk: opened through the service
// picker in demo mode, or as the saved profile's own service on the demo service run by the
// CLI in a process of its own (as AiTEMS is another computer, whose data the app does not hold).
import { execFileSync } from 'node:child_process';
import { By, CLI, ROWS, launchApp, startDemoService, waitFor } from '../e2e/harness.mjs';

/** The demo service with exactly 10,000 trainings. */
export const LARGE_SERVICE = 'demobench03';

const rowsReady = `return document.querySelectorAll(${JSON.stringify(ROWS)}).length > 0`;

const allLoaded = (driver) =>
  waitFor(driver, async () => (await driver.findElements(By.css('[data-testid="showing"]')))[0]?.getText() ?? '',
    (text) => /10,?000\D+10,?000/.test(text), '10,000 rows loaded', 60000);

/** Waits for the first service's rows, opens the large service and waits for all of it. */
export async function openLargeService(driver) {
  await waitFor(driver, () => driver.executeScript(rowsReady), Boolean, 'rows', 60000);
  const picker = await driver.findElement(By.css('[data-testid="service-picker"] input'));
  await picker.clear();
  await picker.sendKeys(LARGE_SERVICE, '\uE007');
  await allLoaded(driver);
}

/**
 * Starts the demo service with the CLI, saves a profile on it whose service is the large
 * one, launches the app and waits until the 10,000 trainings show. Returns the session and
 * a function that stops the demo service.
 */
export async function launchOnLargeService() {
  const demo = await startDemoService();
  execFileSync(CLI, ['profile', 'add', 'Bench', '--endpoint', demo.url, '--service', LARGE_SERVICE, '--stdin'], {
    input: `${demo.accessKey}\n${demo.secretKey}\n`,
  });
  const driver = await launchApp([]);
  await allLoaded(driver);
  return { driver, stopDemo: demo.stop };
}
