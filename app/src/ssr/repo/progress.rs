//! Purchase-order lines as factories work on them: the lines a factory (or
//! the house) may see, their progress history, and writing an update. Reads
//! take a `PoScope`, so a factory's query can only return its own lines.

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::sea_query::{Alias, Expr, ExprTrait as _, Func};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect, QueryTrait as _, Set,
};

use crate::domain::account::Role;
use crate::domain::policy::Actor;
use crate::domain::progress::{Band, LineFilter, Milestone};
use crate::ssr::entities::{order_line, po_line, po_line_link, progress_update, purchase_order};

/// Which purchase-order lines an actor may see at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PoScope {
    All,
    Supplier(i32),
}

impl PoScope {
    /// `None` for customers: purchase orders are not theirs to know.
    pub fn for_actor(actor: &Actor) -> Option<Self> {
        match actor.role {
            Role::Admin | Role::Staff => Some(Self::All),
            Role::Supplier => Some(Self::Supplier(actor.company_id)),
            Role::Customer => None,
        }
    }

    /// Whether the purchase order lies in the scope.
    pub fn holds(self, po: &purchase_order::Model) -> bool {
        match self {
            Self::All => true,
            Self::Supplier(company) => po.supplier_company_id == company,
        }
    }
}

#[derive(Debug, Clone)]
pub struct PoLineRow {
    pub po: purchase_order::Model,
    pub line: po_line::Model,
}

impl PoLineRow {
    /// The line as the progress rules see it.
    pub fn state(&self) -> crate::domain::progress::PoLineState {
        crate::domain::progress::PoLineState {
            milestone: self.line.milestone,
            quantity: self.line.quantity,
            quantity_done: self.line.quantity_done,
            committed_ready: self.line.committed_ready_date,
            forecast_ready: self.line.forecast_ready_date,
            po_closed: self.po.status != crate::domain::order_status::PurchaseOrderStatus::Open
                || self.line.cancelled,
        }
    }
}

/// Which lines are open (still in the factory, not cancelled), written as
/// the partial indexes of the open lines are (migration 21): a database uses
/// such an index only for a query whose conditions contain its condition as
/// written, values included, so this is SQL text and not bound values.
pub const OPEN_LINE: &str =
    "NOT po_lines.cancelled AND po_lines.milestone NOT IN ('ready_to_ship', 'shipped')";

/// Which open lines are expected after their commitment, written as the
/// partial indexes of the slipped lines are (migration 33), with
/// [`OPEN_LINE`] beside it.
pub const SLIPPED_LINE: &str = "po_lines.forecast_ready_date > po_lines.committed_ready_date";

/// The first `limit` lines of the scope in the list `filter` matching
/// `query`, in the list's order: its bands in turn, each by committed ready
/// date. A band is read only while the page has room, so a full page reads
/// as many lines as it shows.
pub async fn lines(
    db: &impl ConnectionTrait,
    scope: PoScope,
    filter: LineFilter,
    today: NaiveDate,
    query: Option<&str>,
    limit: u64,
) -> Result<Vec<PoLineRow>, DbErr> {
    let mut rows = Vec::new();
    for band in filter.bands() {
        let room = limit.saturating_sub(rows.len() as u64);
        if room == 0 {
            break;
        }
        let read = lines_select(scope, *band, today, query, room)
            .all(db)
            .await?;
        rows.extend(read);
    }
    Ok(with_their_orders(db, rows)
        .await?
        .into_iter()
        // The purchase order's own factory decides what is shown, whatever
        // the copy on the line said.
        .filter(|row| scope.holds(&row.po))
        .collect())
}

/// The lines with their purchase orders, in the lines' order; a line whose
/// purchase order is not found is left out. The purchase orders are read in
/// one statement of their own, each once: read in a join, every column of
/// both comes under a prefixed name, which sea-orm writes out anew for each
/// value of each row (7 % of the instructions of a factory's list), and
/// each row's purchase order is decoded again.
pub async fn with_their_orders(
    db: &impl ConnectionTrait,
    lines: Vec<po_line::Model>,
) -> Result<Vec<PoLineRow>, DbErr> {
    use std::collections::HashMap;
    if lines.is_empty() {
        return Ok(Vec::new());
    }
    let ids = super::distinct_ids(lines.iter().map(|l| l.purchase_order_id));
    let pos: HashMap<i32, purchase_order::Model> = purchase_order::Entity::find()
        .filter(purchase_order::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|po| (po.id, po))
        .collect();
    Ok(lines
        .into_iter()
        .filter_map(|line| {
            let po = pos.get(&line.purchase_order_id)?.clone();
            Some(PoLineRow { po, line })
        })
        .collect())
}

