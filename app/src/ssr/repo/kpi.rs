//! The database side of the staff workspace: aggregates over a period,
//! grouped so that few rows come back however big the book is (the
//! definitions that turn them into figures are in `domain::kpi`), and the
//! candidates for the at-risk board.

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{ConnectionTrait, DatabaseBackend, DbErr, QueryResult, Statement, Value};

use super::progress::OPEN_LINE;
use crate::domain::order_status::{OrderStatus, PurchaseOrderStatus};

/// A period of whole days, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl Period {
    pub fn start(self) -> DateTime<Utc> {
        self.from.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc()
    }

    /// The start of the day after the last; checked, so a period built
    /// around chrono's last day ends there rather than panicking.
    pub fn end(self) -> DateTime<Utc> {
        self.to
            .succ_opt()
            .unwrap_or(self.to)
            .and_hms_opt(0, 0, 0)
            .unwrap_or_default()
            .and_utc()
    }
}

/// Runs `sql`, written with `?` placeholders, on either backend.
pub(super) async fn rows(
    db: &impl ConnectionTrait,
    sql: &str,
    values: Vec<Value>,
) -> Result<Vec<QueryResult>, DbErr> {
    db.query_all_raw(statement(db.get_database_backend(), sql, values))
        .await
}

/// `sql`, written with `?` placeholders, for the backend.
pub(super) fn statement(backend: DatabaseBackend, sql: &str, values: Vec<Value>) -> Statement {
    let sql = if backend == DatabaseBackend::Postgres {
        let mut n = 0;
        sql.chars()
            .map(|c| {
                if c == '?' {
                    n += 1;
                    format!("${n}")
                } else {
                    c.to_string()
                }
            })
            .collect()
    } else {
        sql.to_string()
    };
    Statement::from_sql_and_values(backend, sql, values)
}

/// Names as a SQL list of literals, `('a', 'b')`: written out rather than
/// bound, so an index on the column can be chosen for them.
fn sql_list<'a>(names: impl IntoIterator<Item = &'a str>) -> String {
    let quoted: Vec<String> = names.into_iter().map(|n| format!("'{n}'")).collect();
    format!("({})", quoted.join(", "))
}

/// The milestones of a factory line still in work (not ready), as a SQL
/// list: named one by one so the open-work index finds them.
fn in_work() -> String {
    use crate::domain::progress::Milestone;
    sql_list(
        Milestone::ALL
            .into_iter()
            .filter(|m| !m.ready())
            .map(Milestone::as_str),
    )
}

/// `AND {factory} = ?` with its value, when one factory is asked about;
/// `factory` names the factory of the line `l` (which keeps it, migration
/// 21), written so that the plan wanted reads it.
fn one_factory(values: &mut Vec<Value>, supplier: Option<i32>, factory: &str) -> String {
    match supplier {
        Some(id) => {
            values.push(id.into());
            format!(" AND {factory} = ?")
        }
        None => String::new(),
    }
}

/// (confirmed, shipped) of the orders shipped in the period.
pub async fn shipped_orders(
    db: &impl ConnectionTrait,
    period: Period,
) -> Result<Vec<(NaiveDate, NaiveDate)>, DbErr> {
    rows(
        db,
        "SELECT confirmed_on, shipped_on FROM orders \
         WHERE shipped_on >= ? AND shipped_on <= ? AND confirmed_on IS NOT NULL",
        vec![period.from.into(), period.to.into()],
    )
    .await?
    .iter()
    .map(|r| Ok((r.try_get("", "confirmed_on")?, r.try_get("", "shipped_on")?)))
    .collect()
}

