// The first questions the app asks the backend, asked by the entry script before the rest
// of the app's code is loaded: their answers are on their way while that code is fetched
// and compiled, instead of being asked only once it runs (BENCHMARKS.md).
import { api } from './api';
import type { AppInfo, ProfileView } from './bindings';

/** What the first screen needs to know before anything else. */
export type LaunchAnswers = [AppInfo, ProfileView[]];

let early: Promise<LaunchAnswers> | null = null;

const ask = (): Promise<LaunchAnswers> => Promise.all([api.appInfo(), api.listProfiles()]);

/** Asks the launch questions now; `launchAnswers` takes their answers. */
export function askAtLaunch(): void {
  early = ask();
  // Taken (and its failure handled) by `launchAnswers`; not an unhandled rejection meanwhile.
  early.catch(() => undefined);
}

/** The answers asked at launch, the first time; asked afresh after that (a retry). */
export function launchAnswers(): Promise<LaunchAnswers> {
  const answers = early ?? ask();
  early = null;
  return answers;
}
