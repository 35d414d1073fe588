import type { MessageKey, Params } from '../i18n';
import type { Install } from './updates.svelte';

/** What the offer shows during an install: the bar and the words under it. */
export type InstallView = {
  /** Percent done; `null`: the size is unknown (a bar without a value); `undefined`: no bar. */
  percent: number | null | undefined;
  text: MessageKey;
  params: Params;
};

const MB = 1_000_000;

/** The view of an install under way (downloading or restarting) of `version`. */
export function installView(install: Install, version: string): InstallView | null {
  if (install.step === 'restarting') return { percent: undefined, text: 'update.restarting', params: {} };
  if (install.step !== 'downloading') return null;
  const { downloaded = 0, total = null } = install.progress ?? {};
  if (total === null || total <= 0) {
    return { percent: null, text: 'update.downloadingSize', params: { version, size: (downloaded / MB).toFixed(1) } };
  }
  // Downloaded: the signature is checked and the package installed before the restart.
  if (downloaded >= total) return { percent: 100, text: 'update.installing', params: { version } };
  const percent = Math.floor((downloaded / total) * 100);
  return { percent, text: 'update.downloading', params: { version, percent } };
}
