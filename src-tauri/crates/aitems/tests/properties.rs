//! Property tests of everything in the library that reads untrusted input or must keep
//! data intact, with generated inputs (proptest, 256 cases per property unless the
//! `PROPTEST_CASES` environment variable says otherwise):
//!
//! - parsing a listing page or a list of trainings never panics, on arbitrary bytes or on
//!   arbitrary JSON (including objects with the real field names and wrong types);
//! - a training that parses writes back out and parses again to an equal value, and
//!   writing it out keeps the fields this version does not know;
//! - reading an error body never panics and keeps at most 200 characters of a non-JSON body;
//! - reading an API date never panics, and valid dates (1970-2100, 0 to 3 fraction digits)
//!   are read with their exact value and kept raw;
//! - signature v2 never panics, is 44 characters of standard base64, verifies, and no
//!   longer verifies once the request target changes;
//! - a service id is accepted exactly when it matches `[A-Za-z0-9_-]{1,64}`;
//! - CSV export never panics and writes one record per training plus the header.

use aitems::client::check_service_id;
use aitems::error::ServerError;
use aitems::export::{write_trains_csv, TrainColumn};
use aitems::model::TrainsPage;
use aitems::sign::{signature_v2, verify_signature_v2};
use aitems::{ApiDateTime, SecretString, Train};
use base64::Engine as _;
use chrono::{Datelike, NaiveDate, Timelike};
use proptest::prelude::*;
use serde_json::{Map, Value};

/// The field names of a training on the wire.
const TRAIN_FIELDS: [&str; 9] = [
    "serviceId",
    "type",
    "hpConfig",
    "version",
    "description",
    "status",
    "createdDate",
    "nextUpdateDate",
    "inference",
];

/// Names worth hitting more often than chance would, besides a training's: a page's and
/// an error body's.
const OTHER_KNOWN_KEYS: [&str; 7] = [
    "trains",
    "offset",
    "limit",
    "error",
    "errorCode",
    "message",
    "details",
];

/// Cases per property when `PROPTEST_CASES` is not set: small enough for every test run.
const DEFAULT_CASES: u32 = 256;

/// The case count: `PROPTEST_CASES` when it is a number, else [`DEFAULT_CASES`].
fn cases_from(var: Option<&str>) -> u32 {
    var.and_then(|text| text.trim().parse().ok())
        .unwrap_or(DEFAULT_CASES)
}

/// proptest's defaults (which read the other `PROPTEST_*` variables) with the case count
/// from `PROPTEST_CASES`, so a long run is `PROPTEST_CASES=1000000 cargo test ...`.
fn config() -> ProptestConfig {
    let cases = cases_from(std::env::var("PROPTEST_CASES").ok().as_deref());
    ProptestConfig {
        cases,
        ..ProptestConfig::default()
    }
}

/// Text: anything, short identifiers, API values and dates.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[A-Za-z0-9_=+@-]{0,12}",
        prop::sample::select(vec![
            "completed",
            "learning",
            "pop",
            "relatedItem",
            "is_enabled",
            "",
        ])
        .prop_map(str::to_owned),
        valid_date().prop_map(|(raw, _)| raw),
    ]
}

/// When `value` reads as a `T`, writing that `T` and reading it again gives it back.
fn round_trips_if_it_parses<T>(value: &Value) -> Result<(), TestCaseError>
where
    T: serde::Serialize + serde::de::DeserializeOwned + PartialEq + std::fmt::Debug,
{
    let bytes = serde_json::to_vec(value).unwrap();
    if let Ok(parsed) = serde_json::from_slice::<T>(&bytes) {
        let written = serde_json::to_vec(&parsed).unwrap();
        let again: T = serde_json::from_slice(&written).unwrap();
        prop_assert_eq!(again, parsed);
    }
    Ok(())
}

/// A JSON scalar, floats included: with serde_json's `float_roundtrip` every finite float
/// reads back bit for bit (without it, values such as `-8.008611838226013e-115` came
/// back one unit in the last place off).
fn scalar() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("JSON has no NaN or infinity", |f| f.is_finite())
            .prop_map(Value::from),
        text().prop_map(Value::String),
    ]
}

/// An object key: a known name or any short text.
fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select([TRAIN_FIELDS.as_slice(), OTHER_KNOWN_KEYS.as_slice()].concat())
            .prop_map(str::to_owned),
        "[A-Za-z_]{1,10}",
        any::<String>(),
    ]
}

