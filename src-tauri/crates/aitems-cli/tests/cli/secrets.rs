//! The secret key never shows: not on stdout or stderr (even with tracing and
//! backtraces asked for), not in any file of the config folder.

use aitems_demo::Fault;

use crate::support::{
    demo_keys_stdin, files_under, keychain_available, unique, Cli, Demo, KeychainCleanup, Run,
    DEMO_ACCESS_KEY, DEMO_SECRET_KEY, SMALL_SERVICE,
};

const WRONG_SECRET: &str = "wrong-secret-must-not-leak-7f3a";

fn assert_clean(runs: &[Run], cli: &Cli) {
    for run in runs {
        for secret in [DEMO_SECRET_KEY, WRONG_SECRET] {
            assert!(!run.stdout.contains(secret), "secret in stdout: {run:#?}");
            assert!(!run.stderr.contains(secret), "secret in stderr: {run:#?}");
        }
    }
    for (path, text) in files_under(cli.config_dir()) {
        for secret in [DEMO_SECRET_KEY, WRONG_SECRET] {
            assert!(!text.contains(secret), "secret in {}", path.display());
        }
    }
}

fn noisy(cli: Cli) -> Cli {
    cli.env("RUST_LOG", "trace").env("RUST_BACKTRACE", "1")
}

/// A warning reaches stderr by default (and with every level switched on), and no key
/// comes with it: the keys in the environment override `--profile`, which is worth a
/// warning that names both variables.
#[test]
fn warnings_reach_stderr_without_the_keys() {
    let demo = Demo::start();
    let url = demo.url();
    let args = [
        "trains",
        "--service",
        SMALL_SERVICE,
        "--endpoint",
        &url,
        "--profile",
        "elsewhere",
        "--format",
        "json",
    ];
    let quiet = Cli::new();
    let mut runs = vec![];
    for cli in [&quiet, &noisy(Cli::new())] {
        let run = cli.run_env_keys(&args).expect(0);
        let warning = run
            .stderr
            .lines()
            .find(|line| line.contains("WARN") && line.contains("\"elsewhere\""))
            .unwrap_or_else(|| panic!("no warning on stderr: {run:#?}"));
        assert!(warning.contains("NCLOUD_SECRET_KEY"), "{warning}");
        runs.push(run);
    }
    let without_profile = quiet
        .run_env_keys(&["trains", "--service", SMALL_SERVICE, "--endpoint", &url])
        .expect(0);
    assert_eq!(without_profile.stderr, "", "nothing to warn about");
    runs.push(without_profile);
    assert_clean(&runs, &quiet);
}

#[test]
fn env_keys_never_show() {
    let demo = Demo::start();
    let url = demo.url();
    let cli = noisy(Cli::new());
    let wrong = [
        ("NCLOUD_ACCESS_KEY", DEMO_ACCESS_KEY),
        ("NCLOUD_SECRET_KEY", WRONG_SECRET),
    ];
    let svc = ["trains", "--service", SMALL_SERVICE, "--endpoint", &url];
    let mut runs = vec![
        cli.run_env_keys(&[&svc[..], &["--format", "json"]].concat())
            .expect(0),
        cli.run_env_keys(&[&svc[..], &["--format", "csv"]].concat())
            .expect(0),
        cli.run_env_keys(&svc).expect(0),
        cli.run_env_keys(&["services", "--endpoint", &url])
            .expect(0),
        cli.run_full(&svc, &wrong, None).expect(3),
        cli.run_full(&["services", "--endpoint", &url], &wrong, None)
            .expect(3),
        cli.run_env_keys(&["trains", "--service", "nosuch", "--endpoint", &url])
            .expect(4),
        cli.run_env_keys(&["trains", "--service", "../x", "--endpoint", &url])
            .expect(2),
    ];
    demo.inject(Fault::HtmlErrorPage, 10);
    runs.push(cli.run_full(&svc, &wrong, None).expect(5));
    demo.clear_faults();
    demo.inject(Fault::TruncatedJson, 10);
    runs.push(cli.run_env_keys(&svc));
    demo.clear_faults();
    // Keys piped to `profile add` with no keychain to put them in.
    let stdin = demo_keys_stdin();
    runs.push(
        cli.run_full(&["profile", "add", "x", "--stdin"], &[], Some(&stdin))
            .expect(3),
    );
    std::fs::write(
        cli.settings_path(),
        r#"{"version":1,"profiles":{"x":{"endpoint":"http://127.0.0.1:9"}}}"#,
    )
    .unwrap();
    runs.push(cli.run(&["profile", "list"]).expect(3));
    runs.push(cli.run(&["profile", "list", "--format", "json"]).expect(3));
    assert_clean(&runs, &cli);
}

#[test]
fn profile_keys_never_show() {
    if !keychain_available("profile_keys_never_show") {
        return;
    }
    let demo = Demo::start();
    let url = demo.url();
    let name = unique("secret-scan");
    let _cleanup = KeychainCleanup(vec![name.clone()]);
    let cli = noisy(Cli::with_keychain());
    let stdin = demo_keys_stdin();
    let mut runs = vec![cli
        .run_full(
            &["profile", "add", &name, "--stdin", "--endpoint", &url],
            &[],
            Some(&stdin),
        )
        .expect(0)];
    runs.push(
        cli.run_full(&["profile", "add", &name, "--stdin"], &[], Some(&stdin))
            .expect(2),
    );
    for args in [
        &["profile", "list"][..],
        &["profile", "list", "--format", "json"],
        &["trains", "--profile", &name, "--service", SMALL_SERVICE],
        &[
            "trains",
            "--profile",
            &name,
            "--service",
            SMALL_SERVICE,
            "--format",
            "json",
        ],
        &["trains", "--profile", &name, "--service", "nosuch"],
        &["services", "--profile", &name],
        &["profile", "default", &name],
    ] {
        runs.push(cli.run(args));
    }
    runs.push(cli.run(&["profile", "remove", &name]).expect(0));
    assert_clean(&runs, &cli);
}
