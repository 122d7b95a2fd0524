//! Sales orders for customers (their own) and the trading house (all): the
//! list, one order with its lines, three dates and timeline, and status moves.

use leptos::prelude::*;

use super::ApiError;
pub use crate::wire::orders::*;

/// Orders the viewer may see, newest first, `PAGE_SIZE` at a time: pass the
/// smallest id shown as `before_id` for the next page. Dates are `YYYY-MM-DD`.
#[server(endpoint = "orders/list", output = crate::wire::compact::Compact)]
pub async fn list_orders(
    status: Option<String>,
    query: Option<String>,
    customer: Option<i32>,
    at_risk: Option<bool>,
    committed_from: Option<String>,
    committed_to: Option<String>,
    before_id: Option<i32>,
) -> Result<Vec<OrderSummary>, ApiError> {
    let (state, user) = crate::ssr::signed_in()?;
    crate::usecases::orders::list(
        &state,
        &user,
        status,
        query,
        customer,
        at_risk,
        committed_from,
        committed_to,
        before_id,
    )
    .await
}

/// The customers the trading house sells to, for the order filter.
#[server(endpoint = "orders/customers", output = crate::wire::compact::Compact)]
pub async fn order_customers() -> Result<Vec<(i32, String)>, ApiError> {
    let (state, user) = crate::ssr::signed_in()?;
    crate::usecases::orders::customers(&state, &user).await
}

/// The signed-in customer's first page at a glance: its open orders per
/// badge, what ships next and what waits for its answer. Customers only.
#[server(endpoint = "orders/glance", output = crate::wire::compact::Compact)]
pub async fn order_glance() -> Result<crate::wire::glance::Glance, ApiError> {
    let (state, user) = crate::ssr::signed_in()?;
    crate::usecases::orders::glance(&state, &user).await
}

#[server(endpoint = "orders/get", output = crate::wire::compact::Compact)]
pub async fn get_order(id: i32) -> Result<OrderDetail, ApiError> {
    let (state, user) = crate::ssr::signed_in()?;
    crate::usecases::orders::get(&state, &user, id).await
}

/// One page of an order's whole timeline, newest first: the newest
/// entries, or with `before` those written before that entry (the `older`
/// of the page before).
#[server(endpoint = "orders/timeline", output = crate::wire::compact::Compact)]
pub async fn get_order_timeline(id: i32, before: Option<i32>) -> Result<TimelinePage, ApiError> {
    let (state, user) = crate::ssr::signed_in()?;
    crate::usecases::orders::timeline(&state, &user, id, before).await
}

/// Moves an order to `to`, if the viewer may take that step and nobody changed
/// the order since they loaded it (`version`). Confirming freezes the lines'
/// committed dates.
#[server(endpoint = "orders/move", output = crate::wire::compact::Compact)]
pub async fn move_order_status(id: i32, to: String, version: i32) -> Result<(), ApiError> {
    let (state, user) = crate::ssr::signed_in()?;
    crate::usecases::orders::move_status(&state, &user, id, to, version).await
}

/// Sales staff enter a new order (an inquiry) for a customer; returns its id.
/// Every problem is reported against its field (`lines[2].quantity`), and
/// nothing is written unless everything is valid.
#[server(endpoint = "orders/create", output = crate::wire::compact::Compact)]
pub async fn create_order(
    customer_id: i32,
    currency: String,
    incoterm: String,
    payment_terms: String,
    ship_to: String,
    #[server(default)] lines: Vec<LineInput>,
) -> Result<i32, ApiError> {
    let (state, user) = crate::ssr::signed_in()?;
    crate::usecases::orders::create(
        &state,
        &user,
        customer_id,
        currency,
        incoterm,
        payment_terms,
        ship_to,
        lines,
    )
    .await
}
