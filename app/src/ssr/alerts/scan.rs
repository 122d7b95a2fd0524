//! The periodic scan: slips and quiet spells that time alone brings about.

use std::collections::HashMap;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::sea_query::ExprTrait as _;
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DatabaseBackend, DbErr, EntityTrait, QueryFilter,
    QuerySelect, QueryTrait, Select, TransactionTrait,
};

use super::send::send;
use super::{AlertContext, Audience, assess_order_line, assess_po_line};
use crate::domain::order_status::OrderStatus;
use crate::domain::progress::{Milestone, is_stale};
use crate::domain::slip::AlertKind;
use crate::ssr::AppState;
use crate::ssr::again::again_when_refused;
use crate::ssr::entities::{order, order_line, po_line, purchase_order};
use crate::ssr::repo::orders;
use crate::ssr::repo::progress::{self, PoLineRow};
use crate::ssr::work::UnitOfWork;
use crate::wire::ApiError;

/// A reminder to the factory when a line in production has had no report for
/// the configured days; once per quiet spell (the key names its last report).
pub async fn remind_if_stale(
    db: &impl ConnectionTrait,
    ctx: &AlertContext,
    people: &Audience,
    row: &PoLineRow,
) -> Result<usize, DbErr> {
    let state = row.state();
    let last = row.line.last_progress_at.unwrap_or(row.po.created_at);
    if !is_stale(&state, ctx.day_of(last), ctx.today(), ctx.stale_after_days) {
        return Ok(0);
    }
    let quiet = (ctx.today() - ctx.day_of(last)).num_days();
    let mut queued = 0;
    for person in &people
        .of_company(
            db,
            row.po.supplier_company_id,
            AlertKind::StaleReminder,
            &[],
        )
        .await?
    {
        let values = vec![
            ("po", row.po.number.clone()),
            ("line", row.line.line_no.to_string()),
            ("product", row.line.product_code.clone()),
            ("days", quiet.to_string()),
        ];
        let key = format!("po:{}:{}", row.line.id, last.timestamp());
        let path = format!("/supplier/lines/{}", row.line.id);
        queued += usize::from(
            send(
                db,
                ctx,
                AlertKind::StaleReminder,
                person,
                &key,
                &path,
                values,
            )
            .await?,
        );
    }
    Ok(queued)
}

/// What a full scan found and did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ScanReport {
    pub po_lines: usize,
    pub order_lines: usize,
    pub mails: usize,
}

/// How many lines one unit of work of the periodic scan assesses: a
/// progress report waits behind at most one such batch, not a whole pass.
pub const SCAN_BATCH: usize = 250;

/// Which lines a scan assesses, by id: those with something to assess.
#[derive(Debug, Clone, Default)]
pub struct ScanPlan {
    po_lines: Vec<i32>,
    order_lines: Vec<i32>,
}

impl ScanPlan {
    /// Finds the lines that may need assessing. Reading the plan writes
    /// nothing, so it may run outside any write.
    pub async fn find(db: &impl ConnectionTrait, ctx: &AlertContext) -> Result<Self, DbErr> {
        Ok(Self {
            po_lines: po_lines_to_assess(stale_cutoff(ctx))
                .into_tuple()
                .all(db)
                .await?,
            order_lines: order_lines_to_assess(ctx.today())
                .into_tuple()
                .all(db)
                .await?,
        })
    }

    /// The plan in parts of at most `size` lines each.
    pub fn batches(&self, size: usize) -> Vec<ScanPlan> {
        let size = size.max(1);
        let po = self.po_lines.chunks(size).map(|ids| ScanPlan {
            po_lines: ids.to_vec(),
            order_lines: Vec::new(),
        });
        let orders = self.order_lines.chunks(size).map(|ids| ScanPlan {
            po_lines: Vec::new(),
            order_lines: ids.to_vec(),
        });
        po.chain(orders).collect()
    }

    /// Assesses the planned lines that are still open work, each read again
    /// by its id (a report since the plan may have changed it, or assessed
    /// it already). Whether time brought anything about is left to the
    /// rules, which alert nothing for a line that needs nothing; the plan's
    /// other conditions only spared reading such lines, and asked again here
    /// they led SQLite to walk every open line once per batch.
    pub async fn assess(
        &self,
        db: &impl ConnectionTrait,
        ctx: &AlertContext,
        people: &Audience,
    ) -> Result<ScanReport, DbErr> {
        let mut report = ScanReport::default();
        for chunk in self.po_lines.chunks(SCAN_BATCH) {
            let lines = po_line::Entity::find()
                .filter(po_line::Column::Id.is_in(chunk.iter().copied()))
                .all(db)
                .await?;
            for row in progress::with_their_orders(db, lines).await? {
                if row.state().po_closed || row.line.milestone == Milestone::Shipped {
                    continue;
                }
                report.po_lines += 1;
                report.mails += assess_po_line(db, ctx, people, &row).await?;
                report.mails += remind_if_stale(db, ctx, people, &row).await?;
            }
        }
        for chunk in self.order_lines.chunks(SCAN_BATCH) {
            let lines = orders::lines_by_ids(db, chunk).await?;
            let by_id = orders_of(db, &lines).await?;
            for line in &lines {
                let Some(order) = by_id.get(&line.order_id) else {
                    continue;
                };
                if !OrderStatus::IN_PRODUCTION.contains(&order.status) {
                    continue;
                }
                report.order_lines += 1;
                report.mails += assess_order_line(db, ctx, people, order, line).await?;
            }
        }
        Ok(report)
    }
}

