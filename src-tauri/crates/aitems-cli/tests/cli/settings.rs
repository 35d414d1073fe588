//! A damaged settings file: a clear error (exit 2), and the file left as it was.

use crate::support::{demo_keys_stdin, files_under, Cli, SMALL_SERVICE};

#[test]
fn a_corrupt_settings_file_is_reported_and_left_untouched() {
    let cli = Cli::new();
    let damaged = "{ \"version\": 1, \"profiles\": { \"work\": ";
    std::fs::write(cli.settings_path(), damaged).unwrap();
    let path = cli.settings_path().display().to_string();

    let stdin = demo_keys_stdin();
    let runs = [
        cli.run(&["profile", "list"]),
        cli.run(&["profile", "list", "--format", "json"]),
        cli.run(&["trains", "--service", SMALL_SERVICE]),
        cli.run(&["trains", "--profile", "work", "--service", SMALL_SERVICE]),
        cli.run(&["services"]),
        cli.run(&["profile", "default", "work"]),
        cli.run(&["profile", "remove", "work"]),
        cli.run_full(&["profile", "add", "new", "--stdin"], &[], Some(&stdin)),
    ];
    for run in runs {
        let run = run.expect_failure(2);
        assert!(run.stderr.contains(&path), "names the file: {run:#?}");
        assert!(run.stderr.contains("damaged"), "{run:#?}");
        assert!(run.stdout.is_empty(), "{run:#?}");
    }
    assert_eq!(
        std::fs::read_to_string(cli.settings_path()).unwrap(),
        damaged
    );
    assert_eq!(files_under(cli.config_dir()).len(), 1, "no other file");
}
