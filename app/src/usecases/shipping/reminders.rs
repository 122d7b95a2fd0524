//! The money and credit scan: each open instalment that reaches a reminder
//! level (due soon, overdue, long overdue) is told once per level, to the
//! customer's buyers and, once overdue, to its sales owner and then the
//! sales managers; each letter of credit whose latest shipment date comes
//! at risk (or will be missed) is told to sales once per level. Everything
//! of one pass is written in one unit of work, mail through the outbox.

use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};

use super::view::instalment_facts;
use crate::domain::approval::StaffLevel;
use crate::domain::letter_of_credit::{LcRisk, shipment_risk};
use crate::domain::order_input::format_minor;
use crate::domain::payments::{ReminderLevel, recipients, reminder_due};
use crate::domain::recipients::{owners_else_sales, sells};
use crate::ssr::AppState;
use crate::ssr::entities::{instalment, letter_of_credit, order, user};
use crate::ssr::notify::{self, Mail};
use crate::ssr::repo::{companies, orders, users};
use crate::ssr::work::UnitOfWork;
use crate::wire::ApiError;

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct ScanReport {
    pub reminders: usize,
    pub credits_at_risk: usize,
}

pub async fn scan_payments_and_credits(state: &AppState) -> Result<ScanReport, ApiError> {
    let today = state.today();
    let mut report = ScanReport::default();
    let mut work = UnitOfWork::begin(state).await?;
    let open = instalment::Entity::find()
        .filter(instalment::Column::DueDate.is_not_null())
        .filter(instalment::Column::DueDate.lte(today + chrono::Days::new(3)))
        .all(&work.tx)
        .await?;
    let open: Vec<instalment::Model> = open
        .into_iter()
        .filter(|i| i.paid_minor < i.amount_minor)
        .collect();
    let credits = letter_of_credit::Entity::find().all(&work.tx).await?;
    let mut order_ids: Vec<i32> = open.iter().map(|i| i.order_id).collect();
    order_ids.extend(credits.iter().map(|c| c.order_id));
    order_ids.sort_unstable();
    order_ids.dedup();
    let orders_by_id = orders::by_ids(&work.tx, &order_ids).await?;
    let house = users::active_house(&work.tx).await?;
    for row in &open {
        let facts = instalment_facts(row);
        let sent = ReminderLevel::from_i32(row.reminder_level).unwrap_or_default();
        let Some(level) = reminder_due(&facts, today, sent) else {
            continue;
        };
        let Some(order) = orders_by_id.iter().find(|o| o.id == row.order_id) else {
            continue;
        };
        remind(state, &mut work, order, row, level, &house).await?;
        let mut active: instalment::ActiveModel = row.clone().into();
        active.reminder_level = Set(level.as_i32());
        active.update(&work.tx).await?;
        report.reminders += 1;
    }
    for credit in &credits {
        let Some(order) = orders_by_id.iter().find(|o| o.id == credit.order_id) else {
            continue;
        };
        if order.shipped_on.is_some() {
            continue;
        }
        let lines = orders::lines_of(&work.tx, &[order.id]).await?;
        let forecast = lines
            .iter()
            .filter_map(|l| l.forecast_date.or(l.committed_date))
            .max();
        let terms = super::lc::terms_of(credit);
        let risk = shipment_risk(
            &terms,
            forecast,
            u16::try_from(credit.days_to_port.max(0)).unwrap_or(0),
            today,
        );
        let level = match risk {
            LcRisk::AtRisk { .. } => 1,
            LcRisk::WillMiss { .. } => 2,
            LcRisk::Clear | LcRisk::Expired => 0,
        };
        if level <= credit.risk_alerted {
            continue;
        }
        let risk_text_of = |person: &user::Model| {
            let locale = crate::i18n::Locale::parse(&person.locale).unwrap_or_default();
            super::lc::said_of_risk(&risk).text(locale)
        };
        for person in sales_of(order, &house, false) {
            notify::to_person(
                &work.tx,
                &state.settings.public_url,
                state.now(),
                Mail::LcAtRisk,
                person,
                &format!("{}:{level}", credit.id),
                &format!("/staff/orders/{}", order.id),
                vec![
                    ("order", order.number.clone()),
                    ("lc", credit.number.clone()),
                    ("latest", credit.latest_shipment.to_string()),
                    ("risk", risk_text_of(person)),
                ],
            )
            .await?;
        }
        let mut active: letter_of_credit::ActiveModel = credit.clone().into();
        active.risk_alerted = Set(level);
        active.update(&work.tx).await?;
        report.credits_at_risk += 1;
    }
    work.commit(state).await?;
    Ok(report)
}

