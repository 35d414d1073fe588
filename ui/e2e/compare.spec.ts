import { expect, test } from '@playwright/test';
import { bodyRows, grid, openMain, shot } from './helpers';

test.describe('compare two trainings', () => {
  test('Shift+Space selects rows from the keyboard; Ctrl+click adds to the open row', async ({ page }) => {
    await openMain(page);
    const compare = page.getByTestId('compare');
    await expect(compare).toBeDisabled();
    await expect(compare).toHaveText('Compare (0/2)');
    await expect(grid(page)).toHaveAttribute('aria-multiselectable', 'true');

    await grid(page).focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Shift+Space');
    await expect(compare).toHaveText('Compare (1/2)');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Shift+Space');
    await expect(compare).toBeEnabled();
    await expect(grid(page).locator('[aria-selected="true"]')).toHaveCount(2);
    await expect(bodyRows(page).nth(1)).toHaveAttribute('aria-selected', 'true');
    await expect(bodyRows(page).nth(2)).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByTestId('details-drawer')).toBeHidden(); // selecting is not opening
    // Shift+Space again unselects.
    await page.keyboard.press('Shift+Space');
    await expect(compare).toHaveText('Compare (1/2)');
    await page.getByTestId('compare-clear').click();
    await expect(compare).toHaveText('Compare (0/2)');
    await expect(grid(page).locator('[aria-selected="true"]')).toHaveCount(0);

    // A plain click opens a training; Ctrl+click on another selects both.
    await bodyRows(page).nth(3).click();
    await expect(page.getByTestId('details-drawer')).toBeVisible();
    await bodyRows(page).nth(5).click({ modifiers: ['ControlOrMeta'] });
    await expect(compare).toHaveText('Compare (2/2)');
    await expect(bodyRows(page).nth(3)).toHaveClass(/row--picked/);
    await expect(bodyRows(page).nth(5)).toHaveClass(/row--picked/);
    // A third replaces the earliest.
    await bodyRows(page).nth(6).click({ modifiers: ['ControlOrMeta'] });
    await expect(bodyRows(page).nth(3)).toHaveAttribute('aria-selected', 'false');
    await expect(grid(page).locator('[aria-selected="true"]')).toHaveCount(2);
  });

  test('side by side, differences highlighted, same values folded, copied as JSON', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const loaded: string[] = [];
    page.on('request', (r) => loaded.push(r.url()));
    await openMain(page);
    // The newest two of the demo listing: a personal recommendation with HPO off and a
    // related-items training with HPO on (session_max_timestamp 3600, item_top_n 50000).
    const [first, second] = [bodyRows(page).nth(0), bodyRows(page).nth(1)];
    const versions = [(await first.getAttribute('data-version'))!, (await second.getAttribute('data-version'))!];
    await first.click({ modifiers: ['ControlOrMeta'] });
    await second.click({ modifiers: ['ControlOrMeta'] });
    expect(loaded.some((u) => /CompareView/.test(u)), 'the comparison is loaded on first use').toBe(false);
    await page.getByTestId('compare').click();

    const dialog = page.getByRole('dialog', { name: 'Compare trainings' });
    await expect(dialog).toBeVisible();
    expect(loaded.some((u) => /CompareView/.test(u))).toBe(true);
    const table = dialog.getByTestId('compare-table');
    await expect(table.locator('thead')).toContainText(versions[0]!);
    await expect(table.locator('thead')).toContainText(versions[1]!);

    const line = (section: string, key: string) => table.locator(`tr[data-section="${section}"][data-key="${key}"]`);
    await expect(line('hpConfig', 'is_enabled')).toHaveClass(/diff/);
    await expect(line('hpConfig', 'is_enabled').locator('td')).toHaveText(['false', 'true']);
    await expect(line('hpConfig', 'item_top_n').locator('td')).toHaveText(['not set', '50000']);
    await expect(line('hpConfig', 'item_top_n')).toHaveClass(/diff/);
    await expect(line('field', 'type')).toHaveClass(/diff/);
    await expect(line('field', 'serviceId')).not.toHaveClass(/diff/);
    await expect(line('field', 'serviceId').locator('td')).toHaveText(['kzblozze40q', 'kzblozze40q']);
    // The highlight is visible: a differing line has another background than a same one.
    const background = (key: string, section = 'field') =>
      line(section, key).evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(await background('is_enabled', 'hpConfig')).not.toBe(await background('serviceId'));
    const summary = (await dialog.getByTestId('compare-summary').textContent())!;
    const [, differing, total] = summary.match(/(\d+) of (\d+) values differ/)!.map(Number);
    await expect(table.locator('tbody tr[data-key]')).toHaveCount(total!);
    await shot(page, '32-compare');

    await dialog.getByTestId('compare-only-diff').check({ force: true });
    await expect(line('field', 'serviceId')).toHaveCount(0);
    await expect(table.locator('tbody tr[data-key]')).toHaveCount(differing!);
    await expect(table.locator('tbody tr[data-same="true"]')).toHaveCount(0);
    await expect(line('hpConfig', 'is_enabled')).toBeVisible();
    await dialog.getByTestId('compare-only-diff').uncheck({ force: true });
    await expect(line('field', 'serviceId')).toBeVisible();

    await dialog.getByTestId('compare-copy').click();
    await expect(dialog.getByTestId('compare-copy')).toHaveText(/Copied/);
    const copied = JSON.parse(await page.evaluate(() => navigator.clipboard.readText())) as Record<string, unknown>[];
    expect(copied.map((t) => t.version)).toEqual(versions);
    expect(copied[0]!.hpConfig).toEqual({ is_enabled: false, group_column: ['TIMESTAMP'] });
    expect(copied[1]!.hpConfig).toEqual({ is_enabled: true, session_max_timestamp: 3600, item_top_n: 50000 });

    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('compare')).toBeEnabled(); // the selection stays
  });
});

test.describe('Korean', () => {
  test.use({ locale: 'ko-KR' });
  test('the Created menu and the comparison in Korean', async ({ page }) => {
    await openMain(page);
    const created = page.getByTestId('created-filter');
    await created.getByRole('button', { name: /생성일/ }).click();
    await created.getByLabel('최근 7일', { exact: true }).check();
    await page.keyboard.press('Escape');
    await expect(created.getByRole('button')).toHaveText(/생성일:\s*최근 7일/);
    await bodyRows(page).nth(0).click({ modifiers: ['ControlOrMeta'] });
    await bodyRows(page).nth(1).click({ modifiers: ['ControlOrMeta'] });
    await page.getByTestId('compare').click();
    const dialog = page.getByRole('dialog', { name: '학습 비교' });
    await expect(dialog.getByText('다른 값만 보기')).toBeVisible();
    await expect(dialog.getByTestId('compare-copy')).toHaveText(/JSON으로 복사/);
    await expect(dialog.getByTestId('compare-summary')).toHaveText(/\d+개 값 중 \d+개가 다릅니다/);
    await shot(page, '33-compare-ko');
  });
});
