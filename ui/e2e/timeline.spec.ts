import { expect, test, type Locator, type Page } from '@playwright/test';
import { createdTimes, openMain, shot } from './helpers';

const DAY = 86_400_000;
const timeline = (page: Page) => page.getByTestId('timeline');
const createdButton = (page: Page) => page.getByTestId('created-filter').getByRole('button').first();

/** "Showing N of T" as N. */
async function shown(page: Page): Promise<number> {
  const text = (await page.getByTestId('showing').textContent()) ?? '';
  return Number(text.replace(/,/g, '').match(/(\d+) of/)?.[1]);
}

/** The chart's periods, as the table under "Show as a table" lists them (periods with trainings only). */
async function periodTable(page: Page): Promise<{ period: string; counts: number[] }[]> {
  const details = page.getByTestId('timeline-table');
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator('summary').click();
  await expect(details.locator('tbody tr').first()).toBeVisible();
  return details.locator('tbody tr').evaluateAll((rows) =>
    rows.map((r) => ({
      period: r.querySelector('th')!.textContent!.trim(),
      counts: Array.from(r.querySelectorAll('td')).map((td) => Number(td.textContent!.replace(/,/g, ''))),
    })),
  );
}

/** The plot area's box and its number of periods: period i is centred at left + (i + 0.5) * width / periods. */
async function plotArea(page: Page): Promise<{ x: (i: number) => number; y: number; periods: number; over: Locator }> {
  const over = page.getByTestId('timeline-plot').locator('.u-over');
  const box = (await over.boundingBox())!;
  const periods = Number(await timeline(page).getAttribute('data-periods'));
  return { x: (i) => box.x + ((i + 0.5) * box.width) / periods, y: box.y + box.height - 3, periods, over };
}

/** How many pixels of the chart's canvas have exactly this colour. */
async function pixelsOf(page: Page, rgb: [number, number, number]): Promise<number> {
  return page.getByTestId('timeline-plot').locator('canvas').evaluate((canvas: HTMLCanvasElement, [r, g, b]) => {
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let n = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] === r && data[i + 1] === g && data[i + 2] === b) n++;
    return n;
  }, rgb);
}

/** A local day, `yyyy-MM-dd`, on the page's calendar (Korea). */
const dayOf = (ms: number) => new Date(ms + 9 * 3_600_000).toISOString().slice(0, 10);

test('the chart and its library load only after the table shows rows', async ({ page }) => {
  const html = await (await page.request.get('/')).text();
  expect(html).not.toContain('TimelineChart');
  await openMain(page);
  await expect(page.getByTestId('timeline-plot').locator('canvas')).toBeVisible();
  const order = await page.evaluate(() => {
    const rows = performance.getEntriesByName('aitems:first-rows')[0]!.startTime;
    const chunk = performance.getEntriesByType('resource').find((e) => e.name.includes('TimelineChart') && e.name.endsWith('.js'))!;
    return { rows, chunk: chunk.startTime };
  });
  expect(order.chunk).toBeGreaterThan(order.rows);
});

test('the bars count the trainings by status, failures in the failure colour', async ({ page }) => {
  await openMain(page);
  await expect(timeline(page)).toHaveAttribute('data-unit', 'day'); // the demo spans about 70 days
  await expect(page.getByTestId('timeline-undated')).toContainText('1'); // its training with an unreadable date
  const legend = timeline(page).locator('.legend');
  await expect(legend).toContainText('Failed');
  await expect(legend).toContainText('Completed');
  const periods = await periodTable(page);
  // Columns: total, then failed, stopping, waiting, in progress, ready, completed, other.
  const totals = periods.map((p) => p.counts[0]!);
  expect(totals.reduce((a, b) => a + b, 0)).toBe(239);
  for (const p of periods) expect(p.counts.slice(1).reduce((a, b) => a + b, 0)).toBe(p.counts[0]);
  const failed = periods.reduce((a, p) => a + p.counts[1]!, 0);
  await page.getByTestId('filter-input').fill('failed');
  await expect.poll(() => shown(page)).toBe(failed);
  expect(await pixelsOf(page, [0xa6, 0x1e, 0x1e])).toBeGreaterThan(100);
  await shot(page, '40-timeline');
});

