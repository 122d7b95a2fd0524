//! What the trading house does to one order after entering it: change its
//! terms and lines while that is still allowed, place purchase orders with the
//! factories for its lines, and record shipments and payments. Every change
//! claims the order's version, so two people editing the same version cannot
//! both win, and lands on the timeline.

mod pay;
mod place_po;
mod update;

pub use pay::record_payment;
pub use place_po::place_purchase_order;
pub use update::update;

use chrono::NaiveDate;

use crate::domain::order_status::OrderStatus;
use crate::domain::policy::{Action, Area};
use crate::i18n::Locale;
use crate::ssr::auth::CurrentUser;
use crate::ssr::entities::order;
use crate::ssr::repo::orders::{self, OrderScope};
use crate::ssr::work::UnitOfWork;
use crate::ssr::{AppState, guard};
use crate::usecases::orders::stale_order;
use crate::wire::ApiError;

/// The order a staff member acts on, with its status; `what` names the
/// action for the guard's log.
pub(crate) async fn staff_order(
    state: &AppState,
    user: &CurrentUser,
    id: i32,
    what: &str,
) -> Result<(order::Model, OrderStatus), ApiError> {
    guard::check(state, user, Action::EnterArea(Area::Staff), what).await?;
    let order = orders::find(&state.db, OrderScope::All, id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let status = order.status;
    Ok((order, status))
}

/// Starts the change's unit of work by claiming the order at the
/// version the client saw; someone else's change since then is a conflict,
/// told in `locale`.
pub(crate) async fn claim(
    state: &AppState,
    locale: Locale,
    order_id: i32,
    version: i32,
) -> Result<UnitOfWork, ApiError> {
    UnitOfWork::claim_order(state, order_id, version, move || stale_order(locale)).await
}

/// A timeline entry of the change.
pub(crate) struct Entry {
    pub summary: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

/// Writes the change's timeline entries, commits, and tells open pages.
/// Of what is kept, only what shows the order is dropped: its pages, its
/// customer's and those of the factories filling it.
pub(crate) async fn finish(
    state: &AppState,
    mut work: UnitOfWork,
    order: &order::Model,
    user_id: i32,
    kind: &str,
    entries: Vec<Entry>,
) -> Result<(), ApiError> {
    for entry in entries {
        work.record(
            orders::NewEvent {
                order_id: order.id,
                actor_user_id: Some(user_id),
                kind,
                summary: entry.summary,
                before: entry.before,
                after: entry.after,
            },
            order.customer_company_id,
            state.now(),
        )
        .await?;
    }
    work.touches_order(order.id, order.customer_company_id)
        .await?;
    work.commit(state).await
}

/// The step is closed in the order's status; `action` is the catalogue key
/// naming the step, and the message is in `locale`.
pub(crate) fn closed(locale: Locale, action: &str, status: OrderStatus) -> ApiError {
    ApiError::Conflict {
        message: locale.t_with(
            "err-closed",
            &[
                ("action", locale.t(action).into()),
                (
                    "status",
                    locale.t(&format!("err-status-{}", status.as_str())).into(),
                ),
            ],
        ),
    }
}

/// A day typed on a desk form (`dates::parse_day`), or its message in
/// `locale`.
pub(crate) fn parse_date(locale: Locale, raw: &str) -> Result<NaiveDate, String> {
    crate::domain::dates::parse_day(raw).map_err(|e| locale.t(e.key()))
}
