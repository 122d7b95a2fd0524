//! Slippage alerts, decided and queued inside the transaction of the change
//! that caused them (a progress report) or of the periodic scan that catches
//! slips made by time passing. Each line remembers the highest slip level it
//! was alerted at; that memory is updated only if nobody changed it first, so
//! a report and a scan racing over one line queue its alert once. Mails go to
//! the outbox with a dedupe key per line, level, date and recipient.

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::sea_query::ExprTrait as _;
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QuerySelect,
    QueryTrait,
};

use crate::domain::account::Role;
use crate::domain::order_status::OrderStatus;
use crate::domain::progress::{Milestone, is_stale};
use crate::domain::recipients::owner_else_all;
use crate::domain::slip::{AlertKind, Notice, SlipThresholds, assess, days_late, is_overdue};
use crate::i18n::Locale;
use crate::ssr::entities::{company, order, order_line, order_mute, po_line, po_line_link, user};
use crate::ssr::notify::{Mail, PersonMail, to_address};
use crate::ssr::outbox::enqueue;
use crate::ssr::repo::progress::PoLineRow;

/// What every assessment needs to know.
#[derive(Debug, Clone)]
pub struct AlertContext {
    pub thresholds: SlipThresholds,
    pub stale_after_days: u32,
    pub public_url: String,
    pub now: DateTime<Utc>,
}

impl AlertContext {
    fn today(&self) -> NaiveDate {
        self.now.date_naive()
    }
}

/// The people alerts can go to, loaded once per assessment run.
pub struct Audience {
    users: Vec<user::Model>,
    companies: Vec<company::Model>,
    mutes: Vec<order_mute::Model>,
}

impl Audience {
    pub async fn load(db: &impl ConnectionTrait) -> Result<Self, DbErr> {
        Ok(Self {
            users: user::Entity::find()
                .filter(user::Column::Active.eq(true))
                .all(db)
                .await?,
            companies: company::Entity::find().all(db).await?,
            mutes: order_mute::Entity::find().all(db).await?,
        })
    }

    fn wants(&self, person: &user::Model, kind: AlertKind, orders: &[i32]) -> bool {
        let role = person.role;
        AlertKind::chosen(role, person.alert_kinds.as_deref()).contains(&kind)
            && !orders.iter().any(|o| {
                self.mutes
                    .iter()
                    .any(|m| m.user_id == person.id && m.order_id == *o)
            })
    }

    fn staff(&self, kind: AlertKind, orders: &[i32]) -> Vec<&user::Model> {
        self.users
            .iter()
            .filter(|u| matches!(u.role, Role::Staff | Role::Admin))
            .filter(|u| self.wants(u, kind, orders))
            .collect()
    }

    fn of_company(&self, company_id: i32, kind: AlertKind, orders: &[i32]) -> Vec<&user::Model> {
        self.users
            .iter()
            .filter(|u| u.company_id == company_id)
            .filter(|u| self.wants(u, kind, orders))
            .collect()
    }

    fn company_name(&self, id: i32) -> String {
        self.companies
            .iter()
            .find(|c| c.id == id)
            .map(|c| c.name.clone())
            .unwrap_or_default()
    }
}