test('clicking a bar keeps the trainings of that day and sets the Created filter; clicking it again clears it', async ({ page }) => {
  await openMain(page);
  const plot = await plotArea(page);
  const last = plot.periods - 1;
  await page.mouse.move(plot.x(last - 1), plot.y);
  const tip = page.getByTestId('timeline-tip');
  await expect(tip).toBeVisible();
  const day = (await tip.locator('strong').textContent())!;
  const count = Number((await tip.locator('span').first().textContent())!.match(/\d+/)![0]);
  await page.mouse.click(plot.x(last - 1), plot.y);
  await expect(createdButton(page)).toHaveText(new RegExp(`${day} – ${day}`));
  await expect.poll(() => shown(page)).toBe(count);
  const start = Date.parse(`${day}T00:00:00+09:00`);
  for (const ms of await createdTimes(page)) {
    expect(ms).toBeGreaterThanOrEqual(start);
    expect(ms).toBeLessThan(start + DAY);
  }
  // The chart still shows every day, with that one selected.
  await expect(timeline(page)).toHaveAttribute('data-periods', String(plot.periods));
  await expect(page.getByTestId('timeline-plot').locator('.u-select')).toBeVisible();
  // The same bar clicked again: the Created range is cleared.
  await page.mouse.click(plot.x(last - 1), plot.y);
  await expect(createdButton(page)).toHaveText(/Created:\s*All/);
  await expect.poll(() => shown(page)).toBe(240);
  await expect(page.getByTestId('timeline-plot').locator('.u-select')).toBeHidden();
});

test('dragging across bars sets a custom Created range of those days', async ({ page }) => {
  await openMain(page);
  const plot = await plotArea(page);
  const [from, to] = [plot.periods - 9, plot.periods - 3];
  await page.mouse.move(plot.x(from), plot.y);
  await page.mouse.down();
  await page.mouse.move(plot.x(to - 2), plot.y, { steps: 4 });
  await page.mouse.move(plot.x(to), plot.y, { steps: 4 });
  await page.mouse.up();
  await expect(createdButton(page)).toHaveText(/Created:\s*\d{4}-\d\d-\d\d – \d{4}-\d\d-\d\d/);
  const [, first, last] = (await createdButton(page).textContent())!.match(/(\d{4}-\d\d-\d\d) – (\d{4}-\d\d-\d\d)/)!;
  expect((Date.parse(last!) - Date.parse(first!)) / DAY).toBe(to - from);
  await expect.poll(() => shown(page)).toBeLessThan(240);
  const times = await createdTimes(page);
  expect(times.length).toBeGreaterThan(10);
  for (const ms of times) {
    expect(dayOf(ms!) >= first!).toBe(true);
    expect(dayOf(ms!) <= last!).toBe(true);
  }
  await shot(page, '41-timeline-drag');
});

test('the chart follows the text and status filters but shows the whole Created span', async ({ page }) => {
  await openMain(page);
  const total = async () => (await periodTable(page)).reduce((a, p) => a + p.counts[0]!, 0);
  await expect.poll(total).toBe(239);
  await page.getByTestId('filter-input').fill('weekly');
  await expect.poll(() => shown(page)).toBeLessThan(100);
  const weekly = await shown(page);
  await expect.poll(total).toBe(weekly);
  const status = page.getByTestId('status-filter');
  await status.getByRole('button', { name: /Status/ }).click();
  await status.locator('input[data-value="completed"]').check();
  await page.keyboard.press('Escape');
  await expect.poll(() => shown(page)).toBeLessThan(weekly);
  const completed = await shown(page);
  await expect.poll(total).toBe(completed);
  // A Created range narrows the table, not the chart: it shows there as the selection.
  const periods = await periodTable(page);
  await page.getByTestId('timeline-table').getByRole('button', { name: periods.at(-1)!.period }).click();
  await expect(createdButton(page)).toHaveText(/ – /);
  await expect.poll(() => shown(page)).toBe(periods.at(-1)!.counts[0]);
  expect(await shown(page)).toBeLessThan(completed);
  expect(await total()).toBe(completed);
  await page.getByRole('toolbar').getByRole('button', { name: 'Clear filters' }).click();
  await expect.poll(total).toBe(239);
});

