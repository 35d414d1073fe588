//! The log every binary of the workspace writes: warnings and errors on stderr, more when
//! `RUST_LOG` asks for it (`RUST_LOG=debug`, `RUST_LOG=aitems=trace`, ...). Nothing logged
//! anywhere carries a key: secrets are [`crate::SecretString`]s, whose `Debug` and
//! `Display` print `***`.

use tracing_subscriber::EnvFilter;

/// The environment variable that chooses what is logged, in `RUST_LOG`'s syntax.
pub const LOG_ENV: &str = "RUST_LOG";

/// What is logged when `RUST_LOG` is unset or unreadable: warnings and errors.
pub const DEFAULT_LEVEL: &str = "warn";

/// Sends `tracing` events to stderr, filtered by `RUST_LOG` (else [`DEFAULT_LEVEL`]).
/// Call it once, first thing in `main`; a second call (or another subscriber already
/// installed, as in tests) leaves the first one in place.
pub fn install() {
    let filter = EnvFilter::builder()
        .with_default_directive(
            DEFAULT_LEVEL
                .parse()
                .expect("DEFAULT_LEVEL is a valid directive"),
        )
        .with_env_var(LOG_ENV)
        .from_env_lossy();
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(false)
        .try_init();
}
