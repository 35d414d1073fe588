// Live trainings: change marks, the Changed filter, watching settings, refreshing by itself.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { bodyRows, grid, mockCalls, openMain, shot } from './helpers';

const marks = (page: Page) => grid(page).getByTestId('change-mark');
const invoke = (page: Page, cmd: string, args: Record<string, unknown> = {}) =>
  page.evaluate(([c, a]) => (window as unknown as { __TAURI_INTERNALS__: { invoke: (c: string, a: unknown) => Promise<unknown> } }).__TAURI_INTERNALS__.invoke(c as string, a), [cmd, args] as const);

/** Opens the menu beside Refresh with the watching settings, if it is not open. */
async function watchMenu(page: Page) {
  const menu = page.getByTestId('watch-menu');
  const button = menu.getByRole('button', { expanded: false });
  if (await button.count()) await button.click();
  return menu;
}
const watchSwitch = async (page: Page) => (await watchMenu(page)).getByRole('switch', { name: 'Watch this service' });
async function refreshEvery(page: Page, choice: string): Promise<void> {
  await (await watchMenu(page)).getByRole('radio', { name: choice, exact: true }).check();
  await expect(page.getByTestId('watch-every')).toHaveText(choice);
}

/** Opens the moving scenario and refreshes once: trainings move along and one is new. */
async function afterOneMove(page: Page): Promise<void> {
  await openMain(page, 'moving');
  await expect(marks(page)).toHaveCount(0);
  await page.getByTestId('refresh').click();
  await expect(marks(page).first()).toBeVisible();
}

test.describe('change marks', () => {
  test('a refresh marks new trainings and status moves, in words', async ({ page }) => {
    await afterOneMove(page);
    const newest = bodyRows(page).first();
    await expect(newest).toHaveAttribute('data-version', 'new00000001');
    await expect(newest.getByTestId('change-mark')).toHaveText('New');
    // The first training was learning: it has finished (completed) since.
    await expect(grid(page).getByTestId('change-mark').filter({ hasText: 'Training → Completed' }).first()).toBeVisible();
    await expect(grid(page).getByTestId('change-mark').filter({ hasText: 'Requesting → Waiting' }).first()).toBeVisible();
    await shot(page, '20-change-marks');
  });

  test('Changed (N) shows only the marked rows; Clear filters brings the rest back', async ({ page }) => {
    await afterOneMove(page);
    const changed = page.getByTestId('changed-filter');
    const count = Number((await changed.textContent())!.match(/\((\d+)\)/)![1]);
    expect(count).toBeGreaterThan(1);
    await changed.click();
    await expect(changed).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByTestId('showing')).toHaveText(`Showing ${count} of 241`);
    const rendered = await bodyRows(page).count();
    await expect(marks(page)).toHaveCount(rendered);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect(page.getByTestId('showing')).toHaveText('Showing 241 of 241');
  });

  test('Mark all as seen clears the marks, here and in the backend', async ({ page }) => {
    await afterOneMove(page);
    await page.getByTestId('mark-all-seen').click();
    await expect(marks(page)).toHaveCount(0);
    await expect(page.getByTestId('changed-filter')).toBeHidden();
    const call = (await mockCalls(page)).find((c) => c.cmd === 'mark_seen');
    expect(call?.args).toMatchObject({ profile: 'Work', serviceId: 'kzblozze40q', trains: null });
  });

  test('opening a training clears its mark only', async ({ page }) => {
    await afterOneMove(page);
    const before = await marks(page).count();
    const newest = bodyRows(page).first();
    await newest.click();
    await expect(page.getByTestId('details-drawer')).toBeVisible();
    await expect(newest.getByTestId('change-mark')).toHaveCount(0);
    await expect(marks(page)).toHaveCount(before - 1);
    const call = (await mockCalls(page)).find((c) => c.cmd === 'mark_seen');
    expect(call?.args).toMatchObject({ serviceId: 'kzblozze40q', trains: [{ type: 'relatedItem', version: 'new00000001' }] });
  });
});

test.describe('watching', () => {
  test('the watch toggle and the interval are saved with the profile', async ({ page }) => {
    await openMain(page);
    const summary = page.getByTestId('watch-menu').getByRole('button').first();
    await expect(summary).toHaveAccessibleName('Auto-refresh: Off');
    const watch = await watchSwitch(page);
    const menu = page.getByTestId('watch-menu');
    await expect(watch).not.toBeChecked();
    await expect(menu.getByRole('radio', { name: 'Off' })).toBeChecked();
    await watch.check({ force: true });
    // Watching without a chosen interval refreshes every 5 minutes.
    await expect(summary).toHaveAccessibleName('Watching · 5 min');
    await expect(menu.getByRole('radio', { name: '5 min', exact: true })).toBeChecked();
    await refreshEvery(page, '15 min');
    await expect(summary).toHaveAccessibleName('Watching · 15 min');
    type Listed = { name: string; refreshEvery: string; watchedServices: string[] };
    let [work] = (await invoke(page, 'list_profiles')) as Listed[];
    expect(work).toMatchObject({ refreshEvery: '15m', watchedServices: ['kzblozze40q'] });
    // Unwatching keeps the chosen interval.
    await watch.uncheck({ force: true });
    await expect(watch).not.toBeChecked();
    [work] = (await invoke(page, 'list_profiles')) as Listed[];
    expect(work).toMatchObject({ refreshEvery: '15m', watchedServices: [] });
    await expect(summary).toHaveAccessibleName('Auto-refresh: 15 min');
    await shot(page, '21-watching');
    // The menu closes from the keyboard, giving the focus back to its button.
    await page.keyboard.press('Escape');
    await expect(menu.getByRole('group')).toHaveCount(0);
    await expect(menu.getByRole('button')).toBeFocused();
  });
});

