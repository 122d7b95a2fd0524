//! Sales hand a costed draft in: the house's rules decide which levels must
//! approve it (its margin, its amount, a deposit below what the customer's
//! credit requires), the steps are planned with their due times, and the
//! first level's approvers are told. Without any approval needed it is
//! approved at once.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, Set};

use super::{credit, format_margin, house_rules, mail, totals_of};
use crate::domain::approval::{ApprovalStep, QuoteFacts, RouteEntry, RouteReason, plan, route};
use crate::domain::credit::{deposit_check, required_deposit_bp};
use crate::domain::kept_pages::Scope;
use crate::domain::order_input::format_minor;
use crate::domain::policy::Action;
use crate::domain::quotation::{LineReadiness, QuotationStatus, QuoteStep, next, submit_problems};
use crate::domain::terms::format_percent;
use crate::ssr::auth::CurrentUser;
use crate::ssr::entities::{approval_step, quotation};
use crate::ssr::repo::companies;
use crate::ssr::repo::quotations::{self, Moved, QuoteScope};
use crate::ssr::work::UnitOfWork;
use crate::ssr::{AppState, guard};
use crate::wire::{ApiError, FieldErrors};

pub async fn submit(
    state: &AppState,
    user: &CurrentUser,
    id: i32,
    version: i32,
) -> Result<(), ApiError> {
    let row = quotations::find(&state.db, QuoteScope::All, id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let customer = row.customer_company_id;
    guard::check(state, user, Action::Quote { customer }, "quotation").await?;
    if row.version != version {
        return Err(super::send::stale(user.locale));
    }
    let lines = quotations::lines_of(&state.db, &[row.id]).await?;
    let readiness: Vec<LineReadiness> = lines
        .iter()
        .map(|l| LineReadiness {
            line_no: l.line_no,
            has_factory: l.supplier_company_id.is_some(),
            purchase_price_minor: l.purchase_price_minor,
            selling_price_minor: l.selling_price_minor,
        })
        .collect();
    let problems = submit_problems(&readiness);
    if !problems.is_empty() {
        let mut errors = FieldErrors::default();
        for problem in problems {
            errors.add("lines", problem.text(user.locale));
        }
        return Err(errors.into_error());
    }
    let now = state.now();
    let totals = totals_of(&lines, user.locale)?;
    let (rules, policy) = house_rules(&state.db).await?;
    let standing = credit::standing_of(&state.db, customer, state.house_date(now)).await?;
    let required = required_deposit_bp(&standing, &policy);
    let offered = u32::try_from(row.deposit_bp).unwrap_or(0);
    let facts = QuoteFacts {
        total_minor: totals.revenue_minor,
        margin_bp: totals.margin_bp,
        deposit: deposit_check(offered, required),
    };
    let needed = route(&rules, &facts);
    let steps = plan(&needed, now, rules.step_target_minutes);
    let step = QuoteStep::Submit {
        needs_approval: !steps.is_empty(),
    };
    let to = next(row.status, step, state.house_date(now), row.valid_until).map_err(|e| {
        ApiError::Conflict {
            message: e.refusal().text(user.locale),
        }
    })?;
    let moved = Moved {
        submitted_at: Some(now),
        ..Moved::default()
    };
    let mut work = UnitOfWork::begin(state).await?;
    if !quotations::claim(&work.tx, &row, to, moved).await? {
        return Err(super::send::stale(user.locale));
    }
    write_steps(&work, row.id, &needed, &steps, &row.currency).await?;
    if let Some(first) = steps.first() {
        let claimed = quotation::Model {
            version: row.version + 1,
            status: to,
            ..row
        };
        let name = companies::find(&work.tx, customer).await?.map(|c| c.name);
        let name = name.unwrap_or_default();
        mail::approval_waiting(&work, state, &claimed, first.level, &name).await?;
    }
    work.touches_only(vec![Scope::Customer(customer)]);
    work.commit(state).await
}

async fn write_steps(
    work: &UnitOfWork,
    quotation_id: i32,
    needed: &[RouteEntry],
    steps: &[ApprovalStep],
    currency: &str,
) -> Result<(), ApiError> {
    for (i, (entry, step)) in needed.iter().zip(steps).enumerate() {
        insert_step(work, quotation_id, i, entry, step.due, currency).await?;
    }
    Ok(())
}

async fn insert_step(
    work: &UnitOfWork,
    quotation_id: i32,
    i: usize,
    entry: &RouteEntry,
    due: DateTime<Utc>,
    currency: &str,
) -> Result<(), ApiError> {
    let reason: Vec<String> = entry
        .reasons
        .iter()
        .map(|r| reason_words(*r, currency))
        .collect();
    approval_step::ActiveModel {
        quotation_id: Set(quotation_id),
        position: Set(i as i32 + 1),
        level: Set(entry.level),
        reason: Set(reason.join("; ").chars().take(200).collect()),
        due_at: Set(due),
        ..Default::default()
    }
    .insert(&work.tx)
    .await?;
    Ok(())
}

/// Why a level must approve, in words.
pub fn reason_words(reason: RouteReason, currency: &str) -> String {
    match reason {
        RouteReason::Always => "approves every quotation".to_string(),
        RouteReason::LowMargin {
            margin_bp,
            limit_bp,
        } => format!(
            "margin {} is below {}",
            format_margin(margin_bp),
            format_margin(i64::from(limit_bp))
        ),
        RouteReason::NoMargin => "no revenue to judge a margin by".to_string(),
        RouteReason::LargeAmount {
            total_minor,
            limit_minor,
        } => format!(
            "total {currency} {} is above {currency} {}",
            format_minor(total_minor),
            format_minor(limit_minor)
        ),
        RouteReason::DepositShort { short_by_bp } => format!(
            "deposit is {} below what the customer's credit requires",
            format_percent(short_by_bp)
        ),
    }
}

/// Keeps the status type in one place for the other steps.
pub fn is_draft(row: &quotation::Model) -> bool {
    row.status == QuotationStatus::Draft
}
