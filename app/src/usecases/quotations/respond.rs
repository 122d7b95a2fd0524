//! The customer answers the quotation it holds. Accepting it within its
//! validity makes the contract: the confirmed sales order with its lines
//! and committed dates, the contract terms, the payment schedule, and a
//! timeline that starts with the whole history from the inquiry. Only the
//! latest sent revision can be accepted.

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};

use super::approve::customer_name;
use super::{balance_of, inquiry_number, mail, quote_line, terms_in_words, totals_of};
use crate::domain::kept_pages::Scope;
use crate::domain::order_status::OrderStatus;
use crate::domain::policy::Action;
use crate::domain::quotation::{
    InquiryStatus, QuoteError, QuoteStep, check_acceptance, committed_date, next,
};
use crate::domain::terms::{DueWhen, PaymentTerms, schedule};
use crate::i18n::Locale;
use crate::ssr::auth::CurrentUser;
use crate::ssr::entities::{instalment, order, quotation, quotation_line};
use crate::ssr::repo::orders::{self, NewEvent, NewLine, NewOrder};
use crate::ssr::repo::quotations::{self, Moved, QuoteScope};
use crate::ssr::work::UnitOfWork;
use crate::ssr::{AppState, guard};
use crate::wire::ApiError;

/// Days the customer has to pay the deposit after accepting.
pub const DEPOSIT_DUE_DAYS: u32 = 7;