test.describe('refreshing by itself', () => {
  test('after the interval the list refreshes, keeping filter, selection, focus and scroll', async ({ page }) => {
    await page.clock.install();
    await openMain(page, 'moving');
    await refreshEvery(page, '1 min');
    await page.getByTestId('status-filter').getByRole('button', { name: /Status/ }).click();
    await page.getByTestId('status-filter').locator('input[data-value="completed"]').check();
    await page.keyboard.press('Escape');
    const shown = await page.getByTestId('showing').textContent();
    await grid(page).evaluate((el) => (el.scrollTop = 460));
    // Ten rows scrolled by: the fifteenth is in view.
    await grid(page).locator('[aria-rowindex="16"]').click();
    const version = await grid(page).locator('.row--selected').getAttribute('data-version');
    await expect(page.getByTestId('details-drawer')).toContainText(version!);
    const lists = (await mockCalls(page)).filter((c) => c.cmd === 'list_trains').length;

    await page.clock.fastForward('01:01');
    await expect.poll(async () => (await mockCalls(page)).filter((c) => c.cmd === 'list_trains').length).toBe(lists + 1);
    // Trainings finished since: more of them are completed now, under the same filter.
    await expect(page.getByTestId('showing')).not.toHaveText(shown!);
    await expect(page.getByTestId('status-filter')).toContainText('Completed');
    const statuses = await grid(page).locator('.tbody [data-status]').evaluateAll((els) => els.map((e) => e.getAttribute('data-status')));
    expect(new Set(statuses)).toEqual(new Set(['completed']));
    await expect(page.getByTestId('details-drawer')).toContainText(version!);
    await expect(grid(page).locator('.row--selected')).toHaveAttribute('data-version', version!);
    expect(await grid(page).evaluate((el) => el.scrollTop)).toBe(460);
    await expect(grid(page)).toBeFocused();
    await expect(page.getByTestId('skeleton')).toHaveCount(0);
    await expect(page.getByTestId('error-banner')).toHaveCount(0);
  });

  test('a refresh that changes nothing leaves every rendered row alone', async ({ page }) => {
    await openMain(page);
    await grid(page).evaluate((el) => {
      const seen = { count: 0 };
      (window as unknown as { __rowMutations: typeof seen }).__rowMutations = seen;
      new MutationObserver((records) => (seen.count += records.length)).observe(el.querySelector('.tbody')!, {
        subtree: true,
        childList: true,
        characterData: true,
        attributes: true,
      });
    });
    const lists = (await mockCalls(page)).filter((c) => c.cmd === 'list_trains').length;
    await page.getByTestId('refresh').click();
    await expect.poll(async () => (await mockCalls(page)).filter((c) => c.cmd === 'list_trains').length).toBe(lists + 1);
    await expect(page.getByTestId('refresh')).toBeEnabled();
    expect(await page.evaluate(() => (window as unknown as { __rowMutations: { count: number } }).__rowMutations.count)).toBe(0);
  });

  test('a failed refresh in the background says so quietly, with no banner, and keeps the rows', async ({ page }) => {
    await page.clock.install();
    await openMain(page, 'refresh-error');
    await refreshEvery(page, '1 min');
    await page.clock.fastForward('01:01');
    const line = page.getByTestId('refresh-failed');
    await expect(line).toHaveText(/^Couldn't refresh at \d\d:\d\d · retrying$/);
    await expect(page.getByTestId('error-banner')).toHaveCount(0);
    await expect(page.getByTestId('showing')).toHaveText('Showing 240 of 240');
    await shot(page, '22-quiet-failure');
    // Refresh by hand still shows the whole error.
    await page.getByTestId('refresh').click();
    await expect(page.getByTestId('error-banner')).toContainText('AiTEMS is not available right now.');
  });

  test('a background refresh of another watched service shows its changes in the service picker', async ({ page }) => {
    await page.clock.install();
    await openMain(page, 'moving');
    const picker = page.getByRole('combobox', { name: 'Service' });
    const choose = async (id: string) => {
      await picker.click();
      await page.getByRole('listbox').getByRole('option', { name: new RegExp(id) }).click();
      await expect(bodyRows(page).first()).toBeVisible();
    };
    await choose('h5t0b8y6jqe');
    await (await watchSwitch(page)).check({ force: true });
    await refreshEvery(page, '1 min');
    await choose('kzblozze40q');
    // The backend picks the watched service up on its next tick and refreshes it a minute later.
    for (let i = 0; i < 3; i++) await page.clock.fastForward('01:01');
    await picker.press('ArrowDown');
    const other = page.getByRole('listbox').getByRole('option', { name: /h5t0b8y6jqe/ });
    await expect(other.getByTestId('service-unseen')).toHaveText(/^\d+ changed$/);
    await expect(page.getByRole('listbox').getByRole('option', { name: /kzblozze40q/ }).getByTestId('service-unseen')).toHaveCount(0);
    await shot(page, '23-service-unseen');
  });
});

test.describe('Korean', () => {
  test.use({ locale: 'ko-KR' });
  test('marks and watching in Korean', async ({ page }) => {
    await afterOneMove(page);
    await expect(bodyRows(page).first().getByTestId('change-mark')).toHaveText('신규');
    await expect(page.getByTestId('changed-filter')).toContainText('변경됨');
    await expect(page.getByRole('button', { name: '자동 새로 고침: 끔' })).toBeVisible();
    await page.getByTestId('watch-menu').getByRole('button').click();
    await expect(page.getByRole('switch', { name: '이 서비스 모니터링' })).toBeVisible();
    await expect(page.getByRole('radio', { name: '5분마다', exact: true })).toBeVisible();
    await shot(page, '24-live-ko');
  });
});

test.describe('clicked notices', () => {
  const OTHER = 'm3xq8a1b2cd';
  type Target = { profile: string; serviceId: string; train: { type: string; version: string } };
  /** A click on a desktop notice that opens `target`, as the backend reports it. */
  const clickNotice = (page: Page, target: Target) =>
    page.evaluate((t) => (window as unknown as { __mockClickNotice: (t: Target) => void }).__mockClickNotice(t), target);

  /** The training of a row, as AiTEMS lists it (read from its details, which are closed again). */
  async function trainOf(page: Page, row: Locator): Promise<{ type: string; version: string }> {
    await row.click();
    const train = JSON.parse((await page.getByTestId('raw-json').textContent())!) as { type: string; version: string };
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('details-drawer')).toBeHidden();
    return { type: train.type, version: train.version };
  }
  const listings = async (page: Page) => (await mockCalls(page)).filter((c) => c.cmd === 'list_trains').length;

  /** A training far down the list of the service OTHER, as AiTEMS lists it; the table is left on the first service. */
  async function farDownInOther(page: Page): Promise<{ type: string; version: string }> {
    const first = (await page.getByTestId('showing').textContent())!;
    const service = page.getByRole('combobox', { name: 'Service' });
    await service.click();
    await page.getByRole('listbox').getByRole('option', { name: new RegExp(OTHER) }).click();
    await expect(page.getByTestId('showing')).toHaveText('Showing 240 of 240');
    await grid(page).focus();
    await grid(page).press('End');
    const train = await trainOf(page, bodyRows(page).last());
    await service.click();
    await page.getByRole('listbox').getByRole('option', { name: /kzblozze40q/ }).click();
    await expect(page.getByTestId('showing')).toHaveText(first);
    return train;
  }

  test('opens its service, listed afresh, on the training it names: row in view, details open', async ({ page }) => {
    await openMain(page);
    const train = await farDownInOther(page);
    const listed = await listings(page);
    await clickNotice(page, { profile: 'Work', serviceId: OTHER, train });

    await expect(page.getByRole('combobox', { name: 'Service' })).toHaveValue(OTHER);
    await expect(page.getByTestId('details-drawer').getByRole('heading', { level: 2 })).toContainText(train.version);
    await expect(grid(page).locator(`[data-version="${train.version}"]`)).toBeInViewport();
    expect(await listings(page)).toBe(listed + 1);
    await shot(page, '23-clicked-notice');
  });

  test('on the service already shown, lists it again and opens the training; one of another profile is left alone', async ({ page }) => {
    await openMain(page);
    const train = await trainOf(page, bodyRows(page).nth(2));

    await clickNotice(page, { profile: 'Nobody', serviceId: 'kzblozze40q', train });
    await expect(page.getByTestId('details-drawer')).toBeHidden();

    const listed = await listings(page);
    await clickNotice(page, { profile: 'Work', serviceId: 'kzblozze40q', train });
    await expect(page.getByTestId('details-drawer').getByRole('heading', { level: 2 })).toContainText(train.version);
    expect(await listings(page)).toBe(listed + 1);
  });

  test('a profile form being filled in stays open, with what was typed, over the training opened', async ({ page }) => {
    await openMain(page);
    const train = await trainOf(page, bodyRows(page).nth(1));
    await page.getByRole('button', { name: 'Edit profile' }).click();
    const form = page.getByRole('dialog');
    await form.getByLabel('Profile name').fill('Work, renamed');

    await clickNotice(page, { profile: 'Work', serviceId: 'kzblozze40q', train });
    await expect(page.getByTestId('details-drawer').getByRole('heading', { level: 2 })).toContainText(train.version);
    await expect(form.getByLabel('Profile name')).toHaveValue('Work, renamed');
  });
});
