//! [`ProfileManager`]'s table layouts: one per profile and service, in the settings file.

use super::super::TableLayout;
use super::ProfileManager;
use crate::credentials::StoreError;

impl ProfileManager {
    /// The table layout saved for `service_id` with this profile; `None` when there is
    /// none this version can read.
    ///
    /// # Errors
    /// [`StoreError::ProfileNotFound`], invalid name, or settings errors.
    pub fn table_layout(
        &self,
        name: &str,
        service_id: &str,
    ) -> Result<Option<TableLayout>, StoreError> {
        let (name, doc) = self.load_with(name)?;
        Ok(doc
            .profiles
            .get(&name)
            .and_then(|settings| settings.table_layout(service_id)))
    }

    /// Saves the table layout of `service_id` with this profile (`None`: back to the
    /// default). The settings file is written only when the layout changed; returns
    /// whether it was.
    ///
    /// # Errors
    /// [`StoreError::InvalidInput`] for a blank service id or a layout of another format
    /// version, [`StoreError::ProfileNotFound`], invalid name, or settings errors.
    pub fn set_table_layout(
        &self,
        name: &str,
        service_id: &str,
        layout: Option<&TableLayout>,
    ) -> Result<bool, StoreError> {
        let (changed, _) = self.with_profile_settings(name, |settings| {
            settings.set_table_layout(service_id, layout).map(drop)
        })?;
        Ok(changed)
    }
}
