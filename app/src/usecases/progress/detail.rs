//! One purchase-order line with every report on it.

use crate::domain::policy::Action;
use crate::ssr::auth::CurrentUser;
use crate::ssr::repo::progress::{self, PoScope};
use crate::ssr::repo::{companies, users};
use crate::ssr::{AppState, guard};
use crate::wire::ApiError;
use crate::wire::progress::{PoLineDetail, ProgressEntry};

/// The line (the house also learns whose it is) and its history.
pub async fn detail(
    state: &AppState,
    user: &CurrentUser,
    id: i32,
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
    let history = history_of(state, id).await?;
    Ok(PoLineDetail {
        line: super::view(&row, today, state.settings.stale_after_days, supplier),
        history,
    })
}

/// The reports on a line, newest first, each with who made it.
async fn history_of(state: &AppState, id: i32) -> Result<Vec<ProgressEntry>, ApiError> {
    // Part of the line's page (see `detail`): the read-only pool.
    let history = progress::history(&state.reports, id).await?;
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
