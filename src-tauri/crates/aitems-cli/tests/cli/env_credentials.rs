//! Listing with keys from NCLOUD_ACCESS_KEY / NCLOUD_SECRET_KEY, in every format.

use crate::support::{demo_trains, Cli, Demo, SMALL_SERVICE};

#[test]
fn json_is_exactly_the_demo_trains() {
    let demo = Demo::start();
    let url = demo.url();
    let run = Cli::new()
        .run_env_keys(&[
            "trains",
            "--service",
            SMALL_SERVICE,
            "--format",
            "json",
            "--endpoint",
            &url,
        ])
        .expect(0);
    assert_eq!(run.json(), demo_trains(SMALL_SERVICE));
    assert!(run.stderr.is_empty(), "{run:#?}");
}

#[test]
fn the_endpoint_can_come_from_aitems_endpoint() {
    let demo = Demo::start();
    let cli = Cli::new().env("AITEMS_ENDPOINT", &demo.url());
    let run = cli
        .run_env_keys(&["trains", "--service", SMALL_SERVICE, "--format", "json"])
        .expect(0);
    assert_eq!(run.json(), demo_trains(SMALL_SERVICE));
    let run = cli.run_env_keys(&["services"]).expect(0);
    assert!(run.stdout.contains(SMALL_SERVICE), "{run:#?}");
}

#[test]
fn csv_has_a_header_and_one_row_per_train() {
    let demo = Demo::start();
    let url = demo.url();
    let run = Cli::new()
        .run_env_keys(&[
            "trains",
            "--service",
            SMALL_SERVICE,
            "--format",
            "csv",
            "--endpoint",
            &url,
        ])
        .expect(0);
    let mut reader = csv::Reader::from_reader(run.stdout.as_bytes());
    let headers = reader.headers().unwrap().clone();
    assert!(headers.iter().any(|h| h == "type"), "{headers:?}");
    assert!(
        headers.iter().any(|h| h.starts_with("hpConfig.")),
        "{headers:?}"
    );
    let rows = reader.records().map(Result::unwrap).count();
    assert_eq!(
        rows,
        aitems_demo::data::trains(SMALL_SERVICE).unwrap().len()
    );
}

#[test]
fn table_mentions_the_count() {
    let demo = Demo::start();
    let url = demo.url();
    let run = Cli::new()
        .run_env_keys(&["trains", "--service", SMALL_SERVICE, "--endpoint", &url])
        .expect(0);
    let count = aitems_demo::data::trains(SMALL_SERVICE).unwrap().len();
    assert!(
        run.stdout
            .trim_end()
            .ends_with(&format!("{count} trainings")),
        "{run:#?}"
    );
}

#[test]
fn recent_and_one_page() {
    let demo = Demo::start();
    let url = demo.url();
    let cli = Cli::new();
    let base = [
        "trains",
        "--service",
        SMALL_SERVICE,
        "--format",
        "json",
        "--endpoint",
        &url,
    ];

    let recent = cli
        .run_env_keys(&[&base[..], &["--recent"]].concat())
        .expect(0);
    let expected = aitems_demo::data::recent_trains(SMALL_SERVICE).unwrap();
    assert_eq!(recent.json(), serde_json::Value::Array(expected));

    let page = cli
        .run_env_keys(&[&base[..], &["--offset", "0", "--limit", "5"]].concat())
        .expect(0);
    let all = aitems_demo::data::trains(SMALL_SERVICE).unwrap();
    assert_eq!(page.json(), serde_json::Value::Array(all[..5].to_vec()));
}
