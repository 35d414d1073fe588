// All services: every service of the profile in one table with a Service column; a service
// that fails is listed with its error while the others show.
import { expect, test, type Page } from '@playwright/test';
import { bodyRows, grid, mockCalls, openMain, shot } from './helpers';

async function openEveryService(page: Page, scenario = 'default'): Promise<void> {
  await openMain(page, scenario);
  await page.getByRole('combobox', { name: 'Service' }).click();
  await page.getByRole('listbox').getByRole('option', { name: /All services/ }).click();
  await expect(page.getByTestId('progress')).toBeHidden();
}

const serviceCells = (page: Page) => grid(page).locator('[role="gridcell"][data-col="service"]');

test('All services lists every service in one table with a Service column', async ({ page }) => {
  await openEveryService(page);
  // 240 trainings in each of three services, none in the fourth.
  await expect(page.getByTestId('showing')).toHaveText('Showing 720 of 720');
  await expect(page.getByRole('combobox', { name: 'Service' })).toHaveValue('All services');
  await expect(grid(page).getByRole('columnheader').first()).toContainText('Service');
  const calls = await mockCalls(page);
  expect(calls.filter((c) => c.cmd === 'list_all_trains')).toHaveLength(1);
  await expect(page.getByTestId('service-failures')).toHaveCount(0);
  // Watching is per service: not offered here (auto-refresh still is).
  await page.getByTestId('watch-menu').getByRole('button').first().click();
  await expect(page.getByRole('switch', { name: 'Watch this service' })).toBeDisabled();
  await page.keyboard.press('Escape');

  // The Service menu keeps one service; the filter box finds a service by name too.
  await page.getByTestId('service-filter').getByRole('button').first().click();
  await page.getByRole('checkbox', { name: /Newsletter picks/ }).check();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('showing')).toHaveText('Showing 240 of 720');
  await expect(serviceCells(page).first()).toHaveText('Newsletter picks');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.getByLabel('Filter', { exact: true }).fill('App home');
  await expect(page.getByTestId('showing')).toHaveText('Showing 240 of 720');
  await shot(page, '40-all-services');

  // Export names the file after the view and each row's service goes with it.
  await page.getByTestId('export').click();
  await expect(page.getByTestId('export-path')).toHaveText(/aitems-all-services-\d{12}\.csv$/);
  const exported = (await mockCalls(page)).find((c) => c.cmd === 'export_csv')!;
  expect((exported.args.columns as string[])[0]).toBe('serviceId');
  expect(new Set((exported.args.trains as { serviceId: string }[]).map((t) => t.serviceId))).toEqual(new Set(['h5t0b8y6jqe']));

  // Back to one service: no Service column.
  await page.getByRole('combobox', { name: 'Service' }).click();
  await page.getByRole('listbox').getByRole('option', { name: /m3xq8a1b2cd/ }).click();
  await expect(page.getByTestId('showing')).toHaveText('Showing 240 of 240');
  await expect(serviceCells(page)).toHaveCount(0);
});

test('a service that fails is listed with its error while the others show', async ({ page }) => {
  await openEveryService(page, 'partial');
  await expect(page.getByTestId('showing')).toHaveText('Showing 480 of 480');
  const failures = page.getByTestId('service-failures');
  await expect(failures).toContainText('1 of 4 services could not be listed. The others are shown.');
  const failed = failures.locator('li[data-service="m3xq8a1b2cd"]');
  await expect(failed).toContainText('Newsletter picks');
  await expect(failed).toContainText('AiTEMS is not available right now.');
  await expect(failed).toHaveAttribute('data-code', 'service_unavailable');
  await expect(page.getByTestId('error-banner'), 'not the listing failing').toHaveCount(0);
  await shot(page, '41-all-services-partial');

  // Dismissed, it stays away until the next listing says it again.
  await failures.getByRole('button', { name: 'Dismiss' }).click();
  await expect(failures).toHaveCount(0);
  await page.getByTestId('refresh').click();
  await expect(page.getByTestId('service-failures')).toBeVisible();
});

test('while it loads, the progress counts the trainings and services so far, each service on its own line', async ({ page }) => {
  await page.goto('/?scenario=slow');
  await expect(page.getByTestId('showing')).toHaveText('Showing 2,500 of 2,500', { timeout: 15_000 });
  await page.getByRole('combobox', { name: 'Service' }).click();
  await page.getByRole('listbox').getByRole('option', { name: /All services/ }).click();
  const progress = page.getByTestId('progress');
  await expect(progress).toHaveText(/loaded from 2 services so far/, { timeout: 10_000 });
  await expect(progress).toHaveAttribute('title', /쇼핑몰 메인 추천: [\d,]+\nNewsletter picks: [\d,]+/);
  await expect(page.getByTestId('showing')).toHaveText('Showing 7,500 of 7,500', { timeout: 20_000 });
});

test('a refresh marks what changed in each service, and opening a row clears its mark only', async ({ page }) => {
  await openEveryService(page, 'moving');
  // The service on screen first may have been listed before every service was (on a slow
  // machine its own listing gets under way first), so its trainings may have moved once
  // already: the test starts from nothing marked.
  const markAll = page.getByTestId('mark-all-seen');
  if ((await markAll.isVisible()) && (await markAll.isEnabled())) await markAll.click();
  await expect(grid(page).getByTestId('change-mark')).toHaveCount(0);
  await page.getByTestId('refresh').click();
  await expect(page.getByTestId('progress')).toBeHidden();
  const marked = bodyRows(page).filter({ has: page.getByTestId('change-mark') });
  await expect(marked.first()).toBeVisible();
  // Each service's own changes are marked.
  for (const name of ['Newsletter picks', 'App home — related items']) {
    await page.getByTestId('service-filter').getByRole('button').first().click();
    await page.getByRole('checkbox', { name: new RegExp(name) }).check();
    await page.keyboard.press('Escape');
    await expect(marked.first()).toBeVisible();
    await expect(marked.first().locator('[data-col="service"]')).toHaveText(name);
    await page.getByRole('button', { name: 'Clear filters' }).click();
  }
  const before = await marked.count();
  await marked.first().click();
  await page.keyboard.press('Escape');
  await expect(marked).toHaveCount(before - 1);
  const seen = (await mockCalls(page)).filter((c) => c.cmd === 'mark_seen').at(-1)!;
  expect(seen.args.serviceId).not.toBe('*');
});

test.describe('in Korean', () => {
  test.use({ locale: 'ko-KR' });
  test('the view and its failures read in Korean', async ({ page }) => {
    await openMain(page, 'partial');
    await page.getByRole('combobox', { name: '서비스' }).click();
    await page.getByRole('listbox').getByRole('option', { name: /모든 서비스/ }).click();
    await expect(page.getByTestId('service-failures')).toContainText('서비스 4개 중 1개를 불러오지 못했습니다.');
    await expect(bodyRows(page).first()).toBeVisible();
  });
});

test('the Columns menu leaves the Service column out and moves the others around it', async ({ page }) => {
  await openEveryService(page);
  await page.getByTestId('columns-menu').getByRole('button').first().click();
  const menu = page.getByTestId('column-chooser');
  await expect(menu.getByText('Service', { exact: true })).toHaveCount(0);
  await menu.getByRole('button', { name: 'Move Version up' }).click();
  const headers = grid(page).getByRole('columnheader');
  await expect(headers.nth(0)).toContainText('Service');
  await expect(headers.nth(1)).toContainText('Version');
  await expect(headers.nth(2)).toContainText('Type');
});
