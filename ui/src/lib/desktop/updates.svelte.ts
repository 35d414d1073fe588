// The newer version on offer and its install: one for the whole app, shown alike by the
// notice and by About.
import { api } from '../api';
import type { AppError, UpdateOffer, UpdateProgress } from '../bindings';

/** Where the install of the offered version is. */
export type Install =
  | { step: 'none' }
  | { step: 'downloading'; progress: UpdateProgress | null }
  | { step: 'restarting' }
  | { step: 'failed'; error: AppError };

export class Updates {
  /** The version found by the last check, if newer. */
  offer = $state.raw<UpdateOffer | null>(null);
  install = $state.raw<Install>({ step: 'none' });
  /** "Later" was chosen: the notice stays hidden for this run. */
  #later = $state(false);

  /** Whether the notice shows: an offer not put off for later, or an install under way. */
  get noticeShown(): boolean {
    return this.offer !== null && (!this.#later || this.install.step !== 'none');
  }

  get installing(): boolean {
    return this.install.step === 'downloading' || this.install.step === 'restarting';
  }

  /** The check at start: an offer shows the notice; a failure says nothing (the backend logs it). */
  async checkAtStart(): Promise<void> {
    try {
      this.offer = await api.checkUpdate(false);
    } catch {
      // Quiet by design: an update check is no reason to interrupt the user.
    }
  }

  /** A check the user asked for: the offer, `null` when this is the latest; rejects with an AppError. */
  async checkNow(): Promise<UpdateOffer | null> {
    this.offer = await api.checkUpdate(true);
    return this.offer;
  }

  /** Hides the notice for this run. */
  later(): void {
    this.#later = true;
    if (this.install.step === 'failed') this.install = { step: 'none' };
  }

  /** Downloads and installs the offered version; the backend then restarts the app. */
  async installOffer(): Promise<void> {
    this.install = { step: 'downloading', progress: null };
    try {
      await api.installUpdate((progress) => (this.install = { step: 'downloading', progress }));
      // Only a test backend answers: the app restarts before the real one can.
      this.install = { step: 'restarting' };
    } catch (e) {
      this.install = { step: 'failed', error: e as AppError };
    }
  }
}

export const updates = new Updates();
