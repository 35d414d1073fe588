import type { Translate } from '../i18n';
import type { CsvColumn } from './csv';
import type { TrainRow } from './rows';

/** CSV columns for the train table: labels for people plus the raw API values. */
export function trainCsvColumns(t: Translate): CsvColumn<TrainRow>[] {
  return [
    { header: t('col.type'), value: (r) => r.typeLabel },
    { header: 'type', value: (r) => r.type },
    { header: t('col.version'), value: (r) => r.version },
    { header: t('col.status'), value: (r) => r.statusLabel },
    { header: 'status', value: (r) => r.status },
    { header: t('col.description'), value: (r) => r.description },
    { header: `${t('col.createdDate')} (KST)`, value: (r) => r.createdRaw ?? '' },
    { header: `${t('col.nextUpdateDate')} (KST)`, value: (r) => r.nextRaw ?? '' },
    { header: t('col.inference'), value: (r) => (r.inference === undefined ? '' : String(r.inference)) },
    { header: t('col.hpo'), value: (r) => r.hpo },
    { header: 'hpConfig', value: (r) => (r.train.hpConfig ? JSON.stringify(r.train.hpConfig) : '') },
  ];
}
