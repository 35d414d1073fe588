//! String enums of the API, each with an `Unknown` arm so a new value shows as it is.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// Declares a string enum that round-trips unknown values through `Unknown(String)`.
macro_rules! api_string_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $($(#[$vmeta])* $variant,)+
            /// A value this version does not know, kept exactly as the server sent it.
            Unknown(String),
        }

        impl $name {
            /// Every value this version knows.
            pub const KNOWN: &'static [$name] = &[$($name::$variant),+];

            /// The value as the API spells it.
            #[must_use]
            pub fn as_str(&self) -> &str {
                match self {
                    $(Self::$variant => $text,)+
                    Self::Unknown(other) => other,
                }
            }

            /// Reads the API spelling; anything else becomes `Unknown`.
            #[must_use]
            pub fn from_api(text: &str) -> Self {
                match text {
                    $($text => Self::$variant,)+
                    other => Self::Unknown(other.to_owned()),
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
                Ok(Self::from_api(&text))
            }
        }
    };
}

api_string_enum! {
    /// The state of one training request.
    TrainStatus {
        /// Accepted, not started.
        Ready => "ready",
        /// The model is being trained.
        Learning => "learning",
        /// Training finished; the model is usable.
        Completed => "completed",
        /// Queued behind other work.
        Waiting => "waiting",
        /// The request is being submitted.
        Requesting => "requesting",
        /// The request could not be submitted.
        RequestFailed => "requestFailed",
        /// Preparing (refining) the data sets failed.
        RefinedFailed => "refinedFailed",
        /// A stop was requested.
        Stopping => "stopping",
        /// Training itself failed.
        LearningFailed => "learningFailed",
    }
}

api_string_enum! {
    /// The kind of model a training request builds.
    TrainType {
        /// Recommendations for each user.
        PersonalRecommend => "personalRecommend",
        /// Items related to an item.
        RelatedItem => "relatedItem",
        /// Popular items.
        Pop => "pop",
    }
}

api_string_enum! {
    /// The state of an AiTEMS service.
    ServiceStatus {
        /// Training is scheduled.
        Scheduled => "scheduled",
        /// Scheduled training is running.
        ScheduledLearning => "scheduledLearning",
        /// Ready to be trained.
        Learnable => "learnable",
        /// Training.
        Learning => "learning",
        /// Being deleted.
        Deleting => "deleting",
        /// Deleted.
        Deleted => "deleted",
        /// Disabled.
        Disable => "disable",
        /// Not yet complete.
        Drafted => "drafted",
        /// Training was requested.
        RequestLearning => "requestLearning",
        /// Needs a data set.
        DatasetRequired => "datasetRequired",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_values_round_trip_and_unknown_is_kept() {
        for status in TrainStatus::KNOWN {
            let json = serde_json::to_string(status).unwrap();
            assert_eq!(&serde_json::from_str::<TrainStatus>(&json).unwrap(), status);
        }
        let unknown: TrainStatus = serde_json::from_str("\"archived\"").unwrap();
        assert_eq!(unknown, TrainStatus::Unknown("archived".into()));
        assert_eq!(serde_json::to_string(&unknown).unwrap(), "\"archived\"");
        assert_eq!(TrainType::from_api("pop"), TrainType::Pop);
        assert_eq!(ServiceStatus::from_api("learnable").as_str(), "learnable");
    }
}
