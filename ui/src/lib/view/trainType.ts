import type { MessageKey, Translate } from '../i18n';

export const KNOWN_TYPES = ['personalRecommend', 'relatedItem', 'pop'] as const;
export type KnownType = (typeof KNOWN_TYPES)[number];

export function isKnownType(raw: string | undefined): raw is KnownType {
  return raw !== undefined && (KNOWN_TYPES as readonly string[]).includes(raw);
}

/** Plain words for a training type; an unknown type is shown as received. */
export function typeLabel(raw: string | undefined, t: Translate): string {
  if (raw === undefined || raw === '') return t('type.missing');
  return isKnownType(raw) ? t(`type.${raw}` as MessageKey) : raw;
}