/// Any JSON value, a few levels deep.
fn json() -> impl Strategy<Value = Value> {
    scalar().prop_recursive(4, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            prop::collection::vec((key(), inner), 0..8)
                .prop_map(|pairs| Value::Object(pairs.into_iter().collect())),
        ]
    })
}

/// An object with a training's field names holding values of any type (mostly wrong).
fn train_shaped() -> impl Strategy<Value = Value> {
    let field = prop_oneof![
        3 => prop::sample::select(TRAIN_FIELDS.to_vec()).prop_map(str::to_owned),
        1 => key(),
    ];
    prop::collection::vec((field, json()), 0..12)
        .prop_map(|pairs| Value::Object(pairs.into_iter().collect()))
}

/// A training with every present field of the right type (never `null`), and unknown
/// fields whose names are not a training's.
fn well_typed_train() -> impl Strategy<Value = Value> {
    let string = || prop::option::of(text().prop_map(Value::String));
    let hp_config = prop::option::of(
        prop::collection::vec((key(), json()), 0..6)
            .prop_map(|pairs| Value::Object(pairs.into_iter().collect())),
    );
    let extra = prop::collection::vec((key(), json()), 0..4).prop_map(|pairs| {
        pairs
            .into_iter()
            .filter(|(name, _)| !TRAIN_FIELDS.contains(&name.as_str()))
            .collect::<Vec<_>>()
    });
    (
        (string(), string(), hp_config, string(), string()),
        (
            string(),
            string(),
            string(),
            prop::option::of(any::<bool>()),
        ),
        extra,
    )
        .prop_map(
            |(
                (service_id, kind, hp, version, description),
                (status, created, next, inference),
                extra,
            )| {
                let mut object = Map::new();
                let fields = [
                    ("serviceId", service_id),
                    ("type", kind),
                    ("hpConfig", hp),
                    ("version", version),
                    ("description", description),
                    ("status", status),
                    ("createdDate", created),
                    ("nextUpdateDate", next),
                    ("inference", inference.map(Value::Bool)),
                ];
                for (name, value) in fields {
                    if let Some(value) = value {
                        object.insert(name.to_owned(), value);
                    }
                }
                object.extend(extra);
                Value::Object(object)
            },
        )
}

/// Something in the place of a training: well typed, training-shaped or anything.
fn train_like() -> impl Strategy<Value = Value> {
    prop_oneof![well_typed_train(), train_shaped(), json()]
}

/// An object shaped like a listing page, with any kind of content.
fn page_shaped() -> impl Strategy<Value = Value> {
    let trains = prop_oneof![
        3 => prop::collection::vec(train_like(), 0..6).prop_map(Value::Array),
        1 => json(),
    ];
    let number = || prop::option::of(prop_oneof![any::<u64>().prop_map(Value::from), json()]);
    (prop::option::of(trains), number(), number()).prop_map(|(trains, offset, limit)| {
        let mut object = Map::new();
        for (name, value) in [("trains", trains), ("offset", offset), ("limit", limit)] {
            if let Some(value) = value {
                object.insert(name.to_owned(), value);
            }
        }
        Value::Object(object)
    })
}

/// A valid API date as text, with the value it stands for.
fn valid_date() -> impl Strategy<Value = (String, (NaiveDate, u32, u32, u32, u32))> {
    (
        1970_i32..=2100,
        1_u32..=12,
        1_u32..=31,
        0_u32..24,
        0_u32..60,
        0_u32..60,
        0_usize..=3,
        0_u32..1000,
    )
        .prop_filter_map(
            "a real calendar day",
            |(year, month, day, hour, minute, second, digits, millis)| {
                let date = NaiveDate::from_ymd_opt(year, month, day)?;
                let mut raw = format!("{date}T{hour:02}:{minute:02}:{second:02}");
                let fraction = format!("{millis:03}");
                let kept = &fraction[..digits];
                if digits > 0 {
                    raw.push('.');
                    raw.push_str(kept);
                }
                let millis = format!("{kept:0<3}").parse().ok()?;
                Some((raw, (date, hour, minute, second, millis)))
            },
        )
}

