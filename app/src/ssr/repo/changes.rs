//! Change requests as stored: found by id, listed per order, and moved from
//! one status to the next only by the writer that saw the status first.

// A claim states every column a step may set.
#![allow(clippy::too_many_arguments)]

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder};

use crate::domain::change_request::ChangeStatus;
use crate::ssr::entities::change_request;

pub async fn find(
    db: &impl ConnectionTrait,
    id: i32,
) -> Result<Option<change_request::Model>, DbErr> {
    change_request::Entity::find_by_id(id).one(db).await
}

pub async fn of_order(
    db: &impl ConnectionTrait,
    order_id: i32,
) -> Result<Vec<change_request::Model>, DbErr> {
    change_request::Entity::find()
        .filter(change_request::Column::OrderId.eq(order_id))
        .order_by_desc(change_request::Column::Id)
        .all(db)
        .await
}

/// Moves the request from `from` to `to` unless someone moved it first;
/// the caller's transaction is what makes the rest of the step stick.
pub async fn claim(
    db: &impl ConnectionTrait,
    request: &change_request::Model,
    from: ChangeStatus,
    to: ChangeStatus,
    decided_by: Option<i32>,
    answer: Option<String>,
    counter_items: Option<String>,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let mut update = change_request::Entity::update_many()
        .col_expr(change_request::Column::Status, Expr::value(to.as_str()))
        .filter(change_request::Column::Id.eq(request.id))
        .filter(change_request::Column::Status.eq(from.as_str()));
    if let Some(who) = decided_by {
        update = update
            .col_expr(change_request::Column::DecidedBy, Expr::value(who))
            .col_expr(change_request::Column::DecidedAt, Expr::value(now));
    }
    if let Some(answer) = answer {
        update = update.col_expr(change_request::Column::Answer, Expr::value(answer));
    }
    if let Some(counter) = counter_items {
        update = update.col_expr(change_request::Column::CounterItems, Expr::value(counter));
    }
    if !to.is_pending() {
        update = update.col_expr(change_request::Column::ClosedAt, Expr::value(now));
    }
    Ok(update.exec(db).await?.rows_affected == 1)
}
