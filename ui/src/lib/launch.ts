// The first questions the app asks the backend, asked by the entry script before the rest
// of the app's code is loaded: their answers are on their way while that code is fetched
// and compiled, instead of being asked only once it runs (BENCHMARKS.md). As soon as they
// are in, the same goes for what the first screen shows: its service's listing and layout.
import { api } from './api';
import type { AppInfo, ProfileView, TableLayout, TrainsListed, TrainsPage } from './bindings';

/** What the first screen needs to know before anything else. */
export type LaunchAnswers = [AppInfo, ProfileView[]];

/** The profile to open when none is asked for: the default one, else the first; null when there is none. */
export function pickDefault(list: readonly ProfileView[]): string | null {
  return (list.find((p) => p.isDefault) ?? list[0])?.name ?? null;
}

/**
 * The profile the app opens with: started with --demo, the demo profile (none when demo
 * mode could not start yet), else the default one.
 */
export function openingProfile([info, list]: LaunchAnswers): ProfileView | undefined {
  if (info.demoRequested) return list.find((p) => p.isDemo);
  const name = pickDefault(list);
  return list.find((p) => p.name === name);
}

/** A listing under way, whose pages wait until someone follows it. */
export class StartedListing {
  private readonly waiting: TrainsPage[] = [];
  private onPage: ((page: TrainsPage) => void) | null = null;
  private readonly answer: Promise<TrainsListed>;

  /** Starts listing every training of `serviceId` (not only the recent ones), all of them sent whole. */
  constructor(profile: string, serviceId: string) {
    this.answer = api.listTrains(profile, serviceId, false, null, (page) => (this.onPage ? this.onPage(page) : this.waiting.push(page)));
    // Handled by whoever follows it; none may (the first-run screen).
    this.answer.catch(() => undefined);
  }

  /** Gives `onPage` the pages received so far at once, then each as it comes; resolves to the listing's answer. */
  follow(onPage: (page: TrainsPage) => void): Promise<TrainsListed> {
    this.onPage = onPage;
    for (const page of this.waiting.splice(0)) onPage(page);
    return this.answer;
  }
}

/** What the first screen shows, asked for as soon as the launch questions are answered. */
export type LaunchOpening = {
  profile: string;
  serviceId: string;
  /** The service's listing, as the first screen asks for it (recent only off). */
  listing: StartedListing;
  /** The layout saved for the service; failed when it could not be read. */
  layout: Promise<TableLayout | null>;
};

let early: Promise<LaunchAnswers> | null = null;
let opening: LaunchOpening | null = null;

const ask = (): Promise<LaunchAnswers> => Promise.all([api.appInfo(), api.listProfiles()]);

function askOpening(answers: LaunchAnswers): void {
  const profile = openingProfile(answers);
  const serviceId = profile?.openService;
  if (!profile || !serviceId) return;
  const layout = api.tableLayout(profile.name, serviceId);
  layout.catch(() => undefined);
  opening = { profile: profile.name, serviceId, listing: new StartedListing(profile.name, serviceId), layout };
}

/** Asks the launch questions now, then what the first screen shows; `launchAnswers` and `takeOpening` take them. */
export function askAtLaunch(): void {
  early = ask();
  // Before anyone awaits the answers: the opening is asked by the time they are taken.
  // A failure is handled by `launchAnswers`; not an unhandled rejection meanwhile.
  early.then(askOpening, () => undefined);
}

/** The answers asked at launch, the first time; asked afresh after that (a retry). */
export function launchAnswers(): Promise<LaunchAnswers> {
  const answers = early ?? ask();
  early = null;
  return answers;
}

/** What was asked at launch for `profile`'s `serviceId`, the first time it is wanted; null otherwise. */
export function takeOpening(profile: string, serviceId: string): LaunchOpening | null {
  const taken = opening?.profile === profile && opening.serviceId === serviceId ? opening : null;
  opening = null;
  return taken;
}
