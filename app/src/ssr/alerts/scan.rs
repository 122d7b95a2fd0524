//! The periodic scan: slips and quiet spells that time alone brings about.

use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::sea_query::ExprTrait as _;
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QuerySelect,
    QueryTrait,
};

use super::send::send;
use super::{AlertContext, Audience, assess_order_line, assess_po_line};
use crate::domain::order_status::OrderStatus;
use crate::domain::progress::{Milestone, is_stale};
use crate::domain::slip::AlertKind;
use crate::ssr::AppState;
use crate::ssr::entities::{order, order_line, po_line, purchase_order};
use crate::ssr::repo::progress::PoLineRow;
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
    for person in people.of_company(row.po.supplier_company_id, AlertKind::StaleReminder, &[]) {
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

/// Assesses the open PO lines and the customer lines of orders in
/// production that may need it, for slips and reminders that time alone
/// brings about.
pub async fn scan(db: &impl ConnectionTrait, ctx: &AlertContext) -> Result<ScanReport, DbErr> {
    let people = Audience::load(db).await?;
    let mut report = ScanReport::default();
    for (line, po) in po_lines_to_assess(db, ctx).await? {
        let Some(po) = po else { continue };
        let row = PoLineRow { po, line };
        report.po_lines += 1;
        report.mails += assess_po_line(db, ctx, &people, &row).await?;
        report.mails += remind_if_stale(db, ctx, &people, &row).await?;
    }
    let lines = order_lines_to_assess(db, ctx).await?;
    let by_id = orders_of(db, &lines).await?;
    for line in &lines {
        if let Some(order) = by_id.get(&line.order_id) {
            report.order_lines += 1;
            report.mails += assess_order_line(db, ctx, &people, order, line).await?;
        }
    }
    Ok(report)
}

/// One scan in one unit of work, as the periodic job runs it; the commit
/// wakes the outbox worker. A scan that queued no mail and noted nothing
/// for anyone wrote only the levels it remembers per line, which no page
/// shows: everything kept stays kept.
pub async fn scan_and_commit(state: &AppState) -> Result<ScanReport, ApiError> {
    let mut work = UnitOfWork::begin(state).await?;
    work.watch_notifications().await?;
    let report = scan(&work.tx, &state.alert_context()).await?;
    if report.mails == 0 {
        work.shows_nothing();
    }
    work.commit(state).await?;
    Ok(report)
}

/// Lines last reported before this moment (the start of a day) may have
/// been quiet long enough to be stale.
fn stale_cutoff(ctx: &AlertContext) -> DateTime<Utc> {
    (ctx.today() - Duration::days(i64::from(ctx.stale_after_days)) + Duration::days(1))
        .and_hms_opt(0, 0, 0)
        .unwrap_or_default()
        .and_utc()
}

/// Only lines with something to assess: alerted before, running late, or
/// quiet long enough to be stale (the rules decide). A line on time, never
/// alerted and recently reported needs nothing.
async fn po_lines_to_assess(
    db: &impl ConnectionTrait,
    ctx: &AlertContext,
) -> Result<Vec<(po_line::Model, Option<purchase_order::Model>)>, DbErr> {
    let cutoff = stale_cutoff(ctx);
    po_line::Entity::find()
        .find_also_related(purchase_order::Entity)
        .filter(purchase_order::Column::Status.eq("open"))
        .filter(po_line::Column::Cancelled.eq(false))
        // Named one by one (not "not shipped") so the open-work index finds
        // them without walking the shipped history.
        .filter(
            po_line::Column::Milestone.is_in(
                Milestone::ALL
                    .iter()
                    .filter(|m| **m != Milestone::Shipped)
                    .map(|m| m.as_str()),
            ),
        )
        .filter(
            Condition::any()
                .add(po_line::Column::AlertLevel.ne(0))
                .add(
                    Expr::col((po_line::Entity, po_line::Column::ForecastReadyDate)).gt(Expr::col(
                        (po_line::Entity, po_line::Column::CommittedReadyDate),
                    )),
                )
                .add(po_line::Column::LastProgressAt.lt(cutoff))
                .add(
                    Condition::all()
                        .add(po_line::Column::LastProgressAt.is_null())
                        .add(purchase_order::Column::CreatedAt.lt(cutoff)),
                ),
        )
        .all(db)
        .await
}

/// The customer lines of orders in production that were alerted before,
/// are slipping, or are past the commitment and not yet told.
async fn order_lines_to_assess(
    db: &impl ConnectionTrait,
    ctx: &AlertContext,
) -> Result<Vec<order_line::Model>, DbErr> {
    let in_production = order::Entity::find()
        .select_only()
        .column(order::Column::Id)
        .filter(order::Column::Status.is_in([
            OrderStatus::Confirmed.as_str(),
            OrderStatus::InProduction.as_str(),
            OrderStatus::Ready.as_str(),
        ]))
        .into_query();
    order_line::Entity::find()
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
                        .add(order_line::Column::CommittedDate.lt(ctx.today())),
                ),
        )
        .all(db)
        .await
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