test('by week: fewer, longer periods; choosing one in the table filters by it', async ({ page }) => {
  await openMain(page);
  const days = Number(await timeline(page).getAttribute('data-periods'));
  await timeline(page).getByText('By week').click();
  await expect(timeline(page)).toHaveAttribute('data-unit', 'week');
  const weeks = Number(await timeline(page).getAttribute('data-periods'));
  expect(weeks).toBeLessThan(days / 6);
  const periods = await periodTable(page);
  const week = periods.at(-2)!;
  const [, monday, sunday] = week.period.match(/(\S+) – (\S+)/)!;
  expect(new Date(`${monday}T12:00:00Z`).getUTCDay()).toBe(1);
  expect((Date.parse(sunday!) - Date.parse(monday!)) / DAY).toBe(6);
  const all = await shown(page);
  const chosen = page.getByTestId('timeline-table').getByRole('button', { name: week.period });
  await expect(chosen).toHaveAttribute('aria-pressed', 'false');
  await chosen.click();
  await expect(createdButton(page)).toHaveText(new RegExp(week.period));
  await expect.poll(() => shown(page)).toBe(week.counts[0]);
  // The chosen week shows as pressed; choosing it again shows every date again, as on the chart.
  await expect(chosen).toHaveAttribute('aria-pressed', 'true');
  await chosen.click();
  await expect(chosen).toHaveAttribute('aria-pressed', 'false');
  await expect(createdButton(page)).not.toHaveText(new RegExp(week.period));
  await expect.poll(() => shown(page)).toBe(all);
  // The choice of week lasts for the session.
  await page.reload();
  await expect(timeline(page)).toHaveAttribute('data-unit', 'week');
});

test('the timeline can be hidden, and stays hidden for the session', async ({ page }) => {
  await openMain(page);
  await expect(timeline(page)).toBeVisible();
  await page.getByTestId('timeline-toggle').uncheck({ force: true });
  await expect(timeline(page)).toHaveCount(0);
  await page.reload();
  await openMain(page);
  await expect(page.getByTestId('timeline-toggle')).not.toBeChecked();
  await expect(timeline(page)).toHaveCount(0);
  await page.getByTestId('timeline-toggle').check({ force: true });
  await expect(page.getByTestId('timeline-plot').locator('canvas')).toBeVisible();
});

test.describe('in Korean, dark', () => {
  test.use({ locale: 'ko-KR', colorScheme: 'dark' });

  test('the labels are Korean and the bars take the dark theme colours', async ({ page }) => {
    await openMain(page);
    await expect(timeline(page).getByRole('heading', { level: 2 })).toHaveText('기간별 학습');
    await expect(timeline(page).locator('.legend')).toContainText('실패');
    await expect(timeline(page).getByText('일별')).toBeVisible();
    await expect(timeline(page).getByText('주별')).toBeVisible();
    await expect(page.getByTestId('timeline-toggle')).toBeChecked();
    await expect(page.getByTestId('timeline-plot')).toHaveAttribute('aria-label', /학습 239건, 그중 실패 \d+건/);
    expect(await pixelsOf(page, [0xff, 0x9d, 0x9d])).toBeGreaterThan(100); // the dark theme's failure colour
    const plot = await plotArea(page);
    await page.mouse.move(plot.x(plot.periods - 2), plot.y);
    await expect(page.getByTestId('timeline-tip')).toContainText('학습');
    await shot(page, '42-timeline-ko-dark');
  });
});
