//! Generates the trains of one demo service, newest first.

use serde_json::{json, Map, Value};

use super::dates::{self, Fraction, HOUR_MS};
use super::ids::version_id;
use super::rng::SplitMix64;
use super::services::{Kind, ServiceSpec};

/// The three train types.
pub(super) const TYPES: [&str; 3] = ["personalRecommend", "relatedItem", "pop"];

/// Every documented train status.
pub(super) const STATUSES: [&str; 9] = [
    "ready",
    "learning",
    "completed",
    "waiting",
    "requesting",
    "requestFailed",
    "refinedFailed",
    "stopping",
    "learningFailed",
];

/// The newest train is created just before this wall-clock time (Korea time).
const NEWEST_MS: i64 = dates::wall_ms(2026, 11, 20, 23, 0);
/// The oldest train is created after this wall-clock time.
const OLDEST_MS: i64 = dates::wall_ms(2025, 1, 2, 0, 0);

/// The small service's statuses, newest first: each documented status at least once.
const CURATED_STATUSES: [&str; 12] = [
    "requesting",
    "waiting",
    "learning",
    "ready",
    "stopping",
    "completed",
    "requestFailed",
    "completed",
    "refinedFailed",
    "completed",
    "learningFailed",
    "completed",
];

/// The small service's descriptions (`None`: no `description` key at all).
const CURATED_DESCRIPTIONS: [Option<&str>; 12] = [
    Some("메인 페이지 개인화 추천 재학습"),
    Some(""),
    Some("weekly retrain"),
    None,
    Some("A/B 테스트 variant B"),
    Some("신상품 반영"),
    Some(""),
    Some("baseline model"),
    None,
    Some("하이퍼파라미터 튜닝 테스트"),
    Some("after catalog import"),
    Some(""),
];

const KOREAN: [&str; 5] = [
    "주간 정기 학습",
    "신상품 반영 재학습",
    "여름 시즌 추천 모델",
    "하이퍼파라미터 튜닝 테스트",
    "블랙프라이데이 대비 학습",
];
const ENGLISH: [&str; 5] = [
    "weekly retrain",
    "HPO trial: item_top_n 50000",
    "baseline model",
    "after catalog import",
    "nightly run",
];
const MIXED: [&str; 2] = ["A/B 테스트 variant B", "v2 모델 (session 3600s)"];

/// In the medium service, the train with a status no documentation lists.
pub(super) const UNKNOWN_STATUS_INDEX: usize = 17;
/// The unknown status itself.
pub(super) const UNKNOWN_STATUS: &str = "archived";
/// In the medium service, the train with an extra, undocumented top-level field.
pub(super) const EXTRA_FIELD_INDEX: usize = 42;

/// All trains of a service, newest (by `createdDate`) first.
pub(super) fn generate(spec: &ServiceSpec, service_no: u64) -> Vec<Value> {
    let mut rng = SplitMix64::new(spec.seed);
    let count = spec.train_count;
    // Each train sits in its own slot of `step` ms and keeps clear of the next slot by
    // at least step/2, so dates are strictly decreasing even after fraction truncation.
    // Counts are small constants (at most 10,000), so the casts below are lossless.
    let step = (NEWEST_MS - OLDEST_MS) / count.max(1) as i64;
    (0..count)
        .map(|index| {
            let jitter = rng.below((step / 2) as u64) as i64;
            let created = NEWEST_MS - index as i64 * step - jitter;
            train(spec, service_no, index, created, &mut rng)
        })
        .collect()
}

