//! Recording a payment received against an order.

use super::{Entry, claim, closed, finish, parse_date, staff_order};
use crate::domain::order_edit::{check_payment, editable};
use crate::domain::order_input::required_text as text;
use crate::domain::order_input::{format_minor, parse_unit_price};
use crate::ssr::AppState;
use crate::ssr::auth::CurrentUser;
use crate::ssr::repo::{fulfilment, orders};
use crate::usecases::orders::{order_value, stale_order};
use crate::wire::{ApiError, FieldErrors};

/// Records a payment received against the order, in the order's currency;
/// it may not exceed what is still owed.
pub async fn record_payment(
    state: &AppState,
    user: &CurrentUser,
    order_id: i32,
    version: i32,
    received_on: String,
    amount: String,
    reference: String,
) -> Result<(), ApiError> {
    let (order, status) = staff_order(state, user, order_id, "payment").await?;
    if !editable(status).payments {
        return Err(closed("Recording a payment", status));
    }
    if order.version != version {
        return Err(stale_order());
    }
    let today = state.now().date_naive();
    let mut problems = FieldErrors::default();
    let received_on = problems.keep("received_on", parse_date(&received_on));
    let amount = problems.keep(
        "amount",
        parse_unit_price(&amount).map_err(|_| "Enter the amount like 1250.00."),
    );
    let reference = problems.keep("reference", text(&reference, 80, "the bank reference"));
    let lines = orders::lines_of(&state.db, &[order.id]).await?;
    let total = order_value(&lines);
    let paid: i64 = fulfilment::payments_of(&state.db, order.id)
        .await?
        .iter()
        .map(|p| p.amount_minor)
        .sum();
    if let (Some(amount), Some(received_on)) = (amount, received_on)
        && let Err((field, message)) = check_payment(amount, received_on, today, total - paid)
    {
        problems.add(field, message);
    }
    let (Some(received_on), Some(amount), Some(reference), true) =
        (received_on, amount, reference, problems.is_empty())
    else {
        return Err(problems.into_error());
    };
    let now = state.now();
    // The version claim also keeps two payments from both fitting the same balance.
    let work = claim(state, order.id, version).await?;
    fulfilment::insert_payment(&work.tx, order.id, received_on, amount, &reference, now).await?;
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
