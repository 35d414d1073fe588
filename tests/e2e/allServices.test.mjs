// All services on the real app: a saved profile on the demo service (run by the CLI), the
// service picker's All services chosen, and every training of every service in one table
// with a Service column, counted per service as the demo service holds them (read through
// the CLI over real HTTP).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { By, CLI, demoTrains, screenshot, useDemoAndDriver, waitFor } from './harness.mjs';

const setup = useDemoAndDriver({
  profile: { name: 'Everything', service: 'demoshop001', makeDefault: true, removeAfter: true },
  launch: [],
});

const byTestId = (id) => By.css(`[data-testid="${id}"]`);
const text = async (locator) => (await setup.driver.findElements(locator)).length ? (await setup.driver.findElement(locator)).getText() : '';

/** Every service of the demo service and its trainings, through the CLI. */
function expectedServices() {
  const env = { ...process.env, NCLOUD_ACCESS_KEY: setup.demo.accessKey, NCLOUD_SECRET_KEY: setup.demo.secretKey };
  const services = JSON.parse(execFileSync(CLI, ['services', '--format', 'json', '--endpoint', setup.demo.url], { env, encoding: 'utf8' }));
  return services.map((s) => ({ id: s.serviceId, name: s.name, count: demoTrains(setup.demo, s.serviceId).length }));
}

test('All services shows every training of every service in one table, with a Service column', async () => {
  const services = expectedServices();
  const total = services.reduce((sum, s) => sum + s.count, 0);
  await waitFor(setup.driver, () => text(byTestId('showing')), (t) => /^Showing [\d,]+ of [\d,]+$/.test(t), 'the profile opens its service');

  await setup.driver.findElement(By.css('[data-testid="service-picker"] input[role="combobox"]')).click();
  const every = await setup.driver.wait(async () => (await setup.driver.findElements(By.xpath('//li[@role="option"][.//*[@data-testid="every-service"]]')))[0], 10000, 'All services is offered');
  await every.click();
  const all = total.toLocaleString('en-US');
  await waitFor(setup.driver, () => text(byTestId('showing')), (t) => t === `Showing ${all} of ${all}`, 'every training of every service is listed', 60000);
  const first = await setup.driver.findElement(By.css('.row--head [role="columnheader"]')).getAttribute('data-col');
  assert.equal(first, 'service', 'the Service column leads');
  assert.equal((await setup.driver.findElements(byTestId('service-failures'))).length, 0, 'no service failed');

  // The Service menu counts each service's trainings as the demo service holds them.
  await setup.driver.findElement(By.css('[data-testid="service-filter"] button')).click();
  const counted = await waitFor(
    setup.driver,
    () => setup.driver.executeScript(`
      return [...document.querySelectorAll('[data-testid="service-filter"] input[data-value]')]
        .map((input) => [input.dataset.value, input.closest('label').querySelector('.facet__count').textContent.trim()]);`),
    (rows) => rows.length > 0,
    'the Service menu opens',
  );
  const expected = services.filter((s) => s.count > 0).map((s) => [s.id, s.count.toLocaleString('en-US')]);
  assert.deepEqual(new Map(counted), new Map(expected));
  await screenshot(setup.driver, 'all-services-01');
});
