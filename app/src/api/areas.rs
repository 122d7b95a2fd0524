//! The landing page of each role's area.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::ApiError;
use crate::domain::policy::Area;

/// What an area's start page shows about the viewer's company.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AreaSummary {
    pub company_name: String,
    pub company_city: String,
    pub colleagues: usize,
}

#[server(endpoint = "areas/home")]
pub async fn area_home(area: Area) -> Result<AreaSummary, ApiError> {
    use crate::domain::policy::Action;
    use crate::ssr::auth::require_user;
    use crate::ssr::repo::{companies, users};
    use crate::ssr::{app_state, guard};

    let user = require_user()?;
    let state = app_state()?;
    guard::check(
        &state,
        &user,
        Action::EnterArea(area),
        &format!("{area:?} area"),
    )
    .await?;
    // Read on every visit to an area's start page: the read-only pool.
    let company = companies::find(&state.reports, user.company_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    // Scoped by the actor's own company in the query itself.
    let colleagues = users::count_active_colleagues(&state.reports, &user.actor()).await?;
    Ok(AreaSummary {
        company_name: company.name,
        company_city: company.city,
        colleagues: usize::try_from(colleagues).unwrap_or(usize::MAX),
    })
}
