//! The desktop notification a refresh earns: trainings that finished (completed or
//! failed) and new training requests, grouped into one notice per service, in the
//! user's language.

use aitems::changes::{Change, TrainKey};
use aitems::model::TrainStatus;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The languages notices are written in (the UI's languages).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, TS)]
pub enum Language {
    /// English.
    #[default]
    #[serde(rename = "en")]
    English,
    /// Korean.
    #[serde(rename = "ko")]
    Korean,
}

/// One desktop notification.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    /// The first line: what happened, and where.
    pub title: String,
    /// The trainings it is about, one per line.
    pub body: String,
    /// What the window opens when the notice is clicked, if anything.
    pub opens: Option<NoticeTarget>,
}

/// Where a clicked notice takes the window: a profile's service, on a training.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NoticeTarget {
    /// The profile.
    pub profile: String,
    /// The service the notice is about.
    pub service_id: String,
    /// The training it names first.
    pub train: Option<TrainKey>,
}

/// How many trainings a grouped notice names before "and N more".
const NAMED: usize = 3;

/// What a change means to someone waiting for a training.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Outcome {
    Completed,
    Failed,
    Requested,
}

impl Outcome {
    fn of(change: &Change) -> Option<Self> {
        match change {
            Change::New { .. } => Some(Self::Requested),
            Change::StatusChanged { to, .. } => match to.as_ref()? {
                TrainStatus::Completed => Some(Self::Completed),
                TrainStatus::RequestFailed
                | TrainStatus::RefinedFailed
                | TrainStatus::LearningFailed => Some(Self::Failed),
                _ => None,
            },
        }
    }
}

/// The training that the notice for `changes` names first, if they earn one.
pub fn first_named(changes: &[Change]) -> Option<&TrainKey> {
    changes
        .iter()
        .find(|change| Outcome::of(change).is_some())
        .map(Change::key)
}

/// The notice for the `changes` one refresh of `service` found, or `None` when none of
/// them is worth one (a training moving from waiting to learning is not). It opens
/// nothing yet: the caller knows where it leads.
pub fn notice(service: &str, changes: &[Change], language: Language) -> Option<Notice> {
    let worth: Vec<(&Change, Outcome)> = changes
        .iter()
        .filter_map(|change| Some((change, Outcome::of(change)?)))
        .collect();
    let first = worth.first()?.1;
    let same = worth.iter().all(|(_, outcome)| *outcome == first);
    let finished = worth
        .iter()
        .all(|(_, outcome)| *outcome != Outcome::Requested);
    let words = Words::of(language);
    let title = match (worth.len(), same, finished) {
        (1, _, _) => (words.one)(first, service),
        (n, true, _) if first == Outcome::Requested => (words.many_new)(n, service),
        (n, _, true) => (words.many_finished)(n, service),
        (n, _, _) => (words.many_changed)(n, service),
    };
    let mut lines: Vec<String> = worth
        .iter()
        .take(NAMED)
        .map(|(change, _)| line(change, &words))
        .collect();
    if worth.len() > NAMED {
        lines.push((words.more)(worth.len() - NAMED));
    }
    Some(Notice {
        title,
        body: lines.join("\n"),
        opens: None,
    })
}

/// "Personal recommendations abc123: Completed".
fn line(change: &Change, words: &Words) -> String {
    let key = change.key();
    let status = match change {
        Change::New { status, .. } | Change::StatusChanged { to: status, .. } => status.as_ref(),
    };
    let status = status.map_or("?", |s| (words.status)(s).unwrap_or(s.as_str()));
    let kind = (words.train_type)(&key.train_type).unwrap_or(&key.train_type);
    format!("{kind} {}: {status}", key.version)
}

/// The words of one language.
struct Words {
    one: fn(Outcome, &str) -> String,
    many_new: fn(usize, &str) -> String,
    many_finished: fn(usize, &str) -> String,
    many_changed: fn(usize, &str) -> String,
    more: fn(usize) -> String,
    status: fn(&TrainStatus) -> Option<&'static str>,
    train_type: fn(&str) -> Option<&'static str>,
}