/// Per product, over the lines of orders shipped in the period: how many
/// had a committed date, how many of those shipped after it, and how many
/// had none (not measured). Each line keeps its order's shipping day
/// (migration 26), so the period's lines come from
/// `idx_order_lines_shipped_kpi` alone.
pub async fn delivery_by_product(
    db: &impl ConnectionTrait,
    period: Period,
) -> Result<Vec<ProductDelivery>, DbErr> {
    rows(
        db,
        "SELECT l.product_code AS name, \
         SUM(CASE WHEN l.committed_date IS NOT NULL THEN 1 ELSE 0 END) AS total, \
         SUM(CASE WHEN l.shipped_on > l.committed_date THEN 1 ELSE 0 END) AS late, \
         SUM(CASE WHEN l.committed_date IS NULL THEN 1 ELSE 0 END) AS unmeasured \
         FROM order_lines l \
         WHERE l.shipped_on >= ? AND l.shipped_on <= ? \
         GROUP BY l.product_code",
        vec![period.from.into(), period.to.into()],
    )
    .await?
    .iter()
    .map(|r| {
        let count = |column| -> Result<u64, DbErr> {
            Ok(r.try_get::<Option<i64>>("", column)?.unwrap_or(0) as u64)
        };
        Ok(ProductDelivery {
            product: r.try_get("", "name")?,
            committed: count("total")?,
            late: count("late")?,
            unmeasured: count("unmeasured")?,
        })
    })
    .collect()
}

/// One product's lines shipped in a period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProductDelivery {
    pub product: String,
    /// Lines with a committed date.
    pub committed: u64,
    /// Of those, shipped after it.
    pub late: u64,
    /// Lines without a committed date.
    pub unmeasured: u64,
}

/// (asked, decided) of the change requests the house decided in the period.
pub async fn decided_requests(
    db: &impl ConnectionTrait,
    period: Period,
) -> Result<Vec<(DateTime<Utc>, DateTime<Utc>)>, DbErr> {
    use crate::ssr::entities::change_request;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QuerySelect};
    change_request::Entity::find()
        .select_only()
        .column(change_request::Column::CreatedAt)
        .column(change_request::Column::DecidedAt)
        .filter(change_request::Column::DecidedAt.gte(period.start()))
        .filter(change_request::Column::DecidedAt.lt(period.end()))
        .into_tuple::<(DateTime<Utc>, Option<DateTime<Utc>>)>()
        .all(db)
        .await
        .map(|list| {
            list.into_iter()
                .filter_map(|(asked, decided)| Some((asked, decided?)))
                .collect()
        })
}

/// Mails queued in the period, by kind.
pub async fn mails_by_kind(
    db: &impl ConnectionTrait,
    period: Period,
) -> Result<Vec<(String, u64)>, DbErr> {
    use crate::ssr::entities::outbox;
    use sea_orm::sea_query::Expr;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QuerySelect};
    outbox::Entity::find()
        .select_only()
        .column(outbox::Column::Kind)
        .column_as(Expr::cust("COUNT(*)"), "n")
        .filter(outbox::Column::CreatedAt.gte(period.start()))
        .filter(outbox::Column::CreatedAt.lt(period.end()))
        .group_by(outbox::Column::Kind)
        .into_tuple::<(String, i64)>()
        .all(db)
        .await
        .map(|list| list.into_iter().map(|(k, n)| (k, n as u64)).collect())
}

/// Per supplier: factory lines first ready in the period, how many after
/// their committed ready date, and the days late summed over those.
pub async fn readiness_by_supplier(
    db: &impl ConnectionTrait,
    period: Period,
    supplier: Option<i32>,
) -> Result<Vec<(i32, u64, u64, i64)>, DbErr> {
    // Per factory and day made ready, the database keeps the lines, the
    // lines late and the days late (`ready_tallies`, migration 37): the
    // period is a range of at most one row per factory and day.
    let mut values: Vec<Value> = vec![period.from.into(), period.to.into()];
    let only = one_factory(&mut values, supplier, "t.supplier_company_id");
    let sql = format!(
        "SELECT t.supplier_company_id AS supplier, CAST(SUM(t.lines) AS BIGINT) AS total, \
         CAST(SUM(t.late) AS BIGINT) AS late, \
         CAST(SUM(t.days_late) AS BIGINT) AS days_late \
         FROM ready_tallies t \
         WHERE t.ready_on >= ? AND t.ready_on <= ?{only} \
         GROUP BY t.supplier_company_id HAVING SUM(t.lines) > 0"
    );
    rows(db, &sql, values)
        .await?
        .iter()
        .map(|r| {
            Ok((
                r.try_get("", "supplier")?,
                r.try_get::<i64>("", "total")? as u64,
                r.try_get::<Option<i64>>("", "late")?.unwrap_or(0) as u64,
                r.try_get::<Option<i64>>("", "days_late")?.unwrap_or(0),
            ))
        })
        .collect()
}