async fn send(
    db: &impl ConnectionTrait,
    ctx: &AlertContext,
    kind: AlertKind,
    to: &user::Model,
    key: &str,
    path: &str,
    values: Vec<(&'static str, String)>,
) -> Result<bool, DbErr> {
    let link = format!("{}{path}", ctx.public_url);
    let mail = PersonMail::compose(Mail::from(kind), to, key, link, values);
    if to.alert_digest {
        return hold_for_digest(db, ctx, kind, to, mail).await;
    }
    mail.queue(db, ctx.now).await
}

async fn hold_for_digest(
    db: &impl ConnectionTrait,
    ctx: &AlertContext,
    kind: AlertKind,
    to: &user::Model,
    mail: PersonMail,
) -> Result<bool, DbErr> {
    use crate::ssr::entities::digest_item;
    use sea_orm::Set;
    use sea_orm::sea_query::OnConflict;
    let held = digest_item::Entity::insert(digest_item::ActiveModel {
        user_id: Set(to.id),
        dedupe_key: Set(mail.dedupe_key),
        kind: Set(kind.as_str().to_string()),
        subject: Set(mail.rendered.subject),
        body_text: Set(mail.rendered.text),
        created_at: Set(ctx.now),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::column(digest_item::Column::DedupeKey)
            .do_nothing()
            .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    Ok(held == 1)
}

/// Once a day, from `hour` (UTC): one mail per person holding digest alerts,
/// listing them; the alerts it lists are removed in the same transaction.
/// A second run the same day finds the day's digest queued and sends
/// nothing (what arrived since waits for tomorrow). Returns mails queued.
pub async fn send_digests(
    db: &impl ConnectionTrait,
    now: DateTime<Utc>,
    hour: u32,
) -> Result<usize, DbErr> {
    use crate::ssr::entities::digest_item;
    use chrono::Timelike;
    if now.hour() < hour {
        return Ok(0);
    }
    let items = digest_item::Entity::find()
        .filter(digest_item::Column::CreatedAt.lte(now))
        .all(db)
        .await?;
    let mut people: Vec<i32> = items.iter().map(|i| i.user_id).collect();
    people.sort_unstable();
    people.dedup();
    let mut queued = 0;
    for person in people {
        let Some(to) = user::Entity::find_by_id(person).one(db).await? else {
            continue;
        };
        let mine: Vec<&digest_item::Model> = items.iter().filter(|i| i.user_id == person).collect();
        let locale = Locale::parse(&to.locale).unwrap_or_default();
        let heading = locale.t_with("digest-subject", &[("count", mine.len().into())]);
        let intro = locale.t_with("digest-intro", &[("name", to.display_name.clone().into())]);
        let items = mine
            .iter()
            .map(|item| format!("== {} ==\n{}", item.subject, item.body_text.trim()))
            .collect::<Vec<_>>()
            .join("\n\n");
        let mail = to_address(
            Mail::Digest,
            locale,
            &to.email,
            format!("digest:{}:{}", to.id, now.date_naive()),
            &[("heading", heading), ("intro", intro), ("items", items)],
        );
        let sent = enqueue(db, mail, now).await?;
        if sent {
            digest_item::Entity::delete_many()
                .filter(digest_item::Column::Id.is_in(mine.iter().map(|i| i.id)))
                .exec(db)
                .await?;
            queued += 1;
        }
    }
    Ok(queued)
}

/// Moves a line's remembered level from `old` to `new` unless someone else
/// already did; false means this run must not alert.
async fn claim_level<E: EntityTrait>(
    db: &impl ConnectionTrait,
    id_column: E::Column,
    level_column: E::Column,
    id: i32,
    old: i32,
    new: i32,
) -> Result<bool, DbErr>
where
    E::Column: ColumnTrait,
{
    if old == new {
        return Ok(true);
    }
    let result = E::update_many()
        .col_expr(level_column, Expr::value(new))
        .filter(id_column.eq(id))
        .filter(level_column.eq(old))
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

/// The customer orders (and lines) a PO line fills.
async fn orders_filled_by(
    db: &impl ConnectionTrait,
    po_line_id: i32,
) -> Result<Vec<(order::Model, order_line::Model)>, DbErr> {
    let links = po_line_link::Entity::find()
        .filter(po_line_link::Column::PoLineId.eq(po_line_id))
        .all(db)
        .await?;
    let lines = order_line::Entity::find()
        .filter(order_line::Column::Id.is_in(links.iter().map(|l| l.order_line_id)))
        .all(db)
        .await?;
    let orders = order::Entity::find()
        .filter(order::Column::Id.is_in(lines.iter().map(|l| l.order_id)))
        .all(db)
        .await?;
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
    if notice == Notice::Nothing
        || !claim_level::<po_line::Entity>(
            db,
            po_line::Column::Id,
            po_line::Column::AlertLevel,
            row.line.id,
            row.line.alert_level,
            i32::from(keep),
        )
        .await?
    {
        if notice == Notice::Nothing && i32::from(keep) != row.line.alert_level {
            claim_level::<po_line::Entity>(
                db,
                po_line::Column::Id,
                po_line::Column::AlertLevel,
                row.line.id,
                row.line.alert_level,
                i32::from(keep),
            )
            .await?;
        }
        return Ok(0);
    }
    let filled = orders_filled_by(db, row.line.id).await?;
    let order_ids: Vec<i32> = filled.iter().map(|(o, _)| o.id).collect();
    let orders_text = filled
        .iter()
        .map(|(o, l)| format!("{} line {}", o.number, l.line_no))
        .collect::<Vec<_>>()
        .join(", ");
    let reason = crate::ssr::repo::progress::history(db, row.line.id)
        .await?
        .into_iter()
        .find_map(|h| h.reason)
        .unwrap_or_else(|| "—".to_string());
    let forecast = row
        .line
        .forecast_ready_date
        .map(|d| d.to_string())
        .unwrap_or_default();
    let path = format!("/staff/po-lines/{}", row.line.id);
    let mut queued = 0;
    match notice {
        Notice::Slipped { level } => {
            for person in people.staff(AlertKind::SupplierSlip, &order_ids) {
                let values = vec![
                    ("po", row.po.number.clone()),
                    ("line", row.line.line_no.to_string()),
                    ("product", row.line.product_code.clone()),
                    ("supplier", people.company_name(row.po.supplier_company_id)),
                    ("committed", row.line.committed_ready_date.to_string()),
                    ("forecast", forecast.clone()),
                    ("days", late.to_string()),
                    ("level", level.to_string()),
                    ("reason", reason.clone()),
                    ("orders", orders_text.clone()),
                ];
                let key = format!("po:{}:{level}:{forecast}", row.line.id);
                queued += usize::from(
                    send(
                        db,
                        ctx,
                        AlertKind::SupplierSlip,
                        person,
                        &key,
                        &path,
                        values,
                    )
                    .await?,
                );
            }
        }
        Notice::BackOnTrack => {
            for person in people.staff(AlertKind::BackOnTrack, &order_ids) {
                let values = vec![
                    (
                        "what",
                        format!("{} line {}", row.po.number, row.line.line_no),
                    ),
                    ("committed", row.line.committed_ready_date.to_string()),
                    ("forecast", forecast.clone()),
                ];
                let key = format!("po:{}:{forecast}:{}", row.line.id, ctx.now.timestamp());
                queued += usize::from(
                    send(db, ctx, AlertKind::BackOnTrack, person, &key, &path, values).await?,
                );
            }
        }
        Notice::Nothing => {}
    }
    Ok(queued)
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
    let in_production = matches!(
        status,
        OrderStatus::Confirmed | OrderStatus::InProduction | OrderStatus::Ready
    );
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
    // Nothing to say and nothing to remember: no write (a scan passes
    // every line in production, and most of them are as they were).
    let claimed = if notice == Notice::Nothing && i32::from(keep) == line.alert_level {
        false
    } else {
        claim_level::<order_line::Entity>(
            db,
            order_line::Column::Id,
            order_line::Column::AlertLevel,
            line.id,
            line.alert_level,
            i32::from(keep),
        )
        .await?
    };
    let forecast = line
        .forecast_date
        .map(|d| d.to_string())
        .unwrap_or_default();
    let mut queued = 0;
    // Customers and the sales owner hear about their order.
    let recipients = |kind: AlertKind| {
        let mut list = people.of_company(order.customer_company_id, kind, &[order.id]);
        list.extend(
            people
                .staff(kind, &[order.id])
                .into_iter()
                .filter(|u| Some(u.id) == order.sales_owner_id),
        );
        list
    };
    let path_for = |person: &user::Model| match person.role {
        Role::Customer => format!("/customer/orders/{}", order.id),
        _ => format!("/staff/orders/{}", order.id),
    };
    if claimed {
        match notice {
            Notice::Slipped { level } => {
                for person in recipients(AlertKind::CustomerSlip) {
                    let values = vec![
                        ("order", order.number.clone()),
                        ("line", line.line_no.to_string()),
                        ("product", line.product_code.clone()),
                        ("committed", committed.to_string()),
                        ("forecast", forecast.clone()),
                        ("days", late.to_string()),
                    ];
                    let key = format!("ol:{}:{level}:{forecast}", line.id);
                    let path = path_for(person);
                    queued += usize::from(
                        send(
                            db,
                            ctx,
                            AlertKind::CustomerSlip,
                            person,
                            &key,
                            &path,
                            values,
                        )
                        .await?,
                    );
                }
            }
            Notice::BackOnTrack => {
                for person in recipients(AlertKind::BackOnTrack) {
                    let values = vec![
                        ("what", format!("{} line {}", order.number, line.line_no)),
                        ("committed", committed.to_string()),
                        ("forecast", forecast.clone()),
                    ];
                    let key = format!("ol:{}:{forecast}:{}", line.id, ctx.now.timestamp());
                    let path = path_for(person);
                    queued += usize::from(
                        send(db, ctx, AlertKind::BackOnTrack, person, &key, &path, values).await?,
                    );
                }
            }
            Notice::Nothing => {}
        }
    }
    let ready = !in_production || status == OrderStatus::Ready;
    if !line.overdue_alerted && is_overdue(Some(committed), ctx.today(), ready) {
        let first = order_line::Entity::update_many()
            .col_expr(order_line::Column::OverdueAlerted, Expr::value(true))
            .filter(order_line::Column::Id.eq(line.id))
            .filter(order_line::Column::OverdueAlerted.eq(false))
            .exec(db)
            .await?
            .rows_affected
            == 1;
        if first {
            let owner_or_staff = owner_else_all(
                people.staff(AlertKind::Overdue, &[order.id]),
                order.sales_owner_id,
                |u| u.id,
            );
            for person in owner_or_staff {
                let values = vec![
                    ("order", order.number.clone()),
                    ("line", line.line_no.to_string()),
                    ("product", line.product_code.clone()),
                    ("committed", committed.to_string()),
                ];
                let key = format!("ol:{}:{committed}", line.id);
                let path = format!("/staff/orders/{}", order.id);
                queued += usize::from(
                    send(db, ctx, AlertKind::Overdue, person, &key, &path, values).await?,
                );
            }
        }
    }
    Ok(queued)
}

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
    if !is_stale(&state, last.date_naive(), ctx.today(), ctx.stale_after_days) {
        return Ok(0);
    }
    let quiet = (ctx.today() - last.date_naive()).num_days();
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
    use crate::ssr::entities::purchase_order;
    let people = Audience::load(db).await?;
    let mut report = ScanReport::default();
    // Only lines with something to assess: alerted before, running late, or
    // quiet long enough to be stale (the rules below decide). A line on
    // time, never alerted and recently reported needs nothing.
    let stale_cutoff = (ctx.today() - chrono::Duration::days(i64::from(ctx.stale_after_days))
        + chrono::Duration::days(1))
    .and_hms_opt(0, 0, 0)
    .unwrap_or_default()
    .and_utc();
    let open_lines = po_line::Entity::find()
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
                .add(po_line::Column::LastProgressAt.lt(stale_cutoff))
                .add(
                    Condition::all()
                        .add(po_line::Column::LastProgressAt.is_null())
                        .add(purchase_order::Column::CreatedAt.lt(stale_cutoff)),
                ),
        )
        .all(db)
        .await?;
    for (line, po) in open_lines {
        let Some(po) = po else { continue };
        let row = PoLineRow { po, line };
        report.po_lines += 1;
        report.mails += assess_po_line(db, ctx, &people, &row).await?;
        report.mails += remind_if_stale(db, ctx, &people, &row).await?;
    }
    let in_production = order::Entity::find()
        .select_only()
        .column(order::Column::Id)
        .filter(order::Column::Status.is_in([
            OrderStatus::Confirmed.as_str(),
            OrderStatus::InProduction.as_str(),
            OrderStatus::Ready.as_str(),
        ]))
        .into_query();
    // As above: alerted before, slipping, or past the commitment and not yet
    // told.
    let lines = order_line::Entity::find()
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
        .await?;
    // Only the orders of those lines, a bounded number of ids per query.
    let mut ids: Vec<i32> = lines.iter().map(|l| l.order_id).collect();
    ids.sort_unstable();
    ids.dedup();
    let mut by_id = std::collections::HashMap::new();
    for chunk in ids.chunks(500) {
        for o in order::Entity::find()
            .filter(order::Column::Id.is_in(chunk.iter().copied()))
            .all(db)
            .await?
        {
            by_id.insert(o.id, o);
        }
    }
    for line in &lines {
        if let Some(order) = by_id.get(&line.order_id) {
            report.order_lines += 1;
            report.mails += assess_order_line(db, ctx, &people, order, line).await?;
        }
    }
    Ok(report)
}