/// The customer accepts (`accept`) or declines revision `revision` of
/// quotation `id`. Returns the new order's id when it accepted.
pub async fn respond(
    state: &AppState,
    user: &CurrentUser,
    id: i32,
    revision: i32,
    accept: bool,
) -> Result<Option<i32>, ApiError> {
    let scope = super::scope_of(user)?;
    let held = quotations::find(&state.db, scope, id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let customer = held.customer_company_id;
    guard::check(
        state,
        user,
        Action::AskQuote { customer },
        "quotation answer",
    )
    .await?;
    // The revision the house holds now decides, not the one the customer saw.
    let current = quotations::revisions(&state.db, QuoteScope::All, &held.number)
        .await?
        .into_iter()
        .next()
        .ok_or(ApiError::NotFound)?;
    let (asked, latest) = (
        u32::try_from(revision).unwrap_or(0),
        u32::try_from(current.revision).unwrap_or(0),
    );
    check_acceptance(asked, latest, current.status).map_err(|e| conflict(e, user.locale))?;
    let step = if accept {
        QuoteStep::Accept
    } else {
        QuoteStep::Decline
    };
    let now = state.now();
    let to = next(
        current.status,
        step,
        state.house_date(now),
        current.valid_until,
    )
    .map_err(|e| conflict(e, user.locale))?;
    let mut work = UnitOfWork::begin(state).await?;
    let order_id = if accept {
        Some(
            make_contract(
                &mut work,
                &current,
                (user.user_id, user.locale),
                now,
                state.house_date(now),
            )
            .await?,
        )
    } else {
        None
    };
    let moved = Moved {
        decided: Some((now, user.user_id)),
        order_id,
        ..Moved::default()
    };
    if !quotations::claim(&work.tx, &current, to, moved).await? {
        return Err(super::send::stale(user.locale));
    }
    if let Some(inquiry) = current.inquiry_id {
        quotations::set_inquiry_status(&work.tx, inquiry, InquiryStatus::Closed, now).await?;
    }
    let name = customer_name(&work.tx, customer).await?;
    let answer = if accept { "accepted" } else { "declined" };
    mail::quotation_answered(&work, state, &current, answer, &name).await?;
    if let Some(order_id) = order_id
        && let Some(order) = order::Entity::find_by_id(order_id).one(&work.tx).await?
    {
        // The contract's confirmation, with the dates committed to.
        crate::usecases::news::order_confirmed(state, &work.tx, &order).await?;
    }
    work.nudge(customer).await?;
    // The customer's first page no longer shows it waiting; the contract is
    // an order of its own.
    work.touches_only(vec![Scope::Customer(customer)]);
    if let Some(order_id) = order_id {
        work.touches_order(order_id, customer).await?;
    }
    work.commit(state).await?;
    Ok(order_id)
}

/// A step the quotation cannot take, said in `locale`.
fn conflict(error: QuoteError, locale: Locale) -> ApiError {
    ApiError::Conflict {
        message: error.refusal().text(locale),
    }
}

/// Writes the confirmed order made from the quotation for the customer
/// `by`, who reads any refusal in `locale`; returns the order's id.
async fn make_contract(
    work: &mut UnitOfWork,
    quote: &quotation::Model,
    (by, locale): (i32, Locale),
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Result<i32, ApiError> {
    let lines = quotations::lines_of(&work.tx, &[quote.id]).await?;
    // Stored with the order, read by every side: in the house's English.
    let mut terms = terms_in_words(quote, Locale::En)?.join("; ");
    terms.truncate(
        terms
            .char_indices()
            .nth(100)
            .map_or(terms.len(), |(i, _)| i),
    );
    let provisional = format!("NEW-Q{}-{}", quote.id, quote.revision);
    let order = orders::insert_order(
        &work.tx,
        NewOrder {
            number: &provisional,
            customer_company_id: quote.customer_company_id,
            sales_owner_id: quote.sales_owner_id,
            currency: &quote.currency,
            incoterm: &quote.incoterm,
            payment_terms: &terms,
            ship_to: &quote.port,
            status: OrderStatus::Confirmed,
        },
        now,
    )
    .await?;
    let number = format!("SO-{}-{:05}", now.format("%Y"), order.id);
    orders::set_number(&work.tx, order.id, &number).await?;
    orders::set_history(&work.tx, order.id, Some(today), None).await?;
    order::Entity::update_many()
        .col_expr(order::Column::QuotationId, Expr::value(quote.id))
        .col_expr(
            order::Column::PenaltyBpPerDay,
            Expr::value(quote.penalty_bp_per_day),
        )
        .col_expr(
            order::Column::LatestShipment,
            Expr::value(quote.latest_shipment),
        )
        .filter(order::Column::Id.eq(order.id))
        .exec(&work.tx)
        .await?;
    write_contract_lines(&work.tx, order.id, &lines, today).await?;
    write_schedule(work, quote, order.id, &lines, (today, locale)).await?;
    write_history(work, quote, order.id, by, &number, now).await?;
    Ok(order.id)
}

/// The order's lines at the quotation's selling prices, each committed to
/// the requested date unless the factory's lead time from `accepted_on` is
/// longer (`domain::quotation::committed_date`).
pub async fn write_contract_lines(
    db: &impl sea_orm::ConnectionTrait,
    order_id: i32,
    lines: &[quotation_line::Model],
    accepted_on: NaiveDate,
) -> Result<(), sea_orm::DbErr> {
    for line in lines {
        let lead = quote_line(line).lead_time_days;
        let committed = committed_date(line.requested_date, lead, accepted_on);
        orders::insert_line(
            db,
            NewLine {
                order_id,
                line_no: line.line_no,
                product_code: &line.product_code,
                description: &line.description,
                hs_code: &line.hs_code,
                quantity: line.quantity,
                unit: &line.unit,
                unit_price_minor: line.selling_price_minor,
                requested: line.requested_date.unwrap_or(committed),
                committed: Some(committed),
                forecast: Some(committed),
            },
        )
        .await?;
    }
    Ok(())
}

/// The deposit and balance instalments the terms call for.
async fn write_schedule(
    work: &UnitOfWork,
    quote: &quotation::Model,
    order_id: i32,
    lines: &[quotation_line::Model],
    (today, locale): (NaiveDate, Locale),
) -> Result<(), ApiError> {
    let total = totals_of(lines, locale)?.revenue_minor;
    let terms = PaymentTerms {
        deposit_bp: u32::try_from(quote.deposit_bp).unwrap_or(0),
        balance: balance_of(quote)?,
    };
    let plan = schedule(
        total,
        &terms,
        today,
        quote.latest_shipment,
        DEPOSIT_DUE_DAYS,
    );
    for (i, part) in plan.into_iter().enumerate() {
        let (due_date, due_event, offset) = match part.due {
            DueWhen::OnDate(day) => (Some(day), None, 0),
            DueWhen::OnEvent { event, days_after } => (
                None,
                Some(event.as_str().to_string()),
                i32::try_from(days_after).unwrap_or(0),
            ),
        };
        instalment::ActiveModel {
            order_id: Set(order_id),
            position: Set(i as i32 + 1),
            kind: Set(part.kind.as_str().to_string()),
            amount_minor: Set(part.amount_minor),
            due_date: Set(due_date),
            due_event: Set(due_event),
            due_offset_days: Set(offset),
            paid_minor: Set(0),
            paid_at: Set(None),
            ..Default::default()
        }
        .insert(&work.tx)
        .await?;
    }
    Ok(())
}

/// The order's timeline opens with how it came about: the inquiry, each
/// revision sent and the acceptance. The customer reads it too, so the
/// house's approvals stay on the quotation.
async fn write_history(
    work: &mut UnitOfWork,
    quote: &quotation::Model,
    order_id: i32,
    by: i32,
    number: &str,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    let mut entries: Vec<(String, Option<String>)> = Vec::new();
    if let Some(inquiry) = quote.inquiry_id
        && let Some(row) = quotations::find_inquiry(&work.tx, QuoteScope::All, inquiry).await?
    {
        entries.push((
            format!("Inquiry {} received", inquiry_number(inquiry)),
            Some(row.created_at.format("%Y-%m-%d %H:%M UTC").to_string()),
        ));
    }
    let revisions = quotations::revisions(&work.tx, QuoteScope::All, &quote.number).await?;
    for revision in revisions.iter().rev() {
        if let Some(sent) = revision.sent_at {
            entries.push((
                format!(
                    "Quotation {} revision {} sent",
                    revision.number, revision.revision
                ),
                Some(sent.format("%Y-%m-%d %H:%M UTC").to_string()),
            ));
        }
    }
    entries.push((
        format!(
            "Quotation {} revision {} accepted: order {number}",
            quote.number, quote.revision
        ),
        None,
    ));
    for (summary, after) in entries {
        let event = NewEvent {
            order_id,
            actor_user_id: Some(by),
            kind: "contract",
            summary,
            before: None,
            after,
        };
        work.record(event, quote.customer_company_id, now).await?;
    }
    Ok(())
}
