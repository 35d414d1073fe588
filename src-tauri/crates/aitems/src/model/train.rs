//! One training request and a page of them.

use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{Map, Value};
use std::borrow::Cow;
use std::fmt;

use super::{ApiDateTime, TrainStatus, TrainType};

/// Hyper-parameter settings: `is_enabled` plus any options, in the server's order.
/// An open map, so no option is ever dropped.
pub type HpConfig = Map<String, Value>;

/// A training request, with every documented field and any the server adds.
///
/// Field names on the wire are the API's own (`serviceId`, `type`, `hpConfig`, ...).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Train {
    /// The service this training belongs to.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub service_id: Option<String>,
    /// The kind of model.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional, type = "string"))]
    pub train_type: Option<TrainType>,
    /// Hyper-parameter optimisation settings.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub hp_config: Option<HpConfig>,
    /// The 11-character id of this training.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub version: Option<String>,
    /// Free text; may be empty.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub description: Option<String>,
    /// Where the training stands.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional, type = "string"))]
    pub status: Option<TrainStatus>,
    /// When it was requested (Korea time).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional, type = "string"))]
    pub created_date: Option<ApiDateTime>,
    /// When an interval service trains next (Korea time).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional, type = "string"))]
    pub next_update_date: Option<ApiDateTime>,
    /// Whether an inference result exists.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub inference: Option<bool>,
    /// Fields this version does not know, kept and written back out.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Train {
    /// Whether hyper-parameter optimisation is on (`hpConfig.is_enabled`).
    #[must_use]
    pub fn hpo_enabled(&self) -> bool {
        self.hp_config
            .as_ref()
            .and_then(|config| config.get("is_enabled"))
            .and_then(Value::as_bool)
            .unwrap_or(false)
    }
}

// Written by hand rather than with `#[serde(flatten)]`: flatten buffers every field into
// an intermediate value before matching it, while this visitor reads each field once.
impl<'de> Deserialize<'de> for Train {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(TrainVisitor)
    }
}

struct TrainVisitor;

impl<'de> Visitor<'de> for TrainVisitor {
    type Value = Train;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a training request object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Train, A::Error> {
        let mut train = Train::default();
        while let Some(FieldName(key)) = map.next_key()? {
            match key.as_ref() {
                "serviceId" => train.service_id = map.next_value()?,
                "type" => train.train_type = map.next_value()?,
                "hpConfig" => train.hp_config = map.next_value()?,
                "version" => train.version = map.next_value()?,
                "description" => train.description = map.next_value()?,
                "status" => train.status = map.next_value()?,
                "createdDate" => train.created_date = map.next_value()?,
                "nextUpdateDate" => train.next_update_date = map.next_value()?,
                "inference" => train.inference = map.next_value()?,
                _ => {
                    let value: Value = map.next_value()?;
                    let key = key.into_owned();
                    if train.extra.insert(key.clone(), value).is_some() {
                        return Err(de::Error::custom(format!("duplicate field `{key}`")));
                    }
                }
            }
        }
        Ok(train)
    }
}

/// A field name, borrowed from the input when it can be: the known fields are matched
/// without allocating a `String` for each key of each training (the listing's hot path).
struct FieldName<'de>(Cow<'de, str>);

impl<'de> Deserialize<'de> for FieldName<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(FieldNameVisitor)
    }
}

struct FieldNameVisitor;

impl<'de> Visitor<'de> for FieldNameVisitor {
    type Value = FieldName<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a field name")
    }

    fn visit_borrowed_str<E: de::Error>(self, name: &'de str) -> Result<Self::Value, E> {
        Ok(FieldName(Cow::Borrowed(name)))
    }

    fn visit_str<E: de::Error>(self, name: &str) -> Result<Self::Value, E> {
        Ok(FieldName(Cow::Owned(name.to_owned())))
    }

    fn visit_string<E: de::Error>(self, name: String) -> Result<Self::Value, E> {
        Ok(FieldName(Cow::Owned(name)))
    }
}

/// One page of `GET /api/v1/services/{serviceId}/trains`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TrainsPage {
    /// The trainings on this page. Required: a body without it is not a listing.
    pub trains: Vec<Train>,
    /// The offset the server applied (absent in older responses).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offset: Option<u64>,
    /// The limit the server applied (absent in older responses).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u64>,
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIVE: &str = r#"{"serviceId":"kzblozze40q","type":"relatedItem","hpConfig":{"is_enabled":false,"group_column":["TIMESTAMP"]},"version":"quyjux9urbk","description":"","status":"completed","createdDate":"2022-04-04T16:39:01.378","inference":true}"#;

    #[test]
    fn reads_the_live_example() {
        let train: Train = serde_json::from_str(LIVE).unwrap();
        assert_eq!(train.service_id.as_deref(), Some("kzblozze40q"));
        assert_eq!(train.train_type, Some(TrainType::RelatedItem));
        assert_eq!(train.status, Some(TrainStatus::Completed));
        assert_eq!(train.version.as_deref(), Some("quyjux9urbk"));
        assert_eq!(train.description.as_deref(), Some(""));
        assert_eq!(train.inference, Some(true));
        assert!(!train.hpo_enabled());
        assert!(train.created_date.unwrap().naive().is_some());
        assert_eq!(train.next_update_date, None);
    }

    #[test]
    fn writes_back_what_it_read_including_unknown_fields_and_options() {
        let input = r#"{"serviceId":"s","type":"brandNew","hpConfig":{"is_enabled":true,"zeta":1,"alpha":[2],"item_top_n":20000},"version":"v","status":"archived","createdDate":"2025-01-01T00:00:00.5","modelSize":12345,"nested":{"a":null}}"#;
        let train: Train = serde_json::from_str(input).unwrap();
        assert_eq!(train.status, Some(TrainStatus::Unknown("archived".into())));
        assert_eq!(train.extra["modelSize"], 12345);
        let keys: Vec<_> = train.hp_config.as_ref().unwrap().keys().cloned().collect();
        assert_eq!(keys, ["is_enabled", "zeta", "alpha", "item_top_n"]);
        let written: Value = serde_json::to_value(&train).unwrap();
        assert_eq!(written, serde_json::from_str::<Value>(input).unwrap());
    }

    #[test]
    fn missing_fields_are_fine_but_wrong_types_are_not() {
        let empty: Train = serde_json::from_str("{}").unwrap();
        assert_eq!(empty, Train::default());
        let nulls: Train = serde_json::from_str(r#"{"description":null,"hpConfig":null}"#).unwrap();
        assert_eq!(nulls.description, None);
        assert!(serde_json::from_str::<Train>(r#"{"inference":"yes"}"#).is_err());
        assert!(serde_json::from_str::<Train>(r#"{"x":1,"x":2}"#).is_err());
        assert!(serde_json::from_str::<Train>("[]").is_err());
    }

    #[test]
    fn a_page_needs_its_trains() {
        let page: TrainsPage = serde_json::from_str(r#"{"trains":[]}"#).unwrap();
        assert_eq!((page.offset, page.limit), (None, None));
        assert!(serde_json::from_str::<TrainsPage>(r#"{"offset":0,"limit":10}"#).is_err());
    }
}
