import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { bodyRows, openMain } from './helpers';

/** A screen or open panel of the app, reached without depending on the language. */
type State = { name: string; open: (page: Page) => Promise<void> };

const STATES: State[] = [
  {
    name: 'welcome',
    open: async (page) => {
      await page.goto('/?scenario=firstrun');
      await expect(page.getByTestId('welcome').getByRole('heading', { level: 1 })).toBeVisible();
    },
  },
  {
    name: 'profile form',
    open: async (page) => {
      await page.goto('/?scenario=firstrun');
      await page.getByTestId('welcome').locator('.choice').first().click();
      await expect(page.getByTestId('welcome').locator('form')).toBeVisible();
    },
  },
  { name: 'table loaded', open: (page) => openMain(page) },
  {
    name: 'facet menu open',
    open: async (page) => {
      await openMain(page);
      await page.getByTestId('status-filter').getByRole('button').first().click();
      await expect(page.getByTestId('status-filter').getByRole('group')).toBeVisible();
    },
  },
  {
    name: 'watch menu open',
    open: async (page) => {
      await openMain(page);
      await page.getByTestId('watch-menu').getByRole('button').first().click();
      await expect(page.getByTestId('watch-menu').getByRole('group').first()).toBeVisible();
    },
  },
  {
    name: 'details drawer open',
    open: async (page) => {
      await openMain(page);
      await bodyRows(page).nth(1).click();
      await expect(page.getByTestId('details-drawer')).toBeVisible();
    },
  },
  {
    name: 'error banner',
    open: async (page) => {
      await page.goto('/?scenario=error');
      const banner = page.getByTestId('error-banner');
      await expect(banner).toBeVisible();
      await banner.locator('summary').click();
    },
  },
  {
    name: 'empty service',
    open: async (page) => {
      await page.goto('/?scenario=empty');
      await expect(page.getByTestId('empty-state')).toBeVisible();
    },
  },
  {
    name: 'nothing matches',
    open: async (page) => {
      await openMain(page);
      await page.getByTestId('filter-input').fill('no-such-thing-xyz');
      await expect(page.getByTestId('empty-state')).toHaveAttribute('data-kind', 'noMatch');
    },
  },
  {
    name: 'about dialog',
    open: async (page) => {
      await openMain(page);
      await page.getByTestId('about-button').click();
      await expect(page.getByTestId('about-version')).toBeVisible();
    },
  },
  {
    name: 'created menu open',
    open: async (page) => {
      await openMain(page);
      await page.getByTestId('created-filter').getByRole('button').first().click();
      await expect(page.getByTestId('created-filter').getByRole('group').first()).toBeVisible();
    },
  },
  {
    name: 'comparison open',
    open: async (page) => {
      await openMain(page);
      await bodyRows(page).nth(0).click({ modifiers: ['ControlOrMeta'] });
      await bodyRows(page).nth(1).click({ modifiers: ['ControlOrMeta'] });
      await page.getByTestId('compare').click();
      await expect(page.getByTestId('compare-table')).toBeVisible();
    },
  },
  {
    name: 'timeline with its table',
    open: async (page) => {
      await openMain(page);
      await expect(page.getByTestId('timeline-plot').locator('canvas')).toBeVisible();
      await page.getByTestId('timeline-table').locator('summary').click();
      await expect(page.getByTestId('timeline-table').locator('tbody tr').first()).toBeVisible();
    },
  },
  {
    name: 'column chooser open',
    open: async (page) => {
      await openMain(page);
      await page.getByTestId('columns-menu').getByRole('button').first().click();
      await page.getByTestId('column-chooser').locator('input[data-col="hp:item_top_n"]').check();
      await expect(page.getByTestId('hp-filter-item_top_n')).toBeVisible();
    },
  },
  {
    name: 'shortcuts dialog',
    open: async (page) => {
      await openMain(page);
      await page.getByTestId('shortcuts-button').click();
      await expect(page.getByTestId('shortcuts-dialog')).toBeVisible();
    },
  },
];

/** One line per failing element: rule, impact, what to fix and where. */
function describeViolations(violations: Awaited<ReturnType<AxeBuilder['analyze']>>['violations']): string {
  return violations
    .map((v) => {
      const nodes = v.nodes.map((n) => `    ${n.target.join(' ')}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`);
      return `${v.id} [${v.impact}] ${v.help} (${v.helpUrl})\n${nodes.join('\n')}`;
    })
    .join('\n\n');
}

async function expectNoSeriousViolations(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious, describeViolations(serious)).toEqual([]);
}

const VARIANTS = [
  { name: 'light', use: { colorScheme: 'light', locale: 'en-US' } },
  { name: 'dark', use: { colorScheme: 'dark', locale: 'en-US' } },
  { name: 'Korean', use: { colorScheme: 'light', locale: 'ko-KR' } },
] as const;

for (const variant of VARIANTS) {
  test.describe(`axe, ${variant.name}`, () => {
    // The audited states are the settled ones: without motion, axe sees no colour halfway
    // through a transition.
    test.use({ ...variant.use, reducedMotion: 'reduce' });
    for (const state of STATES) {
      test(state.name, async ({ page }) => {
        await state.open(page);
        await expectNoSeriousViolations(page);
      });
    }
  });
}
