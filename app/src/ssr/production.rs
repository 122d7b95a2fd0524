//! What a factory's progress means for the customers' orders. After a PO line
//! moves, every customer line it fills gets its forecast recomputed from all
//! the factory lines behind it, each affected order's production status
//! follows its lines, and the customer's timeline says what happened — in the
//! same transaction as the report itself. The factory stays anonymous on the
//! customer's timeline (no actor is named).

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{ConnectionTrait, DbErr, EntityTrait};

use crate::domain::dates::LineDates;
use crate::domain::order_status::{LineProgress, status_from_progress};
use crate::domain::progress::{Milestone, customer_forecast};
use crate::ssr::alerts::{AlertContext, Audience, assess_order_line, assess_po_line};
use crate::ssr::entities::{order, order_line};
use crate::ssr::live::Outgoing;
use crate::ssr::repo::orders::{self, NewEvent, OrderScope};
use crate::ssr::repo::purchase_orders::{self, PlacedLine};
use crate::ssr::repo::{distinct_ids, progress};

/// A PO line that just moved from one milestone to another.
pub struct Moved {
    pub po_line_id: i32,
    pub from: Milestone,
    pub to: Milestone,
}

/// Something the customer's timeline says happened to the order.
struct Happened {
    kind: &'static str,
    summary: String,
    before: Option<String>,
    after: Option<String>,
}

/// What following the factory touched.
#[derive(Debug, Default)]
pub struct Followed {
    /// Alert mails queued.
    pub mails: usize,
    /// Every order with a line behind a moved factory line, finished ones
    /// too (the house's view of them shows the factory line), with its
    /// customer: (order, customer company).
    pub orders: Vec<(i32, i32)>,
}

pub async fn follow_factory(
    db: &impl ConnectionTrait,
    moved: &[Moved],
    outgoing: &mut Outgoing,
    alerts: &AlertContext,
) -> Result<Followed, DbErr> {
    let now = alerts.now;
    let today = alerts.house_zone.date_of(now);
    // Read only if a moved line alerts someone.
    let people = Audience::when_needed();
    let mut mails = assess_moved(db, alerts, &people, moved).await?;
    let moved_ids: Vec<i32> = moved.iter().map(|m| m.po_line_id).collect();
    let touched = progress::filled_lines(db, &moved_ids).await?;
    let order_line_ids: Vec<i32> = touched.iter().map(|l| l.id).collect();
    let order_ids = distinct_ids(touched.iter().map(|l| l.order_id));
    let mut orders = Vec::with_capacity(order_ids.len());
    for order_id in order_ids {
        // Reports on different lines of one order take turns here, so the
        // last of them sees the others and the status cannot be left behind.
        let Some(order) = lock_order(db, order_id).await? else {
            continue;
        };
        orders.push((order.id, order.customer_company_id));
        if order.status.is_final() {
            continue;
        }
        let events = follow_order(db, &order, moved, &order_line_ids, now, today).await?;
        mails += assess_touched(db, alerts, &people, &order, &order_line_ids).await?;
        for event in events {
            outgoing
                .record(
                    db,
                    NewEvent {
                        order_id: order.id,
                        actor_user_id: None,
                        kind: event.kind,
                        summary: event.summary,
                        before: event.before,
                        after: event.after,
                    },
                    order.customer_company_id,
                    now,
                )
                .await?;
        }
    }
    Ok(Followed { mails, orders })
}

/// Assesses the factory lines that moved; returns mails queued.
async fn assess_moved(
    db: &impl ConnectionTrait,
    alerts: &AlertContext,
    people: &Audience,
    moved: &[Moved],
) -> Result<usize, DbErr> {
    let mut mails = 0;
    for m in moved {
        if let Some(row) = crate::ssr::repo::progress::find_line(
            db,
            crate::ssr::repo::progress::PoScope::All,
            m.po_line_id,
        )
        .await?
        {
            mails += assess_po_line(db, alerts, people, &row).await?;
        }
    }
    Ok(mails)
}