impl Words {
    fn of(language: Language) -> Self {
        match language {
            Language::English => ENGLISH,
            Language::Korean => KOREAN,
        }
    }
}

const ENGLISH: Words = Words {
    one: |outcome, service| match outcome {
        Outcome::Completed => format!("Training completed in {service}"),
        Outcome::Failed => format!("Training failed in {service}"),
        Outcome::Requested => format!("New training request in {service}"),
    },
    many_new: |n, service| format!("{n} new training requests in {service}"),
    many_finished: |n, service| format!("{n} trainings finished in {service}"),
    many_changed: |n, service| format!("{n} trainings changed in {service}"),
    more: |n| format!("and {n} more"),
    status: |status| {
        Some(match status {
            TrainStatus::Ready => "Ready",
            TrainStatus::Learning => "Training",
            TrainStatus::Completed => "Completed",
            TrainStatus::Waiting => "Waiting",
            TrainStatus::Requesting => "Requesting",
            TrainStatus::RequestFailed => "Failed: request",
            TrainStatus::RefinedFailed => "Failed: data refinement",
            TrainStatus::Stopping => "Stopping",
            TrainStatus::LearningFailed => "Failed: training",
            TrainStatus::Unknown(_) => return None,
        })
    },
    train_type: |train_type| match train_type {
        "personalRecommend" => Some("Personal recommendations"),
        "relatedItem" => Some("Related items"),
        "pop" => Some("Popular items"),
        _ => None,
    },
};

const KOREAN: Words = Words {
    one: |outcome, service| match outcome {
        Outcome::Completed => format!("{service}: 학습이 완료됐습니다"),
        Outcome::Failed => format!("{service}: 학습이 실패했습니다"),
        Outcome::Requested => format!("{service}: 새 학습 요청"),
    },
    many_new: |n, service| format!("{service}: 새 학습 요청 {n}건"),
    many_finished: |n, service| format!("{service}: 학습 {n}건이 끝났습니다"),
    many_changed: |n, service| format!("{service}: 학습 {n}건이 바뀌었습니다"),
    more: |n| format!("외 {n}건"),
    status: |status| {
        Some(match status {
            TrainStatus::Ready => "준비됨",
            TrainStatus::Learning => "학습 중",
            TrainStatus::Completed => "완료",
            TrainStatus::Waiting => "대기 중",
            TrainStatus::Requesting => "요청 중",
            TrainStatus::RequestFailed => "실패: 요청",
            TrainStatus::RefinedFailed => "실패: 데이터 정제",
            TrainStatus::Stopping => "중지 중",
            TrainStatus::LearningFailed => "실패: 학습",
            TrainStatus::Unknown(_) => return None,
        })
    },
    train_type: |train_type| match train_type {
        "personalRecommend" => Some("개인 맞춤 추천"),
        "relatedItem" => Some("연관 아이템"),
        "pop" => Some("인기 아이템"),
        _ => None,
    },
};

#[cfg(test)]
mod tests {
    use super::*;
    use aitems::changes::TrainKey;

    fn key(train_type: &str, version: &str) -> TrainKey {
        TrainKey {
            train_type: train_type.into(),
            version: version.into(),
        }
    }

    fn moved(version: &str, from: TrainStatus, to: TrainStatus) -> Change {
        Change::StatusChanged {
            key: key("personalRecommend", version),
            from: Some(from),
            to: Some(to),
        }
    }

    #[test]
    fn one_finished_training_names_service_type_version_and_outcome() {
        let changes = [moved(
            "abc123",
            TrainStatus::Learning,
            TrainStatus::Completed,
        )];
        let notice = notice("Fashion", &changes, Language::English).unwrap();
        assert_eq!(notice.title, "Training completed in Fashion");
        assert_eq!(notice.body, "Personal recommendations abc123: Completed");
        let korean = notice_ko(&changes);
        assert_eq!(korean.title, "패션 추천: 학습이 완료됐습니다");
        assert_eq!(korean.body, "개인 맞춤 추천 abc123: 완료");
    }

