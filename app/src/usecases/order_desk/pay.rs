//! Recording a payment received against an order.

use super::{Entry, claim, closed, finish, parse_date, staff_order};
use crate::domain::order_edit::{check_payment, editable};
use crate::domain::order_input::required_text as text;
use crate::domain::order_input::{format_minor, parse_unit_price};
use crate::domain::payments::allocate;
use crate::domain::refusal::Localize;
use crate::domain::slip::AlertKind;
use crate::ssr::AppState;
use crate::ssr::auth::CurrentUser;
use crate::ssr::repo::{fulfilment, orders};
use crate::usecases::news;
use crate::usecases::orders::{order_value, stale_order};
use crate::wire::{ApiError, FieldErrors};

/// Records a payment received against the order, in the order's currency;
/// it may not exceed what is still owed. On an order with a payment
/// schedule it pays the chosen instalment first, then the others in order.
#[allow(clippy::too_many_arguments)]
pub async fn record_payment(
    state: &AppState,
    user: &CurrentUser,
    order_id: i32,
    version: i32,
    received_on: String,
    amount: String,
    reference: String,
    instalment_id: Option<i32>,
) -> Result<(), ApiError> {
    let (order, status) = staff_order(state, user, order_id, "payment").await?;
    if !editable(status).payments {
        return Err(closed(user.locale, "err-action-record-payment", status));
    }
    if order.version != version {
        return Err(stale_order(user.locale));
    }
    let today = state.today();
    let mut problems = FieldErrors::default();
    let received_on = problems.keep("received_on", parse_date(user.locale, &received_on));
    let amount = problems.keep(
        "amount",
        parse_unit_price(&amount).map_err(|_| user.locale.t("input-amount-unreadable")),
    );
    let reference = problems.keep(
        "reference",
        text(&reference, 80, "input-what-bank-reference").localized(user.locale),
    );
    let lines = orders::lines_of(&state.db, &[order.id]).await?;
    let total = order_value(&lines);
    let paid: i64 = fulfilment::payments_of(&state.db, order.id)
        .await?
        .iter()
        .map(|p| p.amount_minor)
        .sum();
    if let (Some(amount), Some(received_on)) = (amount, received_on)
        && let Err((field, refusal)) = check_payment(amount, received_on, today, total - paid)
    {
        problems.add(field, refusal.text(user.locale));
    }
    let (Some(received_on), Some(amount), Some(reference), true) =
        (received_on, amount, reference, problems.is_empty())
    else {
        return Err(problems.into_error());
    };
    let schedule = fulfilment::instalments_of(&state.db, order.id).await?;
    let facts: Vec<_> = schedule
        .iter()
        .map(crate::usecases::shipping::instalment_facts)
        .collect();
    let shares = if schedule.is_empty() {
        Vec::new()
    } else {
        allocate(&facts, amount, instalment_id).map_err(|e| {
            let mut problems = FieldErrors::default();
            problems.add("instalment_id", user.locale.t(e.key()));
            problems.into_error()
        })?
    };
    let now = state.now();
    // The version claim also keeps two payments from both fitting the same balance.
    let work = claim(state, user.locale, order.id, version).await?;
    let payment =
        fulfilment::insert_payment(&work.tx, order.id, received_on, amount, &reference, now)
            .await?;
    for (instalment, share) in shares {
        fulfilment::allocate_to_instalment(&work.tx, payment.id, instalment, share, now).await?;
    }
    let outstanding = total - paid - amount;
    let said = |_: crate::i18n::Locale| {
        vec![
            (
                "amount",
                format!("{} {}", format_minor(amount), order.currency),
            ),
            ("received", received_on.to_string()),
            ("reference", reference.clone()),
            (
                "outstanding",
                format!("{} {}", format_minor(outstanding), order.currency),
            ),
        ]
    };
    news::to_customer(
        state,
        &work.tx,
        &order,
        AlertKind::PaymentRecorded,
        &payment.id.to_string(),
        "#payments",
        &said,
    )
    .await?;
    let entry = Entry {
        summary: format!(
            "Payment received: {} {}",
            format_minor(amount),
            order.currency
        ),
        before: None,
        after: Some(format!("{received_on}, ref. {reference}")),
    };
    finish(state, work, &order, user.user_id, "payment", vec![entry]).await
}
