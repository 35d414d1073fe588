import type { MessageKey, Translate } from '../i18n';

export const KNOWN_STATUSES = [
  'ready',
  'learning',
  'completed',
  'waiting',
  'requesting',
  'requestFailed',
  'refinedFailed',
  'stopping',
  'learningFailed',
] as const;
export type KnownStatus = (typeof KNOWN_STATUSES)[number];

/** Visual family of a status badge; colours live in CSS (`.badge--<tone>`). */
export type StatusTone = 'ok' | 'done' | 'active' | 'waiting' | 'failed' | 'stopping' | 'neutral';

const TONES: Record<KnownStatus, StatusTone> = {
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

export function isKnownStatus(raw: string | undefined): raw is KnownStatus {
  return raw !== undefined && (KNOWN_STATUSES as readonly string[]).includes(raw);
}

/** Plain words for a status; an unknown status is shown exactly as received. */
export function statusLabel(raw: string | undefined, t: Translate): string {
  if (raw === undefined || raw === '') return t('status.missing');
  return isKnownStatus(raw) ? t(`status.${raw}` as MessageKey) : raw;
}

export function statusTone(raw: string | undefined): StatusTone {
  return isKnownStatus(raw) ? TONES[raw] : 'neutral';
}
