import { t } from '../i18n';
import { COLUMN_LABEL, isColumnId } from './columns';
import { hpOptionOf } from './hpColumns';

/** A column's name as headers and menus show it: an `hpConfig` option by its own name. */
export function columnLabel(id: string): string {
  if (isColumnId(id)) return t(COLUMN_LABEL[id]);
  return hpOptionOf(id) ?? id;
}
