// Starting and stopping what the end-to-end tests drive: the demo service (through the
// `aitems` CLI, for the expected data), tauri-driver, and WebDriver sessions on the app.
import { spawn, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'node:net';
import { after, before } from 'node:test';
import { Builder, By, until } from 'selenium-webdriver';

export const APP = mustEnv('E2E_APP');
export const CLI = mustEnv('E2E_CLI');
export const SCREENS = mustEnv('E2E_SCREENS');
const DRIVER = mustEnv('TAURI_DRIVER');
const DRIVER_PORT = 4444;

function mustEnv(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run tests/e2e/run.sh`);
  return value;
}

/** Waits until something listens on a loopback port. */
async function waitForPort(port, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const open = await new Promise((resolve) => {
      const socket = createConnection({ host: '127.0.0.1', port }, () => { socket.end(); resolve(true); });
      socket.on('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`nothing listened on port ${port} within ${timeoutMs} ms`);
}

/** Runs the demo service with the CLI and returns its URL, keys and a stop function. */
export async function startDemoService() {
  const child = spawn(CLI, ['demo', '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  const url = await new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = out.match(/running at (http:\/\/127\.0\.0\.1:\d+)/);
      if (match && out.includes('NCLOUD_SECRET_KEY=')) resolve(match[1]);
    });
    child.on('exit', (code) => reject(new Error(`aitems demo exited with ${code}: ${out}`)));
  });
  const accessKey = out.match(/NCLOUD_ACCESS_KEY=(\S+)/)[1];
  const secretKey = out.match(/NCLOUD_SECRET_KEY=(\S+)/)[1];
  return { url, accessKey, secretKey, stop: () => child.kill('SIGINT') };
}

/** What the demo service holds for a service, read with the CLI over real HTTP. */
export function demoTrains(demo, serviceId, recent = false) {
  const args = ['trains', '--service', serviceId, '--format', 'json', '--endpoint', demo.url];
  if (recent) args.push('--recent');
  const env = { ...process.env, NCLOUD_ACCESS_KEY: demo.accessKey, NCLOUD_SECRET_KEY: demo.secretKey };
  // The largest demo service's 10,000 trainings are about 4 MB of JSON.
  return JSON.parse(execFileSync(CLI, args, { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }));
}

/** Starts tauri-driver and returns a stop function. */
export async function startDriver() {
  const child = spawn(DRIVER, ['--port', String(DRIVER_PORT), '--native-port', '4445'], { stdio: ['ignore', 'inherit', 'inherit'] });
  await waitForPort(DRIVER_PORT, 15000);
  return () => child.kill();
}

/** Launches an app binary (AiTEMS Desk by default) in a WebDriver session. */
export async function launchApp(args = ['--demo'], application = APP) {
  const capabilities = { browserName: 'wry', 'tauri:options': { application, args } };
  return new Builder().usingServer(`http://127.0.0.1:${DRIVER_PORT}/`).withCapabilities(capabilities).build();
}

/**
 * The setup a test file shares: registers its `before` and `after`. Before the tests: the
 * demo service (unless `demo` is false), the trainings it holds for the service `trains`
 * (read with the CLI), a saved profile on it (`profile`: `name` and `service`; `makeDefault`
 * makes it the default one, `removeAfter` removes it again at the end), tauri-driver, and the
 * app launched with the arguments `launch` (none when `launch` is null). After them, the app,
 * tauri-driver and the demo service are stopped.
 *
 * Returns the handles, filled in once `before` has run: `demo`, `expected` (the trainings)
 * and `driver` (the WebDriver session; a test that starts the app again sets it anew, so
 * that `after` quits the one that runs).
 */
export function useDemoAndDriver({ demo = true, trains, profile, launch = ['--demo'] } = {}) {
  const handles = { demo: undefined, expected: undefined, driver: undefined };
  let stopDriver;
  before(async () => {
    if (demo) {
      handles.demo = await startDemoService();
      if (trains) handles.expected = demoTrains(handles.demo, trains);
      if (profile) saveProfile(handles.demo, profile);
    }
    stopDriver = await startDriver();
    if (launch) handles.driver = await launchApp(launch);
  });
  after(async () => {
    await handles.driver?.quit().catch(() => {});
    // The next file's app would otherwise find this one still closing (see quitApp).
    await appGone();
    stopDriver?.();
    handles.demo?.stop();
    // The other tests share the settings: they find them without this profile, as before.
    if (profile?.removeAfter) execFileSync(CLI, ['profile', 'remove', profile.name]);
  });
  return handles;
}

/**
 * Ends a session and waits until its app is gone: an app started while the last one is still
 * closing would find it running and, as a second instance, hand over to it and exit.
 */
export async function quitApp(driver) {
  await driver.quit();
  await appGone();
}

/** Waits (up to 30 s) until no AiTEMS Desk launched by these tests runs any more. */
async function appGone() {
  const running = () => {
    try {
      execFileSync('pgrep', ['-f', APP]);
      return true;
    } catch {
      return false; // pgrep exits 1 when nothing matches
    }
  };
  for (let waited = 0; running() && waited < 30000; waited += 100) await new Promise((r) => setTimeout(r, 100));
}

/**
 * Saves a profile on the demo service with the CLI, its keys given on standard input
 * (`makeDefault`: and makes it the default one).
 */
export function saveProfile(demo, { name, service, makeDefault = false }) {
  execFileSync(CLI, ['profile', 'add', name, '--endpoint', demo.url, '--service', service, '--stdin'], {
    input: `${demo.accessKey}\n${demo.secretKey}\n`,
  });
  if (makeDefault) execFileSync(CLI, ['profile', 'default', name]);
}

/** Saves a screenshot of the app window under target/e2e-screens/. */
export async function screenshot(driver, name) {
  mkdirSync(SCREENS, { recursive: true });
  writeFileSync(`${SCREENS}/${name}.png`, await driver.takeScreenshot(), 'base64');
}

export const ROWS = '[data-testid="train-grid"] .tbody [role="row"][aria-rowindex]';

/** Versions of the rendered rows, top to bottom. */
export async function visibleVersions(driver) {
  return driver.executeScript(`
    return [...document.querySelectorAll(${JSON.stringify(ROWS)})]
      .map((row) => ({ top: row.getBoundingClientRect().top, version: row.querySelector('.td--version')?.textContent.trim() }))
      .sort((a, b) => a.top - b.top)
      .map((r) => r.version);`);
}

/** The trainings the table lists ("Showing N of T": N; 0 before the line shows), however many rows the window has room for. */
export async function shownCount(driver) {
  const line = (await driver.findElements(By.css('[data-testid="showing"]')))[0];
  return line ? Number((await line.getText()).replace(/,/g, '').match(/(\d+) of/)?.[1] ?? 0) : 0;
}

/** Waits until `read()` returns a value that `accept` likes, and returns it. */
export async function waitFor(driver, read, accept, message, timeoutMs = 20000) {
  let last;
  await driver.wait(async () => accept((last = await read())), timeoutMs, () => `${message} (last: ${JSON.stringify(last)})`);
  return last;
}

export { By, until };

/**
 * Starts the recording desktop notification server (notifications.py) on the session bus
 * and returns `read()` (the notifications so far), `click(id)` (clicks one, as a user
 * would) and `stop()`.
 */
export async function startNotificationRecorder() {
  const log = join(mkdtempSync(join(tmpdir(), 'notices-')), 'notices.jsonl');
  writeFileSync(log, '');
  const script = new URL('./notifications.py', import.meta.url).pathname;
  const child = spawn('python3', [script, log], { stdio: ['pipe', 'pipe', 'inherit'] });
  await new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => { if (String(chunk).includes('ready')) resolve(); });
    child.on('exit', (code) => reject(new Error(`the notification recorder exited with ${code}`)));
  });
  const read = () => readFileSync(log, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));
  const click = (id) => child.stdin.write(`click ${id}\n`);
  return { read, click, stop: () => child.kill() };
}

/** Does to the app's window (by its title) what a window manager would (window.py): `close`, `minimise` or `restore`. */
export function windowAction(action, title = 'AiTEMS Desk') {
  execFileSync('python3', [new URL('./window.py', import.meta.url).pathname, action, title]);
}

/** Asks the app's window to close, as a window manager's close button does. */
export const closeWindow = (title) => windowAction('close', title);
