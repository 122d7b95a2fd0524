//! Change requests: customers ask for a change to their order, the trading
//! house approves, rejects or counter-proposes, the customer answers a
//! counter-proposal, and an applied change reaches the factories as a change
//! to acknowledge. Each server function signs the person in and calls one
//! use case of `usecases::changes`; the DTOs are those of `wire::changes`.

use leptos::prelude::*;

use super::ApiError;
pub use crate::wire::changes::*;

/// Asks for a change to one of the customer's orders, against the `version`
/// of the order the customer saw. `lines[i]` restates an existing line (by
/// `line_no`) with the wanted values; `added` holds lines to add. Returns the
/// request's id.
#[server(endpoint = "changes/request", output = crate::wire::compact::Compact)]
pub async fn request_change(
    order_id: i32,
    version: i32,
    #[server(default)] note: String,
    ship_to: String,
    #[server(default)] lines: Vec<ChangeLineInput>,
    #[server(default)] added: Vec<AddedLineInput>,
) -> Result<i32, ApiError> {
    let (state, user) = crate::ssr::signed_in()?;
    crate::usecases::changes::request(
        &state, &user, order_id, version, note, ship_to, lines, added,
    )
    .await
}

/// One change request as the viewer may see it.
#[server(endpoint = "changes/get", output = crate::wire::compact::Compact)]
pub async fn get_change(id: i32) -> Result<ChangeView, ApiError> {
    let (state, user) = crate::ssr::signed_in()?;
    crate::usecases::changes::get(&state, &user, id).await
}

/// The house's inbox: requests waiting for the house (oldest first), then
/// those waiting for the customer's answer to a counter-proposal.
#[server(endpoint = "changes/inbox", output = crate::wire::compact::Compact)]
pub async fn change_inbox() -> Result<Vec<ChangeView>, ApiError> {
    let (state, user) = crate::ssr::signed_in()?;
    crate::usecases::changes::inbox(&state, &user).await
}

/// The house decides an open request: `decision` is `approve`, `reject`
/// (with a reason in `answer`) or `counter` (with counter values in
/// `items[i].counter`, in the order of the request's items, and an optional
/// message). Added lines need `items[i].unit_price` to approve or counter.
#[server(endpoint = "changes/decide", output = crate::wire::compact::Compact)]
pub async fn decide_change(
    id: i32,
    decision: String,
    #[server(default)] answer: String,
    #[server(default)] items: Vec<ItemDecisionInput>,
) -> Result<(), ApiError> {
    let (state, user) = crate::ssr::signed_in()?;
    crate::usecases::changes::decide(&state, &user, id, decision, answer, items).await
}

/// The customer answers a counter-proposal: `accept` applies it to the
/// order, anything else declines it.
#[server(endpoint = "changes/answer", output = crate::wire::compact::Compact)]
pub async fn answer_change(id: i32, accept: bool) -> Result<(), ApiError> {
    let (state, user) = crate::ssr::signed_in()?;
    crate::usecases::changes::answer(&state, &user, id, accept).await
}

/// The customer withdraws a request that is still waiting.
#[server(endpoint = "changes/withdraw", output = crate::wire::compact::Compact)]
pub async fn withdraw_change(id: i32) -> Result<(), ApiError> {
    let (state, user) = crate::ssr::signed_in()?;
    crate::usecases::changes::withdraw(&state, &user, id).await
}

/// The changes a factory is asked to acknowledge (its own only; the house
/// sees every factory's). `all` includes acknowledged ones (newest first).
#[server(endpoint = "changes/factory", output = crate::wire::compact::Compact)]
pub async fn factory_changes(#[server(default)] all: bool) -> Result<Vec<PoChangeView>, ApiError> {
    let (state, user) = crate::ssr::signed_in()?;
    crate::usecases::changes::factory_list(&state, &user, all).await
}

/// The factory acknowledges a change to one of its lines.
#[server(endpoint = "changes/acknowledge", output = crate::wire::compact::Compact)]
pub async fn acknowledge_change(id: i32) -> Result<(), ApiError> {
    let (state, user) = crate::ssr::signed_in()?;
    crate::usecases::changes::acknowledge(&state, &user, id).await
}
