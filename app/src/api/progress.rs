//! Factory progress on purchase-order lines: a factory lists its own open
//! lines (late first), opens one to post a milestone, quantities and a new
//! forecast, or moves several lines of one PO at once. The house reads every
//! factory's lines. Messages come back in the reader's language.

// Server functions take one argument per form field.
#![allow(clippy::too_many_arguments)]

use leptos::prelude::*;

use super::ApiError;
pub use crate::wire::progress::*;

/// The lines the viewer may see: `show` is `open` (default), `late`,
/// `stale` or `done`; `query` matches PO number or product; the first
/// `shown` of them (`LIST_PAGE` unless given, at most `LIST_LIMIT`).
#[server(endpoint = "progress/lines", output = crate::wire::compact::Compact)]
pub async fn list_po_lines(
    show: Option<String>,
    query: Option<String>,
    shown: Option<u64>,
) -> Result<Vec<PoLineView>, ApiError> {
    let (state, user) = crate::ssr::signed_in()?;
    crate::usecases::progress::list(&state, &user, show, query, shown).await
}

/// A line and one page of its reports: the newest, or with `before` those
/// made before that report (the `older` of the page before).
#[server(endpoint = "progress/line", output = crate::wire::compact::Compact)]
pub async fn get_po_line(id: i32, before: Option<i32>) -> Result<PoLineDetail, ApiError> {
    let (state, user) = crate::ssr::signed_in()?;
    crate::usecases::progress::detail(&state, &user, id, before).await
}

/// A factory reports on one of its lines. Fields: `milestone` (see
/// `Milestone::as_str`), `quantity_done`, optional `lot_quantity`, optional
/// `forecast` (`YYYY-MM-DD`; empty keeps the current one), `reason`, `note`.
#[server(endpoint = "progress/post", output = crate::wire::compact::Compact)]
pub async fn post_progress(
    id: i32,
    version: i32,
    milestone: String,
    quantity_done: String,
    #[server(default)] lot_quantity: String,
    #[server(default)] forecast: String,
    #[server(default)] reason: String,
    #[server(default)] note: String,
) -> Result<(), ApiError> {
    let (state, user) = crate::ssr::signed_in()?;
    crate::usecases::progress::post(
        &state,
        &user,
        id,
        version,
        milestone,
        quantity_done,
        lot_quantity,
        forecast,
        reason,
        note,
    )
    .await
}

/// Moves several lines of one purchase order to `milestone` at once (e.g.
/// all packed); quantities and forecasts stay. All or nothing: if any line
/// refuses, none moves. Returns how many lines moved.
#[server(endpoint = "progress/bulk", output = crate::wire::compact::Compact)]
pub async fn bulk_progress(
    #[server(default)] line_ids: Vec<i32>,
    milestone: String,
    #[server(default)] note: String,
) -> Result<usize, ApiError> {
    let (state, user) = crate::ssr::signed_in()?;
    crate::usecases::progress::bulk(&state, &user, line_ids, milestone, note).await
}
