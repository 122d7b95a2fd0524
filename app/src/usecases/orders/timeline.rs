//! An order's whole timeline, a page at a time, newest first: the order's
//! page shows only its newest entries.

use crate::domain::paging::{TIMELINE_SHOWN, newest_page};
use crate::ssr::AppState;
use crate::ssr::auth::CurrentUser;
use crate::ssr::repo::{orders, users};
use crate::wire::ApiError;
use crate::wire::orders::TimelinePage;

/// One page of the timeline of order `id`, if `user` may see the order (any
/// other is not found): the newest entries, or those written before the
/// entry `before`.
pub async fn timeline(
    state: &AppState,
    user: &CurrentUser,
    id: i32,
    before: Option<i32>,
) -> Result<TimelinePage, ApiError> {
    let seen = super::seen(state, user, id).await?;
    // Only shown, outside any transaction: on SQLite the read-only pool.
    let db = &state.reports;
    let read = orders::newest_events(db, id, before, TIMELINE_SHOWN as u64 + 1).await?;
    let (events, older) = newest_page(read, TIMELINE_SHOWN, |e| e.id);
    let people = users::by_ids(db, &super::detail::actor_ids(&events)).await?;
    Ok(TimelinePage {
        number: seen.order.number.clone(),
        events: super::detail::event_views(events, &people),
        older,
    })
}
