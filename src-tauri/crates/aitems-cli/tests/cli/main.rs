//! The `aitems` binary end to end: env keys and profiles, exit codes, secrets never
//! printed, the real keychain across processes, no keychain, a damaged settings file.
//!
//! The keychain tests need a private D-Bus session with an unlocked gnome-keyring:
//!
//! ```sh
//! cd /work/main && HOME=$(mktemp -d) CARGO_HOME=/root/.cargo RUSTUP_HOME=/root/.rustup \
//!   AITEMS_REQUIRE_KEYCHAIN=1 dbus-run-session -- sh -c \
//!   'echo -n test | gnome-keyring-daemon --unlock --components=secrets >/dev/null; cargo test -p aitems-cli'
//! ```
//!
//! Without one they print "skipped: no Secret Service" and pass, unless
//! `AITEMS_REQUIRE_KEYCHAIN=1` is set, in which case they fail.

mod env_credentials;
mod exit_codes;
mod keychain;
mod no_keychain;
mod secrets;
mod settings;
mod support;
