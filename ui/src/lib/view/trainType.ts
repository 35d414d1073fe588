import { TRAIN_TYPES, type KnownTrainType } from '../bindings';
import type { MessageKey, Translate } from '../i18n';

export function isKnownType(raw: string | undefined): raw is KnownTrainType {
  return raw !== undefined && (TRAIN_TYPES as readonly string[]).includes(raw);
}

/** Plain words for a training type; an unknown type is shown as received. */
export function typeLabel(raw: string | undefined, t: Translate): string {
  if (raw === undefined || raw === '') return t('type.missing');
  return isKnownType(raw) ? t(`type.${raw}` as MessageKey) : raw;
}
