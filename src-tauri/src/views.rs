//! What commands take from and give to the web view. Nothing here carries a secret out:
//! only [`ProfileInput`] carries one in.

use std::time::SystemTime;

use aitems::changes::Change;
use aitems::profiles::{ProfileManager, ProfileSummary};
use aitems::{SecretString, Train};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::CommandError;

/// A profile as the UI lists it: masked access key, never the secret.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProfileView {
    /// The stored profile's summary.
    #[serde(flatten)]
    pub summary: ProfileSummary,
    /// Whether this is the in-memory demo profile.
    pub is_demo: bool,
    /// The service the app opens for this profile (its default, else the latest used).
    pub open_service: Option<String>,
}

impl ProfileView {
    /// A saved profile (`is_demo` false) or the demo profile as the UI lists it.
    pub fn new(summary: ProfileSummary, is_demo: bool) -> Self {
        let open_service = summary.open_service().map(str::to_owned);
        Self {
            summary,
            is_demo,
            open_service,
        }
    }
}

/// The saved profile `name` as the UI lists it (masked key included), `None` when there is
/// no such profile. Call it off the async runtime: it may read the keychain.
///
/// # Errors
/// Settings or keychain errors.
pub fn saved_profile_view(
    profiles: &ProfileManager,
    name: &str,
) -> Result<Option<ProfileView>, aitems::credentials::StoreError> {
    let summary = profiles.list()?.into_iter().find(|p| p.name == name);
    Ok(summary.map(|summary| ProfileView::new(summary, false)))
}

/// The profile form. Keys are write-only: they come in here and never go back out.
#[derive(Clone, Debug, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProfileInput {
    /// The profile name.
    pub name: String,
    /// The access key; blank when editing keeps the stored keys.
    #[serde(default)]
    pub access_key: String,
    /// The secret key; blank when editing keeps the stored keys.
    #[ts(type = "string | null")]
    pub secret_key: Option<SecretString>,
    /// The API endpoint; `None` or blank means the real AiTEMS host.
    pub endpoint: Option<String>,
    /// The service to open by default.
    pub default_service: Option<String>,
}

/// One page of a listing, sent over the call's channel as soon as it arrives.
#[derive(Clone, Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TrainsPage<'a> {
    /// The service these trainings belong to, in a listing of every service; absent in
    /// a listing of one service. Pages and trainings then count that service's.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub service_id: Option<&'a str>,
    /// Pages received so far, this one included.
    pub pages: usize,
    /// Trainings received so far, this page's included.
    pub total: usize,
    /// Runs of rows the window already holds, from the listing it said it holds (`held`
    /// of `list_trains`): `[at, from, count]` puts `count` of its rows, from index `from`
    /// of that listing, at position `at` of this page. Empty when it holds none.
    #[ts(type = "Array<[number, number, number]>")]
    pub kept: Vec<(usize, usize, usize)>,
    /// This page's other trainings, in the server's order, with the API's own field
    /// names: they fill the positions the runs leave.
    pub trains: Vec<&'a Train>,
}

/// How a listing ended; its trainings came page by page over the call's channel.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TrainsListed {
    /// When the listing finished, RFC 3339 in UTC.
    pub fetched_at: String,
    /// How many pages it took.
    pub pages: usize,
    /// How many trainings were sent.
    pub total: usize,
    /// What the window knows this listing by: a refresh of the same listing passes it
    /// back (`held`) while the window holds its rows, and trainings that did not change
    /// then come as runs of the rows it holds instead of whole.
    pub stamp: u32,
    /// The profile as it now is when this listing changed it (a new latest service),
    /// else `None`: the UI needs no second call to see the change.
    pub profile: Option<ProfileView>,
    /// The service's changes the user has not seen yet (new trainings, status moves).
    pub unseen: Vec<Change>,
}

/// How a listing of every service of a profile ended; the trainings came page by page,
/// each page naming its service, over the call's channel.
#[derive(Clone, Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AllTrainsListed {
    /// When the last service finished, RFC 3339 in UTC.
    pub fetched_at: String,
    /// How many pages were sent, every service's together (a service that failed may
    /// have sent some before it did).
    pub pages: usize,
    /// What the window knows this listing by (see [`TrainsListed::stamp`]). Its
    /// trainings count in the order they were sent: a window that set aside the rows of
    /// a service that failed does not hold it.
    pub stamp: u32,
    /// Each service of the profile, in the order AiTEMS lists them, and how its listing
    /// went.
    pub services: Vec<ServiceListed>,
}

/// How the listing of one service went, in a listing of every service.
#[derive(Clone, Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ServiceListed {
    /// The service's id.
    pub service_id: String,
    /// Its name, when it has one.
    pub name: Option<String>,
    /// How many trainings it has (none when it failed).
    pub total: usize,
    /// Its changes the user has not seen yet.
    pub unseen: Vec<Change>,
    /// Why it could not be listed; `None` when it was. Its pages already sent are not
    /// its listing then.
    pub error: Option<CommandError>,
}

/// The last listing kept of a service, shown until a fresh one arrives or while AiTEMS
/// cannot be reached.
#[derive(Clone, Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct KeptTrains {
    /// When it was fetched, RFC 3339 in UTC.
    pub fetched_at: String,
    /// Its trainings, with the API's own field names.
    pub trains: Vec<Train>,
    /// The service's changes the user has not seen yet.
    pub unseen: Vec<Change>,
}

/// What the UI needs to know at start.
#[derive(Clone, Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AppInfo {
    /// The app version.
    pub version: String,
    /// Whether the app was started with `--demo`.
    pub demo_requested: bool,
    /// The computer's time zone (IANA name such as `Asia/Seoul`), when the OS tells.
    pub time_zone: Option<String>,
}

/// The result of a successful connection test.
#[derive(Clone, Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ConnectionCheck {
    /// How many services the keys can see.
    pub service_count: usize,
}

/// A moment as the UI receives it: RFC 3339 in UTC, to the millisecond.
pub fn rfc3339(at: SystemTime) -> String {
    chrono::DateTime::<chrono::Utc>::from(at).to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}
