//! What the trading house does to one order after entering it: change its
//! terms and lines while that is still allowed, place purchase orders with the
//! factories for its lines, and record shipments and payments. Every change
//! claims the order's version, so two people editing the same version cannot
//! both win, and lands on the timeline.

// Server functions take one argument per form field.
#![allow(clippy::too_many_arguments)]

use leptos::prelude::*;

use super::ApiError;
use crate::wire::orders::LineInput;

/// Changes an order's terms and, before confirmation, its lines (`lines[i]`
/// with `line_no` for an existing line, empty for a new one, `remove` to drop
/// it). After confirmation only payment terms and ship-to can change here.
#[server(endpoint = "orders/update", output = crate::wire::compact::Compact)]
pub async fn update_order(
    id: i32,
    version: i32,
    currency: String,
    incoterm: String,
    payment_terms: String,
    ship_to: String,
    #[server(default)] lines: Vec<LineInput>,
) -> Result<(), ApiError> {
    let (state, user) = crate::ssr::signed_in()?;
    crate::usecases::order_desk::update(
        &state,
        &user,
        id,
        version,
        currency,
        incoterm,
        payment_terms,
        ship_to,
        lines,
    )
    .await
}

/// Places a purchase order with a factory for some of the order's lines (by
/// line number), each to be ready by `ready_by`. Returns the PO number.
#[server(endpoint = "orders/place-po", output = crate::wire::compact::Compact)]
pub async fn place_purchase_order(
    order_id: i32,
    version: i32,
    #[server(default)] supplier_id: i32,
    ready_by: String,
    #[server(default)] line_nos: Vec<i32>,
) -> Result<String, ApiError> {
    let (state, user) = crate::ssr::signed_in()?;
    crate::usecases::order_desk::place_purchase_order(
        &state,
        &user,
        order_id,
        version,
        supplier_id,
        ready_by,
        line_nos,
    )
    .await
}

/// Records a payment received against the order, in the order's currency,
/// matched first to `instalment_id` when given, then to the schedule in order.
#[server(endpoint = "orders/pay", output = crate::wire::compact::Compact)]
pub async fn record_payment(
    order_id: i32,
    version: i32,
    received_on: String,
    amount: String,
    reference: String,
    #[server(default)] instalment_id: Option<i32>,
) -> Result<(), ApiError> {
    let (state, user) = crate::ssr::signed_in()?;
    crate::usecases::order_desk::record_payment(
        &state,
        &user,
        order_id,
        version,
        received_on,
        amount,
        reference,
        instalment_id,
    )
    .await
}
