import { expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Screenshots go to <repo>/target/ui-screens/ (ignored by git). */
export const SCREENS = resolve(dirname(fileURLToPath(import.meta.url)), '../../target/ui-screens');
mkdirSync(SCREENS, { recursive: true });

export async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(150); // let transitions settle
  await page.screenshot({ path: `${SCREENS}/${name}.png` });
}

/** A command the page called; `at`: when, on the page's clock (performance.now()). */
export type MockCall = { cmd: string; args: Record<string, unknown>; at: number };
export async function mockCalls(page: Page): Promise<MockCall[]> {
  return page.evaluate(() => (window as unknown as { __mockCalls: MockCall[] }).__mockCalls);
}

export const grid = (page: Page) => page.getByTestId('train-grid');
export const bodyRows = (page: Page) => page.locator('[data-testid="train-grid"] .tbody [role="row"][aria-rowindex]');

export async function openMain(page: Page, scenario = 'default'): Promise<void> {
  await page.goto(`/?scenario=${scenario}`);
  await expect(bodyRows(page).first()).toBeVisible();
}

/** Epoch ms of the Created cell of each rendered row (null when the cell has no parsed date). */
export async function createdTimes(page: Page): Promise<(number | null)[]> {
  return bodyRows(page).evaluateAll((rows) =>
    rows
      .map((r) => ({ y: r.getBoundingClientRect().top, el: r.querySelector('.td--createdDate [data-ms]') }))
      .sort((a, b) => a.y - b.y)
      .map(({ el }) => (el ? Number(el.getAttribute('data-ms')) : null)),
  );
}
