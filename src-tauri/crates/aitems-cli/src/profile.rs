//! `aitems profile ...`: named profiles, their keys in the OS keychain.

use std::io::Write;
use std::sync::Arc;

use aitems::credentials::KeychainStore;
use aitems::profiles::{validate_profile_name, ProfileManager, ProfileSettings};

use crate::args::{ListFormat, ProfileAddArgs, ProfileCommand};
use crate::failure::Failure;
use crate::{key_input, output};

/// The profiles in the shared config folder (`AITEMS_CONFIG_DIR` overrides it), keys in
/// the real OS keychain. Creating it touches neither the file nor the keychain.
pub fn manager() -> Result<ProfileManager, Failure> {
    Ok(ProfileManager::new(Arc::new(KeychainStore::new()))?)
}

/// Runs one `aitems profile` subcommand.
pub fn run(command: ProfileCommand) -> Result<(), Failure> {
    let profiles = manager()?;
    let mut out = std::io::stdout().lock();
    match command {
        ProfileCommand::Add(args) => add(&profiles, args, &mut out)?,
        ProfileCommand::List { format } => list(&profiles, format, &mut out)?,
        ProfileCommand::Remove { name } => {
            let name = validate_profile_name(&name)?;
            profiles.remove(&name)?;
            writeln!(out, "Removed profile “{name}” and its keys.")?;
        }
        ProfileCommand::Default { name } => {
            let name = validate_profile_name(&name)?;
            profiles.set_default(&name)?;
            writeln!(out, "“{name}” is now the default profile.")?;
        }
    }
    Ok(out.flush()?)
}

/// Checks everything that can be checked first, then reads the keys and saves.
fn add(
    profiles: &ProfileManager,
    args: ProfileAddArgs,
    out: &mut impl Write,
) -> Result<(), Failure> {
    let name = validate_profile_name(&args.name)?;
    let mut settings = ProfileSettings::default();
    if let Some(endpoint) = args.endpoint {
        settings = settings.with_endpoint(endpoint);
    }
    if let Some(service) = args.service {
        aitems::client::check_service_id(service.trim())?;
        settings = settings.with_default_service(service);
    }
    let settings = settings.normalized()?;
    // Fail on a taken name (or a damaged settings file) before asking for keys.
    match profiles.get(&name) {
        Ok(_) => return Err(aitems::credentials::StoreError::ProfileExists { name }.into()),
        Err(aitems::credentials::StoreError::ProfileNotFound { .. }) => {}
        Err(other) => return Err(other.into()),
    }
    let keys = key_input::read_keys(args.stdin)?;
    let saved = profiles.add(&name, settings, &keys)?;
    write!(
        out,
        "Saved profile “{}” (access key {}, endpoint {})",
        saved.name,
        keys.masked_access_key(),
        saved.settings.endpoint
    )?;
    if saved.is_default {
        write!(out, "; it is the default profile")?;
    }
    writeln!(out, ".")?;
    Ok(())
}

/// Prints every profile with its masked access key only.
fn list(
    profiles: &ProfileManager,
    format: ListFormat,
    out: &mut impl Write,
) -> Result<(), Failure> {
    let all = profiles.list()?;
    if all.is_empty() && format == ListFormat::Table {
        writeln!(
            out,
            "No profiles yet. Add one with `aitems profile add NAME`."
        )?;
        return Ok(());
    }
    Ok(output::profiles(out, &all, format)?)
}
