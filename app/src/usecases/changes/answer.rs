//! The customer's steps on a request still waiting: accept or decline the
//! house's counter-proposal, or withdraw the request.

use super::apply::apply_change;
use super::{Ending, close, items_of, request_for, step_error};
use crate::domain::change_request::{Party, Step, next_status};
use crate::domain::policy::Action;
use crate::ssr::auth::CurrentUser;
use crate::ssr::{AppState, guard};
use crate::wire::ApiError;

/// The customer answers a counter-proposal: `accept` applies it to the
/// order, anything else declines it.
pub async fn answer(
    state: &AppState,
    user: &CurrentUser,
    id: i32,
    accept: bool,
) -> Result<(), ApiError> {
    let (request, order) = request_for(state, user, id).await?;
    guard::check(
        state,
        user,
        Action::AskChange {
            customer: order.customer_company_id,
        },
        "change answer",
    )
    .await?;
    if !accept {
        let ending = Ending::CounterDeclined;
        return close(state, user.user_id, user.locale, &request, &order, ending).await;
    }
    let from = request.status;
    let to = next_status(from, Step::Accept, Party::Customer)
        .map_err(|error| step_error(user.locale, error))?;
    let counter = request
        .counter_items
        .as_deref()
        .ok_or_else(|| ApiError::internal("counter-proposal", "missing"))?;
    let items = items_of(counter)?;
    apply_change(
        state,
        user.user_id,
        &request,
        from,
        to,
        &items,
        None,
        None,
        Party::Customer,
        user.locale,
    )
    .await
}

/// The customer withdraws a request that is still waiting.
pub async fn withdraw(state: &AppState, user: &CurrentUser, id: i32) -> Result<(), ApiError> {
    let (request, order) = request_for(state, user, id).await?;
    guard::check(
        state,
        user,
        Action::AskChange {
            customer: order.customer_company_id,
        },
        "change withdrawal",
    )
    .await?;
    close(
        state,
        user.user_id,
        user.locale,
        &request,
        &order,
        Ending::Withdrawn,
    )
    .await
}
