import { expect, test, type Page } from '@playwright/test';
import { createdTimes, openMain, shot } from './helpers';

const DAY = 86_400_000;

/** "Showing N of T" as [N, T]. */
async function showing(page: Page): Promise<[number, number]> {
  const text = (await page.getByTestId('showing').textContent()) ?? '';
  const [, shown, total] = text.replace(/,/g, '').match(/Showing (\d+) of (\d+)/) ?? [];
  return [Number(shown), Number(total)];
}

/** The counts a facet menu shows, by value. */
async function facetCounts(page: Page, testid: 'status-filter' | 'type-filter'): Promise<Record<string, number>> {
  const menu = page.getByTestId(testid);
  await menu.getByRole('button', { name: testid === 'status-filter' ? /Status/ : /Type/ }).click();
  const counts = await menu.locator('label').evaluateAll((labels) =>
    Object.fromEntries(
      labels.map((l) => [l.querySelector('input')!.getAttribute('data-value'), Number(l.querySelector('span:last-child')!.textContent!.replace(/,/g, ''))]),
    ),
  );
  await page.keyboard.press('Escape');
  return counts as Record<string, number>;
}

const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

async function choosePreset(page: Page, name: string): Promise<void> {
  const menu = page.getByTestId('created-filter');
  await menu.getByRole('button', { name: /Created/ }).click();
  await menu.getByLabel(name, { exact: true }).check();
}

test.describe('Created presets', () => {
  test('a preset narrows the rows and the counts in the status and type menus', async ({ page }) => {
    await openMain(page);
    const allStatus = await facetCounts(page, 'status-filter');
    expect(sum(allStatus)).toBe(240);

    await choosePreset(page, 'Last 7 days');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('created-filter').getByRole('button')).toHaveText(/Created:\s*Last 7 days/);
    await expect.poll(async () => (await showing(page))[0]).toBeLessThan(240);
    const [shown, total] = await showing(page);
    expect(total).toBe(240);
    // The demo listing has one training every 7 hours or so: about 24 in a week.
    expect(shown).toBeGreaterThan(20);
    expect(shown).toBeLessThan(28);
    const since = Date.now() - 7 * DAY;
    for (const ms of await createdTimes(page)) expect(ms).toBeGreaterThanOrEqual(since);

    const weekStatus = await facetCounts(page, 'status-filter');
    expect(sum(weekStatus)).toBe(shown);
    expect(weekStatus.completed).toBeLessThan(allStatus.completed!);
    expect(sum(await facetCounts(page, 'type-filter'))).toBe(shown);
    await shot(page, '30-created-7d');

    // The preset stays through a refresh of the listing.
    await page.getByTestId('refresh').click();
    await expect(page.getByTestId('refresh')).toBeEnabled();
    await expect(page.getByTestId('created-filter').getByRole('button')).toHaveText(/Created:\s*Last 7 days/);
    expect(await showing(page)).toEqual([shown, 240]);

    await choosePreset(page, 'Last 24 hours');
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await showing(page))[0]).toBeLessThan(6);
    const [day] = await showing(page);
    expect(sum(await facetCounts(page, 'status-filter'))).toBe(day);

    await choosePreset(page, 'All time');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('showing')).toHaveText('Showing 240 of 240');
    expect(await facetCounts(page, 'status-filter')).toEqual(allStatus);
  });

  test('a custom range keeps the trainings of those days, and stays through a refresh', async ({ page }) => {
    await openMain(page);
    // Three days ago, on this computer's calendar (the page's zone: Korea).
    const day = await page.evaluate(() => {
      const d = new Date(Date.now() - 3 * 86_400_000);
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    });
    await choosePreset(page, 'Custom range');
    await page.getByTestId('created-from').fill(day);
    await page.getByTestId('created-to').fill(day);
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('created-filter').getByRole('button')).toHaveText(new RegExp(`${day} – ${day}`));
    await expect.poll(async () => (await showing(page))[0]).toBeLessThan(6);
    const [shown] = await showing(page);
    expect(shown).toBeGreaterThan(1);
    const start = Date.parse(`${day}T00:00:00+09:00`);
    const times = await createdTimes(page);
    expect(times).toHaveLength(shown);
    for (const ms of times) {
      expect(ms).toBeGreaterThanOrEqual(start);
      expect(ms).toBeLessThan(start + DAY);
    }
    expect(sum(await facetCounts(page, 'type-filter'))).toBe(shown);
    await shot(page, '31-created-custom');

    await page.getByTestId('refresh').click();
    await expect(page.getByTestId('refresh')).toBeEnabled();
    await expect(page.getByTestId('created-filter').getByRole('button')).toHaveText(new RegExp(`${day} – ${day}`));
    expect((await showing(page))[0]).toBe(shown);

    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect(page.getByTestId('showing')).toHaveText('Showing 240 of 240');
    await expect(page.getByTestId('created-filter').getByRole('button')).toHaveText(/Created:\s*All/);
  });
});
