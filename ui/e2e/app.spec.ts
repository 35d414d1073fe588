import { expect, test } from '@playwright/test';
import { bodyRows, createdTimes, grid, mockCalls, openMain, shot } from './helpers';

test.describe('first run', () => {
  test('welcome screen, test connection, save a profile', async ({ page }) => {
    await page.goto('/?scenario=firstrun');
    await expect(page.getByRole('heading', { name: 'Welcome to AiTEMS Desk' })).toBeVisible();
    await expect(page.getByRole('button', { name: /Connect my NCP account/ })).toBeVisible();
    await expect(page.getByRole('button', { name: /Explore with demo data/ })).toBeVisible();
    await shot(page, '01-welcome');

    await page.getByRole('button', { name: /Connect my NCP account/ }).click();
    await page.getByLabel('Profile name').fill('Work');
    await page.getByLabel('Access key').fill('ncp_iam_ABCDEFGH12');
    const secret = page.getByLabel('Secret key');
    await expect(secret).toHaveAttribute('type', 'password');
    await secret.fill('s3cr3t-value');
    await page.getByLabel('Default service ID (optional)').fill('kzblozze40q');
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect(page.getByTestId('test-ok')).toContainText('Connected: 4 services found.');
    await shot(page, '02-profile-form');

    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(bodyRows(page).first()).toBeVisible();
    await expect(page.getByLabel('Profile', { exact: true })).toHaveValue('Work');
    const calls = await mockCalls(page);
    const test_ = calls.find((c) => c.cmd === 'test_connection');
    expect(test_?.args).toMatchObject({ profile: null, draft: { name: 'Work', accessKey: 'ncp_iam_ABCDEFGH12' } });
    const save = calls.find((c) => c.cmd === 'save_profile');
    expect(save?.args).toMatchObject({ replaces: null, profile: { name: 'Work', defaultService: 'kzblozze40q', endpoint: null } });
    // The secret is not left anywhere in the page.
    expect(await page.content()).not.toContain('s3cr3t-value');
  });

  test('a wrong key shows the error in the form', async ({ page }) => {
    await page.goto('/?scenario=firstrun');
    await page.getByRole('button', { name: /Connect my NCP account/ }).click();
    await page.getByLabel('Access key').fill('bad-key');
    await page.getByLabel('Secret key').fill('x');
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect(page.getByTestId('error-banner')).toContainText('AiTEMS did not accept the access key and secret key.');
  });

  test('demo entry shows the DEMO badge and data', async ({ page }) => {
    await page.goto('/?scenario=firstrun');
    await page.getByRole('button', { name: /Explore with demo data/ }).click();
    await expect(page.getByTestId('demo-badge')).toHaveText('DEMO');
    await expect(bodyRows(page).first()).toBeVisible();
    await shot(page, '03-demo');
  });

  test('--demo (demoRequested) goes straight into demo mode', async ({ page }) => {
    await page.goto('/?scenario=demo');
    await expect(page.getByTestId('demo-badge')).toBeVisible();
    await expect(bodyRows(page).first()).toBeVisible();
    expect((await mockCalls(page)).map((c) => c.cmd)).toContain('start_demo');
  });
});

