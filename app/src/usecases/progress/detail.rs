//! One purchase-order line with a page of the reports on it.

use crate::domain::policy::Action;
use crate::domain::progress::{REPORTS_SHOWN, reports_page};
use crate::ssr::auth::CurrentUser;
use crate::ssr::entities::progress_update;
use crate::ssr::repo::progress::{self, PoScope};
use crate::ssr::repo::{companies, users};
use crate::ssr::{AppState, guard};
use crate::wire::ApiError;
use crate::wire::progress::{PoLineDetail, ProgressEntry};

/// The line (the house also learns whose it is) and one page of its
/// reports: the newest, or those made before the report `before`.
pub async fn detail(
    state: &AppState,
    user: &CurrentUser,
    id: i32,
    before: Option<i32>,
) -> Result<PoLineDetail, ApiError> {
    let scope = PoScope::for_actor(&user.actor()).ok_or(ApiError::NotFound)?;
    // Only shown, outside any transaction: on SQLite the read-only pool.
    // Reporting finds and checks the line again on the writing connection.
    let row = progress::find_line(&state.reports, PoScope::All, id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let action = Action::PoLine {
        supplier: row.po.supplier_company_id,
        report: false,
    };
    guard::check(state, user, action, "PO line").await?;
    let today = state.today();
    let supplier = if scope == PoScope::All {
        companies::find(&state.reports, row.po.supplier_company_id)
            .await?
            .map(|c| c.name)
    } else {
        None
    };
    // Part of the line's page (see above): the read-only pool.
    let read =
        progress::reports_of_line(&state.reports, id, before, REPORTS_SHOWN as u64 + 1).await?;
    let (reports, older) = reports_page(read, |r| r.id);
    Ok(PoLineDetail {
        line: super::view(&row, today, state.settings.stale_after_days, supplier),
        history: entries(state, reports).await?,
        older,
    })
}

/// The reports as shown, each with who made it.
async fn entries(
    state: &AppState,
    history: Vec<progress_update::Model>,
) -> Result<Vec<ProgressEntry>, ApiError> {
    let reporters: Vec<i32> = history.iter().filter_map(|h| h.user_id).collect();
    let people = users::by_ids(&state.reports, &reporters).await?;
    Ok(history
        .into_iter()
        .map(|h| ProgressEntry {
            at: h.at,
            who: h
                .user_id
                .and_then(|id| people.iter().find(|p| p.id == id))
                .map(|p| p.display_name.clone()),
            milestone: h.milestone,
            quantity_done: h.quantity_done,
            lot_quantity: h.lot_quantity,
            forecast_ready: h.forecast_ready_date,
            reason: h.reason,
            note: h.note,
        })
        .collect())
}
