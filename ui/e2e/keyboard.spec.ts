import { expect, test, type Page } from '@playwright/test';
import { bodyRows, grid, mockCalls, openMain } from './helpers';

const listings = async (page: Page) => (await mockCalls(page)).filter((c) => c.cmd === 'list_trains').length;

/** Records, after the app has seen them, which key presses it kept from the web view. */
async function watchPrevented(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const w = window as unknown as { __prevented: string[] };
    w.__prevented = [];
    window.addEventListener('keydown', (e) => {
      if (e.defaultPrevented) w.__prevented.push(`${e.ctrlKey ? 'Control+' : ''}${e.metaKey ? 'Meta+' : ''}${e.key}`);
    });
  });
  return () => page.evaluate(() => (window as unknown as { __prevented: string[] }).__prevented);
}

test.describe('keyboard shortcuts', () => {
  test('Ctrl+F goes to the filter with its text selected, from anywhere', async ({ page }) => {
    await openMain(page);
    const filter = page.getByTestId('filter-input');
    await filter.fill('demo');
    await grid(page).focus();
    await page.keyboard.press('Control+f');
    await expect(filter).toBeFocused();
    await page.keyboard.type('x');
    await expect(filter).toHaveValue('x');
    await expect(filter).toHaveAttribute('aria-keyshortcuts', 'Control+F');
  });

  test('F5 and Ctrl+R refresh the listing instead of reloading the page', async ({ page }) => {
    await openMain(page);
    await expect(page.getByTestId('refresh')).toBeEnabled();
    const prevented = await watchPrevented(page);
    const before = await listings(page);
    await grid(page).focus();
    await page.keyboard.press('F5');
    await expect.poll(() => listings(page)).toBe(before + 1);
    await expect(page.getByTestId('refresh')).toBeEnabled();
    await page.getByTestId('filter-input').focus();
    await page.keyboard.press('Control+r');
    await expect.poll(() => listings(page)).toBe(before + 2);
    expect(await prevented()).toEqual(['F5', 'Control+r']);
    await expect(page.getByTestId('refresh')).toHaveAttribute('title', 'Refresh (F5 / Ctrl+R)');
    await expect(page.getByTestId('refresh')).toHaveAttribute('aria-keyshortcuts', 'F5 Control+R');
  });

  test('Ctrl+E exports like the Export button', async ({ page }) => {
    await openMain(page);
    await grid(page).focus();
    await page.keyboard.press('Control+e');
    await expect(page.getByTestId('export-path')).toHaveText(/aitems-kzblozze40q-\d{12}\.csv$/);
    expect((await mockCalls(page)).filter((c) => c.cmd === 'export_csv')).toHaveLength(1);
    await expect(page.getByTestId('export')).toHaveAttribute('aria-keyshortcuts', 'Control+E');
  });

  test('? lists every shortcut; typed in a text field it is just a character', async ({ page }) => {
    await openMain(page);
    const filter = page.getByTestId('filter-input');
    await filter.press('?');
    await expect(filter).toHaveValue('?');
    await expect(page.getByTestId('shortcuts-dialog')).toHaveCount(0);

    await grid(page).focus();
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(dialog).toBeVisible();
    const keys = (action: string) => dialog.locator(`dd[data-action="${action}"] kbd`);
    await expect(keys('filter')).toHaveText(['Ctrl+F']);
    await expect(keys('refresh')).toHaveText(['F5', 'Ctrl+R']);
    await expect(keys('export')).toHaveText(['Ctrl+E']);
    await expect(keys('closeDetails')).toHaveText(['Esc']);
    await expect(keys('help')).toHaveText(['?']);
    await expect(keys('pick')).toHaveText(['Shift+Space', 'Ctrl+click']);
    await expect(dialog.locator('dt')).toHaveText([
      'Go to the filter',
      'Refresh the list',
      'Export the visible rows as CSV',
      'Close the details',
      'Show these shortcuts',
      'Select a row for comparison',
    ]);
    // Under the dialog, the shortcuts act on nothing.
    const before = await listings(page);
    await page.keyboard.press('F5');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(grid(page)).toBeFocused();
    expect(await listings(page)).toBe(before);
  });

  test('the header button opens the same list', async ({ page }) => {
    await openMain(page);
    const button = page.getByTestId('shortcuts-button');
    await expect(button).toHaveAttribute('title', 'Keyboard shortcuts (?)');
    await button.click();
    await expect(page.getByTestId('shortcuts-dialog')).toBeVisible();
  });

  test('Escape closes the shortcuts first, then the details', async ({ page }) => {
    await openMain(page);
    await bodyRows(page).nth(1).click();
    const drawer = page.getByTestId('details-drawer');
    await expect(drawer).toBeVisible();
    await page.keyboard.press('?');
    await expect(page.getByTestId('shortcuts-dialog')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('shortcuts-dialog')).toHaveCount(0);
    await expect(drawer).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden();
  });
});

