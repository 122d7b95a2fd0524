//! The landing page of each role's area.

use crate::domain::policy::{Action, Area};
use crate::ssr::auth::CurrentUser;
use crate::ssr::repo::users;
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
    // The company as the session read it (companies are never renamed or
    // moved); its colleagues counted on the read-only pool, scoped by the
    // actor's own company in the query itself.
    let colleagues = users::count_active_colleagues(&state.reports, &user.actor()).await?;
    Ok(AreaSummary {
        company_name: user.company_name.clone(),
        company_city: user.company_city.clone(),
        colleagues: usize::try_from(colleagues).unwrap_or(usize::MAX),
    })
}
