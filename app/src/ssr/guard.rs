//! The policy check every server function makes before touching data: the
//! decision comes from `domain::policy::authorize`; a refusal is written to the
//! audit log and answered 403 or 404.

use super::AppState;
use super::audit::{self, AuditAction};
use super::auth::CurrentUser;
use crate::domain::policy::{Action, Decision, authorize};
use crate::wire::ApiError;

pub async fn check(
    state: &AppState,
    user: &CurrentUser,
    action: Action,
    target: &str,
) -> Result<(), ApiError> {
    let decision = authorize(&user.actor(), &action);
    let error = match decision {
        Decision::Allow => return Ok(()),
        Decision::Forbidden => ApiError::Forbidden,
        Decision::NotFound => ApiError::NotFound,
        Decision::Invalid(message) => return Err(ApiError::invalid("role", message)),
    };
    let detail = format!("{action:?}");
    let audited = audit::log(
        &state.db,
        state.now(),
        AuditAction::AccessDenied,
        Some(user.actor()),
        Some(target),
        Some(&detail),
    )
    .await;
    if audited.is_err() {
        tracing::error!("a denied access could not be written to the audit log");
    }
    Err(error)
}