/// Per supplier: its open factory lines (not ready, not cancelled, on an
/// open purchase order) and how many of them it reported on since `since`
/// (a line never reported on counts from the day it was placed).
pub async fn freshness_by_supplier(
    db: &impl ConnectionTrait,
    since: DateTime<Utc>,
    supplier: Option<i32>,
) -> Result<Vec<(i32, u64, u64)>, DbErr> {
    db.query_all_raw(freshness_statement(
        db.get_database_backend(),
        since,
        supplier,
    ))
    .await?
    .iter()
    .map(|r| {
        Ok((
            r.try_get("", "supplier")?,
            r.try_get::<i64>("", "total")? as u64,
            r.try_get::<Option<i64>>("", "fresh")?.unwrap_or(0) as u64,
        ))
    })
    .collect()
}

/// The read of [`freshness_by_supplier`].
pub fn freshness_statement(
    backend: DatabaseBackend,
    since: DateTime<Utc>,
    supplier: Option<i32>,
) -> Statement {
    match supplier {
        Some(id) => one_factorys_freshness(backend, since, id),
        None => every_factorys_freshness(backend, since),
    }
}

/// How many of the lines counted are heard of since the value bound.
const HEARD: &str = "COALESCE(SUM(CASE WHEN po_lines.heard_at >= ? THEN 1 ELSE 0 END), 0)";

/// Every factory's open lines, as [`one_factorys_freshness`] counts one
/// factory's: grouped in the index of open lines by factory and the moment
/// it was last heard of on each, less the open lines of the cancelled
/// purchase orders of the factories found there. No purchase order is
/// looked up per line, and no line that is not open is read.
fn every_factorys_freshness(backend: DatabaseBackend, since: DateTime<Utc>) -> Statement {
    statement(
        backend,
        &format!(
            "WITH a AS (SELECT po_lines.supplier_company_id AS supplier, COUNT(*) AS total, \
               {HEARD} AS fresh FROM po_lines \
               WHERE po_lines.supplier_company_id IS NOT NULL AND {OPEN_LINE} \
               GROUP BY po_lines.supplier_company_id), \
             b AS (SELECT po_lines.supplier_company_id AS supplier, COUNT(*) AS total, \
               {HEARD} AS fresh FROM purchase_orders p CROSS JOIN po_lines \
               WHERE p.supplier_company_id IN (SELECT supplier FROM a) AND p.status = ? \
               AND po_lines.purchase_order_id = p.id \
               AND po_lines.supplier_company_id = p.supplier_company_id AND {OPEN_LINE} \
               GROUP BY po_lines.supplier_company_id) \
             SELECT a.supplier AS supplier, a.total - COALESCE(b.total, 0) AS total, \
               a.fresh - COALESCE(b.fresh, 0) AS fresh \
             FROM a LEFT JOIN b ON b.supplier = a.supplier \
             WHERE a.total > COALESCE(b.total, 0) ORDER BY a.supplier"
        ),
        vec![
            since.into(),
            since.into(),
            PurchaseOrderStatus::Cancelled.as_str().into(),
        ],
    )
}

