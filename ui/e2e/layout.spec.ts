import { expect, test, type Locator, type Page } from '@playwright/test';
import { bodyRows, mockCalls, openMain, shot } from './helpers';

const DEFAULT_COLUMNS = ['type', 'version', 'status', 'description', 'createdDate', 'nextUpdateDate', 'inference', 'hpo'];

const header = (page: Page, id: string) => page.locator(`[role="columnheader"][data-col="${id}"]`);
const headerIds = (page: Page) => page.locator('.row--head [role="columnheader"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-col')));
const width = async (page: Page, id: string) => (await header(page, id).boundingBox())!.width;
/** The first rendered row's cell of a column. */
const firstCell = (page: Page, id: string) => bodyRows(page).first().locator(`[data-col="${id}"]`);
const saves = async (page: Page) => (await mockCalls(page)).filter((c) => c.cmd === 'save_table_layout');
/** The width of a column in the layout saved last. */
const savedWidth = async (page: Page, id: string) =>
  ((await saves(page)).at(-1)?.args.layout as { widths?: Record<string, number> } | null | undefined)?.widths?.[id];

async function openColumns(page: Page): Promise<void> {
  await page.getByTestId('columns-menu').getByRole('button', { name: 'Columns' }).click();
  await expect(page.getByTestId('column-chooser')).toBeVisible();
}