/// The query behind one band of [`lines`], apart so its plan can be
/// looked at. It reads the lines alone; their purchase orders are joined
/// only to be searched by number.
pub fn lines_select(
    scope: PoScope,
    band: Band,
    today: NaiveDate,
    query: Option<&str>,
    limit: u64,
) -> sea_orm::Select<po_line::Entity> {
    let finished = [Milestone::ReadyToShip.as_str(), Milestone::Shipped.as_str()];
    let committed = || Expr::col((po_line::Entity, po_line::Column::CommittedReadyDate));
    let in_factory = || Condition::all().add(Expr::cust(OPEN_LINE));
    let mut select = po_line::Entity::find()
        .filter(match scope {
            PoScope::All => Condition::all(),
            // The line's own copy of its purchase order's factory (kept by
            // the database, migration 21), so the factory's open lines are
            // found in one index, in date order.
            PoScope::Supplier(company) => Condition::all()
                .add(Expr::col((po_line::Entity, Alias::new("supplier_company_id"))).eq(company)),
        })
        .filter(match band {
            Band::Overdue => in_factory().add(committed().lt(today)),
            Band::Slipped => in_factory()
                .add(Expr::cust(SLIPPED_LINE))
                .add(committed().gte(today)),
            Band::OnTime => in_factory().add(committed().gte(today)).add(
                Condition::any()
                    .add(po_line::Column::ForecastReadyDate.is_null())
                    .add(Expr::cust(SLIPPED_LINE).not()),
            ),
            Band::Finished => Condition::all()
                .add(po_line::Column::Cancelled.eq(false))
                .add(po_line::Column::Milestone.is_in(finished)),
        });
    if let Some(query) = query.map(str::trim).filter(|q| !q.is_empty()) {
        // As in the order search: wildcards are taken literally, case ignored.
        let pattern = format!("%{}%", query.replace(['%', '_', '\\'], "").to_lowercase());
        let matches = |column: Expr| Expr::expr(Func::lower(column)).like(pattern.as_str());
        select = select.inner_join(purchase_order::Entity).filter(
            Condition::any()
                .add(matches(Expr::col((
                    purchase_order::Entity,
                    purchase_order::Column::Number,
                ))))
                .add(matches(Expr::col((
                    po_line::Entity,
                    po_line::Column::ProductCode,
                ))))
                .add(matches(Expr::col((
                    po_line::Entity,
                    po_line::Column::Description,
                )))),
        );
    }
    select
        .order_by_asc(po_line::Column::CommittedReadyDate)
        .order_by_asc(po_line::Column::Id)
        .limit(limit)
}

/// The line if it exists *and* lies in the scope; otherwise `None`.
pub async fn find_line(
    db: &impl ConnectionTrait,
    scope: PoScope,
    id: i32,
) -> Result<Option<PoLineRow>, DbErr> {
    let Some((line, Some(po))) = po_line::Entity::find_by_id(id)
        .find_also_related(purchase_order::Entity)
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    Ok(scope.holds(&po).then_some(PoLineRow { po, line }))
}

/// The lines of `ids` that exist and lie in the scope, in the order of
/// `ids`: two reads, however many lines.
pub async fn lines_by_ids(
    db: &impl ConnectionTrait,
    scope: PoScope,
    ids: &[i32],
) -> Result<Vec<PoLineRow>, DbErr> {
    use std::collections::HashMap;
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let lines = po_line::Entity::find()
        .filter(po_line::Column::Id.is_in(super::distinct_ids(ids.iter().copied())))
        .all(db)
        .await?;
    let found: HashMap<i32, PoLineRow> = with_their_orders(db, lines)
        .await?
        .into_iter()
        .filter(|row| scope.holds(&row.po))
        .map(|row| (row.line.id, row))
        .collect();
    Ok(ids.iter().filter_map(|id| found.get(id).cloned()).collect())
}

/// Up to `count` reports on a line, newest first: its newest, or those
/// made before the report `before`.
pub async fn reports_of_line(
    db: &impl ConnectionTrait,
    po_line_id: i32,
    before: Option<i32>,
    count: u64,
) -> Result<Vec<progress_update::Model>, DbErr> {
    reports_of_line_select(po_line_id, before, count)
        .all(db)
        .await
}

/// The query of `reports_of_line`: read in the index of the line's reports
/// (by line, then report), from where the page starts, and only as far as
/// the page goes, however many reports the line has.
pub fn reports_of_line_select(
    po_line_id: i32,
    before: Option<i32>,
    count: u64,
) -> sea_orm::Select<progress_update::Entity> {
    progress_update::Entity::find()
        .filter(progress_update::Column::PoLineId.eq(po_line_id))
        .apply_if(before, |select, id| {
            select.filter(progress_update::Column::Id.lt(id))
        })
        .order_by_desc(progress_update::Column::Id)
        .limit(count)
}

/// The reason given in the line's newest report that gave one.
pub async fn newest_reason(
    db: &impl ConnectionTrait,
    po_line_id: i32,
) -> Result<Option<String>, DbErr> {
    Ok(progress_update::Entity::find()
        .filter(progress_update::Column::PoLineId.eq(po_line_id))
        .filter(progress_update::Column::Reason.is_not_null())
        .order_by_desc(progress_update::Column::Id)
        .one(db)
        .await?
        .and_then(|r| r.reason))
}

