//! Moving an order along its statuses.

use super::stale_order;
use crate::domain::dates::LineDates;
use crate::domain::order_status::{Mover, OrderStatus, TransitionError, check_transition};
use crate::ssr::AppState;
use crate::ssr::auth::CurrentUser;
use crate::ssr::repo::orders::{self, OrderScope};
use crate::ssr::repo::purchase_orders;
use crate::ssr::work::UnitOfWork;
use crate::usecases::news;
use crate::wire::ApiError;

/// Moves an order to `to`, if the viewer may take that step and nobody changed
/// the order since they loaded it (`version`). Confirming freezes the lines'
/// committed dates; cancelling cancels its purchase orders. The customer's
/// people hear of the confirmation, the factories of the cancellation.
pub async fn move_status(
    state: &AppState,
    user: &CurrentUser,
    id: i32,
    to: String,
    version: i32,
) -> Result<(), ApiError> {
    let scope = OrderScope::of_user(user)?;
    let to = OrderStatus::parse(&to)
        .ok_or_else(|| ApiError::invalid("to", user.locale.t("api-error-unknown-status")))?;
    let order = orders::find(&state.db, scope, id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let from = order.status;
    let mover = Mover::for_role(user.role).ok_or(ApiError::Forbidden)?;
    // Judged against what the client saw: a step from a state that has since
    // changed is a conflict, not a wrong step.
    if order.version != version {
        return Err(stale_order(user.locale));
    }
    check_transition(from, to, mover).map_err(|e| match e {
        TransitionError::NotYours { .. } => ApiError::Forbidden,
        other => ApiError::invalid("to", other.text(user.locale)),
    })?;
    let now = state.now();
    let mut work = UnitOfWork::begin(state).await?;
    if !orders::set_status(&work.tx, order.id, version, to, now, state.house_date(now)).await? {
        return Err(stale_order(user.locale));
    }
    if to == OrderStatus::Cancelled {
        for (po, line) in purchase_orders::cancel_for_order(&work.tx, order.id).await? {
            news::po_cancelled(state, &work.tx, &po, line.id).await?;
        }
    }
    if to == OrderStatus::Confirmed {
        freeze_commitments(&work, order.id).await?;
        news::order_confirmed(state, &work.tx, &order).await?;
    }
    work.record(
        orders::NewEvent {
            order_id: order.id,
            actor_user_id: Some(user.user_id),
            kind: "status",
            summary: format!("Status changed to {}", to.label()),
            before: Some(from.label().to_string()),
            after: Some(to.label().to_string()),
        },
        order.customer_company_id,
        now,
    )
    .await?;
    // Of what is kept, the move shows on the order's pages, its customer's
    // and those of the factories filling it (a cancelled one included).
    work.touches_order(order.id, order.customer_company_id)
        .await?;
    work.commit(state).await?;
    Ok(())
}

/// Confirmation freezes each line's dates: its commitment becomes what it
/// is confirmed with (see [`LineDates::confirm`]).
async fn freeze_commitments(work: &UnitOfWork, order_id: i32) -> Result<(), ApiError> {
    for line in orders::lines_of(&work.tx, &[order_id]).await? {
        let dates = LineDates {
            requested: line.requested_date,
            committed: line.committed_date,
            forecast: line.forecast_date,
        }
        .confirm();
        orders::set_line_dates(&work.tx, line.id, dates.committed, dates.forecast).await?;
    }
    Ok(())
}
