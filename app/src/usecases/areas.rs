//! The landing page of each role's area.

use crate::domain::policy::{Action, Area};
use crate::ssr::auth::CurrentUser;
use crate::ssr::repo::{companies, users};
use crate::ssr::{AppState, guard};
use crate::wire::ApiError;
use crate::wire::areas::AreaSummary;

/// What the start page of `area` shows about the viewer's company, for those
/// who may enter it.
pub async fn home(
    state: &AppState,
    user: &CurrentUser,
    area: Area,
) -> Result<AreaSummary, ApiError> {
    guard::check(
        state,
        user,
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