test.describe('main screen', () => {
  test('table shows plain-word statuses and types, with ARIA grid semantics', async ({ page }) => {
    await openMain(page);
    await expect(page.getByTestId('showing')).toHaveText('Showing 240 of 240');
    await expect(grid(page)).toHaveAttribute('aria-rowcount', '241');
    await expect(grid(page).locator('[data-status="learning"]').first()).toHaveText('Training');
    await expect(grid(page).locator('[data-status="archived"]').first()).toHaveText('archived');
    await expect(grid(page).getByText('Personal recommendations').first()).toBeVisible();
    await expect(grid(page).locator('[data-ms]').first()).toHaveAttribute('title', /AiTEMS times are Korea time \(UTC\+9\)/);
    // Virtualised: far fewer DOM rows than data rows.
    expect(await bodyRows(page).count()).toBeLessThan(60);
    await shot(page, '04-main');
  });

  test('sorting by Created: asc, desc, off; Shift+click adds a second sort', async ({ page }) => {
    await openMain(page);
    const created = page.locator('[role="columnheader"][data-col="createdDate"]');
    await expect(created).toHaveAttribute('aria-sort', 'descending'); // default: newest first
    await created.getByRole('button').click();
    await expect(created).toHaveAttribute('aria-sort', 'none');
    await created.getByRole('button').click();
    await expect(created).toHaveAttribute('aria-sort', 'ascending');
    let times = (await createdTimes(page)).filter((x): x is number => x !== null);
    expect(times.length).toBeGreaterThan(5);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    await created.getByRole('button').click();
    await expect(created).toHaveAttribute('aria-sort', 'descending');
    times = (await createdTimes(page)).filter((x): x is number => x !== null);
    expect([...times].sort((a, b) => b - a)).toEqual(times);

    const type = page.locator('[role="columnheader"][data-col="type"]');
    await type.getByRole('button').click({ modifiers: ['Shift'] });
    await expect(type).toHaveAttribute('aria-sort', 'ascending');
    await expect(created).toHaveAttribute('aria-sort', 'descending');
    await expect(type.locator('.sort__n')).toHaveText('2');
  });

  test('filter box shrinks rows and highlights matches', async ({ page }) => {
    await openMain(page);
    await page.getByLabel('Filter', { exact: true }).fill('weekly');
    await expect(page.getByTestId('showing')).toHaveText(/Showing \d+ of 240/);
    const shown = Number((await page.getByTestId('showing').textContent())!.match(/Showing (\d+)/)![1]);
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(240);
    await expect(grid(page).locator('mark').first()).toHaveText(/weekly/i);
    const descs = await bodyRows(page).locator('.td--description').allTextContents();
    for (const d of descs) expect(d.toLowerCase()).toContain('weekly');
    await shot(page, '05-filter');

    // Status label matches too.
    await page.getByLabel('Filter', { exact: true }).fill('failed: training');
    await expect(grid(page).locator('[data-status]').first()).toHaveAttribute('data-status', 'learningFailed');
  });

  test('status and type filters', async ({ page }) => {
    await openMain(page);
    await page.getByTestId('status-filter').getByRole('button', { name: /Status/ }).click();
    await page.getByTestId('status-filter').locator('input[data-value="ready"]').check();
    await page.keyboard.press('Escape');
    const statuses = await grid(page).locator('.tbody [data-status]').evaluateAll((els) => els.map((e) => e.getAttribute('data-status')));
    expect(statuses.length).toBeGreaterThan(0);
    expect(new Set(statuses)).toEqual(new Set(['ready']));

    await page.getByTestId('status-filter').getByRole('button', { name: /Status/ }).click();
    await page.getByTestId('status-filter').getByRole('button', { name: 'Clear' }).click();
    await page.keyboard.press('Escape');
    await page.getByTestId('type-filter').getByRole('button', { name: /Type/ }).click();
    await page.getByTestId('type-filter').locator('input[data-value="pop"]').check();
    // 80 rows cycle through pop; one of them carries an unknown type instead.
    await expect(page.getByTestId('showing')).toHaveText('Showing 79 of 240');
    await shot(page, '06-type-filter');
  });

  test('Recent only re-queries with recent=true', async ({ page }) => {
    await openMain(page);
    const toggle = page.getByTestId('recent-toggle');
    await expect(page.locator('label.switch', { hasText: 'Recent only' })).toHaveAttribute('title', 'Latest training of each type');
    await toggle.check({ force: true });
    await expect(page.getByTestId('showing')).toHaveText(/Showing [1-4] of [1-4]$/);
    const trains = (await mockCalls(page)).filter((c) => c.cmd === 'list_trains');
    expect(trains.at(-1)?.args).toMatchObject({ profile: 'Work', serviceId: 'kzblozze40q', recent: true });
    expect(trains.at(-1)?.args.onPage, 'each listing has its own channel').toBeTruthy();
    expect(trains[0]?.args.recent).toBe(false);
    await toggle.uncheck({ force: true });
    await expect(page.getByTestId('showing')).toHaveText('Showing 240 of 240');
  });

  test('details drawer: fields, hpConfig, raw JSON, copy, Escape', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await openMain(page);
    const second = bodyRows(page).nth(1);
    const version = (await second.getAttribute('data-version'))!;
    await second.click();
    const drawer = page.getByTestId('details-drawer');
    await expect(drawer).toBeVisible();
    await expect(drawer.getByRole('heading', { level: 2 })).toContainText(version);
    await expect(drawer.getByTestId('hp-table')).toContainText('session_max_timestamp');
    await expect(drawer.getByTestId('hp-table')).toContainText('Longest user session');
    await expect(drawer.getByTestId('raw-json')).toContainText(`"version": "${version}"`);
    await expect(bodyRows(page).first()).toBeVisible(); // the list stays beside it
    await drawer.getByTestId('copy-json').click();
    await expect(drawer.getByTestId('copy-json')).toHaveText(/Copied/);
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(JSON.parse(copied).version).toBe(version);
    await shot(page, '07-details');
    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden();
  });

  test('keyboard: arrows move row focus, Enter opens details, unknown fields shown', async ({ page }) => {
    await openMain(page);
    await grid(page).focus();
    for (let i = 0; i < 7; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const drawer = page.getByTestId('details-drawer');
    await expect(drawer).toBeVisible();
    // Row 8 (index 7) carries an unknown status and, being i % 5 == 2, an extra field.
    await expect(drawer.getByTestId('extra-fields')).toContainText('learningTimeSec');
    await expect(drawer).toContainText('archived');
    await page.keyboard.press('ArrowDown');
    await expect(grid(page).locator('.row--selected')).toHaveAttribute('aria-rowindex', '10');
  });

  test('error banner: message, hint, details and Retry', async ({ page }) => {
    await page.goto('/?scenario=error');
    const banner = page.getByTestId('error-banner');
    await expect(banner).toContainText('AiTEMS did not accept the access key and secret key.');
    await expect(banner).toContainText('Check the access key and secret key in your profile');
    await banner.getByText('Details').click();
    await expect(banner).toContainText('auth_failed');
    await expect(banner).toContainText('401');
    await expect(banner).toContainText('7f3c9a2e-41d8-4b6a-a1f0-92c4d8e51b07');
    await expect(banner).toContainText('Authentication Failed: Invalid authentication information.');
    await shot(page, '08-error');
    await banner.getByRole('button', { name: 'Retry' }).click();
    await expect(bodyRows(page).first()).toBeVisible();
    await expect(banner).toBeHidden();
  });

  test('a failed refresh keeps the previous rows under the banner', async ({ page }) => {
    await openMain(page, 'refresh-error');
    await page.getByTestId('refresh').click();
    const banner = page.getByTestId('error-banner');
    await expect(banner).toContainText('AiTEMS is not available right now.');
    await expect(banner).toContainText('Showing the rows from the last successful load.');
    await expect(page.getByTestId('showing')).toHaveText('Showing 240 of 240');
    await expect(bodyRows(page).first()).toBeVisible();
    await shot(page, '09-refresh-error');
  });

  test('offline: the kept listing shows, marked with its time, under what happened', async ({ page }) => {
    await page.goto('/?scenario=offline');
    const banner = page.getByTestId('error-banner');
    await expect(banner).toContainText('Could not reach AiTEMS: connection refused.');
    await expect(banner).toContainText('Offline: showing the trainings as of');
    await expect(page.getByTestId('showing')).toHaveText('Showing 240 of 240');
    await expect(page.getByTestId('updated')).toContainText('as of');
    await shot(page, '09b-offline');
  });

  test('empty service explains itself', async ({ page }) => {
    await page.goto('/?scenario=empty');
    await expect(page.getByTestId('empty-state')).toHaveAttribute('data-kind', 'noTrains');
    await expect(page.getByTestId('empty-state')).toContainText('No trainings yet');
    await shot(page, '10-empty-service');
  });

  test('nothing matches: Clear filters brings rows back', async ({ page }) => {
    await openMain(page);
    await page.getByLabel('Filter', { exact: true }).fill('no-such-thing-xyz');
    const empty = page.getByTestId('empty-state');
    await expect(empty).toHaveAttribute('data-kind', 'noMatch');
    await shot(page, '11-no-match');
    await empty.getByRole('button', { name: 'Clear filters' }).click();
    await expect(page.getByTestId('showing')).toHaveText('Showing 240 of 240');
    await expect(page.getByLabel('Filter', { exact: true })).toHaveValue('');
  });

  test('first load shows skeleton rows, then each page as it arrives', async ({ page }) => {
    await page.goto('/?scenario=slow');
    await expect(page.getByTestId('skeleton')).toBeVisible();
    // 2,500 trainings come in three pages: the first thousand show while the rest load.
    await expect(page.getByTestId('showing')).toHaveText('Showing 1,000 of 1,000', { timeout: 10_000 });
    await expect(page.getByTestId('progress')).toContainText('1,000 of ? loaded');
    await expect(page.getByTestId('skeleton')).toBeHidden();
    await shot(page, '12-loading');
    await expect(page.getByTestId('showing')).toHaveText('Showing 2,500 of 2,500', { timeout: 10_000 });
    await expect(page.getByTestId('progress')).toBeHidden();
  });

  test('a new latest service updates the profile without asking for the profiles again', async ({ page }) => {
    await openMain(page);
    const asked = (await mockCalls(page)).filter((c) => c.cmd === 'list_profiles').length;
    const input = page.getByRole('combobox', { name: 'Service' });
    await input.click();
    await page.getByRole('listbox').getByRole('option', { name: /m3xq8a1b2cd/ }).click();
    await expect(page.getByTestId('showing')).toHaveText('Showing 240 of 240');
    await input.press('ArrowDown');
    await expect(page.getByRole('listbox').getByRole('option').first()).toContainText('m3xq8a1b2cd');
    await input.press('Escape');
    await page.getByTestId('refresh').click();
    await expect(page.getByTestId('progress')).toBeHidden();
    expect((await mockCalls(page)).filter((c) => c.cmd === 'list_profiles').length).toBe(asked);
  });

  test('service picker lists recent first and accepts a typed id', async ({ page }) => {
    await openMain(page);
    const input = page.getByRole('combobox', { name: 'Service' });
    await input.click();
    const options = page.getByRole('listbox').getByRole('option');
    await expect(options.first()).toContainText('kzblozze40q');
    await expect(page.getByRole('listbox')).toContainText('Recent');
    await shot(page, '13-service-picker');
    await page.getByRole('listbox').getByRole('option', { name: /p9vn2k7w4ra/ }).click();
    await expect(page.getByTestId('empty-state')).toHaveAttribute('data-kind', 'noTrains');
    await input.click();
    await input.fill('unknownsvc1');
    await input.press('Enter');
    await expect(page.getByTestId('error-banner')).toContainText('Service `unknownsvc1` was not found.');
  });

  test('profile edit and delete with confirmation', async ({ page }) => {
    await openMain(page);
    await page.getByRole('button', { name: 'Edit profile' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText('Edit profile “Work”');
    await expect(dialog.getByLabel('Profile name')).toHaveValue('Work');
    await expect(dialog.getByLabel('Secret key')).toHaveValue('');
    await dialog.getByRole('button', { name: 'Cancel' }).first().click();
    await page.getByRole('button', { name: 'Delete profile' }).click();
    await expect(page.getByRole('dialog')).toContainText('Delete profile “Work”?');
    await page.getByRole('dialog').getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Welcome to AiTEMS Desk' })).toBeVisible();
  });

  test('export CSV sends the visible rows and columns and says where the file went', async ({ page }) => {
    await openMain(page);
    await page.getByLabel('Filter', { exact: true }).fill('weekly');
    await page.getByTestId('export').click();
    await expect(page.getByTestId('export-path')).toHaveText(/^\/home\/analyst\/Downloads\/aitems-kzblozze40q-\d{12}\.csv$/);
    const shown = Number((await page.getByTestId('showing').textContent())!.match(/Showing (\d+)/)![1]);
    const call = (await mockCalls(page)).find((c) => c.cmd === 'export_csv');
    const args = call?.args as { serviceId: string; trains: { version: string }[]; columns: string[] };
    expect(args.serviceId).toBe('kzblozze40q');
    expect(args.columns).toEqual(['type', 'version', 'status', 'description', 'createdDate', 'nextUpdateDate', 'inference', 'hpConfig']);
    expect(args.trains).toHaveLength(shown);
    const versions = await bodyRows(page).evaluateAll((rows) =>
      rows
        .map((r) => ({ at: Number(r.getAttribute('aria-rowindex')), version: r.getAttribute('data-version') }))
        .sort((a, b) => a.at - b.at)
        .map((r) => r.version),
    );
    expect(versions.length).toBeGreaterThan(1);
    expect(args.trains.slice(0, versions.length).map((t) => t.version)).toEqual(versions);
    await shot(page, '16-exported');
  });

  test('a failed export says what to do', async ({ page }) => {
    await openMain(page, 'export-error');
    await page.getByTestId('export').click();
    const notice = page.getByTestId('export-notice');
    await expect(notice).toContainText('The CSV file could not be saved. Check that your Downloads folder exists');
    await expect(page.getByTestId('export-path')).toHaveCount(0);
    await notice.getByRole('button').click();
    await expect(notice).toHaveCount(0);
  });
});

test.describe('Korean', () => {
  test.use({ locale: 'ko-KR' });
  test('main screen in Korean', async ({ page }) => {
    await openMain(page);
    await expect(page.locator('[role="columnheader"][data-col="createdDate"]')).toContainText('생성일');
    await expect(grid(page).locator('[data-status="learning"]').first()).toHaveText('학습 중');
    await expect(page.getByTestId('showing')).toHaveText('240개 중 240개 표시');
    await bodyRows(page).nth(1).click();
    await expect(page.getByTestId('details-drawer')).toContainText('하이퍼파라미터 설정');
    await shot(page, '14-main-ko');
  });
  test('error banner in Korean', async ({ page }) => {
    await page.goto('/?scenario=error');
    await expect(page.getByTestId('error-banner')).toContainText('Access Key 또는 Secret Key가 올바르지 않습니다.');
  });
});

test.describe('dark theme', () => {
  test.use({ colorScheme: 'dark' });
  test('follows prefers-color-scheme', async ({ page }) => {
    await openMain(page);
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).toBe('rgb(21, 24, 29)');
    await bodyRows(page).nth(0).click();
    await shot(page, '15-main-dark');
  });
});

test('at 1440 px the filters and the listing actions share one line, in a service and in All services', async ({ page }) => {
  await openMain(page);
  const top = async (testid: string) => (await page.getByTestId(testid).boundingBox())!.y;
  const oneLine = async () => {
    const filter = await top('filter-input');
    for (const testid of ['status-filter', 'timeline-toggle', 'refresh', 'export']) {
      expect(Math.abs((await top(testid)) - filter), testid).toBeLessThan(16);
    }
  };
  await oneLine();
  // The count, the freshness and Compare come on the line below.
  expect(await top('showing')).toBeGreaterThan((await top('refresh')) + 20);
  expect(Math.abs((await top('compare')) - (await top('showing')))).toBeLessThan(16);
  await page.getByRole('combobox', { name: 'Service' }).click();
  await page.getByRole('listbox').getByRole('option', { name: /All services/ }).click();
  await expect(page.getByTestId('service-filter')).toBeVisible();
  await expect(page.getByTestId('progress')).toBeHidden();
  await oneLine();
});

test.describe('start', () => {
  test('asks each of its first questions once', async ({ page }) => {
    await openMain(page);
    await expect(page.getByTestId('showing')).toContainText('240');
    const calls = await mockCalls(page);
    const count = (cmd: string) => calls.filter((c) => c.cmd === cmd).length;
    expect(count('app_info')).toBe(1);
    expect(count('list_profiles')).toBe(1);
    expect(calls.filter((c) => c.cmd === 'list_trains').map((c) => c.args)).toEqual([expect.objectContaining({ recent: false, held: null })]);
    expect(count('table_layout')).toBe(1);
  });

  test('says it is starting only once the start has taken a while', async ({ page }) => {
    // When the boot screen's text first appears, on the page's clock.
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (!document.body?.textContent?.includes('Starting…')) return;
        (window as unknown as { __startingAt: number }).__startingAt = performance.now();
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true, characterData: true });
    });
    await page.goto('/?scenario=slow');
    await expect(page.getByText('Starting…')).toBeVisible();
    const { startingAt, scriptAt } = await page.evaluate(() => ({
      startingAt: (window as unknown as { __startingAt: number }).__startingAt,
      scriptAt: performance.getEntriesByName('aitems:script')[0]!.startTime,
    }));
    expect(startingAt - scriptAt).toBeGreaterThanOrEqual(400);
    await expect(bodyRows(page).first()).toBeVisible();
  });
});