/// One factory's open lines, counted in the index of its open lines by the
/// moment it was last heard of on each (`heard_at`, kept on the line by the
/// database, migration 36; the index's condition written as the query's,
/// see `OPEN_LINE`): no purchase order is looked up. Less the open lines of
/// its purchase orders that are not open (cancelled), read from those
/// purchase orders (`idx_purchase_orders_supplier_open`) and their open
/// lines (`idx_po_lines_open_freshness`): few, however long the history.
/// No row when the factory has no open line.
fn one_factorys_freshness(backend: DatabaseBackend, since: DateTime<Utc>, id: i32) -> Statement {
    let values: Vec<Value> = vec![
        id.into(),
        since.into(),
        id.into(),
        since.into(),
        id.into(),
        PurchaseOrderStatus::Cancelled.as_str().into(),
        id.into(),
    ];
    statement(
        backend,
        &format!(
            "SELECT CAST(? AS INTEGER) AS supplier, a.total - b.total AS total, \
               a.fresh - b.fresh AS fresh FROM \
             (SELECT COUNT(*) AS total, {HEARD} AS fresh FROM po_lines \
              WHERE po_lines.supplier_company_id = ? AND {OPEN_LINE}) a, \
             (SELECT COUNT(*) AS total, {HEARD} AS fresh \
              FROM purchase_orders p CROSS JOIN po_lines \
              WHERE p.supplier_company_id = ? AND p.status = ? \
              AND po_lines.purchase_order_id = p.id \
              AND po_lines.supplier_company_id = ? AND {OPEN_LINE}) b \
             WHERE a.total > b.total"
        ),
        values,
    )
}

/// The changes asked before `end`, each with its line's factory (one
/// factory's, or every factory's).
///
/// Read from the changes (few) to their lines by key, which keep their
/// factory: not through every line the factory ever made. Without table
/// statistics SQLite prefers the equality on the lines' factory, which an
/// index of the lines serves, and probed the changes once for each of a
/// large factory's 100,000 lines (10 ms at 1 M lines, with no change at
/// all); the unary `+` keeps that index out of the plan. PostgreSQL plans
/// from its statistics.
pub fn acknowledgements_statement(
    backend: DatabaseBackend,
    end: DateTime<Utc>,
    supplier: Option<i32>,
) -> Statement {
    let mut values: Vec<Value> = vec![end.into()];
    let only = one_factory(&mut values, supplier, "+l.supplier_company_id");
    statement(
        backend,
        &format!(
            "SELECT l.supplier_company_id AS supplier, c.created_at AS asked, \
             c.acknowledged_at AS acknowledged \
             FROM po_line_changes c JOIN po_lines l ON l.id = c.po_line_id \
             WHERE c.created_at < ?{only}"
        ),
        values,
    )
}

/// Per supplier: (asked, acknowledged) of the changes it was asked to
/// acknowledge before the end of the period; `None` while still waiting.
pub async fn acknowledgements(
    db: &impl ConnectionTrait,
    period: Period,
    supplier: Option<i32>,
) -> Result<Vec<(i32, DateTime<Utc>, Option<DateTime<Utc>>)>, DbErr> {
    db.query_all_raw(acknowledgements_statement(
        db.get_database_backend(),
        period.end(),
        supplier,
    ))
    .await?
    .iter()
    .map(|r| {
        Ok((
            r.try_get("", "supplier")?,
            r.try_get("", "asked")?,
            r.try_get("", "acknowledged")?,
        ))
    })
    .collect()
}

/// Per customer and currency: the value of the orders confirmed in the
/// period (minor units), cancelled orders left out.
pub async fn revenue_by_customer(
    db: &impl ConnectionTrait,
    period: Period,
) -> Result<Vec<(i32, String, i64)>, DbErr> {
    rows(
        db,
        // Each order keeps its value (migration 24), and the period's orders
        // with their value are all in `idx_orders_confirmed_kpi`.
        "SELECT customer_company_id AS customer, currency, \
         CAST(SUM(value_minor) AS BIGINT) AS revenue \
         FROM orders \
         WHERE confirmed_on >= ? AND confirmed_on <= ? AND status <> ? \
         GROUP BY customer_company_id, currency",
        vec![period.from.into(), period.to.into(), "cancelled".into()],
    )
    .await?
    .iter()
    .map(|r| {
        Ok((
            r.try_get("", "customer")?,
            r.try_get("", "currency")?,
            r.try_get::<Option<i64>>("", "revenue")?.unwrap_or(0),
        ))
    })
    .collect()
}

