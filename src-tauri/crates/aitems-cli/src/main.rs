//! `aitems`: list NAVER Cloud AiTEMS training requests from a terminal or a script.
#![deny(unsafe_code)]

mod args;
mod failure;
mod key_input;
mod keys;
mod output;
mod profile;

use std::io::Write;
use std::process::ExitCode;
use std::time::Duration;

use aitems::profiles::Profile;
use aitems::{Client, TrainsQuery};
use clap::Parser;

use args::{Cli, Command, ConnectionArgs, TrainsArgs};
use failure::Failure;

fn main() -> ExitCode {
    aitems::logging::install();
    let cli = Cli::parse();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("error: could not start: {error}");
            return ExitCode::from(5);
        }
    };
    match runtime.block_on(run(cli.command)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            failure.report();
            failure.exit_code()
        }
    }
}

/// Runs one command.
async fn run(command: Command) -> Result<(), Failure> {
    match command {
        Command::Trains(args) => trains(args).await,
        Command::Services(args) => services(args).await,
        Command::Profile { command } => profile::run(command),
        Command::Demo {
            port,
            delay_ms,
            advance_every_secs,
        } => {
            let advance_every = advance_every_secs.map(Duration::from_secs);
            demo(port, Duration::from_millis(delay_ms), advance_every).await
        }
    }
}

/// A client for the resolved keys and endpoint, and the profile they came from.
fn client(args: &ConnectionArgs) -> Result<(Client, Option<Profile>), Failure> {
    let connection = keys::resolve(args)?;
    let client = Client::new(connection.endpoint, connection.credentials)?;
    Ok((client, connection.profile))
}

/// `aitems trains`: one page or every page, printed; the service is remembered in the
/// profile the keys came from.
async fn trains(args: TrainsArgs) -> Result<(), Failure> {
    let (client, profile) = client(&args.connection)?;
    let service = args
        .service
        .clone()
        .or_else(|| profile.as_ref()?.settings.default_service.clone())
        .ok_or_else(|| {
            Failure::new(
                "invalid_input",
                "No service was given.",
                "Pass --service ID (`aitems services` lists them), or save a profile with \
                 --service ID.",
            )
        })?;
    let trains = match args.limit {
        Some(limit) => {
            let query = TrainsQuery {
                offset: args.offset.unwrap_or(0),
                limit,
                recent: args.recent,
            };
            client.trains_page(&service, query).await?.trains
        }
        None => {
            client
                .all_trains(&service, args.recent, |_, _| {})
                .await?
                .trains
        }
    };
    if let Some(profile) = profile {
        remember(&profile.name, &service);
    }
    let mut out = std::io::stdout().lock();
    output::trains(&mut out, &trains, args.connection.format)?;
    Ok(out.flush()?)
}

/// Puts `service` first in the profile's recent services; a failure is only logged, as
/// the listing itself succeeded.
fn remember(profile: &str, service: &str) {
    let outcome = profile::manager().and_then(|profiles| {
        profiles
            .remember_service(profile, service)
            .map_err(Failure::from)
    });
    if let Err(failure) = outcome {
        tracing::warn!(
            code = failure.code,
            "could not remember the service: {}",
            failure.message
        );
    }
}

/// `aitems services`: every service the keys can see.
async fn services(args: ConnectionArgs) -> Result<(), Failure> {
    let services = client(&args)?.0.all_services().await?;
    let mut out = std::io::stdout().lock();
    output::services(&mut out, &services, args.format)?;
    Ok(out.flush()?)
}

/// `aitems demo`: the demo service until Ctrl+C, its trainings moving one step every
/// `advance_every` if set.
async fn demo(port: u16, delay: Duration, advance_every: Option<Duration>) -> Result<(), Failure> {
    let config = aitems_demo::DemoConfig {
        port,
        delay,
        advance_every,
        ..aitems_demo::DemoConfig::default()
    };
    let server = aitems_demo::start(config).await.map_err(|e| Failure {
        code: "network",
        message: format!("Could not start the demo service on port {port}: {e}."),
        hint: "Pick another port with --port, or 0 for any free port.".into(),
        detail: None,
    })?;
    println!("Demo AiTEMS service running at {}", server.url());
    println!("Try it in another terminal:");
    println!("  export AITEMS_ENDPOINT={}", server.url());
    println!(
        "  export {}={}",
        keys::ACCESS_KEY_VAR,
        aitems_demo::DEMO_ACCESS_KEY
    );
    println!(
        "  export {}={}",
        keys::SECRET_KEY_VAR,
        aitems_demo::DEMO_SECRET_KEY
    );
    println!("  aitems services");
    println!(
        "  aitems trains --service {}",
        aitems_demo::data::SMALL_SERVICE
    );
    match advance_every {
        Some(period) => println!("Trainings move one step every {} s.", period.as_secs()),
        None => println!(
            "Move the trainings one step with: curl -X POST {}/demo/advance",
            server.url()
        ),
    }
    println!("Press Ctrl+C to stop.");
    std::io::stdout().flush()?;
    let _ = tokio::signal::ctrl_c().await;
    server.shutdown().await;
    Ok(())
}
