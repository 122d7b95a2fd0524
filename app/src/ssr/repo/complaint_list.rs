//! The complaint list's reads: what the viewer may see of the complaints
//! still open, all of them, and of the closed ones a page at a time, newest
//! first. A house's history of closed complaints grows without end; each
//! page is read from an index in the list's own order (migration 34), from
//! where the page before ended.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Select,
};

use crate::domain::complaints::ComplaintStatus;
use crate::ssr::entities::complaint;

/// Whose complaints a list holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListScope {
    /// Every customer's: the house.
    House,
    /// A customer's own.
    Customer(i32),
    /// Those passed to a factory.
    Factory(i32),
}

/// Where a page of closed complaints ends: the day of filing and the id of
/// its last complaint.
pub type PageEnd = (DateTime<Utc>, i32);

fn scoped(scope: ListScope) -> Select<complaint::Entity> {
    let select = complaint::Entity::find();
    match scope {
        ListScope::House => select,
        ListScope::Customer(id) => select.filter(complaint::Column::CustomerCompanyId.eq(id)),
        ListScope::Factory(id) => select.filter(complaint::Column::FactoryCompanyId.eq(id)),
    }
}

fn newest_first(select: Select<complaint::Entity>) -> Select<complaint::Entity> {
    select
        .order_by_desc(complaint::Column::CreatedAt)
        .order_by_desc(complaint::Column::Id)
}

/// The complaints not closed yet, newest first: each step named, so a
/// customer's index by customer and step finds them.
pub fn open_select(scope: ListScope) -> Select<complaint::Entity> {
    let open = ComplaintStatus::ALL
        .into_iter()
        .filter(|s| *s != ComplaintStatus::Closed)
        .map(|s| s.as_str());
    newest_first(scoped(scope).filter(complaint::Column::Status.is_in(open)))
}

/// Up to `limit` closed complaints, newest first, after `after`.
pub fn closed_select(
    scope: ListScope,
    after: Option<PageEnd>,
    limit: u64,
) -> Select<complaint::Entity> {
    let select =
        scoped(scope).filter(complaint::Column::Status.eq(ComplaintStatus::Closed.as_str()));
    let select = match after {
        None => select,
        Some((filed, id)) => select.filter(
            Condition::any()
                .add(complaint::Column::CreatedAt.lt(filed))
                .add(
                    Expr::col(complaint::Column::CreatedAt)
                        .eq(filed)
                        .and(Expr::col(complaint::Column::Id).lt(id)),
                ),
        ),
    };
    newest_first(select).limit(limit)
}

pub async fn open(
    db: &impl ConnectionTrait,
    scope: ListScope,
) -> Result<Vec<complaint::Model>, DbErr> {
    open_select(scope).all(db).await
}

pub async fn closed(
    db: &impl ConnectionTrait,
    scope: ListScope,
    after: Option<PageEnd>,
    limit: u64,
) -> Result<Vec<complaint::Model>, DbErr> {
    closed_select(scope, after, limit).all(db).await
}
