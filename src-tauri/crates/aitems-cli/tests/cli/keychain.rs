//! Profiles against the REAL keychain, each step a separate `aitems` process.

use crate::support::{
    demo_keys_stdin, demo_trains, keychain_available, secret_tool_clear, secret_tool_lookup,
    unique, Cli, Demo, KeychainCleanup, DEMO_ACCESS_KEY, DEMO_SECRET_KEY, SMALL_SERVICE,
};

#[test]
fn keys_saved_by_one_process_are_used_by_the_next() {
    if !keychain_available("keys_saved_by_one_process_are_used_by_the_next") {
        return;
    }
    let demo = Demo::start();
    let url = demo.url();
    let name = unique("work");
    let _cleanup = KeychainCleanup(vec![name.clone()]);
    let cli = Cli::with_keychain();

    // 1. Save: keys piped in, never on the command line.
    let stdin = demo_keys_stdin();
    let run = cli
        .run_full(
            &[
                "profile",
                "add",
                &name,
                "--stdin",
                "--endpoint",
                &url,
                "--service",
                SMALL_SERVICE,
            ],
            &[],
            Some(&stdin),
        )
        .expect(0);
    assert!(run.stdout.contains("DEMO…"), "{run:#?}");
    let stored = secret_tool_lookup(&name).expect("secret-tool sees the keychain item");
    let stored: serde_json::Value = serde_json::from_str(&stored).unwrap();
    assert_eq!(stored["accessKey"], DEMO_ACCESS_KEY);

    // 2. List: the masked key only.
    let list = cli.run(&["profile", "list"]).expect(0);
    assert!(
        list.stdout.contains(&name) && list.stdout.contains("DEMO…"),
        "{list:#?}"
    );
    assert!(!list.stdout.contains(DEMO_ACCESS_KEY) && !list.stdout.contains(DEMO_SECRET_KEY));
    let json = cli
        .run(&["profile", "list", "--format", "json"])
        .expect(0)
        .json();
    assert_eq!(json[0]["name"], name.as_str());
    assert_eq!(json[0]["maskedAccessKey"], "DEMO…");
    assert_eq!(json[0]["endpoint"], url.as_str());
    assert_eq!(json[0]["defaultService"], SMALL_SERVICE);
    assert_eq!(json[0]["isDefault"], true);

    // 3. Use: keys from the keychain, endpoint and service from the profile.
    let trains = cli
        .run(&["trains", "--profile", &name, "--format", "json"])
        .expect(0);
    assert_eq!(trains.json(), demo_trains(SMALL_SERVICE));
    let settings = std::fs::read_to_string(cli.settings_path()).unwrap();
    assert!(settings.contains("recentServices"), "{settings}");
    let settings: serde_json::Value = serde_json::from_str(&settings).unwrap();
    assert_eq!(
        settings["profiles"][&name]["recentServices"][0],
        SMALL_SERVICE
    );
    // The only profile is the default one.
    let trains = cli.run(&["trains", "--format", "json"]).expect(0);
    assert_eq!(trains.json(), demo_trains(SMALL_SERVICE));
    cli.run(&["services", "--profile", &name]).expect(0);
    // Environment keys win over the profile when both are set, with a warning first.
    let run = cli
        .run_full(
            &[
                "trains",
                "--profile",
                &name,
                "--endpoint",
                &url,
                "--service",
                SMALL_SERVICE,
            ],
            &[
                ("NCLOUD_ACCESS_KEY", DEMO_ACCESS_KEY),
                ("NCLOUD_SECRET_KEY", "a-wrong-secret"),
            ],
            None,
        )
        .expect(3);
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert!(
        lines[0].contains("WARN") && lines[0].contains("using them, not the keys of profile"),
        "{run:#?}"
    );
    assert!(lines[1].starts_with("error: "), "{run:#?}");

    // 4. Remove: the profile and its keychain item are gone.
    cli.run(&["profile", "remove", &name]).expect(0);
    let run = cli
        .run(&["trains", "--profile", &name, "--format", "json"])
        .expect_failure(2);
    assert!(run.stderr.contains("no profile named"), "{run:#?}");
    assert_eq!(secret_tool_lookup(&name), None);
}

#[test]
fn a_profile_whose_keys_were_deleted_says_so() {
    if !keychain_available("a_profile_whose_keys_were_deleted_says_so") {
        return;
    }
    let (first, second) = (unique("kept"), unique("lost"));
    let _cleanup = KeychainCleanup(vec![first.clone(), second.clone()]);
    let cli = Cli::with_keychain();
    let stdin = "AKIDKEPT0001\nkept-secret-0001\n";
    cli.run_full(&["profile", "add", &first, "--stdin"], &[], Some(stdin))
        .expect(0);
    let stdin = "ZZLOST0002\nlost-secret-0002\n";
    cli.run_full(
        &[
            "profile",
            "add",
            &second,
            "--stdin",
            "--service",
            SMALL_SERVICE,
        ],
        &[],
        Some(stdin),
    )
    .expect(0);
    cli.run_full(&["profile", "add", &second, "--stdin"], &[], Some(stdin))
        .expect_failure(2);
    cli.run(&["profile", "default", &second]).expect(0);

    secret_tool_clear(&second);
    let list = cli.run(&["profile", "list"]).expect(0);
    let line = list.stdout.lines().find(|l| l.contains(&second)).unwrap();
    assert!(
        line.contains("keys missing") && line.contains('*'),
        "{list:#?}"
    );
    assert!(list.stdout.contains("AKID…"), "{list:#?}");
    let run = cli.run(&["trains"]).expect_failure(3);
    assert!(run.hint().contains("aitems profile add"), "{run:#?}");

    // Removing works without the keys; the one left becomes the default.
    cli.run(&["profile", "remove", &second]).expect(0);
    cli.run(&["profile", "remove", &first]).expect(0);
    assert_eq!(secret_tool_lookup(&first), None);
    let list = cli.run(&["profile", "list", "--format", "json"]).expect(0);
    assert_eq!(list.json(), serde_json::json!([]));
}