test.describe('keyboard shortcuts on macOS', () => {
  test.use({ userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15' });

  test('use Cmd, and say so', async ({ page }) => {
    await openMain(page);
    const filter = page.getByTestId('filter-input');
    await grid(page).focus();
    await page.keyboard.press('Control+f');
    await expect(grid(page)).toBeFocused();
    await page.keyboard.press('Meta+f');
    await expect(filter).toBeFocused();
    await expect(page.getByTestId('refresh')).toHaveAttribute('title', 'Refresh (F5 / ⌘R)');
    await page.getByTestId('shortcuts-button').click();
    await expect(page.locator('dd[data-action="export"] kbd')).toHaveText(['⌘E']);
    await expect(page.locator('dd[data-action="pick"] kbd')).toHaveText(['Shift+Space', '⌘+click']);
  });
});

test.describe('Korean', () => {
  test.use({ locale: 'ko-KR' });

  test('the shortcuts list is in Korean', async ({ page }) => {
    await openMain(page);
    await grid(page).focus();
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: '키보드 단축키' });
    await expect(dialog.locator('dt').first()).toHaveText('필터로 이동');
    await expect(dialog.locator('dd[data-action="refresh"]')).toContainText('또는');
  });
});

test('Tab reaches the main controls in reading order', async ({ page }) => {
  await openMain(page);
  await expect(page.getByTestId('timeline-plot')).toBeVisible();
  await page.locator('body').focus();
  const stops: string[] = [];
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press('Tab');
    stops.push(
      await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const owner = el.closest<HTMLElement>('[data-testid]')?.dataset.testid ?? '';
        return `${owner} ${el.tagName.toLowerCase()}`;
      }),
    );
  }
  expect(stops).toEqual([
    'profile-picker select',
    'profile-picker button', // add
    'profile-picker button', // edit
    'profile-picker button', // delete
    'service-picker input',
    'shortcuts-button button',
    'about-button button',
    'filter-input input',
    'created-filter button',
    'status-filter button',
    'type-filter button',
    'recent-toggle input',
    'timeline-toggle input',
    'refresh button',
    'watch-menu button',
    'columns-menu button',
    'export button',
    'timeline input', // by day or by week
    'timeline-table summary',
    'train-grid div',
  ]);
});

for (const reduce of [false, true]) {
  test.describe(reduce ? 'reduced motion' : 'full motion', () => {
    test.use({ reducedMotion: reduce ? 'reduce' : 'no-preference' });

    test(reduce ? 'nothing moves: no transitions, no animations' : 'controls ease and the running status pulses', async ({ page }) => {
      await openMain(page);
      const style = (selector: string, pseudo?: string) =>
        page.locator(selector).first().evaluate((el, p) => {
          const s = getComputedStyle(el, p);
          return { transition: s.transitionDuration, animation: s.animationName };
        }, pseudo);
      const button = await style('[data-testid="refresh"]');
      const track = await style('.switch__track');
      const pulse = await style('.badge--active', '::before');
      if (reduce) {
        expect(button.transition).toBe('0s');
        expect(track.transition).toBe('0s');
        expect(pulse.animation).toBe('none');
      } else {
        expect(button.transition).not.toBe('0s');
        expect(track.transition).not.toBe('0s');
        expect(pulse.animation).toBe('pulse');
      }
    });
  });
}
