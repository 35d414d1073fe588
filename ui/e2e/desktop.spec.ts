// What a desktop app does besides the table: About (version, log folder, updates), the
// update offer at start and its install, and a second launch of the app.
import { expect, test, type Page } from '@playwright/test';
import { mockCalls, openMain, shot } from './helpers';

const aboutDialog = (page: Page) => page.getByRole('dialog', { name: 'About AiTEMS Desk' });
const notice = (page: Page) => page.getByRole('region', { name: 'Update' });
const callsOf = async (page: Page, cmd: string) => (await mockCalls(page)).filter((c) => c.cmd === cmd);

/** Opens About from the header and waits for what it reads. */
async function openAbout(page: Page) {
  await page.getByRole('button', { name: 'About AiTEMS Desk' }).click();
  const dialog = aboutDialog(page);
  await expect(dialog.getByTestId('about-version')).toBeVisible();
  return dialog;
}

/** Waits until the check at start was made (it waits for the first rows). */
async function checkedAtStart(page: Page): Promise<void> {
  await expect.poll(async () => (await callsOf(page, 'check_update')).map((c) => c.args)).toEqual([{ manual: false }]);
}

test.describe('About', () => {
  test('shows the version and the log folder, opens the folder, and closes with Escape', async ({ page }) => {
    await openMain(page);
    const button = page.getByRole('button', { name: 'About AiTEMS Desk' });
    await button.focus();
    await page.keyboard.press('Enter');
    const dialog = aboutDialog(page);
    await expect(dialog.getByTestId('about-version')).toHaveText('0.1.0-mock');
    await expect(dialog.getByTestId('about-log-folder')).toHaveText('/home/analyst/.local/share/com.aitems.desk/logs');
    await expect(dialog.getByTestId('about-log-problem')).toHaveCount(0);
    await shot(page, '30-about');
    await dialog.getByRole('button', { name: 'Open log folder' }).click();
    await expect.poll(async () => (await callsOf(page, 'open_log_folder')).length).toBe(1);
    await expect(dialog.getByTestId('error-banner')).toHaveCount(0);
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(button).toBeFocused();
  });

  test('says why there is no log file, and why the folder cannot be opened', async ({ page }) => {
    await openMain(page, 'log-unwritable');
    const dialog = await openAbout(page);
    await expect(dialog.getByTestId('about-log-problem')).toHaveText(
      'No log file is being written: /home/analyst/.local/share/com.aitems.desk/logs could not be created: Permission denied (os error 13)',
    );
    await dialog.getByRole('button', { name: 'Open log folder' }).click();
    await expect(dialog.getByTestId('error-banner')).toContainText('There is no log folder yet.');
  });

  test('the "Check for updates at start" switch is saved', async ({ page }) => {
    await openMain(page);
    let dialog = await openAbout(page);
    const atStart = () => dialog.getByRole('switch', { name: 'Check for updates at start' });
    await expect(atStart()).toBeChecked();
    await atStart().uncheck({ force: true });
    await expect.poll(async () => (await callsOf(page, 'set_update_check')).map((c) => c.args)).toEqual([{ enabled: false }]);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toHaveCount(0);
    dialog = await openAbout(page);
    await expect(atStart()).not.toBeChecked();
    await atStart().check({ force: true });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    dialog = await openAbout(page);
    await expect(atStart()).toBeChecked();
  });

  test('Check for updates says when this is the latest version', async ({ page }) => {
    await openMain(page);
    const dialog = await openAbout(page);
    await expect(dialog.getByTestId('update-latest')).toBeEmpty();
    await dialog.getByRole('button', { name: 'Check for updates' }).click();
    await expect(dialog.getByTestId('update-latest')).toHaveText('You have the latest version (0.1.0-mock).');
    expect((await callsOf(page, 'check_update')).at(-1)?.args).toEqual({ manual: true });
    await expect(dialog.getByTestId('update-offer')).toHaveCount(0);
  });

  test('Check for updates shows the offer, which can be installed from About', async ({ page }) => {
    await openMain(page, 'update');
    await checkedAtStart(page);
    await notice(page).getByRole('button', { name: 'Later' }).click();
    const dialog = await openAbout(page);
    await dialog.getByRole('button', { name: 'Check for updates' }).click();
    await expect.poll(async () => (await callsOf(page, 'check_update')).length).toBe(2);
    const offer = dialog.getByTestId('update-offer');
    await expect(offer).toContainText('Version 0.2.0 is available');
    await expect(dialog.getByTestId('update-latest')).toBeEmpty();
    await expect(offer.getByRole('button', { name: 'Later' })).toHaveCount(0);
    await offer.getByRole('button', { name: 'Install and restart' }).click();
    await expect(offer.getByRole('progressbar', { name: 'Download of the update' })).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Check for updates' })).toBeDisabled();
  });

  test('Check for updates shows why it failed', async ({ page }) => {
    await openMain(page, 'update-check-error');
    await checkedAtStart(page);
    const dialog = await openAbout(page);
    await dialog.getByRole('button', { name: 'Check for updates' }).click();
    const banner = dialog.getByTestId('error-banner');
    await expect(banner).toContainText("The update server's answer could not be read, so no update is offered.");
    await expect(banner).toContainText('Try again later, or get the new version from the Releases page.');
    await expect(dialog.getByTestId('update-latest')).toBeEmpty();
    await shot(page, '31-about-check-failed');
  });
});

