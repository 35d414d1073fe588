//! The four demo services and their JSON shapes (list item and detail).

use serde_json::{json, Value};

/// How a service retrains: once on request, or on a schedule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    Batch,
    Interval,
}

impl Kind {
    const fn as_str(self) -> &'static str {
        match self {
            Self::Batch => "batch",
            Self::Interval => "interval",
        }
    }
}

/// Everything needed to describe one service and generate its trains.
pub(super) struct ServiceSpec {
    pub(super) id: &'static str,
    pub(super) name: &'static str,
    pub(super) description: &'static str,
    pub(super) status: &'static str,
    pub(super) kind: Kind,
    /// Hours between scheduled trainings (interval services only).
    pub(super) learning_interval_hours: Option<i64>,
    pub(super) train_count: u64,
    pub(super) created: &'static str,
    pub(super) updated: &'static str,
    /// Seed of the train generator.
    pub(super) seed: u64,
    /// Whether trains come from hand-written tables (the small service) rather than dice.
    pub(super) curated: bool,
}

/// The demo services, in the order `GET /api/v1/services` lists them.
pub(super) const SPECS: [ServiceSpec; 4] = [
    ServiceSpec {
        id: super::SMALL_SERVICE,
        name: "Shop main page",
        description: "메인 페이지 개인화 추천 (small demo service: every train status once)",
        status: "learnable",
        kind: Kind::Batch,
        learning_interval_hours: None,
        train_count: 12,
        created: "2024-12-18T10:15:30.123",
        updated: "2026-11-19T09:02:11.5",
        seed: 0x5EED_0001,
        curated: true,
    },
    ServiceSpec {
        id: super::MEDIUM_SERVICE,
        name: "패션 추천",
        description: "Fashion recommendations, retrained daily",
        status: "scheduledLearning",
        kind: Kind::Interval,
        learning_interval_hours: Some(24),
        train_count: 300,
        created: "2024-12-20T14:00:00",
        updated: "2026-11-20T03:00:05.47",
        seed: 0x5EED_0002,
        curated: false,
    },
    ServiceSpec {
        id: super::LARGE_SERVICE,
        name: "Benchmark 대용량 서비스",
        description: "10,000 trains for paging and table benchmarks",
        status: "learning",
        kind: Kind::Interval,
        learning_interval_hours: Some(6),
        train_count: 10_000,
        created: "2024-12-31T23:59:59.999",
        updated: "2026-11-20T23:50:00.000",
        seed: 0x5EED_0003,
        curated: false,
    },
    ServiceSpec {
        id: super::EMPTY_SERVICE,
        name: "신규 서비스 (empty)",
        description: "",
        status: "datasetRequired",
        kind: Kind::Batch,
        learning_interval_hours: None,
        train_count: 0,
        created: "2026-11-18T08:30:00.250",
        updated: "2026-11-18T08:30:00.250",
        seed: 0x5EED_0004,
        curated: false,
    },
];

/// The spec of a service id, with its position (0-based) in [`SPECS`].
pub(super) fn find(service_id: &str) -> Option<(usize, &'static ServiceSpec)> {
    SPECS.iter().enumerate().find(|(_, s)| s.id == service_id)
}

/// Last action taken on a service. Not documented: a plausible value for the demo.
fn action_name(spec: &ServiceSpec) -> &'static str {
    match spec.status {
        "learning" | "scheduledLearning" | "requestLearning" => "requestLearning",
        "datasetRequired" | "drafted" => "createService",
        _ => "updateService",
    }
}

/// A service as `GET /api/v1/services` lists it.
pub(super) fn list_item(spec: &ServiceSpec) -> Value {
    json!({
        "serviceId": spec.id,
        "name": spec.name,
        "status": spec.status,
        "createdDate": spec.created,
        "updatedDate": spec.updated,
        "actionName": action_name(spec),
        // Not documented; the demo key owns every service.
        "permission": "owner",
    })
}

/// A service as `GET /api/v1/services/{serviceId}` returns it.
pub(super) fn detail(spec: &ServiceSpec) -> Value {
    let datasets = if spec.train_count == 0 {
        json!([])
    } else {
        json!([
            {"type": "user", "datasetId": format!("{}usr", &spec.id[..8]), "name": "users"},
            {"type": "item", "datasetId": format!("{}itm", &spec.id[..8]), "name": "items"},
            {"type": "interaction", "datasetId": format!("{}int", &spec.id[..8]), "name": "interactions"},
        ])
    };
    let infers = if spec.train_count == 0 {
        json!([])
    } else {
        json!([
            {"type": "personalRecommend", "status": "completed"},
            {"type": "relatedItem", "status": "completed"},
        ])
    };
    let mut value = json!({
        "serviceId": spec.id,
        "name": spec.name,
        "description": spec.description,
        "status": spec.status,
        "type": spec.kind.as_str(),
        "datasets": datasets,
        "hpConfig": {"is_enabled": spec.kind == Kind::Interval, "item_top_n": 20000, "session_max_timestamp": 1800},
        "infers": infers,
        "createdDate": spec.created,
        "updatedDate": spec.updated,
        "actionName": action_name(spec),
        "permission": "owner",
    });
    if let (Some(hours), Some(object)) = (spec.learning_interval_hours, value.as_object_mut()) {
        object.insert("learningInterval".into(), json!(hours));
        object.insert("scheduledDate".into(), json!("2026-11-29T03:00:00"));
    }
    value
}
