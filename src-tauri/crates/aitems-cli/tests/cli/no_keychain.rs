//! Without a session bus (so without a keychain): exit 3 at once, with a hint that
//! names the keyring to install, and nothing saved.

use std::time::Duration;

use crate::support::{demo_keys_stdin, Cli, Run, SMALL_SERVICE};

#[track_caller]
fn assert_keychain_unavailable(run: Run) {
    let run = run.expect_failure(3);
    let hint = run.hint();
    assert!(
        hint.contains("GNOME Keyring") || hint.contains("KWallet"),
        "{run:#?}"
    );
    assert!(
        run.elapsed < Duration::from_secs(10),
        "took {:?}",
        run.elapsed
    );
}

#[test]
fn profile_add_and_profile_use_fail_clearly() {
    let cli = Cli::new();
    let stdin = demo_keys_stdin();
    assert_keychain_unavailable(cli.run_full(
        &["profile", "add", "x", "--stdin"],
        &[],
        Some(&stdin),
    ));
    assert!(!cli.settings_path().exists(), "nothing saved");

    // A profile saved earlier (the settings file is there, the keychain is not).
    std::fs::write(
        cli.settings_path(),
        r#"{"version":1,"profiles":{"x":{"endpoint":"http://127.0.0.1:9"}}}"#,
    )
    .unwrap();
    assert_keychain_unavailable(cli.run(&["trains", "--profile", "x", "--service", SMALL_SERVICE]));
    // ... also as the implied default profile, and for the listing.
    assert_keychain_unavailable(cli.run(&["trains", "--service", SMALL_SERVICE]));
    assert_keychain_unavailable(cli.run(&["profile", "list"]));
    assert_keychain_unavailable(cli.run(&["profile", "remove", "x"]));
    // Setting the default needs no keychain.
    cli.run(&["profile", "default", "x"]).expect(0);
}
