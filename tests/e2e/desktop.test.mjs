// Desktop basics on the real binary: the window comes back where it was left (also
// maximised, with a window manager running, as on a desktop), a position on a screen that
// is gone is not restored, and a second launch (even with --demo) only
// brings the running window to the front: it opens no second window, and the running app
// logs which one stays in its log file.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { APP, launchApp, quitApp, useDemoAndDriver, waitFor } from './harness.mjs';

const IDENTIFIER = 'com.aitems.desk';
const STATE_FILE = join(homedir(), '.config', IDENTIFIER, '.window-state.json');
const LOG_FILE = join(homedir(), '.local', 'share', IDENTIFIER, 'logs', 'aitems-desk.log');
/** The app's own settings (the profiles' settings folder); here: no update check at start. */
const DESKTOP_SETTINGS = join(homedir(), '.config', 'aitemsdesk', 'desktop.json');
/** The virtual screen run.sh starts (xvfb-run -s "-screen 0 1280x800x24"). */
const SCREEN = { width: 1280, height: 800 };

// Only tauri-driver: each test starts (and quits) the app itself.
useDemoAndDriver({ demo: false, launch: null });
// The files after this one start with the window's default place and the default desktop settings.
after(() => {
  rmSync(STATE_FILE, { force: true });
  rmSync(DESKTOP_SETTINGS, { force: true });
});

/** Starts the app over WebDriver and waits for its page. */
async function started(args) {
  const driver = await launchApp(args);
  await waitFor(driver, () => driver.executeScript('return document.readyState'), (s) => s === 'complete', 'the page loads');
  return driver;
}

/** The saved place of the main window, once the state file holds one. */
const savedPlace = () => (existsSync(STATE_FILE) ? JSON.parse(readFileSync(STATE_FILE, 'utf8')).main : undefined);

/** The app windows on the display (xdotool), by their title. */
function appWindows() {
  try {
    return execFileSync('xdotool', ['search', '--onlyvisible', '--name', '^AiTEMS Desk$'], { encoding: 'utf8' })
      .split('\n').filter(Boolean);
  } catch {
    return []; // xdotool exits 1 when nothing matches
  }
}

test('the window comes back at the size and position it had', async () => {
  rmSync(STATE_FILE, { force: true });
  let driver = await started(['--demo']);
  await driver.manage().window().setRect({ x: 120, y: 60, width: 1000, height: 640 });
  const set = await driver.manage().window().getRect();
  // Written once the window has been still for a moment, so that even the end of this
  // session (tauri-driver kills the app, which then cannot save on exit) keeps it.
  await waitFor(driver, savedPlace, (p) => p?.width === set.width && p?.x === set.x, 'the place is saved');
  await quitApp(driver);

  driver = await started(['--demo']);
  try {
    const back = await driver.manage().window().getRect();
    assert.deepEqual(back, set);
  } finally {
    await quitApp(driver);
  }
});

/** Whether the app's window is maximised, as the window manager marks it (`_NET_WM_STATE`). */
function maximised() {
  const [id] = appWindows();
  if (!id) return false;
  const state = execFileSync('xprop', ['-id', id, '_NET_WM_STATE'], { encoding: 'utf8' });
  return state.includes('_NET_WM_STATE_MAXIMIZED_VERT') && state.includes('_NET_WM_STATE_MAXIMIZED_HORZ');
}

/** Runs `body` with a window manager on the display: maximising is the window manager's job. */
async function withWindowManager(body) {
  const wm = spawn('openbox', ['--sm-disable'], { stdio: 'ignore' });
  try {
    await new Promise((resolve) => setTimeout(resolve, 500));
    await body();
  } finally {
    wm.kill();
    await new Promise((resolve) => wm.on('exit', resolve));
  }
}

test('a maximised window opens maximised again', async () => {
  rmSync(STATE_FILE, { force: true });
  await withWindowManager(async () => {
    let driver = await started(['--demo']);
    try {
      await driver.manage().window().maximize();
      await waitFor(driver, async () => maximised(), (m) => m, 'the window is maximised');
      await waitFor(driver, savedPlace, (p) => p?.maximized === true, 'the maximised state is saved');
    } finally {
      await quitApp(driver);
    }
    driver = await started(['--demo']);
    try {
      await waitFor(driver, async () => maximised(), (m) => m, 'the window opens maximised');
    } finally {
      await quitApp(driver);
    }
  });
});

test('a window last seen on a screen that is gone opens on the visible one', async () => {
  mkdirSync(join(homedir(), '.config', IDENTIFIER), { recursive: true });
  const gone = { width: 1000, height: 640, x: 3000, y: 1400, prev_x: 3000, prev_y: 1400, maximized: false, visible: true, decorated: true, fullscreen: false };
  writeFileSync(STATE_FILE, JSON.stringify({ main: gone }));
  const driver = await started(['--demo']);
  try {
    const rect = await driver.manage().window().getRect();
    assert.ok(rect.x >= 0 && rect.y >= 0 && rect.x + 100 < SCREEN.width && rect.y + 100 < SCREEN.height, `on screen: ${JSON.stringify(rect)}`);
    assert.equal(rect.width, gone.width, 'the size still comes back');
  } finally {
    await quitApp(driver);
  }
});

test('a second launch with --demo leaves the running normal app, with one window', async () => {
  // A normal launch would look for updates on the internet: the setting turns that off.
  mkdirSync(join(DESKTOP_SETTINGS, '..'), { recursive: true });
  writeFileSync(DESKTOP_SETTINGS, JSON.stringify({ checkUpdatesAtStart: false }));
  const driver = await started([]);
  try {
    await waitFor(driver, async () => appWindows().length, (n) => n === 1, 'one window');
    const second = spawn(APP, ['--demo'], { stdio: 'ignore' });
    const code = await new Promise((resolve) => second.on('exit', resolve));
    assert.equal(code, 0, 'the second launch hands over and exits');
    await waitFor(driver, () => (existsSync(LOG_FILE) ? readFileSync(LOG_FILE, 'utf8') : ''),
      (log) => log.includes('started again (demo mode); the running app (normal mode) stays'), 'the running app logs which one stays');
    assert.equal(appWindows().length, 1, 'still one window');
    assert.equal(await driver.getTitle(), 'AiTEMS Desk', 'the running app still answers');
  } finally {
    await quitApp(driver);
  }
});