test.describe('update at start', () => {
  test('is checked after the first rows are on screen, and Later hides the offer', async ({ page }) => {
    await openMain(page, 'update');
    const box = notice(page);
    await expect(box).toContainText('Version 0.2.0 is available');
    await expect(box).toContainText('You have version 0.1.0-mock.');
    const [check] = await callsOf(page, 'check_update');
    const firstRows = await page.evaluate(() => performance.getEntriesByName('aitems:first-rows')[0]!.startTime);
    expect(check!.at).toBeGreaterThan(firstRows);
    // The notes open on request.
    const notes = box.getByTestId('update-notes');
    await expect(notes).toBeHidden();
    await box.getByText("What's new").click();
    await expect(notes).toContainText('Compare two trainings side by side.');
    await shot(page, '32-update-offer');
    // It blocks nothing: the table still takes clicks.
    await page.getByTestId('refresh').click();
    await box.getByRole('button', { name: 'Later' }).click();
    await expect(box).toHaveCount(0);
    expect(await callsOf(page, 'install_update')).toHaveLength(0);
  });

  test('an offer this install cannot take says to use the package manager', async ({ page }) => {
    await openMain(page, 'update-package');
    const box = notice(page);
    await expect(box).toContainText('Version 0.2.0 is available');
    await expect(box.getByTestId('update-how')).toHaveText(
      "Update AiTEMS Desk with your system's package manager, or get version 0.2.0 from the Releases page.",
    );
    await expect(box.getByRole('button', { name: 'Install and restart' })).toHaveCount(0);
    await expect(box.getByRole('button', { name: 'Later' })).toBeVisible();
  });

  test('Install shows the download, then restarts', async ({ page }) => {
    await openMain(page, 'update');
    const box = notice(page);
    await box.getByRole('button', { name: 'Install and restart' }).click();
    const bar = box.getByRole('progressbar', { name: 'Download of the update' });
    const status = box.getByTestId('update-status');
    await expect(status).toHaveText(/^Downloading version 0\.2\.0… \d+%$/);
    const early = Number(await bar.getAttribute('value'));
    await expect.poll(async () => Number(await bar.getAttribute('value'))).toBeGreaterThan(early);
    await expect(box.getByRole('button', { name: 'Later' })).toHaveCount(0);
    await expect(status).toHaveText('Restarting…');
    await expect(bar).toHaveCount(0);
    await shot(page, '33-update-restarting');
    expect(await callsOf(page, 'install_update')).toHaveLength(1);
  });

  test('a package with a bad signature is refused, and nothing was changed', async ({ page }) => {
    await openMain(page, 'update-bad-signature');
    const box = notice(page);
    await box.getByRole('button', { name: 'Install and restart' }).click();
    await expect(box.getByRole('progressbar')).toBeVisible();
    const banner = box.getByTestId('error-banner');
    await expect(banner).toContainText('The downloaded update is not signed by the makers of AiTEMS Desk, so it was not installed.');
    await expect(banner).toContainText('Get the new version from the Releases page instead.');
    await expect(banner).toContainText('Your installed version is unchanged and keeps running.');
    await expect(banner).toHaveAttribute('data-code', 'update_unsigned');
    await shot(page, '34-update-refused');
    // It can be tried again, or put off.
    await expect(box.getByRole('button', { name: 'Install and restart' })).toBeVisible();
    await box.getByRole('button', { name: 'Later' }).click();
    await expect(box).toHaveCount(0);
  });

  test('a failed check at start says nothing', async ({ page }) => {
    await openMain(page, 'update-check-error');
    await checkedAtStart(page);
    await page.waitForTimeout(300);
    await expect(notice(page)).toHaveCount(0);
    await expect(page.getByTestId('error-banner')).toHaveCount(0);
    await expect(page.getByRole('dialog')).toHaveCount(0);
  });
});

test.describe('second launch', () => {
  test('says the app was already open, and how to try demo mode here', async ({ page }) => {
    await openMain(page, 'second-launch-demo');
    const said = page.getByTestId('second-launch');
    await expect(said).toContainText('AiTEMS Desk was already open.');
    await expect(said).toContainText('Demo mode was not started; choose Explore with demo data to try it.');
    await shot(page, '35-second-launch');
    await said.getByRole('button', { name: 'Explore with demo data' }).click();
    await expect(page.getByTestId('demo-badge')).toBeVisible();
    await expect(said).toBeEmpty();
  });

  test('goes away by itself', async ({ page }) => {
    await page.clock.install();
    await openMain(page, 'second-launch-demo');
    const said = page.getByTestId('second-launch');
    await page.clock.runFor(1_000);
    await expect(said).toContainText('AiTEMS Desk was already open.');
    await page.clock.runFor(10_500);
    await expect(said).toBeEmpty();
  });
});

test.describe('Korean', () => {
  test.use({ locale: 'ko-KR' });
  test('About and the update offer in Korean', async ({ page }) => {
    await openMain(page, 'update-package');
    await expect(page.getByRole('region', { name: '업데이트' })).toContainText('새 버전 0.2.0 사용 가능');
    await expect(page.getByRole('region', { name: '업데이트' })).toContainText('패키지 관리자');
    await page.getByRole('button', { name: 'AiTEMS Desk 정보' }).click();
    const dialog = page.getByRole('dialog', { name: 'AiTEMS Desk 정보' });
    await expect(dialog.getByRole('switch', { name: '시작할 때 업데이트 확인' })).toBeChecked();
    await expect(dialog.getByRole('button', { name: '로그 폴더 열기' })).toBeVisible();
    await shot(page, '36-about-ko');
  });

  test('a refused update is explained in Korean', async ({ page }) => {
    await openMain(page, 'update-bad-signature');
    const box = page.getByRole('region', { name: '업데이트' });
    await box.getByRole('button', { name: '설치하고 다시 시작' }).click();
    const banner = box.getByTestId('error-banner');
    await expect(banner).toContainText('서명이 아니어서 설치하지 않았습니다');
    await expect(banner).not.toContainText('not signed');
  });
});
