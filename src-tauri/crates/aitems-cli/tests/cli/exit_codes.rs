//! Exit codes and the `error:` / `hint:` report: 2 input, 3 keys, 4 not found, 5 other.

use std::time::Duration;

use aitems_demo::Fault;

use crate::support::{Cli, Demo, DEMO_ACCESS_KEY, SMALL_SERVICE};

#[test]
fn unknown_service_is_4() {
    let demo = Demo::start();
    let url = demo.url();
    Cli::new()
        .run_env_keys(&["trains", "--service", "nosuchsvc99", "--endpoint", &url])
        .expect_failure(4);
}

#[test]
fn wrong_secret_is_3() {
    let demo = Demo::start();
    let url = demo.url();
    let run = Cli::new()
        .run_full(
            &["trains", "--service", SMALL_SERVICE, "--endpoint", &url],
            &[
                ("NCLOUD_ACCESS_KEY", DEMO_ACCESS_KEY),
                ("NCLOUD_SECRET_KEY", "not-the-right-secret"),
            ],
            None,
        )
        .expect_failure(3);
    assert!(run.stdout.is_empty());
}

#[test]
fn no_keys_at_all_is_3() {
    let cli = Cli::new();
    let run = cli
        .run(&["trains", "--service", SMALL_SERVICE])
        .expect_failure(3);
    assert!(run.hint().contains("aitems profile add"), "{run:#?}");
    cli.run(&["services"]).expect_failure(3);
    // Only one of the two variables is a mistake, not a reason to look elsewhere.
    let run = cli
        .run_full(
            &["services"],
            &[("NCLOUD_ACCESS_KEY", DEMO_ACCESS_KEY)],
            None,
        )
        .expect_failure(3);
    assert!(run.stderr.contains("NCLOUD_SECRET_KEY"), "{run:#?}");
}

#[test]
fn bad_input_is_2() {
    let demo = Demo::start();
    let url = demo.url();
    let cli = Cli::new();
    cli.run_env_keys(&["trains", "--service", "../x", "--endpoint", &url])
        .expect_failure(2);
    cli.run_env_keys(&[
        "trains",
        "--service",
        SMALL_SERVICE,
        "--endpoint",
        "http://example.com",
    ])
    .expect_failure(2);
    cli.run(&["trains", "--profile", "nobody", "--service", SMALL_SERVICE])
        .expect_failure(2);
    cli.run(&["profile", "remove", "nobody"]).expect_failure(2);
    cli.run(&["profile", "default", "nobody"]).expect_failure(2);
    cli.run(&["profile", "add", "a/b", "--stdin"])
        .expect_failure(2);
    cli.run(&[
        "profile",
        "add",
        "p",
        "--endpoint",
        "http://example.com",
        "--stdin",
    ])
    .expect_failure(2);
}

#[test]
fn profile_add_without_stdin_on_a_pipe_fails_at_once() {
    let cli = Cli::new();
    let run = cli.run(&["profile", "add", "piped"]).expect_failure(2);
    assert!(run.hint().contains("--stdin"), "{run:#?}");
    assert!(run.elapsed < Duration::from_secs(10), "{run:#?}");
    let run = cli
        .run_full(&["profile", "add", "piped"], &[], Some("AK\nSK\n"))
        .expect_failure(2);
    assert!(run.hint().contains("--stdin"), "{run:#?}");
    assert!(!cli.settings_path().exists());
}

#[test]
fn a_service_that_stays_unavailable_is_5() {
    let demo = Demo::start();
    demo.inject(Fault::Unavailable, 10);
    let url = demo.url();
    let run = Cli::new()
        .run_env_keys(&["trains", "--service", SMALL_SERVICE, "--endpoint", &url])
        .expect_failure(5);
    assert!(run.stderr.contains("detail: "), "{run:#?}");
}
