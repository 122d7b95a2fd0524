//! After-sales: a customer files a complaint about a shipped order (or one
//! line); the house answers within the first-answer clock, investigates,
//! passes it to the factory behind the line, and proposes a remedy within
//! the remedy clock; the customer accepts or declines; the house closes it
//! and the customer may reopen it. Each step is an entry of the complaint's
//! thread, claims its version, and tells the other side by mail. The
//! customer never learns the factory; the factory never the customer. The
//! house sets the clocks, its working hours and its own root causes in
//! `settings`.

mod clocks;
mod mail;
pub mod settings;
mod view;

pub use clocks::{ClockSweep, sweep};
pub use view::{get, list};

use chrono::{DateTime, Datelike, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, Set,
    sea_query::Expr,
};

use crate::domain::account::Role;
use crate::domain::complaints::{
    ClockTargets, ComplaintForm, ComplaintState, ComplaintStatus, Remedy, RootCauseRef, Side, Step,
    WorkingHours, add_working, new_complaint,
};
use crate::domain::order_input::{line_value, parse_unit_price, total_value};
use crate::domain::order_status::OrderStatus;
use crate::ssr::AppState;
use crate::ssr::auth::CurrentUser;
use crate::ssr::entities::{complaint, complaint_entry, root_cause, shipment_line};
use crate::ssr::repo::orders::{self, OrderScope};
use crate::ssr::repo::purchase_orders;
use crate::ssr::work::UnitOfWork;
use crate::wire::complaints::ComplaintInput;
use crate::wire::{ApiError, FieldErrors};

/// The house rule holding the clocks' targets and working hours.
pub const CLOCK_RULES: &str = "complaint_clocks";

/// The clocks' targets and the working hours they count in; the defaults
/// (an hour, a day, around the clock) until an administrator sets them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ClockRules {
    pub targets: ClockTargets,
    pub hours: WorkingHours,
}

pub async fn clock_rules(db: &impl ConnectionTrait) -> Result<ClockRules, ApiError> {
    Ok(crate::ssr::repo::credit::house_rule(db, CLOCK_RULES)
        .await?
        .unwrap_or_default())
}

/// The side a person acts for.
pub(crate) fn side_of(user: &CurrentUser) -> Side {
    match user.role {
        Role::Admin | Role::Staff => Side::House,
        Role::Customer => Side::Customer,
        Role::Supplier => Side::Factory,
    }
}

/// The complaint if the person may see it; any other is not found.
pub(crate) async fn visible(
    db: &impl ConnectionTrait,
    user: &CurrentUser,
    id: i32,
) -> Result<complaint::Model, ApiError> {
    let row = complaint::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(ApiError::NotFound)?;
    let allowed = match side_of(user) {
        Side::House => true,
        Side::Customer => row.customer_company_id == user.company_id,
        Side::Factory => row.factory_company_id == Some(user.company_id),
    };
    if allowed {
        Ok(row)
    } else {
        Err(ApiError::NotFound)
    }
}

pub(crate) fn state_of(row: &complaint::Model) -> ComplaintState {
    let with_factory = match (row.passed_at, row.factory_answered_at) {
        (Some(passed), Some(answered)) => answered < passed,
        (Some(_), None) => true,
        _ => false,
    };
    ComplaintState {
        status: ComplaintStatus::parse(&row.status).unwrap_or(ComplaintStatus::Open),
        with_factory,
        reopened: u32::try_from(row.reopened).unwrap_or(0),
    }
}

/// The step names the pages use, and the rules' steps.
pub(crate) const STEPS: [(&str, Step); 9] = [
    ("acknowledge", Step::Acknowledge),
    ("investigate", Step::StartInvestigation),
    ("pass", Step::PassToFactory),
    ("answer", Step::FactoryAnswer),
    ("propose", Step::ProposeRemedy),
    ("accept", Step::Accept),
    ("decline", Step::Decline),
    ("close", Step::Close),
    ("reopen", Step::Reopen),
];