/// The newest `count` progress reports on any of the lines, newest first;
/// no read for no lines.
pub async fn newest_of_lines(
    db: &impl ConnectionTrait,
    po_line_ids: &[i32],
    count: u64,
) -> Result<Vec<progress_update::Model>, DbErr> {
    if po_line_ids.is_empty() {
        return Ok(Vec::new());
    }
    newest_of_lines_select(po_line_ids, count).all(db).await
}

/// The query of `newest_of_lines`. The reports are chosen among the lines'
/// entries in the index of each line's reports and only those read, so an
/// order's page costs about the same whether its lines have had ten reports
/// or ten thousand.
///
/// The choice is ordered by `id + 0`, not `id`: ordered by the key itself,
/// PostgreSQL may walk every report newest first until it has met enough of
/// these lines' (it did at 300,000 reports: 142 ms for an order whose
/// reports were old, against 0.5 ms through the lines' index).
pub fn newest_of_lines_select(
    po_line_ids: &[i32],
    count: u64,
) -> sea_orm::Select<progress_update::Entity> {
    let newest = progress_update::Entity::find()
        .select_only()
        .column(progress_update::Column::Id)
        .filter(progress_update::Column::PoLineId.is_in(po_line_ids.iter().copied()))
        .order_by(
            Expr::col(progress_update::Column::Id).add(0),
            sea_orm::Order::Desc,
        )
        .limit(count)
        .into_query();
    progress_update::Entity::find()
        .filter(progress_update::Column::Id.in_subquery(newest))
        .order_by_desc(progress_update::Column::Id)
}

pub struct NewProgress<'a> {
    pub po_line_id: i32,
    pub user_id: Option<i32>,
    pub milestone: Milestone,
    pub quantity_done: i64,
    pub lot_quantity: Option<i64>,
    pub forecast_ready: Option<NaiveDate>,
    pub reason: Option<&'a str>,
    pub note: Option<&'a str>,
}

/// Writes the report and moves the line to it, if the line is still at
/// `expected_version`; false when someone updated it first.
pub async fn record(
    db: &impl ConnectionTrait,
    new: NewProgress<'_>,
    expected_version: i32,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Result<bool, DbErr> {
    let moved = po_line::Entity::update_many()
        .col_expr(
            po_line::Column::Milestone,
            Expr::value(new.milestone.as_str()),
        )
        .col_expr(
            po_line::Column::QuantityDone,
            Expr::value(new.quantity_done),
        )
        .col_expr(
            po_line::Column::ForecastReadyDate,
            Expr::value(new.forecast_ready),
        )
        .col_expr(po_line::Column::LastProgressAt, Expr::value(now))
        .col_expr(po_line::Column::Version, Expr::value(expected_version + 1))
        .filter(po_line::Column::Id.eq(new.po_line_id))
        .filter(po_line::Column::Version.eq(expected_version))
        .exec(db)
        .await?;
    if moved.rows_affected != 1 {
        return Ok(false);
    }
    if new.milestone.ready() {
        // The first day it was ready (the house's calendar day) is what
        // the factory is measured by.
        po_line::Entity::update_many()
            .col_expr(po_line::Column::ReadyOn, Expr::value(today))
            .filter(po_line::Column::Id.eq(new.po_line_id))
            .filter(po_line::Column::ReadyOn.is_null())
            .exec(db)
            .await?;
    }
    progress_update::ActiveModel {
        po_line_id: Set(new.po_line_id),
        at: Set(now),
        user_id: Set(new.user_id),
        milestone: Set(new.milestone),
        quantity_done: Set(new.quantity_done),
        lot_quantity: Set(new.lot_quantity),
        forecast_ready_date: Set(new.forecast_ready),
        reason: Set(new.reason.map(str::to_string)),
        note: Set(new.note.map(str::to_string)),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(true)
}

/// The customer order lines the given PO lines fill, each once.
pub async fn filled_lines(
    db: &impl ConnectionTrait,
    po_line_ids: &[i32],
) -> Result<Vec<order_line::Model>, DbErr> {
    if po_line_ids.is_empty() {
        return Ok(Vec::new());
    }
    let links = po_line_link::Entity::find()
        .filter(po_line_link::Column::PoLineId.is_in(po_line_ids.iter().copied()))
        .all(db)
        .await?;
    let ids = super::distinct_ids(links.iter().map(|l| l.order_line_id));
    super::orders::lines_by_ids(db, &ids).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_open_lines_condition_leaves_out_exactly_the_finished_milestones() {
        for milestone in Milestone::ALL {
            let named = OPEN_LINE.contains(&format!("'{}'", milestone.as_str()));
            assert_eq!(named, milestone.ready(), "{milestone:?}");
        }
    }
}
