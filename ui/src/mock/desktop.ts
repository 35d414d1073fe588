// As the Rust side's desktop commands (src-tauri/src/desktop): About, the log folder, the
// update check and install, and second launches, with the same texts.
import type { Channel } from '@tauri-apps/api/core';
import type { AboutInfo, AppError, SecondLaunch, UpdateOffer, UpdateProgress } from '../lib/bindings';
import { fail, sleep } from './fail';

/** The version the mock app runs. */
export const VERSION = '0.1.0-mock';

export const DESKTOP_SCENARIOS = [
  /** A newer version is offered; installing it shows progress, then restarts. */
  'update',
  /** A newer version that this install (a .deb) cannot take: the package manager updates it. */
  'update-package',
  /** A newer version whose downloaded package has a bad signature. */
  'update-bad-signature',
  /** The update manifest cannot be read: an error at start (which the window keeps quiet) and when asked. */
  'update-check-error',
  /** Shortly after start the app is launched again, with --demo. */
  'second-launch-demo',
  /** The log folder could not be created: no log file. */
  'log-unwritable',
] as const;
type DesktopScenario = (typeof DESKTOP_SCENARIOS)[number];

const LOG_FOLDER = '/home/analyst/.local/share/com.aitems.desk/logs';
const LOG_PROBLEM = `${LOG_FOLDER} could not be created: Permission denied (os error 13)`;
const NOTES = `Compare two trainings side by side.
Faster start-up with many profiles.

Fixed: the Changed filter keeps its count after a refresh.`;
const PACKAGE_BYTES = 8_400_000;
const PROGRESS_STEPS = 6;
const PROGRESS_EVERY_MS = 250;

/** The desktop commands for one page; `scenario` may be any of the mock's scenarios. */
export function createDesktop(scenario: string, demoRequested: boolean) {
  const is = (s: DesktopScenario) => scenario === s;
  let checkUpdatesAtStart = true;
  /** The update found by the last check, which an install takes (as `Updates::offered`). */
  let offered: UpdateOffer | null = null;

  function check(): UpdateOffer | null {
    if (is('update-check-error')) {
      fail('update_unreadable', "The update server's answer could not be read, so no update is offered.", 'Nothing was changed. Try again later, or get the new version from the Releases page.', {
        httpStatus: null,
        traceId: null,
        serverMessage: 'failed to deserialize update response: missing field `version`',
      });
    }
    const newer = is('update') || is('update-package') || is('update-bad-signature');
    offered = newer ? { version: '0.2.0', currentVersion: VERSION, notes: NOTES, published: '2026-03-02T09:00:00Z', installable: !is('update-package') } : null;
    return offered;
  }

  async function install(onProgress: Channel<UpdateProgress>): Promise<null> {
    const offer = offered;
    if (!offer) fail('no_update_offered', 'No update is on offer.', 'Look for updates first.');
    if (!offer.installable) {
      fail('update_by_package_manager', `AiTEMS Desk was installed with your package manager, so it cannot install version ${offer.version} itself.`, 'Update it with your package manager, or with the package from the Releases page.');
    }
    for (let step = 1; step <= PROGRESS_STEPS; step++) {
      await sleep(PROGRESS_EVERY_MS);
      onProgress.onmessage({ downloaded: Math.round((PACKAGE_BYTES * step) / PROGRESS_STEPS), total: PACKAGE_BYTES });
    }
    if (is('update-bad-signature')) {
      const detail: AppError['detail'] = { httpStatus: null, traceId: null, serverMessage: 'minisign: signature verification failed' };
      fail('update_unsigned', 'The downloaded update is not signed by the makers of AiTEMS Desk, so it was not installed.', 'Nothing was changed. Get the new version from the Releases page instead.', detail);
    }
    // The real app restarts here and never answers.
    return null;
  }

  /** Answers a desktop command; any other command is unknown. */
  async function handle(cmd: string, args: Record<string, unknown>): Promise<unknown> {
    switch (cmd) {
      case 'about':
        return {
          version: VERSION,
          logFolder: LOG_FOLDER,
          logProblem: is('log-unwritable') ? LOG_PROBLEM : null,
          checkUpdatesAtStart,
        } satisfies AboutInfo;
      case 'open_log_folder':
        if (is('log-unwritable')) fail('not_found', 'There is no log folder yet.', `The log could not be written: ${LOG_PROBLEM}`, null, true);
        return null;
      case 'check_update':
        // At start: nothing when turned off or in demo mode (an unreadable manifest still fails).
        if (args.manual !== true && (demoRequested || !checkUpdatesAtStart)) return null;
        return check();
      case 'install_update':
        return install(args.onProgress as Channel<UpdateProgress>);
      case 'set_update_check':
        checkUpdatesAtStart = args.enabled === true;
        return null;
      case 'second_launches': {
        const onLaunch = args.onLaunch as Channel<SecondLaunch>;
        if (is('second-launch-demo')) setTimeout(() => onLaunch.onmessage({ demoRequested: true, runningInDemo: demoRequested }), 800);
        return null;
      }
      default:
        fail('internal', `Unknown command ${cmd}`, 'This is a bug in the mock.', null, true);
    }
  }

  return { handle };
}
