//! A customer line's slip, told to the customer and the sales owner, and its
//! passed commitment, told to the house.

use chrono::NaiveDate;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter};

use super::level::claim_level;
use super::send::send;
use super::{AlertContext, Audience};
use crate::domain::account::Role;
use crate::domain::order_status::OrderStatus;
use crate::domain::recipients::owner_else_all;
use crate::domain::slip::{AlertKind, Notice, assess, days_late, is_overdue};
use crate::ssr::entities::{order, order_line, user};

/// One customer line under assessment, with what every mail about it says.
struct Assessed<'a> {
    order: &'a order::Model,
    line: &'a order_line::Model,
    committed: NaiveDate,
    forecast: String,
    late: i64,
}

/// Assesses a customer line (slip and overdue); returns mails queued.
pub async fn assess_order_line(
    db: &impl ConnectionTrait,
    ctx: &AlertContext,
    people: &Audience,
    order: &order::Model,
    line: &order_line::Model,
) -> Result<usize, DbErr> {
    let status = order.status;
    let in_production = OrderStatus::IN_PRODUCTION.contains(&status);
    let Some(committed) = line.committed_date else {
        return Ok(0);
    };
    let late = days_late(committed, line.forecast_date);
    let now_level = if in_production {
        ctx.thresholds.customer_level(late)
    } else {
        0
    };
    let (notice, keep) = assess(line.alert_level.clamp(0, 3) as u8, now_level);
    let claimed = claim_order_line(db, line, notice, keep).await?;
    let about = Assessed {
        order,
        line,
        committed,
        forecast: line
            .forecast_date
            .map(|d| d.to_string())
            .unwrap_or_default(),
        late,
    };
    let mut queued = 0;
    if claimed {
        queued += match notice {
            Notice::Slipped { level } => tell_slipped(db, ctx, people, &about, level).await?,
            Notice::BackOnTrack => tell_back_on_track(db, ctx, people, &about).await?,
            Notice::Nothing => 0,
        };
    }
    let ready = !in_production || status == OrderStatus::Ready;
    if !line.overdue_alerted
        && is_overdue(Some(committed), ctx.today(), ready)
        && mark_overdue(db, line.id).await?
    {
        queued += tell_overdue(db, ctx, people, &about).await?;
    }
    Ok(queued)
}

/// Moves the line's remembered level to `keep`; false means this run must
/// not alert.
async fn claim_order_line(
    db: &impl ConnectionTrait,
    line: &order_line::Model,
    notice: Notice,
    keep: u8,
) -> Result<bool, DbErr> {
    // Nothing to say and nothing to remember: no write (a scan passes
    // every line in production, and most of them are as they were).
    if notice == Notice::Nothing && i32::from(keep) == line.alert_level {
        return Ok(false);
    }
    claim_level::<order_line::Entity>(
        db,
        order_line::Column::Id,
        order_line::Column::AlertLevel,
        line.id,
        line.alert_level,
        i32::from(keep),
    )
    .await
}

/// Where a person reads about the order.
fn order_path(order: &order::Model, person: &user::Model) -> String {
    match person.role {
        Role::Customer => format!("/customer/orders/{}", order.id),
        _ => format!("/staff/orders/{}", order.id),
    }
}

async fn tell_slipped(
    db: &impl ConnectionTrait,
    ctx: &AlertContext,
    people: &Audience,
    about: &Assessed<'_>,
    level: u8,
) -> Result<usize, DbErr> {
    let Assessed { order, line, .. } = *about;
    let forecast = &about.forecast;
    let key = format!("ol:{}:{level}:{forecast}", line.id);
    let mut queued = 0;
    for person in &people.of_order(db, order, AlertKind::CustomerSlip).await? {
        let values = vec![
            ("order", order.number.clone()),
            ("line", line.line_no.to_string()),
            ("product", line.product_code.clone()),
            ("committed", about.committed.to_string()),
            ("forecast", forecast.clone()),
            ("days", about.late.to_string()),
        ];
        let path = order_path(order, person);
        let sent = send(
            db,
            ctx,
            AlertKind::CustomerSlip,
            person,
            &key,
            &path,
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
    about: &Assessed<'_>,
) -> Result<usize, DbErr> {
    let Assessed { order, line, .. } = *about;
    let forecast = &about.forecast;
    let key = format!("ol:{}:{forecast}:{}", line.id, ctx.now.timestamp());
    let mut queued = 0;
    for person in &people.of_order(db, order, AlertKind::BackOnTrack).await? {
        let values = vec![
            ("what", format!("{} line {}", order.number, line.line_no)),
            ("committed", about.committed.to_string()),
            ("forecast", forecast.clone()),
        ];
        let path = order_path(order, person);
        let sent = send(db, ctx, AlertKind::BackOnTrack, person, &key, &path, values).await?;
        queued += usize::from(sent);
    }
    Ok(queued)
}

/// Records that the line's overdue alert went out; true only for the first
/// run to do so.
async fn mark_overdue(db: &impl ConnectionTrait, line_id: i32) -> Result<bool, DbErr> {
    let result = order_line::Entity::update_many()
        .col_expr(order_line::Column::OverdueAlerted, Expr::value(true))
        .filter(order_line::Column::Id.eq(line_id))
        .filter(order_line::Column::OverdueAlerted.eq(false))
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

/// The sales owner hears that a commitment passed with the goods not
/// ready; all the house does when the owner is not among those who want it.
async fn tell_overdue(
    db: &impl ConnectionTrait,
    ctx: &AlertContext,
    people: &Audience,
    about: &Assessed<'_>,
) -> Result<usize, DbErr> {
    let Assessed {
        order,
        line,
        committed,
        ..
    } = *about;
    let key = format!("ol:{}:{committed}", line.id);
    let path = format!("/staff/orders/{}", order.id);
    let owner_or_staff = owner_else_all(
        people.staff(db, AlertKind::Overdue, &[order.id]).await?,
        order.sales_owner_id,
        |u| u.id,
    );
    let mut queued = 0;
    for person in &owner_or_staff {
        let values = vec![
            ("order", order.number.clone()),
            ("line", line.line_no.to_string()),
            ("product", line.product_code.clone()),
            ("committed", committed.to_string()),
        ];
        let sent = send(db, ctx, AlertKind::Overdue, person, &key, &path, values).await?;
        queued += usize::from(sent);
    }
    Ok(queued)
}