/// The most lines the board looks at, earliest commitments first.
pub const BOARD_LIMIT: usize = 2000;

/// The board's candidate lines, earliest commitments first, at most
/// [`BOARD_LIMIT`]; `more` when there were more than that.
pub struct BoardCandidates {
    pub ids: Vec<i32>,
    pub more: bool,
}

/// The open customer lines that may be at risk on `today`: slipping or
/// overdue, on an order with a change request waiting for the house, or
/// filled by a factory line with a change not acknowledged or no report
/// since `stale_before`. The rules in `domain::at_risk::risks` decide.
///
/// The lines are looked for only on the orders that can hold one: open
/// orders whose kept summary (migration 20) says a line slips or a
/// commitment has passed, read from `idx_orders_status_summary`, and the
/// orders of the few change requests, unacknowledged changes and stale
/// factory lines (those start from the open-work index). The full
/// condition is then asked of those orders' lines alone, so neither the
/// book's history nor the lines of orders going well are walked. One line
/// more than the limit is read, to know whether the board is whole.
pub async fn board_candidates(
    db: &impl ConnectionTrait,
    today: NaiveDate,
    stale_before: DateTime<Utc>,
) -> Result<BoardCandidates, DbErr> {
    let found = rows(
        db,
        &format!(
            "WITH stale AS ( \
               SELECT k.order_line_id AS id FROM po_lines p \
               JOIN purchase_orders po ON po.id = p.purchase_order_id \
               JOIN po_line_links k ON k.po_line_id = p.id \
               WHERE po.status = 'open' AND p.cancelled = ? AND p.milestone IN {in_work} \
               AND (p.last_progress_at < ? OR p.last_progress_at IS NULL) \
               AND (p.last_progress_at < ? OR (p.last_progress_at IS NULL AND po.created_at < ?))), \
             unacknowledged AS ( \
               SELECT k.order_line_id AS id FROM po_line_links k \
               WHERE k.po_line_id IN (SELECT c.po_line_id FROM po_line_changes c \
                 WHERE c.acknowledged_at IS NULL)) \
             SELECT l.id AS id FROM order_lines l JOIN orders o ON o.id = l.order_id \
             WHERE o.status IN {open} AND l.order_id IN ( \
                 SELECT c.id FROM orders c WHERE c.status IN {open} \
                   AND (c.most_slip > 0 OR (c.earliest_committed < ? AND c.status <> 'ready')) \
                 UNION SELECT order_id FROM change_requests WHERE status = 'open' \
                 UNION SELECT x.order_id FROM order_lines x WHERE x.id IN (SELECT id FROM unacknowledged) \
                 UNION SELECT x.order_id FROM order_lines x WHERE x.id IN (SELECT id FROM stale)) \
             AND ( \
               l.forecast_date > l.committed_date \
               OR (l.committed_date < ? AND o.status <> 'ready') \
               OR o.id IN (SELECT order_id FROM change_requests WHERE status = 'open') \
               OR l.id IN (SELECT id FROM unacknowledged) \
               OR l.id IN (SELECT id FROM stale) \
             ) ORDER BY CASE WHEN l.committed_date IS NULL THEN 1 ELSE 0 END, l.committed_date, l.id \
             LIMIT ?",
            in_work = in_work(),
            open = sql_list(OrderStatus::IN_PRODUCTION.map(OrderStatus::as_str)),
        ),
        vec![
            false.into(),
            stale_before.into(),
            stale_before.into(),
            stale_before.into(),
            today.into(),
            today.into(),
            (BOARD_LIMIT as i64 + 1).into(),
        ],
    )
    .await?;
    let mut ids = found
        .iter()
        .map(|r| r.try_get("", "id"))
        .collect::<Result<Vec<i32>, DbErr>>()?;
    let more = ids.len() > BOARD_LIMIT;
    ids.truncate(BOARD_LIMIT);
    Ok(BoardCandidates { ids, more })
}
