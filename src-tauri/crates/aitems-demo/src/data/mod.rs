//! Deterministic demo data: four services and their trains.
//!
//! Everything here is a pure function of constants (a fixed-seed SplitMix64 and plain
//! date arithmetic), identical on every run and machine, so tests can compare what a
//! client fetched with what these functions return. The trains of each service are
//! generated once, on first use, and cached for the life of the process. These are the
//! trains at demo step 0; how a running service moves them is in the crate docs.

mod dates;
mod ids;
mod motion;
mod rng;
mod services;
mod trains;

use std::borrow::Borrow;
use std::sync::OnceLock;

use serde_json::Value;

pub(crate) use motion::trains_at;

/// A small batch service (12 trains) holding every documented train status at least once.
pub const SMALL_SERVICE: &str = "demoshop001";
/// A medium interval service (300 trains), with one train whose status is unknown
/// (`"archived"`) and one with an undocumented extra field (`"modelSize"`).
pub const MEDIUM_SERVICE: &str = "demofashn02";
/// A large interval service with exactly 10,000 trains, for paging and benchmarks.
pub const LARGE_SERVICE: &str = "demobench03";
/// A service with no trains at all.
pub const EMPTY_SERVICE: &str = "demoempty04";

/// The undocumented status one train of [`MEDIUM_SERVICE`] has.
pub const UNKNOWN_STATUS: &str = trains::UNKNOWN_STATUS;
/// The train types, as the API spells them.
pub const TRAIN_TYPES: [&str; 3] = trains::TYPES;
/// The documented train statuses, as the API spells them.
pub const TRAIN_STATUSES: [&str; 9] = trains::STATUSES;

/// The services as `GET /api/v1/services` lists them, in that order.
#[must_use]
pub fn services() -> Vec<Value> {
    services::SPECS.iter().map(services::list_item).collect()
}

/// One service as `GET /api/v1/services/{serviceId}` returns it; `None` if unknown.
#[must_use]
pub fn service_detail(service_id: &str) -> Option<Value> {
    services::find(service_id).map(|(_, spec)| services::detail(spec))
}

/// All trains of a service, newest `createdDate` first, as the API returns them;
/// `None` if the service is unknown.
#[must_use]
pub fn trains(service_id: &str) -> Option<Vec<Value>> {
    trains_ref(service_id).map(<[Value]>::to_vec)
}

/// The latest train (by `createdDate`) of each type, newest first, as
/// `GET .../trains?isRecent=true` returns them; `None` if the service is unknown.
#[must_use]
pub fn recent_trains(service_id: &str) -> Option<Vec<Value>> {
    let recent = latest_of_each_type(trains_ref(service_id)?);
    Some(recent.into_iter().cloned().collect())
}

/// One train by type and version; `None` if the service or train is unknown.
#[must_use]
pub fn train(service_id: &str, train_type: &str, version: &str) -> Option<Value> {
    find_train(trains_ref(service_id)?, train_type, version).cloned()
}

/// The cached trains of a service, without copying them.
pub(crate) fn trains_ref(service_id: &str) -> Option<&'static [Value]> {
    static CACHE: [OnceLock<Vec<Value>>; services::SPECS.len()] =
        [const { OnceLock::new() }; services::SPECS.len()];
    let (position, spec) = services::find(service_id)?;
    let cell = CACHE.get(position)?;
    Some(cell.get_or_init(|| trains::generate(spec, service_no(position))))
}

/// The number a service's version ids are made from: its 1-based position in the list.
fn service_no(position: usize) -> u64 {
    position as u64 + 1
}

/// The latest train of each type, newest first, from a list sorted newest first.
pub(crate) fn latest_of_each_type<T: Borrow<Value>>(all: &[T]) -> Vec<&T> {
    // The list is sorted newest first, so the first train of each type is its latest.
    let mut seen: Vec<&Value> = Vec::new();
    let mut recent = Vec::new();
    for train in all {
        let train_type = &train.borrow()["type"];
        if !seen.contains(&train_type) {
            seen.push(train_type);
            recent.push(train);
        }
    }
    recent
}

/// The train of a type and version in a list.
pub(crate) fn find_train<'a, T: Borrow<Value>>(
    all: &'a [T],
    train_type: &str,
    version: &str,
) -> Option<&'a T> {
    all.iter().find(|t| {
        let t: &Value = (*t).borrow();
        t["type"] == train_type && t["version"] == version
    })
}

#[cfg(test)]
mod tests;
