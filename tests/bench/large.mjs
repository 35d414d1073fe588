// The demo's 10,000-training service, opened in a running AiTEMS Desk (--demo) the way a
// user opens it: through the service picker.
import { By, ROWS, waitFor } from '../e2e/harness.mjs';

/** The demo service with exactly 10,000 trainings. */
export const LARGE_SERVICE = 'demobench03';

const rowsReady = `return document.querySelectorAll(${JSON.stringify(ROWS)}).length > 0`;

/** Waits for the first service's rows, opens the large service and waits for all of it. */
export async function openLargeService(driver) {
  await waitFor(driver, () => driver.executeScript(rowsReady), Boolean, 'rows', 60000);
  const picker = await driver.findElement(By.css('[data-testid="service-picker"] input'));
  await picker.clear();
  await picker.sendKeys(LARGE_SERVICE, '\uE007');
  await waitFor(driver, async () => driver.findElement(By.css('[data-testid="showing"]')).getText(),
    (text) => /10,?000\D+10,?000/.test(text), '10,000 rows loaded', 60000);
}