/// Strings that are almost dates: digits and separators in roughly the right places.
fn date_like() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[0-9+-]{1,6}-[0-9]{1,3}-[0-9]{1,3}[T ][0-9]{1,3}:[0-9]{1,3}:[0-9]{1,3}(\\.[0-9a-z.]{0,6})?",
        valid_date().prop_map(|(raw, _)| raw),
        (valid_date(), any::<char>(), any::<prop::sample::Index>()).prop_map(
            |((raw, _), c, at)| {
                let mut chars: Vec<char> = raw.chars().collect();
                chars.insert(at.index(chars.len() + 1), c);
                chars.into_iter().collect()
            }
        ),
    ]
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn reading_arbitrary_bytes_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let _ = serde_json::from_slice::<TrainsPage>(&bytes);
        let _ = serde_json::from_slice::<Vec<Train>>(&bytes);
        let _ = serde_json::from_slice::<Train>(&bytes);
    }

    #[test]
    fn reading_arbitrary_json_never_panics(value in prop_oneof![page_shaped(), json()]) {
        let bytes = serde_json::to_vec(&value).unwrap();
        let _ = serde_json::from_slice::<TrainsPage>(&bytes);
        let _ = serde_json::from_slice::<Train>(&bytes);
        let _ = serde_json::from_value::<TrainsPage>(value);
    }

    #[test]
    fn reading_arbitrary_train_lists_never_panics(
        trains in prop::collection::vec(train_like(), 0..8),
    ) {
        let bytes = serde_json::to_vec(&trains).unwrap();
        let _ = serde_json::from_slice::<Vec<Train>>(&bytes);
    }

    #[test]
    fn a_train_that_parses_round_trips(value in train_like()) {
        round_trips_if_it_parses::<Train>(&value)?;
    }

    #[test]
    fn a_page_that_parses_round_trips(value in page_shaped()) {
        round_trips_if_it_parses::<TrainsPage>(&value)?;
    }

    #[test]
    fn writing_a_train_keeps_every_field_including_unknown_ones(value in well_typed_train()) {
        let train: Train = serde_json::from_value(value.clone()).unwrap();
        if let Value::Object(input) = &value {
            for (name, field) in input {
                if !TRAIN_FIELDS.contains(&name.as_str()) {
                    prop_assert_eq!(train.extra.get(name), Some(field));
                }
            }
        }
        prop_assert_eq!(serde_json::to_value(&train).unwrap(), value);
    }

    #[test]
    fn reading_an_error_body_never_panics_and_keeps_a_short_excerpt(
        body in prop_oneof![
            prop::collection::vec(any::<u8>(), 0..2048),
            any::<String>().prop_map(String::into_bytes),
            "(<[a-z/]{1,6}>|[ \\t\\n]{1,3}|[^<>]{1,40}){0,60}".prop_map(String::into_bytes),
            json().prop_map(|v| serde_json::to_vec(&v).unwrap()),
            json().prop_map(|v| serde_json::to_vec(&serde_json::json!({"error": v})).unwrap()),
        ],
    ) {
        let parsed = ServerError::parse(&body);
        let excerpt_chars = parsed.excerpt.as_deref().map_or(0, |e| e.chars().count());
        prop_assert!(excerpt_chars <= 200, "excerpt of {excerpt_chars} chars");
        let summary = parsed.summary();
        if parsed.error_code.is_none() && parsed.message.is_none() && parsed.details.is_none() {
            prop_assert_eq!(&summary, &parsed.excerpt);
        } else {
            prop_assert!(parsed.excerpt.is_none());
            prop_assert!(summary.is_some());
        }
    }

    #[test]
    fn reading_a_date_never_panics(raw in date_like()) {
        let date = ApiDateTime::parse(raw.as_str());
        prop_assert_eq!(date.raw(), raw.as_str());
        let _ = date.to_utc();
        let json = serde_json::to_string(&raw).unwrap();
        let read: ApiDateTime = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(read, date);
    }

    #[test]
    fn valid_dates_are_read_exactly((raw, (day, hour, minute, second, millis)) in valid_date()) {
        let date = ApiDateTime::parse(raw.as_str());
        prop_assert_eq!(date.raw(), raw.as_str());
        let naive = date.naive();
        prop_assert!(naive.is_some(), "{raw} did not parse");
        let naive = naive.unwrap();
        prop_assert_eq!(naive.date(), day);
        prop_assert_eq!(
            (naive.hour(), naive.minute(), naive.second(), naive.nanosecond()),
            (hour, minute, second, millis * 1_000_000)
        );
        prop_assert!((1970..=2100).contains(&naive.year()));
        prop_assert!(date.to_utc().is_some());
    }

    #[test]
    fn signatures_never_panic_are_base64_and_verify(
        method in prop_oneof![Just("GET".to_owned()), any::<String>()],
        target in any::<String>(),
        other_target in any::<String>(),
        timestamp in prop_oneof!["[0-9]{13}", any::<String>()],
        access_key in any::<String>(),
        secret in any::<String>(),
    ) {
        let secret = SecretString::from(secret);
        let signature = signature_v2(&method, &target, &timestamp, &access_key, &secret);
        prop_assert_eq!(signature.len(), 44);
        prop_assert!(signature.ends_with('='));
        prop_assert!(signature[..43]
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'+' || b == b'/'));
        let decoded = base64::engine::general_purpose::STANDARD.decode(&signature);
        prop_assert_eq!(decoded.map(|d| d.len()), Ok(32));
        prop_assert!(verify_signature_v2(
            &method, &target, &timestamp, &access_key, &secret, &signature
        ));
        let changed = if other_target == target { format!("{target}x") } else { other_target };
        prop_assert!(!verify_signature_v2(
            &method, &changed, &timestamp, &access_key, &secret, &signature
        ));
    }

    #[test]
    fn every_valid_service_id_is_accepted(id in "[A-Za-z0-9_-]{1,64}") {
        prop_assert_eq!(check_service_id(&id).ok(), Some(id.as_str()));
    }

    #[test]
    fn a_service_id_is_accepted_only_when_valid(
        id in prop_oneof![
            any::<String>(),
            "[A-Za-z0-9_-]{60,70}",
            "[A-Za-z0-9_./?%# -]{0,8}",
            ("[A-Za-z0-9_-]{0,10}", any::<char>(), "[A-Za-z0-9_-]{0,10}")
                .prop_map(|(a, c, b)| format!("{a}{c}{b}")),
        ],
    ) {
        let valid = (1..=64).contains(&id.chars().count())
            && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
        let result = check_service_id(&id);
        prop_assert_eq!(result.is_ok(), valid, "{:?}", id);
        match result {
            Ok(accepted) => prop_assert_eq!(accepted, id.as_str()),
            Err(error) => prop_assert_eq!(error.code(), "invalid_input"),
        }
    }

    #[test]
    fn csv_export_writes_one_record_per_train(
        values in prop::collection::vec(train_like(), 0..8),
    ) {
        let trains: Vec<Train> = values
            .into_iter()
            .filter_map(|value| serde_json::from_value(value).ok())
            .collect();
        let mut out = Vec::new();
        write_trains_csv(&trains, &TrainColumn::ALL, &mut out).unwrap();
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(out.as_slice());
        let mut records = 0;
        let mut width = None;
        for record in reader.byte_records() {
            let record = record.unwrap();
            prop_assert_eq!(*width.get_or_insert(record.len()), record.len());
            records += 1;
        }
        prop_assert_eq!(records, trains.len() + 1);
        prop_assert!(width.unwrap() >= 8);
    }
}