/// One train. `index` 0 is the newest.
fn train(
    spec: &ServiceSpec,
    service_no: u64,
    index: u64,
    created_ms: i64,
    rng: &mut SplitMix64,
) -> Value {
    let i = index as usize;
    let (train_type, status, description, fraction) = if spec.curated {
        let fraction = [
            Fraction::Three,
            Fraction::Two,
            Fraction::One,
            Fraction::None,
        ][i % 4];
        (
            TYPES[i % 3],
            CURATED_STATUSES[i % CURATED_STATUSES.len()],
            CURATED_DESCRIPTIONS[i % CURATED_DESCRIPTIONS.len()],
            fraction,
        )
    } else {
        (
            random_type(rng),
            random_status(i, rng),
            random_description(rng),
            random_fraction(rng),
        )
    };
    let medium = spec.id == super::MEDIUM_SERVICE;
    let status = if medium && i == UNKNOWN_STATUS_INDEX {
        UNKNOWN_STATUS
    } else {
        status
    };

    let mut train = Map::new();
    train.insert("serviceId".into(), json!(spec.id));
    train.insert("type".into(), json!(train_type));
    train.insert("hpConfig".into(), hp_config(rng));
    train.insert("version".into(), json!(version_id(service_no, index)));
    if let Some(description) = description {
        train.insert("description".into(), json!(description));
    }
    train.insert("status".into(), json!(status));
    train.insert(
        "createdDate".into(),
        json!(dates::format(created_ms, fraction)),
    );
    let completed = status == "completed";
    if let (Kind::Interval, Some(hours)) = (spec.kind, spec.learning_interval_hours) {
        if completed && rng.percent(40) {
            let next = created_ms + hours * HOUR_MS;
            train.insert(
                "nextUpdateDate".into(),
                json!(dates::format(next, Fraction::Three)),
            );
        }
    }
    train.insert("inference".into(), json!(completed && rng.percent(92)));
    if medium && i == EXTRA_FIELD_INDEX {
        train.insert("modelSize".into(), json!(12_345));
    }
    Value::Object(train)
}

fn random_type(rng: &mut SplitMix64) -> &'static str {
    match rng.below(100) {
        0..=44 => TYPES[0],
        45..=79 => TYPES[1],
        _ => TYPES[2],
    }
}

/// The newest few trains are still in flight; older ones mostly completed.
fn random_status(index: usize, rng: &mut SplitMix64) -> &'static str {
    const IN_FLIGHT: [&str; 4] = ["learning", "requesting", "waiting", "ready"];
    if let Some(status) = IN_FLIGHT.get(index) {
        return status;
    }
    match rng.below(1000) {
        0..=899 => "completed",
        900..=949 => "learningFailed",
        950..=969 => "requestFailed",
        970..=989 => "refinedFailed",
        _ => "stopping",
    }
}

fn random_description(rng: &mut SplitMix64) -> Option<&'static str> {
    match rng.below(100) {
        0..=9 => None,
        10..=34 => Some(""),
        35..=64 => Some(*rng.pick(&KOREAN)),
        65..=94 => Some(*rng.pick(&ENGLISH)),
        _ => Some(*rng.pick(&MIXED)),
    }
}

fn random_fraction(rng: &mut SplitMix64) -> Fraction {
    match rng.below(100) {
        0..=69 => Fraction::Three,
        70..=79 => Fraction::Two,
        80..=89 => Fraction::One,
        _ => Fraction::None,
    }
}

/// `is_enabled` plus, when enabled, a random subset of the HPO options; sometimes the
/// `group_column` array seen in live data (also when disabled, as live data had it).
fn hp_config(rng: &mut SplitMix64) -> Value {
    let mut config = Map::new();
    let enabled = rng.percent(40);
    config.insert("is_enabled".into(), json!(enabled));
    if enabled {
        let options: [(&str, u64, u64); 6] = [
            ("session_max_timestamp", 10, 86_400),
            ("item_top_n", 1_000, 500_000),
            ("min_item_cut", 1, 20),
            ("min_session_length", 1, 10),
            ("max_user_recommend_top", 10, 500),
            ("max_relate_recommend_top", 10, 500),
        ];
        for (key, lo, hi) in options {
            if rng.percent(60) {
                config.insert(key.into(), json!(rng.range(lo, hi)));
            }
        }
    }
    if rng.percent(20) {
        config.insert("group_column".into(), json!(["TIMESTAMP"]));
    }
    Value::Object(config)
}