fn problem(field: &str, message: String) -> ApiError {
    let mut problems = FieldErrors::default();
    problems.add(field, message);
    problems.into_error()
}

async fn write_entry(
    db: &impl ConnectionTrait,
    complaint_id: i32,
    user: &CurrentUser,
    kind: &str,
    body: &str,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    complaint_entry::ActiveModel {
        complaint_id: Set(complaint_id),
        actor_user_id: Set(Some(user.user_id)),
        side: Set(side_of(user).as_str().to_string()),
        kind: Set(kind.to_string()),
        body: Set(body.to_string()),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// A customer files a complaint about its shipped order (or one line of it).
pub async fn file(
    state: &AppState,
    user: &CurrentUser,
    order_id: i32,
    order_line_id: Option<i32>,
    input: ComplaintInput,
) -> Result<i32, ApiError> {
    if side_of(user) != Side::Customer {
        return Err(ApiError::NotFound);
    }
    let db = &state.db;
    let order = orders::find(db, OrderScope::Customer(user.company_id), order_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let t = |key: &str| user.locale.t(key);
    if !matches!(
        order.status,
        OrderStatus::Shipped | OrderStatus::Arrived | OrderStatus::Settled
    ) {
        return Err(ApiError::Conflict {
            message: t("complaint-not-shipped"),
        });
    }
    let lines = orders::lines_of(db, &[order.id]).await?;
    let line = match order_line_id {
        Some(id) => Some(
            lines
                .iter()
                .find(|l| l.id == id)
                .ok_or(ApiError::NotFound)?
                .clone(),
        ),
        None => None,
    };
    // How much could be affected: what shipped of the line (or the order);
    // an order shipped before shipments were recorded by line counts whole.
    let line_ids: Vec<i32> = match &line {
        Some(l) => vec![l.id],
        None => lines.iter().map(|l| l.id).collect(),
    };
    let shipped: i64 = shipment_line::Entity::find()
        .filter(shipment_line::Column::OrderLineId.is_in(line_ids.clone()))
        .all(db)
        .await?
        .iter()
        .map(|s| s.quantity)
        .sum();
    let ordered: i64 = lines
        .iter()
        .filter(|l| line_ids.contains(&l.id))
        .map(|l| l.quantity)
        .sum();
    let most = if shipped > 0 { shipped } else { ordered };
    let value = total_value(
        lines
            .iter()
            .filter(|l| line_ids.contains(&l.id))
            .map(|l| line_value(l.quantity, l.unit_price_minor)),
    );
    let form = ComplaintForm {
        category: &input.category,
        description: &input.description,
        quantity_affected: &input.quantity,
        remedy: &input.remedy,
        amount: &input.amount,
    };
    let draft = new_complaint(&form, most, value).map_err(|errors| {
        let mut problems = FieldErrors::default();
        for (field, error) in errors {
            let field = match field {
                "quantity_affected" => "quantity",
                other => other,
            };
            problems.add(field, t(error.key()));
        }
        problems.into_error()
    })?;
    let now = state.now();
    let rules = clock_rules(db).await?;
    let mut work = UnitOfWork::begin(state).await?;
    let number = next_number(&work.tx, now.year()).await?;
    let row = complaint::ActiveModel {
        number: Set(number.clone()),
        order_id: Set(order.id),
        order_line_id: Set(line.as_ref().map(|l| l.id)),
        customer_company_id: Set(order.customer_company_id),
        filed_by: Set(user.user_id),
        owner_id: Set(order.sales_owner_id),
        category: Set(draft.category.as_str().to_string()),
        description: Set(draft.description.clone()),
        quantity_affected: Set(draft.quantity_affected),
        remedy_asked: Set(draft.remedy.as_str().to_string()),
        amount_asked_minor: Set(draft.amount_minor),
        currency: Set(order.currency.clone()),
        status: Set(ComplaintStatus::Open.as_str().to_string()),
        first_answer_due: Set(add_working(
            now,
            rules.targets.first_answer_minutes,
            &rules.hours,
        )),
        remedy_due: Set(add_working(now, rules.targets.remedy_minutes, &rules.hours)),
        first_notice: Set(0),
        remedy_notice: Set(0),
        reopened: Set(0),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&work.tx)
    .await?;
    write_entry(&work.tx, row.id, user, "filed", &draft.description, now).await?;
    mail::filed(state, &work, &row, &order).await?;
    work.nudge(order.customer_company_id).await?;
    // Of what is kept, the customer's glance (a remedy waiting) and the
    // scorecards of the factories behind the order show complaints.
    work.touches_order(order.id, order.customer_company_id)
        .await?;
    work.commit(state).await?;
    Ok(row.id)
}

/// The next number of the year: one more than those filed.
async fn next_number(db: &impl ConnectionTrait, year: i32) -> Result<String, ApiError> {
    let start = format!("C-{year}-");
    let filed = complaint::Entity::find()
        .filter(complaint::Column::Number.starts_with(&start))
        .count(db)
        .await?;
    Ok(format!("{start}{:04}", filed + 1))
}

/// What a step brings besides its name.
pub struct StepInput {
    pub step: String,
    pub message: String,
    pub remedy: String,
    pub amount: String,
    pub cost: String,
    pub root_cause: String,
}

/// One step of the complaint by whoever may take it now.
pub async fn step(
    state: &AppState,
    user: &CurrentUser,
    id: i32,
    version: i32,
    input: StepInput,
) -> Result<(), ApiError> {
    let db = &state.db;
    let row = visible(db, user, id).await?;
    let t = |key: &str| user.locale.t(key);
    let step = STEPS
        .iter()
        .find(|(name, _)| *name == input.step.trim())
        .map(|(_, step)| *step)
        .ok_or_else(|| problem("step", t("complaint-step-unknown")))?;
    let side = side_of(user);
    let next = state_of(&row)
        .apply(step, side)
        .map_err(|e| problem("step", t(e.key())))?;
    if row.version != version {
        return Err(ApiError::Conflict {
            message: t("complaint-changed"),
        });
    }
    let message = input.message.trim().to_string();
    if message.chars().count() > 4000 {
        return Err(problem("message", t("complaint-message-too-long")));
    }
    let needs_message = matches!(
        step,
        Step::Acknowledge
            | Step::ProposeRemedy
            | Step::Decline
            | Step::Reopen
            | Step::FactoryAnswer
    );
    if needs_message && message.is_empty() {
        return Err(problem("message", t("complaint-message-needed")));
    }
    let now = state.now();
    let mut active: complaint::ActiveModel = row.clone().into();
    active.status = Set(next.status.as_str().to_string());
    active.reopened = Set(i32::try_from(next.reopened).unwrap_or(i32::MAX));
    active.updated_at = Set(now);
    active.version = Set(row.version + 1);
    match step {
        Step::Acknowledge if row.first_answered_at.is_none() => {
            active.first_answered_at = Set(Some(now));
        }
        Step::PassToFactory => {
            let factory = factory_behind(db, &row)
                .await?
                .ok_or_else(|| problem("step", t("complaint-no-factory")))?;
            active.factory_company_id = Set(Some(factory));
            active.passed_at = Set(Some(now));
        }
        Step::FactoryAnswer => {
            let custom: Vec<(i32, String)> = root_cause::Entity::find()
                .all(db)
                .await?
                .into_iter()
                .map(|c| (c.id, c.label))
                .collect();
            let cause = RootCauseRef::resolve(input.root_cause.trim(), &custom)
                .ok_or_else(|| problem("root_cause", t("complaint-root-cause-unknown")))?;
            active.root_cause = Set(Some(cause.stored()));
            active.corrective_action = Set(Some(message.clone()));
            active.factory_answered_at = Set(Some(now));
        }
        Step::ProposeRemedy => {
            let remedy = Remedy::parse(input.remedy.trim())
                .ok_or_else(|| problem("remedy", t("complaint-remedy-unknown")))?;
            let amount = match (remedy.is_money(), input.amount.trim()) {
                (true, raw) => Some(
                    parse_unit_price(raw)
                        .ok()
                        .filter(|a| *a > 0)
                        .ok_or_else(|| problem("amount", t("complaint-amount-needed")))?,
                ),
                (false, "") => None,
                (false, _) => return Err(problem("amount", t("complaint-amount-not-money"))),
            };
            let cost = match input.cost.trim() {
                "" => None,
                raw => Some(
                    parse_unit_price(raw)
                        .map_err(|_| problem("cost", t("complaint-cost-money")))?,
                ),
            };
            active.remedy_kind = Set(Some(remedy.as_str().to_string()));
            active.remedy_text = Set(Some(message.clone()));
            active.remedy_amount_minor = Set(amount);
            active.remedy_cost_minor = Set(cost.or(amount));
            if row.remedy_proposed_at.is_none() {
                active.remedy_proposed_at = Set(Some(now));
            }
            if row.first_answered_at.is_none() {
                active.first_answered_at = Set(Some(now));
            }
        }
        Step::Close => active.closed_at = Set(Some(now)),
        Step::Reopen => {
            active.closed_at = Set(None);
            // A reopened complaint needs a new remedy in time.
            let rules = clock_rules(db).await?;
            active.remedy_due = Set(add_working(now, rules.targets.remedy_minutes, &rules.hours));
            active.remedy_proposed_at = Set(None);
            active.remedy_notice = Set(0);
        }
        _ => {}
    }
    let mut work = UnitOfWork::begin(state).await?;
    // The version claim: of two people acting on the same version, one wins.
    let claimed = complaint::Entity::update_many()
        .col_expr(complaint::Column::Version, Expr::value(row.version + 1))
        .filter(complaint::Column::Id.eq(row.id))
        .filter(complaint::Column::Version.eq(row.version))
        .exec(&work.tx)
        .await?;
    if claimed.rows_affected != 1 {
        return Err(ApiError::Conflict {
            message: t("complaint-changed"),
        });
    }
    let updated = active.update(&work.tx).await?;
    if let (Step::PassToFactory, Some(factory)) = (step, updated.factory_company_id) {
        crate::usecases::files::complaint_passed(&work.tx, row.id, factory).await?;
    }
    let body = match step {
        Step::ProposeRemedy => format!(
            "{}{}",
            message,
            updated
                .remedy_amount_minor
                .map(|a| format!(
                    " ({} {})",
                    crate::domain::order_input::format_minor(a),
                    updated.currency
                ))
                .unwrap_or_default()
        ),
        _ => message.clone(),
    };
    let kind = STEPS
        .iter()
        .find(|(_, s)| *s == step)
        .map(|(name, _)| *name)
        .unwrap_or("step");
    write_entry(&work.tx, row.id, user, kind, &body, now).await?;
    mail::stepped(state, &work, &updated, step).await?;
    work.nudge(updated.customer_company_id).await?;
    work.touches_order(updated.order_id, updated.customer_company_id)
        .await?;
    work.commit(state).await
}

/// The factory behind the complaint: the one filling its line (or, for a
/// complaint about the whole order, the first line's).
async fn factory_behind(
    db: &impl ConnectionTrait,
    row: &complaint::Model,
) -> Result<Option<i32>, ApiError> {
    let line_ids: Vec<i32> = match row.order_line_id {
        Some(id) => vec![id],
        None => orders::lines_of(db, &[row.order_id])
            .await?
            .iter()
            .map(|l| l.id)
            .collect(),
    };
    let placed = purchase_orders::placed_lines(db, &line_ids).await?;
    Ok(placed.first().map(|p| p.po.supplier_company_id))
}