impl std::ops::AddAssign for ScanReport {
    fn add_assign(&mut self, other: Self) {
        self.po_lines += other.po_lines;
        self.order_lines += other.order_lines;
        self.mails += other.mails;
    }
}

/// The scan for slips and reminders that time alone brings about, in
/// batches of `SCAN_BATCH` lines (`scan_in_batches`), one straight after
/// the other.
pub async fn scan_and_commit(state: &AppState) -> Result<ScanReport, ApiError> {
    scan_in_batches(state, SCAN_BATCH).await
}

/// The scan as the periodic job runs it: as [`scan_and_commit`], resting
/// after each batch for as long as the batch took, with no transaction
/// open. A pass over a large book then takes about twice as long and at
/// most half of one core's time, and leaves the rest of a small server to
/// the people reading pages and the factories reporting (`BENCHMARKS.md`).
pub async fn scan_paced(state: &AppState) -> Result<ScanReport, ApiError> {
    scan_batches(state, SCAN_BATCH, Pace::Rest).await
}

/// Whether the scan rests between its batches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pace {
    Straight,
    Rest,
}

/// The plan and the audience are read outside any write; the lines are
/// then assessed in batches of `size`, each in its own unit of work, so
/// writers wait behind one batch at most. Each commit wakes the outbox
/// worker. A batch writes only the levels and marks it remembers per line,
/// which no page shows, and its alerts: a batch that alerted nobody keeps
/// everything kept, one that alerted drops the pages of the people it told
/// (their unread counts) and the reads that name no part (the house's
/// boards); customers' and factories' other pages stay kept.
pub async fn scan_in_batches(state: &AppState, size: usize) -> Result<ScanReport, ApiError> {
    scan_batches(state, size, Pace::Straight).await
}

async fn scan_batches(state: &AppState, size: usize, pace: Pace) -> Result<ScanReport, ApiError> {
    let ctx = state.alert_context();
    // In a transaction of its own only so that the scan's setting holds for
    // the scan alone (`in_the_background`).
    let read = state.reports.begin().await?;
    in_the_background(&read).await?;
    let plan = ScanPlan::find(&read, &ctx).await?;
    read.commit().await?;
    let people = Audience::load(&state.reports).await?;
    let mut report = ScanReport::default();
    for batch in plan.batches(size) {
        let started = std::time::Instant::now();
        // A batch the database refuses to end a deadlock with a report is
        // assessed again, so the pass goes on.
        let part = again_when_refused(|| async {
            let mut work = UnitOfWork::begin(state).await?;
            in_the_background(&work.tx).await?;
            let part = batch.assess(&work.tx, &ctx, &people).await?;
            if part.mails == 0 {
                work.shows_nothing();
            } else {
                work.touches_no_part();
            }
            work.commit(state).await?;
            Ok(part)
        })
        .await?;
        report += part;
        if pace == Pace::Rest {
            tokio::time::sleep(started.elapsed()).await;
        }
    }
    Ok(report)
}

/// Marks the transaction in hand as background work: on PostgreSQL its
/// queries get no parallel workers, so a pass of the scan over a large book
/// keeps to one core and leaves the other to the people reading pages
/// (`BENCHMARKS.md`). Nothing on SQLite, where a query never runs in
/// parallel.
pub async fn in_the_background(tx: &impl ConnectionTrait) -> Result<(), DbErr> {
    if tx.get_database_backend() == DatabaseBackend::Postgres {
        tx.execute_unprepared("SET LOCAL max_parallel_workers_per_gather = 0")
            .await?;
    }
    Ok(())
}

/// Lines last reported before this moment (the start of a day) may have
/// been quiet long enough to be stale.
fn stale_cutoff(ctx: &AlertContext) -> DateTime<Utc> {
    (ctx.today() - Duration::days(i64::from(ctx.stale_after_days)) + Duration::days(1))
        .and_hms_opt(0, 0, 0)
        .unwrap_or_default()
        .and_utc()
}