/// The environment variable sets the case count; without it the count stays small.
#[test]
fn the_case_count_comes_from_proptest_cases() {
    assert_eq!(cases_from(Some("1000000")), 1_000_000);
    assert_eq!(cases_from(Some(" 12 ")), 12);
    assert_eq!(cases_from(None), DEFAULT_CASES);
    assert_eq!(cases_from(Some("many")), DEFAULT_CASES);
    let expected = cases_from(std::env::var("PROPTEST_CASES").ok().as_deref());
    assert_eq!(config().cases, expected);
}

/// Field names are matched by their text however they arrive: borrowed from the input,
/// unescaped into a buffer (`\u0049`), or read from a stream.
#[test]
fn field_names_match_whichever_way_they_are_read() {
    let escaped = br#"{"service\u0049d":"s","typ\u0065":"pop","mod\u0065lSize":7}"#;
    let from_slice: Train = serde_json::from_slice(escaped).unwrap();
    let from_reader: Train = serde_json::from_reader(&escaped[..]).unwrap();
    let from_value: Train =
        serde_json::from_value(serde_json::from_slice::<Value>(escaped).unwrap()).unwrap();
    for train in [&from_slice, &from_reader, &from_value] {
        assert_eq!(train.service_id.as_deref(), Some("s"));
        assert_eq!(train.train_type, Some(aitems::TrainType::Pop));
        assert_eq!(train.extra.get("modelSize"), Some(&Value::from(7)));
    }
    let duplicate = serde_json::from_slice::<Train>(br#"{"x\u0031":1,"x1":2}"#);
    assert!(duplicate.is_err());
}
