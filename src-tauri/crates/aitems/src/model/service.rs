//! An AiTEMS service and a page of them.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::{ApiDateTime, ServiceStatus};

/// An AiTEMS service (one recommendation project). Detail-only fields such as
/// `description`, `datasets` or `learningInterval` are kept in `extra`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Service {
    /// The service id used in every other call.
    pub service_id: String,
    /// The name given in the console.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub name: Option<String>,
    /// Where the service stands.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional, type = "string"))]
    pub status: Option<ServiceStatus>,
    /// When it was created (Korea time).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional, type = "string"))]
    pub created_date: Option<ApiDateTime>,
    /// When it last changed (Korea time).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional, type = "string"))]
    pub updated_date: Option<ApiDateTime>,
    /// Fields this version does not model, kept and written back out.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// One page of `GET /api/v1/services`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ServicesPage {
    /// The services on this page.
    pub services: Vec<Service>,
    /// The offset the server applied (may be absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offset: Option<u64>,
    /// The limit the server applied (may be absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u64>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_unmodelled_service_fields() {
        let input = r#"{"serviceId":"abc","name":"Shop","status":"learnable","createdDate":"2024-01-01T00:00:00.000","actionName":"x","permission":"owner"}"#;
        let service: Service = serde_json::from_str(input).unwrap();
        assert_eq!(service.status, Some(ServiceStatus::Learnable));
        assert_eq!(service.extra["permission"], "owner");
        assert_eq!(
            serde_json::to_value(&service).unwrap(),
            serde_json::from_str::<Value>(input).unwrap()
        );
        assert!(serde_json::from_str::<Service>(r#"{"name":"no id"}"#).is_err());
    }
}
