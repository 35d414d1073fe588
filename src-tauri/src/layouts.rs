//! The commands that keep the trainings table's layout per profile and service: in the
//! settings file, or in memory for demo mode.

use aitems::profiles::TableLayout;
use tauri::State;

use crate::demo::DEMO_PROFILE;
use crate::error::CommandResult;
use crate::state::{blocking, AppState};

/// The table layout saved for a service with a profile; `None` when there is none this
/// version can read (the UI then shows its default layout).
#[tauri::command]
pub async fn table_layout(
    state: State<'_, AppState>,
    profile: String,
    service_id: String,
) -> CommandResult<Option<TableLayout>> {
    if profile == DEMO_PROFILE {
        return Ok(state.demo().await?.table_layout(&service_id));
    }
    let profiles = state.profiles()?;
    blocking(move || Ok(profiles.table_layout(&profile, &service_id)?)).await
}

/// Saves the table layout of a service with a profile (`None`: back to the default). The
/// settings file is written only when the layout changed.
#[tauri::command]
pub async fn save_table_layout(
    state: State<'_, AppState>,
    profile: String,
    service_id: String,
    layout: Option<TableLayout>,
) -> CommandResult<()> {
    if profile == DEMO_PROFILE {
        return state
            .demo()
            .await?
            .set_table_layout(&service_id, layout.as_ref());
    }
    let profiles = state.profiles()?;
    blocking(move || {
        profiles.set_table_layout(&profile, &service_id, layout.as_ref())?;
        Ok(())
    })
    .await
}
