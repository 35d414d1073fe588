import { TRAIN_STATUSES, type KnownTrainStatus } from '../bindings';
import type { MessageKey, Translate } from '../i18n';

/** Visual family of a status badge; colours live in CSS (`.badge--<tone>`). */
export type StatusTone = 'ok' | 'done' | 'active' | 'waiting' | 'failed' | 'stopping' | 'neutral';

// Every known status needs a tone: a status added on the Rust side fails the type check here.
const TONES: Record<KnownTrainStatus, StatusTone> = {
  ready: 'ok',
  completed: 'done',
  learning: 'active',
  requesting: 'active',
  waiting: 'waiting',
  stopping: 'stopping',
  requestFailed: 'failed',
  refinedFailed: 'failed',
  learningFailed: 'failed',
};

export function isKnownStatus(raw: string | undefined): raw is KnownTrainStatus {
  return raw !== undefined && (TRAIN_STATUSES as readonly string[]).includes(raw);
}

/** Plain words for a status; an unknown status is shown exactly as received. */
export function statusLabel(raw: string | undefined, t: Translate): string {
  if (raw === undefined || raw === '') return t('status.missing');
  return isKnownStatus(raw) ? t(`status.${raw}` as MessageKey) : raw;
}

export function statusTone(raw: string | undefined): StatusTone {
  return isKnownStatus(raw) ? TONES[raw] : 'neutral';
}
