//! How the demo trains move, step by step.
//!
//! Each step moves every training in progress one status along `requesting` ->
//! `waiting` -> `learning` -> `completed` or `learningFailed` (fixed per version);
//! every second step a new training request appears in [`super::SMALL_SERVICE`].
//! Pure: the trains after step `n` are a function of the generated data and of when
//! steps `1..=n` happened, so any history can be replayed.

use std::borrow::Cow;

use serde_json::{json, Map, Value};

use super::dates::{self, Fraction, HOUR_MS};
use super::ids::version_id;
use super::rng::SplitMix64;
use super::services::{self, ServiceSpec};
use super::trains::TYPES;

/// The statuses of a training in progress, in the order it goes through them.
const IN_PROGRESS: [&str; 3] = ["requesting", "waiting", "learning"];
/// A new training request appears in the small service every this many steps.
const NEW_REQUEST_EVERY: usize = 2;
/// Korea time (UTC+9), the zone the API's dates fit.
const KOREA_OFFSET_MS: i64 = 9 * HOUR_MS;

/// The trains of `service_id` after `step_times.len()` steps, newest `createdDate`
/// first; `None` if the service is unknown. `step_times[k]` is when step `k + 1`
/// happened, in UTC milliseconds since the Unix epoch. Trains that did not move are
/// borrowed from the generated data.
pub(crate) fn trains_at(service_id: &str, step_times: &[i64]) -> Option<Vec<Cow<'static, Value>>> {
    let (position, spec) = services::find(service_id)?;
    let generated = super::trains_ref(service_id)?;
    let mut trains: Vec<Cow<'static, Value>> =
        new_requests(spec, super::service_no(position), step_times)
            .chain(
                generated
                    .iter()
                    .map(|train| advance(spec, Cow::Borrowed(train), step_times)),
            )
            .collect();
    // Stable, so equal dates keep the newer request first. Both lists are already newest
    // first, so this only places the new requests among the generated trains.
    trains.sort_by(|a, b| created_date(b).cmp(created_date(a)));
    Some(trains)
}

/// `createdDate` as written. `yyyy-MM-ddTHH:mm:ss[.f{1,3}]` strings sort as the times
/// they stand for, whatever their fraction length.
fn created_date(train: &Value) -> &str {
    train["createdDate"].as_str().unwrap_or_default()
}

/// The requests that appeared in `spec`'s service (the small one only) by the last of
/// `step_times`, newest first, each moved by the steps after its own.
fn new_requests<'a>(
    spec: &'static ServiceSpec,
    service_no: u64,
    step_times: &'a [i64],
) -> impl Iterator<Item = Cow<'static, Value>> + 'a {
    let count = if spec.id == super::SMALL_SERVICE {
        step_times.len() / NEW_REQUEST_EVERY
    } else {
        0
    };
    (0..count).rev().map(move |number| {
        // Request `number` appears at step `(number + 1) * NEW_REQUEST_EVERY`, which is
        // at most `count * NEW_REQUEST_EVERY <= step_times.len()`: the indexes are in range.
        let step = (number + 1) * NEW_REQUEST_EVERY;
        let created = step_times[step - 1];
        let request = new_request(spec, service_no, number as u64, created);
        advance(spec, Cow::Owned(request), &step_times[step..])
    })
}

/// New request `number` (0-based) of a service, as it is when it appears at `created`.
fn new_request(spec: &ServiceSpec, service_no: u64, number: u64, created: i64) -> Value {
    // `number % 3` is below 3: the cast cannot truncate.
    let train_type = TYPES[(number % TYPES.len() as u64) as usize];
    json!({
        "serviceId": spec.id,
        "type": train_type,
        "hpConfig": {"is_enabled": false},
        // After the generated trains' indexes, so unique like them.
        "version": version_id(service_no, spec.train_count + number),
        "description": format!("demo request {}", number + 1),
        "status": IN_PROGRESS[0],
        "createdDate": korea_date(created),
        "inference": false,
    })
}

/// `train` after the steps that happened at `later` (oldest first). Unchanged (and
/// still borrowed) unless it was in progress and at least one step passed.
fn advance(
    spec: &ServiceSpec,
    mut train: Cow<'static, Value>,
    later: &[i64],
) -> Cow<'static, Value> {
    let Some(at) = IN_PROGRESS.iter().position(|s| train["status"] == *s) else {
        return train;
    };
    if later.is_empty() {
        return train;
    }
    // The step that takes it out of progress, if it has happened yet.
    let finished = later.get(IN_PROGRESS.len() - 1 - at).copied();
    if let Some(fields) = train.to_mut().as_object_mut() {
        match finished {
            Some(time) => finish(spec, fields, time),
            None => {
                // Not finished: at + later.len() is still inside IN_PROGRESS.
                fields.insert("status".into(), json!(IN_PROGRESS[at + later.len()]));
            }
        }
    }
    train
}

/// Ends a training at `time` (UTC ms): `completed`, with an inference result and, in
/// an interval service, the next scheduled update; or `learningFailed`.
fn finish(spec: &ServiceSpec, train: &mut Map<String, Value>, time: i64) {
    let version = train
        .get("version")
        .and_then(Value::as_str)
        .unwrap_or_default();
    if fails(version) {
        train.insert("status".into(), json!("learningFailed"));
        return;
    }
    train.insert("status".into(), json!("completed"));
    train.insert("inference".into(), json!(true));
    if let Some(hours) = spec.learning_interval_hours {
        let next = time + hours * HOUR_MS;
        train.insert("nextUpdateDate".into(), json!(korea_date(next)));
    }
}

/// Whether the training of `version` ends in `learningFailed` (about 1 in 4), fixed per
/// version: FNV-1a of the id, mixed by SplitMix64.
fn fails(version: &str) -> bool {
    let hash = version
        .bytes()
        .fold(0xCBF2_9CE4_8422_2325_u64, |hash, byte| {
            (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01B3)
        });
    SplitMix64::new(hash).below(4) == 0
}

/// A UTC instant (ms since the Unix epoch) as the API writes dates: Korea time, three
/// fraction digits.
fn korea_date(utc_ms: i64) -> String {
    dates::format(utc_ms + KOREA_OFFSET_MS, Fraction::Three)
}

#[cfg(test)]
mod tests;
