//! The signed-in person's own notification list. Nobody reads or marks
//! another person's: an id that is not the viewer's is not found.

use crate::ssr::AppState;
use crate::ssr::auth::CurrentUser;
use crate::ssr::repo::notifications as repo;
use crate::wire::ApiError;
use crate::wire::notifications::{NotificationView, NotificationsView};

/// The newest notifications and the unread count.
pub async fn list(state: &AppState, user: &CurrentUser) -> Result<NotificationsView, ApiError> {
    // Plain reads outside any transaction, asked for on every page (the
    // count in the navigation): on SQLite the read-only pool, so they do not
    // queue behind writes. Marking read stays on the writing connection.
    let rows = repo::of_user(&state.reports, user.user_id, NotificationsView::SHOWN).await?;
    let unread = repo::unread(&state.reports, user.user_id).await?;
    Ok(NotificationsView {
        items: rows
            .into_iter()
            .map(|n| NotificationView {
                id: n.id,
                kind: n.kind,
                title: n.title,
                path: n.path,
                at: n.created_at,
                read: n.read_at.is_some(),
            })
            .collect(),
        unread,
    })
}

/// How many are unread (the count in the navigation).
/// Kept between writes (`read_cache`): every page asks.
pub async fn unread(state: &AppState, user: &CurrentUser) -> Result<u64, ApiError> {
    state
        .kept("notifications/unread", user, (), || async {
            // A plain read, as in `list`.
            Ok(repo::unread(&state.reports, user.user_id).await?)
        })
        .await
}

/// Marks one read and answers the page it is about.
pub async fn open(state: &AppState, user: &CurrentUser, id: i32) -> Result<String, ApiError> {
    let row = repo::mark_read(&state.db, user.user_id, id, state.now())
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok(row.path)
}

/// Marks all read; answers how many were unread.
pub async fn read_all(state: &AppState, user: &CurrentUser) -> Result<u64, ApiError> {
    Ok(repo::mark_all_read(&state.db, user.user_id, state.now()).await?)
}
