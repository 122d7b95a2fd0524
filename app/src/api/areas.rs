//! The landing page of each role's area.

use leptos::prelude::*;

use super::ApiError;
use crate::domain::policy::Area;
pub use crate::wire::areas::*;

#[server(endpoint = "areas/home", output = crate::wire::compact::Compact)]
pub async fn area_home(area: Area) -> Result<AreaSummary, ApiError> {
    let (state, user) = crate::ssr::signed_in()?;
    crate::usecases::areas::home(&state, &user, area).await
}
