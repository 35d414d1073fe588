//! The command line, as clap reads it.

use clap::{Parser, Subcommand, ValueEnum};

/// List NAVER Cloud AiTEMS training requests.
///
/// Keys come from NCLOUD_ACCESS_KEY and NCLOUD_SECRET_KEY, or from a profile saved in
/// the OS keychain (`aitems profile add`). Keys are never taken as arguments.
#[derive(Debug, Parser)]
#[command(name = "aitems", version, about, long_about)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the training requests of a service (every page unless --offset/--limit).
    Trains(TrainsArgs),
    /// List the services the keys can see.
    Services(ConnectionArgs),
    /// Manage named profiles: keys in the OS keychain, settings in the config folder.
    Profile {
        /// What to do with profiles.
        #[command(subcommand)]
        command: ProfileCommand,
    },
    /// Run the demo AiTEMS service and print its URL and demo keys.
    Demo {
        /// Port to listen on (127.0.0.1); 0 picks a free one.
        #[arg(long, default_value_t = 0)]
        port: u16,
        /// Milliseconds every request waits before it is answered, to try the app or the
        /// CLI as over a slow network.
        #[arg(long, value_name = "MS", default_value_t = 0)]
        delay_ms: u64,
        /// Move the demo trainings one step every SECS seconds (by hand otherwise:
        /// `POST /demo/advance`).
        #[arg(long, value_name = "SECS", value_parser = clap::value_parser!(u64).range(1..))]
        advance_every_secs: Option<u64>,
    },
}

/// Where to connect, with which keys, and how to print.
#[derive(Debug, clap::Args)]
pub struct ConnectionArgs {
    /// API endpoint (default: AITEMS_ENDPOINT, else the profile's, else the real AiTEMS host).
    #[arg(long, env = "AITEMS_ENDPOINT")]
    pub endpoint: Option<String>,
    /// Use the keys and endpoint of this saved profile (NCLOUD_ACCESS_KEY and
    /// NCLOUD_SECRET_KEY still win when both are set). Default: the default profile.
    #[arg(long, value_name = "NAME")]
    pub profile: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

/// Arguments of `aitems trains`.
#[derive(Debug, clap::Args)]
pub struct TrainsArgs {
    /// The service id (default: the profile's default service).
    #[arg(long = "service", value_name = "ID")]
    pub service: Option<String>,
    /// Only the latest training of each type.
    #[arg(long)]
    pub recent: bool,
    /// First training to return (one page only).
    #[arg(long, requires = "limit")]
    pub offset: Option<u64>,
    /// Page size, 1 to 1000 (one page only).
    #[arg(long)]
    pub limit: Option<u32>,
    /// Connection and output.
    #[command(flatten)]
    pub connection: ConnectionArgs,
}

/// How results are printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Aligned columns for a terminal.
    Table,
    /// One JSON array with the API's own field names.
    Json,
    /// CSV with a header row, UTF-8.
    Csv,
}

/// The `aitems profile` subcommands.
#[derive(Debug, Subcommand)]
pub enum ProfileCommand {
    /// Save a new profile; asks for the access key and secret key without echo.
    Add(ProfileAddArgs),
    /// List the profiles, with masked access keys.
    List {
        /// Output format.
        #[arg(long, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
    },
    /// Remove a profile and its keys from the keychain.
    Remove {
        /// The profile name.
        name: String,
    },
    /// Make a profile the default one.
    Default {
        /// The profile name.
        name: String,
    },
}

/// Arguments of `aitems profile add`.
#[derive(Debug, clap::Args)]
pub struct ProfileAddArgs {
    /// The profile name (1 to 64 characters, no slashes).
    pub name: String,
    /// API endpoint for this profile (default: the real AiTEMS host).
    #[arg(long)]
    pub endpoint: Option<String>,
    /// The service this profile uses when `--service` is not given.
    #[arg(long = "service", value_name = "ID")]
    pub service: Option<String>,
    /// Read two lines from standard input, the access key then the secret key, instead
    /// of asking on the terminal.
    #[arg(long)]
    pub stdin: bool,
}

/// How `aitems profile list` prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    /// Aligned columns for a terminal.
    Table,
    /// One JSON array (access keys masked).
    Json,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_takes_a_port_and_a_delay() {
        let cli = Cli::try_parse_from(["aitems", "demo", "--delay-ms", "50"]).unwrap();
        assert!(matches!(
            cli.command,
            Command::Demo {
                port: 0,
                delay_ms: 50,
                advance_every_secs: None
            }
        ));
        let cli = Cli::try_parse_from(["aitems", "demo", "--port", "8080"]).unwrap();
        assert!(matches!(
            cli.command,
            Command::Demo {
                port: 8080,
                delay_ms: 0,
                advance_every_secs: None
            }
        ));
        assert!(Cli::try_parse_from(["aitems", "demo", "--delay-ms", "-1"]).is_err());
    }

    #[test]
    fn demo_takes_an_advance_period_of_at_least_a_second() {
        let cli = Cli::try_parse_from(["aitems", "demo", "--advance-every-secs", "5"]).unwrap();
        assert!(matches!(
            cli.command,
            Command::Demo {
                advance_every_secs: Some(5),
                ..
            }
        ));
        for bad in ["0", "-1", "soon"] {
            let args = ["aitems", "demo", "--advance-every-secs", bad];
            assert!(Cli::try_parse_from(args).is_err(), "{bad}");
        }
    }
}