test.describe('Saved layout', () => {
  test('columns are chosen, moved by menu and by dragging, and resized', async ({ page }) => {
    await openMain(page);
    expect(await headerIds(page)).toEqual(DEFAULT_COLUMNS);

    await openColumns(page);
    const chooser = page.getByTestId('column-chooser');
    await chooser.getByLabel('Description', { exact: true }).uncheck();
    await chooser.getByLabel('item_top_n', { exact: true }).check();
    await chooser.getByRole('button', { name: 'Move Version up' }).click();
    await shot(page, '40-column-chooser');
    await page.keyboard.press('Escape');
    expect(await headerIds(page)).toEqual(['version', 'type', 'status', 'createdDate', 'nextUpdateDate', 'inference', 'hpo', 'hp:item_top_n']);
    await expect(bodyRows(page).first().locator('[data-col="description"]')).toHaveCount(0);

    await header(page, 'status').getByRole('button').dragTo(header(page, 'version'));
    expect((await headerIds(page)).slice(0, 3)).toEqual(['status', 'version', 'type']);

    const before = await width(page, 'type');
    const edge = (await page.getByTestId('resize-type').boundingBox())!;
    await page.mouse.move(edge.x + edge.width / 2, edge.y + edge.height / 2);
    await page.mouse.down();
    await page.mouse.move(edge.x + edge.width / 2 + 90, edge.y + edge.height / 2, { steps: 5 });
    await page.mouse.up();
    expect(Math.abs((await width(page, 'type')) - (before + 90))).toBeLessThan(3);
    // The cells follow the header.
    expect(Math.abs((await firstCell(page, 'type').boundingBox())!.width - (await width(page, 'type')))).toBeLessThan(2);

    await page.getByTestId('resize-version').dblclick();
    const fitted = await width(page, 'version');
    const content = await bodyRows(page).first().locator('[data-col="version"] .ellipsis').evaluate((e) => e.scrollWidth);
    expect(fitted).toBeGreaterThanOrEqual(content);
    expect(fitted).toBeLessThan(content + 60);
  });

  test('an hpConfig option column sorts by its value and filters by its values', async ({ page }) => {
    await openMain(page);
    await openColumns(page);
    await page.getByTestId('column-chooser').getByLabel('item_top_n', { exact: true }).check();
    await page.keyboard.press('Escape');

    await header(page, 'hp:item_top_n').getByRole('button').click();
    await expect(header(page, 'hp:item_top_n')).toHaveAttribute('aria-sort', 'ascending');
    await expect(firstCell(page, 'hp:item_top_n')).toHaveText('20,000');
    await header(page, 'hp:item_top_n').getByRole('button').click();
    await expect(firstCell(page, 'hp:item_top_n')).toHaveText('50,000');

    const menu = page.getByTestId('hp-filter-item_top_n');
    await menu.getByRole('button').first().click();
    await menu.locator('input[data-value="50,000"]').check();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('showing')).toHaveText('Showing 40 of 240');
    for (const text of await bodyRows(page).locator('[data-col="hp:item_top_n"]').allTextContents()) expect(text.trim()).toBe('50,000');
  });

  test('a column width set from the keyboard on its header edge is saved like a dragged one', async ({ page }) => {
    await openMain(page);
    const edge = page.getByRole('separator', { name: 'Width of Type' });
    await expect(edge).toHaveAttribute('aria-orientation', 'vertical');
    await expect(edge).toHaveAttribute('aria-valuemin', '60');
    await expect(edge).toHaveAttribute('aria-valuemax', '1200');
    const start = Math.round(await width(page, 'type'));
    await expect(edge).toHaveAttribute('aria-valuenow', String(start));

    // Reached with Tab right after the column's sort button.
    await header(page, 'type').getByRole('button').focus();
    await page.keyboard.press('Tab');
    await expect(edge).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('ArrowLeft');
    await expect(edge).toHaveAttribute('aria-valuenow', String(start + 50));
    expect(Math.abs((await width(page, 'type')) - (start + 50))).toBeLessThan(1);
    await expect(bodyRows(page).first()).toBeVisible();
    await expect.poll(() => savedWidth(page, 'type')).toBe(start + 50);
    await expect(edge, 'the arrow keys move the width, not the focus').toBeFocused();
    await page.keyboard.press('Home');
    await expect(edge).toHaveAttribute('aria-valuenow', '60');

    // Enter fits the column to its content, as a double-click does.
    const versionEdge = page.getByRole('separator', { name: 'Width of Version' });
    await versionEdge.focus();
    await page.keyboard.press('Enter');
    const content = await bodyRows(page).first().locator('[data-col="version"] .ellipsis').evaluate((e) => e.scrollWidth);
    await expect.poll(() => width(page, 'version')).toBeGreaterThanOrEqual(content);
    expect(await width(page, 'version')).toBeLessThan(content + 60);
    await expect(page.getByTestId('details-drawer'), 'Enter on the edge opens no row').toHaveCount(0);

    await expect.poll(() => savedWidth(page, 'type')).toBe(60);
    await page.reload();
    await expect(bodyRows(page).first()).toBeVisible();
    expect(Math.round(await width(page, 'type'))).toBe(60);
  });

  test('the layout comes back after a reload, is saved once per pause, and Reset layout returns to the default', async ({ page }) => {
    await openMain(page);
    await openColumns(page);
    await page.getByTestId('column-chooser').getByLabel('Inference', { exact: true }).uncheck();
    await page.getByTestId('column-chooser').getByLabel('item_top_n', { exact: true }).check();
    await page.keyboard.press('Escape');
    await header(page, 'version').getByRole('button').click();
    await page.getByTestId('resize-description').dblclick();
    await page.getByTestId('filter-input').pressSequentially('retrain', { delay: 40 });
    await page.getByTestId('recent-toggle').check({ force: true });
    await expect(page.getByTestId('showing')).toHaveText(/Showing \d+ of [1-9]$/);
    await expect.poll(async () => (await saves(page)).at(-1)?.args.layout).toMatchObject({ filter: 'retrain', recent: true });
    const saved = await saves(page);
    expect(saved.length, 'typing is saved once it pauses, not per key').toBeLessThanOrEqual(4);
    const layout = saved.at(-1)!.args.layout as { columns: string[]; widths: Record<string, number> };
    const described = await width(page, 'description');

    await page.reload();
    await expect(page.getByTestId('filter-input')).toHaveValue('retrain');
    expect(await headerIds(page)).toEqual(layout.columns);
    expect(await headerIds(page)).not.toContain('inference');
    await expect(header(page, 'version')).toHaveAttribute('aria-sort', 'ascending');
    await expect(page.getByTestId('recent-toggle')).toBeChecked();
    expect(Math.abs((await width(page, 'description')) - described)).toBeLessThan(2);
    const listed = (await mockCalls(page)).filter((c) => c.cmd === 'list_trains');
    expect(listed.at(-1)!.args.recent).toBe(true);

    await openColumns(page);
    await page.getByTestId('reset-layout').click();
    await page.keyboard.press('Escape');
    expect(await headerIds(page)).toEqual(DEFAULT_COLUMNS);
    await expect(page.getByTestId('filter-input')).toHaveValue('');
    await expect(page.getByTestId('showing')).toHaveText('Showing 240 of 240');
    await expect.poll(async () => (await saves(page)).at(-1)?.args.layout).toBeNull();
    // The mock answers a call a moment after it is made: reload once the default is stored.
    await expect.poll(() => page.evaluate(() => Object.keys(JSON.parse(localStorage.getItem('aitems-mock-table-layouts') ?? '{}')).length)).toBe(0);
    await page.reload();
    await expect(bodyRows(page).first()).toBeVisible();
    expect(await headerIds(page)).toEqual(DEFAULT_COLUMNS);
  });

  test('after a restart the first table drawn is already in the saved layout', async ({ page }) => {
    await openMain(page);
    const service = await page.getByRole('combobox', { name: 'Service' }).inputValue();
    const layout = { version: 1, columns: ['status', 'version', 'hp:item_top_n'], widths: { status: 150 }, sort: [{ id: 'version', desc: false }], filter: '', facets: {}, created: null, recent: false };
    await page.evaluate(([key, saved]) => localStorage.setItem('aitems-mock-table-layouts', JSON.stringify({ [key]: saved })), [`Work\n${service}`, layout] as const);
    // Records the header of the table the first time it is drawn with rows.
    await page.addInitScript(() => {
      const seen = new MutationObserver(() => {
        if (!document.querySelector('[data-testid="train-grid"] .tbody [role="row"][aria-rowindex]')) return;
        const ids = Array.from(document.querySelectorAll('.row--head [role="columnheader"]')).map((h) => h.getAttribute('data-col'));
        (window as unknown as { firstHeader: (string | null)[] }).firstHeader = ids;
        seen.disconnect();
      });
      seen.observe(document, { childList: true, subtree: true });
    });
    await page.reload();
    await expect(bodyRows(page).first()).toBeVisible();
    expect(await headerIds(page)).toEqual(layout.columns);
    expect(await page.evaluate(() => (window as unknown as { firstHeader: string[] }).firstHeader)).toEqual(layout.columns);
    await expect(header(page, 'version')).toHaveAttribute('aria-sort', 'ascending');
    expect(Math.round(await width(page, 'status'))).toBe(150);
  });

  test('a layout that cannot be saved says so in a compact banner, and the table keeps it', async ({ page }) => {
    await openMain(page, 'layout-save-error');
    await header(page, 'version').getByRole('button').click();
    const banner = page.getByTestId('layout-save-error').getByTestId('error-banner');
    await expect(banner).toBeVisible();
    await expect(banner).toHaveClass(/alert--compact/);
    await expect(banner).toHaveAttribute('data-code', 'settings_io');
    await expect(banner).toContainText('The table layout was not saved');
    await expect(header(page, 'version')).toHaveAttribute('aria-sort', 'ascending');
    expect(await saves(page)).toHaveLength(1);
    await banner.getByRole('button', { name: 'Dismiss' }).click();
    await expect(page.getByTestId('layout-save-error')).toHaveCount(0);
  });

  test('the choices in the Status, Created and Columns menus are rows of one look', async ({ page }) => {
    await openMain(page);
    /** How the row (the label) around an input looks, at rest and under the pointer. */
    const look = async (input: Locator) => {
      const row = input.locator('xpath=ancestor::label[1]');
      const style = () => row.evaluate((el) => {
        const s = getComputedStyle(el);
        return [s.display, s.alignItems, s.gap, s.padding, s.borderRadius, s.cursor, s.backgroundColor].join(' | ');
      });
      const rest = await style();
      await row.hover();
      return { rest, hover: await style() };
    };
    await page.getByTestId('status-filter').getByRole('button').first().click();
    const status = await look(page.getByTestId('status-filter').locator('input[data-value="ready"]'));
    await page.keyboard.press('Escape');
    await page.getByTestId('created-filter').getByRole('button').first().click();
    const created = await look(page.getByTestId('created-filter').locator('input[data-value="7d"]'));
    await page.keyboard.press('Escape');
    await openColumns(page);
    const columns = await look(page.getByTestId('column-chooser').locator('input[data-col="type"]'));

    expect(status.hover, 'a choice shows where the pointer is').not.toEqual(status.rest);
    expect(created).toEqual(status);
    expect(columns).toEqual(status);
  });
});
