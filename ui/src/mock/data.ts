// Deterministic demo data for the browser mock (never in the production bundle).
import type { JsonValue, Service, Train } from '../lib/bindings';

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** An instant written the way AiTEMS writes it: Korea time, no zone, 0-3 fraction digits. */
export function kstString(ms: number, fractionDigits: number): string {
  const d = new Date(ms + 9 * 3_600_000);
  const base = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  if (fractionDigits === 0) return base;
  return `${base}.${pad(d.getUTCMilliseconds(), 3).slice(0, fractionDigits)}`;
}

export const SERVICES: Service[] = [
  { serviceId: 'kzblozze40q', name: '쇼핑몰 메인 추천', status: 'learnable', createdDate: '2024-11-02T10:12:44.120', updatedDate: '2026-02-27T09:00:00.000', actionName: 'view', permission: 'owner' },
  { serviceId: 'm3xq8a1b2cd', name: 'Newsletter picks', status: 'scheduled', createdDate: '2025-04-18T15:40:02.5', updatedDate: '2026-03-01T08:30:10' },
  { serviceId: 'p9vn2k7w4ra', name: '신규 카탈로그 (학습 전)', status: 'datasetRequired', createdDate: '2026-02-20T11:00:00' },
  { serviceId: 'h5t0b8y6jqe', name: 'App home — related items', status: 'learning', createdDate: '2025-09-09T09:09:09.9' },
];
/** A service that exists but has no trainings yet. */
export const EMPTY_SERVICE = 'p9vn2k7w4ra';

const TYPES = ['personalRecommend', 'relatedItem', 'pop'] as const;
const DESCRIPTIONS = [
  '정기 학습 (매일 03시)',
  'Weekly retrain after catalogue import',
  '신상품 반영 재학습',
  'Holiday campaign — boosted categories',
  '',
  '봄 시즌 프로모션 대비',
  'Retry after data refinement fix',
  '세션 길이 조정 실험 (3600초)',
  'A/B test: larger item pool',
  '모바일 앱 홈 화면용',
];
const HP_CONFIGS: ({ [key: string]: JsonValue } | undefined)[] = [
  { is_enabled: false, group_column: ['TIMESTAMP'] },
  { is_enabled: true, session_max_timestamp: 3600, item_top_n: 50000 },
  { is_enabled: false },
  { is_enabled: true, min_item_cut: 5, min_session_length: 2, max_user_recommend_top: 100, max_relate_recommend_top: 50 },
  { is_enabled: true, item_top_n: 20000, group_column: ['TIMESTAMP', 'USER_ID'], experimental_decay: 0.85 },
  undefined,
];
const STATUS_CYCLE = [
  'completed', 'completed', 'completed', 'completed', 'ready', 'completed', 'learningFailed', 'completed',
  'waiting', 'completed', 'requestFailed', 'completed', 'refinedFailed', 'completed', 'stopping', 'completed',
];

function version(rand: () => number): string {
  const abc = 'abcdefghijklmnopqrstuvwxyz0123456789';
  let s = '';
  for (let i = 0; i < 11; i++) s += abc[Math.floor(rand() * abc.length)];
  return s;
}

/**
 * `count` trains for a service, newest first, covering every status and type (plus an unknown
 * status, an unknown type, an unparseable date, missing fields and unknown extra fields).
 */
export function generateTrains(serviceId: string, count: number, now = Date.now()): Train[] {
  const rand = prng(count * 7919 + serviceId.length);
  const base = Math.floor(now / 3_600_000) * 3_600_000;
  const step = count > 1000 ? 11 * 60_000 : 7 * 3_600_000;
  const out: Train[] = [];
  for (let i = 0; i < count; i++) {
    const created = base - 2 * 3_600_000 - i * step - Math.floor(rand() * 50) * 60_000 - Math.floor(rand() * 60_000);
    const type = TYPES[i % 3] as string;
    let status = STATUS_CYCLE[(i * 5 + 3) % STATUS_CYCLE.length] as string;
    if (i < 3) status = ['learning', 'requesting', 'ready'][i] as string;
    const train: Train = {
      serviceId,
      type,
      version: version(rand),
      description: DESCRIPTIONS[(i * 3) % DESCRIPTIONS.length] ?? '',
      status,
      createdDate: kstString(created, i % 4 === 3 ? 0 : 3 - (i % 3)),
      inference: status === 'completed' || status === 'ready',
    };
    const hpConfig = HP_CONFIGS[i % HP_CONFIGS.length];
    if (hpConfig !== undefined) train.hpConfig = hpConfig;
    if (status === 'ready' || i % 9 === 0) train.nextUpdateDate = kstString(base + (1 + (i % 4)) * 86_400_000 + 3 * 3_600_000, 3);
    if (i % 5 === 2) train.learningTimeSec = 1200 + Math.floor(rand() * 4000);
    if (i === 7) status = train.status = 'archived'; // a status this app does not know
    if (i === 11) train.type = 'seasonalTrend'; // a type this app does not know
    if (i === 13) train.createdDate = '2025/13/45 99:00'; // unparseable: shown raw
    if (i === 17) delete train.description;
    out.push(train);
  }
  return out;
}

/** Latest training of each type (what `isRecent=true` answers). */
export function recentOnly(trains: Train[]): Train[] {
  const seen = new Set<string>();
  return trains.filter((t) => {
    const key = String(t.type);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
