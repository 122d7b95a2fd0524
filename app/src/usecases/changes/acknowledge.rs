//! The factories' side of an applied change: the changes a factory is asked
//! to acknowledge, and its acknowledgement.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use super::notify::po_change_lines;
use super::number;
use crate::domain::change_request::PoLineChange;
use crate::domain::policy::Action;
use crate::ssr::auth::CurrentUser;
use crate::ssr::entities::{change_request, po_line, po_line_change, purchase_order};
use crate::ssr::repo::orders::{self, NewEvent, OrderScope};
use crate::ssr::repo::progress::{self, PoScope};
use crate::ssr::work::UnitOfWork;
use crate::ssr::{AppState, guard};
use crate::wire::ApiError;
use crate::wire::changes::PoChangeView;

/// The changes a factory is asked to acknowledge (its own only; the house
/// sees every factory's). `all` includes acknowledged ones (newest first).
pub async fn factory_list(
    state: &AppState,
    user: &CurrentUser,
    all: bool,
) -> Result<Vec<PoChangeView>, ApiError> {
    state
        .kept_part("changes/factory", user, user.own_part(), all, || {
            read_factory_list(state, user, all)
        })
        .await
}

/// Only shown, outside any transaction: the read-only pool.
async fn read_factory_list(
    state: &AppState,
    user: &CurrentUser,
    all: bool,
) -> Result<Vec<PoChangeView>, ApiError> {
    let scope = PoScope::for_actor(&user.actor()).ok_or(ApiError::NotFound)?;
    let mut select = po_line_change::Entity::find()
        .order_by_desc(po_line_change::Column::Id)
        .limit(200);
    if let PoScope::Supplier(company) = scope {
        select = select.filter(on_line_of(company));
    }
    if !all {
        select = select.filter(po_line_change::Column::AcknowledgedAt.is_null());
    }
    let changes = select.all(&state.reports).await?;
    if changes.is_empty() {
        return Ok(Vec::new());
    }
    let lines = po_line::Entity::find()
        .find_also_related(purchase_order::Entity)
        .filter(po_line::Column::Id.is_in(changes.iter().map(|c| c.po_line_id)))
        .all(&state.reports)
        .await?;
    let mut views = Vec::new();
    for change in changes {
        let Some((line, Some(po))) = lines.iter().find(|(l, _)| l.id == change.po_line_id) else {
            continue;
        };
        if let PoScope::Supplier(company) = scope
            && po.supplier_company_id != company
        {
            continue;
        }
        let detail: PoLineChange = serde_json::from_str(&change.detail)
            .map_err(|e| ApiError::internal("factory change", e))?;
        views.push(PoChangeView {
            id: change.id,
            po_line_id: line.id,
            po_number: po.number.clone(),
            line_no: line.line_no,
            product_code: line.product_code.clone(),
            changes: po_change_lines(&detail, user.locale),
            created_at: change.created_at,
            acknowledged_at: change.acknowledged_at,
        });
    }
    Ok(views)
}

/// That the change's line is one of `company`'s, by the factory the line
/// keeps (migration 21), asked of each change found. Listing the factory's
/// lines first made the database gather a hundred thousand line ids for a
/// large factory, however few its changes.
fn on_line_of(company: i32) -> Expr {
    use sea_orm::sea_query::{Alias, ExprTrait as _, Query};
    Expr::exists(
        Query::select()
            .expr(Expr::val(1))
            .from(po_line::Entity)
            .and_where(
                Expr::col((po_line::Entity, po_line::Column::Id))
                    .equals((po_line_change::Entity, po_line_change::Column::PoLineId)),
            )
            .and_where(Expr::col((po_line::Entity, Alias::new("supplier_company_id"))).eq(company))
            .to_owned(),
    )
}

/// The factory acknowledges a change to one of its lines.
pub async fn acknowledge(state: &AppState, user: &CurrentUser, id: i32) -> Result<(), ApiError> {
    let scope = PoScope::for_actor(&user.actor()).ok_or(ApiError::NotFound)?;
    let change = po_line_change::Entity::find_by_id(id)
        .one(&state.db)
        .await?
        .ok_or(ApiError::NotFound)?;
    let row = progress::find_line(&state.db, scope, change.po_line_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    guard::check(
        state,
        user,
        Action::PoLine {
            supplier: row.po.supplier_company_id,
            report: true,
        },
        "change acknowledgement",
    )
    .await?;
    let now = state.now();
    let mut work = UnitOfWork::begin(state).await?;
    if !mark_acknowledged(&work.tx, change.id, user.user_id, now).await? {
        return Err(ApiError::Conflict {
            message: user.locale.t("err-change-already-acknowledged"),
        });
    }
    let request = change_request::Entity::find_by_id(change.change_request_id)
        .one(&work.tx)
        .await?;
    if let Some(request) = request
        && let Some(order) = orders::find(&work.tx, OrderScope::All, request.order_id).await?
    {
        // The factory stays anonymous on the customer's timeline.
        work.record(
            NewEvent {
                order_id: order.id,
                actor_user_id: None,
                kind: "change",
                summary: format!(
                    "The factory acknowledged change request {}",
                    number(request.id)
                ),
                before: None,
                after: None,
            },
            order.customer_company_id,
            now,
        )
        .await?;
        // The factory is among those filling the order.
        work.touches_order(order.id, order.customer_company_id)
            .await?;
    }
    work.commit(state).await?;
    Ok(())
}

/// Marks the change acknowledged by `user_id`, unless it already was.
async fn mark_acknowledged(
    db: &impl ConnectionTrait,
    change_id: i32,
    user_id: i32,
    now: DateTime<Utc>,
) -> Result<bool, ApiError> {
    let done = po_line_change::Entity::update_many()
        .col_expr(po_line_change::Column::AcknowledgedAt, Expr::value(now))
        .col_expr(po_line_change::Column::AcknowledgedBy, Expr::value(user_id))
        .filter(po_line_change::Column::Id.eq(change_id))
        .filter(po_line_change::Column::AcknowledgedAt.is_null())
        .exec(db)
        .await?
        .rows_affected;
    Ok(done == 1)
}