/// Which factory lines the scan looks at: neither cancelled nor shipped.
/// As SQL text, written as the index that answers the plan's question is
/// (migration 32): a database uses a partial index only for a query whose
/// conditions contain its condition as written.
const TO_ASSESS: &str = "NOT po_lines.cancelled AND po_lines.milestone <> 'shipped'";

/// The ids of the factory lines with something to assess: alerted before,
/// running late, or quiet long enough to be stale (the rules decide). A
/// line on time, never alerted and reported on since `stale_cutoff` needs
/// nothing. Everything asked of the line is in its index (migration 32).
pub fn po_lines_to_assess(stale_cutoff: DateTime<Utc>) -> Select<po_line::Entity> {
    po_line::Entity::find()
        .select_only()
        .column(po_line::Column::Id)
        .inner_join(purchase_order::Entity)
        .filter(purchase_order::Column::Status.eq("open"))
        .filter(Expr::cust(TO_ASSESS))
        .filter(
            Condition::any()
                .add(po_line::Column::AlertLevel.ne(0))
                .add(
                    Expr::col((po_line::Entity, po_line::Column::ForecastReadyDate)).gt(Expr::col(
                        (po_line::Entity, po_line::Column::CommittedReadyDate),
                    )),
                )
                .add(po_line::Column::LastProgressAt.lt(stale_cutoff))
                .add(
                    Condition::all()
                        .add(po_line::Column::LastProgressAt.is_null())
                        .add(purchase_order::Column::CreatedAt.lt(stale_cutoff)),
                ),
        )
}

/// The ids of the customer lines of orders in production that were alerted
/// before, are slipping, or are past the commitment by `today` and not yet
/// told. Everything asked of the line is in its index (migration 32).
pub fn order_lines_to_assess(today: NaiveDate) -> Select<order_line::Entity> {
    let in_production = order::Entity::find()
        .select_only()
        .column(order::Column::Id)
        .filter(order::Column::Status.is_in(OrderStatus::IN_PRODUCTION.map(OrderStatus::as_str)))
        .into_query();
    order_line::Entity::find()
        .select_only()
        .column(order_line::Column::Id)
        .filter(order_line::Column::OrderId.in_subquery(in_production))
        .filter(
            Condition::any()
                .add(order_line::Column::AlertLevel.ne(0))
                .add(
                    Expr::col((order_line::Entity, order_line::Column::ForecastDate)).gt(
                        Expr::col((order_line::Entity, order_line::Column::CommittedDate)),
                    ),
                )
                .add(
                    Condition::all()
                        .add(order_line::Column::OverdueAlerted.eq(false))
                        .add(order_line::Column::CommittedDate.lt(today)),
                ),
        )
}

/// Only the orders of those lines, a bounded number of ids per query.
async fn orders_of(
    db: &impl ConnectionTrait,
    lines: &[order_line::Model],
) -> Result<HashMap<i32, order::Model>, DbErr> {
    let mut ids: Vec<i32> = lines.iter().map(|l| l.order_id).collect();
    ids.sort_unstable();
    ids.dedup();
    let mut by_id = HashMap::new();
    for chunk in ids.chunks(500) {
        for o in order::Entity::find()
            .filter(order::Column::Id.is_in(chunk.iter().copied()))
            .all(db)
            .await?
        {
            by_id.insert(o.id, o);
        }
    }
    Ok(by_id)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan(po: std::ops::Range<i32>, orders: std::ops::Range<i32>) -> ScanPlan {
        ScanPlan {
            po_lines: po.collect(),
            order_lines: orders.collect(),
        }
    }

    #[test]
    fn batches_hold_every_planned_line_once_and_none_is_larger_than_asked() {
        let whole = plan(1..601, 1000..1010);
        let batches = whole.batches(250);
        assert!(
            batches
                .iter()
                .all(|b| b.po_lines.len() + b.order_lines.len() <= 250)
        );
        let po: Vec<i32> = batches.iter().flat_map(|b| b.po_lines.clone()).collect();
        let orders: Vec<i32> = batches.iter().flat_map(|b| b.order_lines.clone()).collect();
        assert_eq!(po, whole.po_lines);
        assert_eq!(orders, whole.order_lines);
        assert_eq!(batches.len(), 4, "three of PO lines, one of order lines");
    }

    #[test]
    fn the_scan_leaves_out_shipped_lines_and_only_those() {
        for milestone in Milestone::ALL {
            let named = TO_ASSESS.contains(&format!("'{}'", milestone.as_str()));
            assert_eq!(named, milestone == Milestone::Shipped, "{milestone:?}");
        }
        assert!(TO_ASSESS.contains("NOT po_lines.cancelled"));
    }

    #[test]
    fn an_empty_plan_has_no_batch_and_a_zero_size_is_taken_as_one() {
        assert!(ScanPlan::default().batches(250).is_empty());
        assert_eq!(plan(1..4, 0..0).batches(0).len(), 3);
    }
}