    fn notice_ko(changes: &[Change]) -> Notice {
        notice("패션 추천", changes, Language::Korean).unwrap()
    }

    #[test]
    fn moves_that_finish_nothing_earn_no_notice() {
        let changes = [
            moved("a", TrainStatus::Waiting, TrainStatus::Learning),
            moved("b", TrainStatus::Requesting, TrainStatus::Waiting),
        ];
        assert_eq!(notice("Fashion", &changes, Language::English), None);
        assert_eq!(notice("Fashion", &[], Language::English), None);
    }

    #[test]
    fn several_at_once_are_grouped_and_the_rest_counted() {
        let changes = [
            moved("a", TrainStatus::Learning, TrainStatus::Completed),
            moved("b", TrainStatus::Learning, TrainStatus::LearningFailed),
            moved("c", TrainStatus::Waiting, TrainStatus::Learning),
            moved("d", TrainStatus::Learning, TrainStatus::Completed),
            moved("e", TrainStatus::Learning, TrainStatus::Completed),
        ];
        let notice = notice("Fashion", &changes, Language::English).unwrap();
        assert_eq!(notice.title, "4 trainings finished in Fashion");
        assert_eq!(
            notice.body,
            "Personal recommendations a: Completed\nPersonal recommendations b: Failed: training\nPersonal recommendations d: Completed\nand 1 more"
        );
        assert_eq!(
            notice_ko(&changes[..2]).title,
            "패션 추천: 학습 2건이 끝났습니다"
        );
    }

    #[test]
    fn new_requests_have_their_own_words_and_a_mix_is_a_change() {
        let new = |version: &str| Change::New {
            key: key("pop", version),
            status: Some(TrainStatus::Requesting),
        };
        let both_new = notice("Shop", &[new("x"), new("y")], Language::English).unwrap();
        assert_eq!(both_new.title, "2 new training requests in Shop");
        assert_eq!(
            both_new.body,
            "Popular items x: Requesting\nPopular items y: Requesting"
        );
        let one_new = notice("Shop", &[new("x")], Language::English).unwrap();
        assert_eq!(one_new.title, "New training request in Shop");
        let mixed = [
            new("x"),
            moved("a", TrainStatus::Learning, TrainStatus::RequestFailed),
        ];
        assert_eq!(
            notice("Shop", &mixed, Language::English).unwrap().title,
            "2 trainings changed in Shop"
        );
        assert_eq!(
            notice_ko(&mixed).title,
            "패션 추천: 학습 2건이 바뀌었습니다"
        );
    }

    #[test]
    fn unknown_types_and_statuses_show_as_the_api_spells_them() {
        let changes = [Change::StatusChanged {
            key: key("seasonal", "v9"),
            from: Some(TrainStatus::Learning),
            to: Some(TrainStatus::Completed),
        }];
        assert_eq!(
            notice("Shop", &changes, Language::English).unwrap().body,
            "seasonal v9: Completed"
        );
        let archived = [Change::New {
            key: key("pop", "v1"),
            status: Some(TrainStatus::Unknown("archived".into())),
        }];
        assert_eq!(
            notice("Shop", &archived, Language::Korean).unwrap().body,
            "인기 아이템 v1: archived"
        );
    }

    #[test]
    fn the_words_are_the_ones_the_table_uses() {
        for (language, file) in [(Language::English, "en.ts"), (Language::Korean, "ko.ts")] {
            let path = format!("{}/../ui/src/lib/i18n/{file}", env!("CARGO_MANIFEST_DIR"));
            let dictionary = std::fs::read_to_string(&path).expect("the UI's dictionary");
            let words = Words::of(language);
            for status in TrainStatus::KNOWN {
                let entry = format!("'status.{status}': '{}'", (words.status)(status).unwrap());
                assert!(dictionary.contains(&entry), "{file} lacks {entry}");
            }
            for train_type in ["personalRecommend", "relatedItem", "pop"] {
                let entry = format!(
                    "'type.{train_type}': '{}'",
                    (words.train_type)(train_type).unwrap()
                );
                assert!(dictionary.contains(&entry), "{file} lacks {entry}");
            }
        }
    }
}
