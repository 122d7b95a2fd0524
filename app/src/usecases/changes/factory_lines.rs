//! The factory side of an applied change: the factory lines behind the
//! order change as the change says, each change is recorded for the factory
//! to acknowledge and mailed to its people, and a purchase order left
//! without a line is cancelled. Runs inside the applying step's transaction.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};

use super::notify::tell_factory;
use crate::domain::change_request::PoLineChange;
use crate::domain::change_workflow::{FactoryLine, emptied_purchase_orders};
use crate::i18n::Locale;
use crate::ssr::AppState;
use crate::ssr::entities::{po_line, po_line_change, purchase_order, user};
use crate::ssr::production::Moved;
use crate::ssr::repo::purchase_orders::PlacedLine;
use crate::ssr::repo::users;
use crate::wire::ApiError;

/// Changes the factory lines `placed` behind the order as `po_changes` say
/// (for request `request_id`), tells the factories' people, and cancels the
/// purchase orders left empty. Returns the factory lines still behind the
/// order, for the forecasts to follow. A factory's report meanwhile is a
/// conflict told in `locale`.
pub(super) async fn change_factories(
    db: &impl ConnectionTrait,
    state: &AppState,
    request_id: i32,
    placed: &[PlacedLine],
    po_changes: &[PoLineChange],
    now: DateTime<Utc>,
    locale: Locale,
) -> Result<Vec<Moved>, ApiError> {
    let moved = still_placed(placed, po_changes);
    let factories: Vec<i32> = placed.iter().map(|p| p.po.supplier_company_id).collect();
    let people = users::active_of_companies(db, &factories).await?;
    if !change_factory_lines(db, state, request_id, placed, po_changes, &people, now).await? {
        return Err(ApiError::Conflict {
            message: locale.t("err-factory-reported-meanwhile"),
        });
    }
    cancel_emptied_orders(db, placed, po_changes).await?;
    Ok(moved)
}

/// Every factory line still behind the order: forecasts against the new
/// commitments, the order's status and the alerts are worked out again
/// from them, whether or not the factory's own line changed.
fn still_placed(placed: &[PlacedLine], po_changes: &[PoLineChange]) -> Vec<Moved> {
    placed
        .iter()
        .filter(|p| {
            !po_changes
                .iter()
                .any(|c| c.cancelled && c.po_line_id == p.line.id)
        })
        .map(|p| {
            let at = p.line.milestone;
            Moved {
                po_line_id: p.line.id,
                from: at,
                to: at,
            }
        })
        .collect()
}

/// Changes each factory line as `po_changes` say, records the change for
/// the factory to acknowledge and mails the factory's people; `false` when
/// a factory reported on one of the lines meanwhile.
async fn change_factory_lines(
    db: &impl ConnectionTrait,
    state: &AppState,
    request_id: i32,
    placed: &[PlacedLine],
    po_changes: &[PoLineChange],
    people: &[user::Model],
    now: DateTime<Utc>,
) -> Result<bool, ApiError> {
    for change in po_changes {
        let Some(p) = placed.iter().find(|p| p.line.id == change.po_line_id) else {
            continue;
        };
        if !update_factory_line(db, &p.line, change).await? {
            return Ok(false);
        }
        let saved = po_line_change::ActiveModel {
            po_line_id: Set(p.line.id),
            change_request_id: Set(request_id),
            detail: Set(serde_json::to_string(change)
                .map_err(|e| ApiError::internal("factory change", e))?),
            created_at: Set(now),
            acknowledged_at: Set(None),
            acknowledged_by: Set(None),
            ..Default::default()
        }
        .insert(db)
        .await?;
        tell_factory(db, state, people, p, change, saved.id).await?;
    }
    Ok(true)
}

/// Writes `change` to the factory line, only if the factory has not
/// reported since the line was read: the change was judged against what it
/// had made then. `false` when it has.
async fn update_factory_line(
    db: &impl ConnectionTrait,
    line: &po_line::Model,
    change: &PoLineChange,
) -> Result<bool, ApiError> {
    let mut update = po_line::Entity::update_many()
        .col_expr(po_line::Column::Version, Expr::value(line.version + 1))
        .filter(po_line::Column::Id.eq(line.id))
        .filter(po_line::Column::Version.eq(line.version));
    if let Some((_, qty)) = change.quantity {
        update = update.col_expr(po_line::Column::Quantity, Expr::value(qty));
    }
    if let Some((_, text)) = &change.description {
        update = update.col_expr(po_line::Column::Description, Expr::value(text.clone()));
    }
    if let Some((_, date)) = change.ready_by {
        update = update.col_expr(po_line::Column::CommittedReadyDate, Expr::value(date));
    }
    if change.cancelled {
        update = update.col_expr(po_line::Column::Cancelled, Expr::value(true));
    }
    Ok(update.exec(db).await?.rows_affected == 1)
}

/// Cancels the purchase orders the change left without a line (the rule is
/// `change_workflow::emptied_purchase_orders`), reading their lines after
/// the factory lines were changed.
async fn cancel_emptied_orders(
    db: &impl ConnectionTrait,
    placed: &[PlacedLine],
    po_changes: &[PoLineChange],
) -> Result<(), ApiError> {
    let cancelled_now: Vec<i32> = po_changes
        .iter()
        .filter(|c| c.cancelled)
        .map(|c| c.po_line_id)
        .collect();
    let touched: Vec<i32> = placed
        .iter()
        .filter(|p| cancelled_now.contains(&p.line.id))
        .map(|p| p.po.id)
        .collect();
    if touched.is_empty() {
        return Ok(());
    }
    let lines: Vec<FactoryLine> = po_line::Entity::find()
        .filter(po_line::Column::PurchaseOrderId.is_in(touched))
        .all(db)
        .await?
        .iter()
        .map(|l| FactoryLine {
            id: l.id,
            purchase_order_id: l.purchase_order_id,
            cancelled: l.cancelled,
        })
        .collect();
    for po_id in emptied_purchase_orders(&lines, &cancelled_now) {
        purchase_order::Entity::update_many()
            .col_expr(purchase_order::Column::Status, Expr::value("cancelled"))
            .filter(purchase_order::Column::Id.eq(po_id))
            .exec(db)
            .await?;
    }
    Ok(())
}
