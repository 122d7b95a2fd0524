//! The signed-in person's own notification list. Nobody reads or marks
//! another person's: an id that is not the viewer's is not found.

use crate::domain::kept_pages::Scope;
use crate::ssr::AppState;
use crate::ssr::auth::CurrentUser;
use crate::ssr::repo::notifications as repo;
use crate::ssr::work::UnitOfWork;
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
/// Kept between writes (`read_cache`): every page asks. It shows the
/// person's own part: what notifies them or marks theirs read names it.
pub async fn unread(state: &AppState, user: &CurrentUser) -> Result<u64, ApiError> {
    let own = Some(Scope::Person(user.user_id));
    state
        .kept_part("notifications/unread", user, own, (), || async {
            // A plain read, as in `list`.
            Ok(repo::unread(&state.reports, user.user_id).await?)
        })
        .await
}

/// Marks one read and answers the page it is about. Of what is kept, only
/// the person's own pages show it (their unread count).
pub async fn open(state: &AppState, user: &CurrentUser, id: i32) -> Result<String, ApiError> {
    let mut work = UnitOfWork::begin(state).await?;
    let row = repo::mark_read(&work.tx, user.user_id, id, state.now())
        .await?
        .ok_or(ApiError::NotFound)?;
    work.touches_only(vec![Scope::Person(user.user_id)]);
    work.commit(state).await?;
    Ok(row.path)
}

/// Marks all read; answers how many were unread. Names the person's own
/// part only, as [`open`].
pub async fn read_all(state: &AppState, user: &CurrentUser) -> Result<u64, ApiError> {
    let mut work = UnitOfWork::begin(state).await?;
    let done = repo::mark_all_read(&work.tx, user.user_id, state.now()).await?;
    work.touches_only(vec![Scope::Person(user.user_id)]);
    work.commit(state).await?;
    Ok(done)
}