/// Brings the order's touched lines (forecasts) and its production status
/// up to date with the factory; returns what the timeline should say.
async fn follow_order(
    db: &impl ConnectionTrait,
    order: &order::Model,
    moved: &[Moved],
    order_line_ids: &[i32],
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Result<Vec<Happened>, DbErr> {
    let lines = orders::lines_of(db, &[order.id]).await?;
    let placed =
        purchase_orders::placed_lines(db, &lines.iter().map(|l| l.id).collect::<Vec<_>>()).await?;
    let mut events = Vec::new();
    for line in lines.iter().filter(|l| order_line_ids.contains(&l.id)) {
        let behind: Vec<&PlacedLine> = placed
            .iter()
            .filter(|p| p.order_line_id == line.id)
            .collect();
        events.extend(milestones_reached(line, &behind, moved));
        events.extend(follow_forecast(db, line, &behind).await?);
    }
    events.extend(follow_status(db, order, &lines, &placed, now, today).await?);
    Ok(events)
}

/// A timeline entry for each move of a factory line behind `line`.
fn milestones_reached(
    line: &order_line::Model,
    behind: &[&PlacedLine],
    moved: &[Moved],
) -> Vec<Happened> {
    moved
        .iter()
        .filter(|m| m.from != m.to)
        .filter(|m| behind.iter().any(|p| p.line.id == m.po_line_id))
        .map(|m| Happened {
            kind: "progress",
            summary: format!("Line {}: {}", line.line_no, m.to.label()),
            before: Some(m.from.label().to_string()),
            after: Some(m.to.label().to_string()),
        })
        .collect()
}

/// Recomputes the line's forecast from the factory lines behind it and
/// stores it if it moved.
async fn follow_forecast(
    db: &impl ConnectionTrait,
    line: &order_line::Model,
    behind: &[&PlacedLine],
) -> Result<Option<Happened>, DbErr> {
    let factory_dates: Vec<_> = behind
        .iter()
        .map(|p| (p.line.committed_ready_date, p.line.forecast_ready_date))
        .collect();
    let forecast = customer_forecast(line.committed_date, line.forecast_date, &factory_dates);
    if forecast == line.forecast_date {
        return Ok(None);
    }
    let dates = LineDates {
        requested: line.requested_date,
        committed: line.committed_date,
        forecast: line.forecast_date,
    };
    let dates = match forecast {
        Some(date) => dates.with_forecast(date),
        None => dates,
    };
    orders::set_line_dates(db, line.id, dates.committed, dates.forecast).await?;
    Ok(Some(Happened {
        kind: "forecast",
        summary: format!("Forecast for line {} moved", line.line_no),
        before: line.forecast_date.map(|d| d.to_string()),
        after: forecast.map(|d| d.to_string()),
    }))
}

/// Moves the order's production status after its lines, if they call for it.
async fn follow_status(
    db: &impl ConnectionTrait,
    order: &order::Model,
    lines: &[order_line::Model],
    placed: &[PlacedLine],
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Result<Option<Happened>, DbErr> {
    let status = order.status;
    let progress: Vec<LineProgress> = lines
        .iter()
        .map(|line| {
            let stages: Vec<Milestone> = placed
                .iter()
                .filter(|p| p.order_line_id == line.id)
                .map(|p| p.line.milestone)
                .collect();
            LineProgress {
                started: stages.iter().any(|m| m.started()),
                ready: !stages.is_empty() && stages.iter().all(|m| m.ready()),
            }
        })
        .collect();
    let next = status_from_progress(status, &progress);
    // A staff move racing this one wins; production status catches up with
    // the next report.
    if next == status || !orders::set_status(db, order.id, order.version, next, now, today).await? {
        return Ok(None);
    }
    Ok(Some(Happened {
        kind: "status",
        summary: format!("Status changed to {}", next.label()),
        before: Some(status.label().to_string()),
        after: Some(next.label().to_string()),
    }))
}

/// Assesses the order's touched lines, as they now stand; returns mails
/// queued.
async fn assess_touched(
    db: &impl ConnectionTrait,
    alerts: &AlertContext,
    people: &Audience,
    order: &order::Model,
    order_line_ids: &[i32],
) -> Result<usize, DbErr> {
    let mut mails = 0;
    for line in orders::lines_of(db, &[order.id])
        .await?
        .iter()
        .filter(|l| order_line_ids.contains(&l.id))
    {
        let order = orders::find(db, OrderScope::All, order.id)
            .await?
            .unwrap_or(order.clone());
        mails += assess_order_line(db, alerts, people, &order, line).await?;
    }
    Ok(mails)
}

/// The order, locked for the rest of the transaction on PostgreSQL (SQLite
/// transactions already write one at a time).
async fn lock_order(db: &impl ConnectionTrait, id: i32) -> Result<Option<order::Model>, DbErr> {
    use sea_orm::{DatabaseBackend, QuerySelect};
    let query = order::Entity::find_by_id(id);
    if db.get_database_backend() == DatabaseBackend::Postgres {
        query.lock_exclusive().one(db).await
    } else {
        query.one(db).await
    }
}
