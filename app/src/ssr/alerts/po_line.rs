//! A factory line's slip, told to the house.

use sea_orm::{ConnectionTrait, DbErr};

use super::level::claim_level;
use super::send::send;
use super::{AlertContext, Audience};
use crate::domain::slip::{AlertKind, Notice, assess, days_late};
use crate::ssr::entities::{order, order_line, po_line};
use crate::ssr::repo::progress::{self, PoLineRow};
use crate::ssr::repo::{distinct_ids, orders};

/// What every mail about one factory line says, whoever receives it.
struct PoLineFacts {
    /// The customer orders the line fills (whose mutes apply).
    order_ids: Vec<i32>,
    orders_text: String,
    reason: String,
    forecast: String,
    late: i64,
    path: String,
}

/// Assesses a factory line; returns how many mails were queued.
pub async fn assess_po_line(
    db: &impl ConnectionTrait,
    ctx: &AlertContext,
    people: &Audience,
    row: &PoLineRow,
) -> Result<usize, DbErr> {
    let state = row.state();
    let late = days_late(state.committed_ready, state.forecast_ready);
    let now_level = if state.milestone.ready() || state.po_closed {
        0
    } else {
        ctx.thresholds.supplier_level(late)
    };
    let (notice, keep) = assess(row.line.alert_level.clamp(0, 3) as u8, now_level);
    if notice == Notice::Nothing {
        // Nothing to say; a remembered level out of range is put back in
        // range (no write otherwise).
        claim_po_line(db, row, keep).await?;
        return Ok(0);
    }
    if !claim_po_line(db, row, keep).await? {
        return Ok(0);
    }
    let facts = facts_of(db, row, late).await?;
    match notice {
        Notice::Slipped { level } => tell_slipped(db, ctx, people, row, &facts, level).await,
        Notice::BackOnTrack => tell_back_on_track(db, ctx, people, row, &facts).await,
        Notice::Nothing => Ok(0),
    }
}

/// Moves the line's remembered level to `keep`; false means another run
/// got there first.
async fn claim_po_line(
    db: &impl ConnectionTrait,
    row: &PoLineRow,
    keep: u8,
) -> Result<bool, DbErr> {
    claim_level::<po_line::Entity>(
        db,
        po_line::Column::Id,
        po_line::Column::AlertLevel,
        row.line.id,
        row.line.alert_level,
        i32::from(keep),
    )
    .await
}

async fn facts_of(
    db: &impl ConnectionTrait,
    row: &PoLineRow,
    late: i64,
) -> Result<PoLineFacts, DbErr> {
    let filled = orders_filled_by(db, row.line.id).await?;
    let order_ids: Vec<i32> = filled.iter().map(|(o, _)| o.id).collect();
    let orders_text = filled
        .iter()
        .map(|(o, l)| format!("{} line {}", o.number, l.line_no))
        .collect::<Vec<_>>()
        .join(", ");
    let reason = progress::newest_reason(db, row.line.id)
        .await?
        .unwrap_or_else(|| "—".to_string());
    let forecast = row
        .line
        .forecast_ready_date
        .map(|d| d.to_string())
        .unwrap_or_default();
    Ok(PoLineFacts {
        order_ids,
        orders_text,
        reason,
        forecast,
        late,
        path: format!("/staff/po-lines/{}", row.line.id),
    })
}

/// The customer orders (and lines) a PO line fills.
async fn orders_filled_by(
    db: &impl ConnectionTrait,
    po_line_id: i32,
) -> Result<Vec<(order::Model, order_line::Model)>, DbErr> {
    let lines = progress::filled_lines(db, &[po_line_id]).await?;
    let order_ids = distinct_ids(lines.iter().map(|l| l.order_id));
    let orders = orders::by_ids(db, &order_ids).await?;
    Ok(lines
        .into_iter()
        .filter_map(|l| {
            orders
                .iter()
                .find(|o| o.id == l.order_id)
                .map(|o| (o.clone(), l))
        })
        .collect())
}

async fn tell_slipped(
    db: &impl ConnectionTrait,
    ctx: &AlertContext,
    people: &Audience,
    row: &PoLineRow,
    facts: &PoLineFacts,
    level: u8,
) -> Result<usize, DbErr> {
    let forecast = &facts.forecast;
    let key = format!("po:{}:{level}:{forecast}", row.line.id);
    let mut queued = 0;
    let supplier = people.company_name(db, row.po.supplier_company_id).await?;
    for person in &people
        .staff(db, AlertKind::SupplierSlip, &facts.order_ids)
        .await?
    {
        let values = vec![
            ("po", row.po.number.clone()),
            ("line", row.line.line_no.to_string()),
            ("product", row.line.product_code.clone()),
            ("supplier", supplier.clone()),
            ("committed", row.line.committed_ready_date.to_string()),
            ("forecast", forecast.clone()),
            ("days", facts.late.to_string()),
            ("level", level.to_string()),
            ("reason", facts.reason.clone()),
            ("orders", facts.orders_text.clone()),
        ];
        let sent = send(
            db,
            ctx,
            AlertKind::SupplierSlip,
            person,
            &key,
            &facts.path,
            values,
        )
        .await?;
        queued += usize::from(sent);
    }
    Ok(queued)
}

async fn tell_back_on_track(
    db: &impl ConnectionTrait,
    ctx: &AlertContext,
    people: &Audience,
    row: &PoLineRow,
    facts: &PoLineFacts,
) -> Result<usize, DbErr> {
    let forecast = &facts.forecast;
    let key = format!("po:{}:{forecast}:{}", row.line.id, ctx.now.timestamp());
    let mut queued = 0;
    for person in &people
        .staff(db, AlertKind::BackOnTrack, &facts.order_ids)
        .await?
    {
        let values = vec![
            (
                "what",
                format!("{} line {}", row.po.number, row.line.line_no),
            ),
            ("committed", row.line.committed_ready_date.to_string()),
            ("forecast", forecast.clone()),
        ];
        let sent = send(
            db,
            ctx,
            AlertKind::BackOnTrack,
            person,
            &key,
            &facts.path,
            values,
        )
        .await?;
        queued += usize::from(sent);
    }
    Ok(queued)
}
