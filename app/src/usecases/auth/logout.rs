//! Signing out: the session ends and the audit log says so.

use crate::domain::kept_pages::Scope;
use crate::ssr::AppState;
use crate::ssr::audit::{self, AuditAction};
use crate::ssr::auth::{CurrentUser, session};
use crate::ssr::work::UnitOfWork;
use crate::wire::ApiError;

/// Ends the signed-in person's session. The server function removes the
/// cookie before, whatever happens here.
pub async fn logout(state: &AppState, user: &CurrentUser) -> Result<(), ApiError> {
    let mut work = UnitOfWork::begin(state).await?;
    session::end(&work.tx, user.session_id).await?;
    audit::log(
        &work.tx,
        state.now(),
        AuditAction::Logout,
        Some(user.actor()),
        None,
        None,
    )
    .await?;
    // The session is kept nowhere any more; nothing else is dropped.
    work.touches_only(vec![Scope::Person(user.user_id)]);
    work.commit(state).await
}
