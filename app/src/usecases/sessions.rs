//! A person's own sessions: which browsers are signed in as them, from
//! where, and when each was last used; ending one, or all but the one in
//! use. Nobody sees or ends another person's sessions: an id that is not
//! one of the viewer's own is not found.

use crate::domain::kept_pages::Scope;
use crate::domain::session::{SessionState, session_state};
use crate::ssr::AppState;
use crate::ssr::audit::{self, AuditAction};
use crate::ssr::auth::{CurrentUser, session};
use crate::ssr::work::UnitOfWork;
use crate::wire::ApiError;
use crate::wire::sessions::SessionView;

/// The viewer's live sessions, newest sign-in first, theirs marked.
pub async fn list(state: &AppState, user: &CurrentUser) -> Result<Vec<SessionView>, ApiError> {
    let now = state.now();
    let limits = state.settings.session_limits;
    let rows = session::of_user(&state.reports, user.user_id).await?;
    Ok(rows
        .into_iter()
        // An expired row lingers until a request of its browser removes
        // it; it signs nobody in, so it is not shown.
        .filter(|row| {
            session_state(row.created_at, row.last_seen_at, now, limits) == SessionState::Active
        })
        .map(|row| SessionView {
            id: row.id,
            current: row.id == user.session_id,
            device: row.device,
            client_addr: row.client_addr,
            signed_in_at: row.created_at,
            last_used_at: row.last_seen_at,
        })
        .collect())
}

/// Ends one of the viewer's sessions (their own current one too, which
/// signs this browser out). Another person's id is not found, and the
/// attempt is logged as a denied access.
pub async fn end(state: &AppState, user: &CurrentUser, id: i32) -> Result<(), ApiError> {
    let now = state.now();
    let target = format!("session {id}");
    let mut work = UnitOfWork::begin(state).await?;
    if !session::end_own(&work.tx, user.user_id, id).await? {
        work.tx.rollback().await?;
        audit::log(
            &state.db,
            now,
            AuditAction::AccessDenied,
            Some(user.actor()),
            Some(&target),
            Some("EndSession"),
        )
        .await?;
        return Err(ApiError::NotFound);
    }
    audit::log(
        &work.tx,
        now,
        AuditAction::SessionEnded,
        Some(user.actor()),
        Some(&target),
        None,
    )
    .await?;
    work.touches_only(vec![Scope::Person(user.user_id)]);
    work.commit(state).await
}

/// Ends every session of the viewer's but the one this request came with;
/// answers how many ended.
pub async fn end_others(state: &AppState, user: &CurrentUser) -> Result<u64, ApiError> {
    let mut work = UnitOfWork::begin(state).await?;
    let ended = session::end_others(&work.tx, user.user_id, user.session_id).await?;
    let detail = format!("{ended} ended");
    audit::log(
        &work.tx,
        state.now(),
        AuditAction::OtherSessionsEnded,
        Some(user.actor()),
        None,
        Some(&detail),
    )
    .await?;
    work.touches_only(vec![Scope::Person(user.user_id)]);
    work.commit(state).await?;
    Ok(ended)
}