/// The order's sales owner (else every active staff member), and with
/// `managers` the sales managers too.
fn sales_of<'a>(
    order: &order::Model,
    house: &'a [user::Model],
    managers: bool,
) -> Vec<&'a user::Model> {
    let owners: Vec<i32> = order.sales_owner_id.into_iter().collect();
    let mut people = owners_else_sales(
        house.iter().collect(),
        &owners,
        |u: &&user::Model| u.id,
        |u| sells(u.role, u.staff_level),
    );
    if managers {
        for manager in house
            .iter()
            .filter(|u| u.staff_level == Some(StaffLevel::SalesManager))
        {
            if !people.iter().any(|p| p.id == manager.id) {
                people.push(manager);
            }
        }
    }
    people
}

async fn remind(
    state: &AppState,
    work: &mut UnitOfWork,
    order: &order::Model,
    row: &instalment::Model,
    level: ReminderLevel,
    house: &[user::Model],
) -> Result<(), ApiError> {
    let audience = recipients(level);
    let due = row.due_date.map(|d| d.to_string()).unwrap_or_default();
    let amount = format!(
        "{} {}",
        format_minor(row.amount_minor - row.paid_minor),
        order.currency
    );
    let key = format!("{}:{}", row.id, level.as_i32());
    let url = &state.settings.public_url;
    // Within a sentence: lower case in English, a capital in German.
    let kind_key = format!("instalment-{}-in-text", row.kind);
    if audience.customer {
        let buyers = users::active_of_companies(&work.tx, &[order.customer_company_id]).await?;
        for buyer in &buyers {
            let locale = crate::i18n::Locale::parse(&buyer.locale).unwrap_or_default();
            let state_key = match level {
                ReminderLevel::DueSoon => "payment-reminder-due-soon",
                _ => "payment-reminder-overdue",
            };
            notify::to_person(
                &work.tx,
                url,
                state.now(),
                Mail::PaymentReminder,
                buyer,
                &key,
                &format!("/customer/orders/{}", order.id),
                vec![
                    ("order", order.number.clone()),
                    ("instalment", locale.t(&kind_key)),
                    ("amount", amount.clone()),
                    ("due", due.clone()),
                    ("state", locale.t(state_key)),
                ],
            )
            .await?;
        }
    }
    if audience.sales {
        let customer = companies::find(&work.tx, order.customer_company_id)
            .await?
            .map(|c| c.name)
            .unwrap_or_default();
        let days = row
            .due_date
            .map(|d| (state.today() - d).num_days())
            .unwrap_or(0);
        for person in sales_of(order, house, audience.sales_manager) {
            let locale = crate::i18n::Locale::parse(&person.locale).unwrap_or_default();
            notify::to_person(
                &work.tx,
                url,
                state.now(),
                Mail::PaymentOverdue,
                person,
                &key,
                &format!("/staff/orders/{}", order.id),
                vec![
                    ("order", order.number.clone()),
                    ("customer", customer.clone()),
                    ("instalment", locale.t(&kind_key)),
                    ("amount", amount.clone()),
                    ("due", due.clone()),
                    ("days", days.to_string()),
                ],
            )
            .await?;
        }
    }
    work.nudge(order.customer_company_id).await?;
    Ok(())
}
