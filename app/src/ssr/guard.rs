//! The policy check every server function makes before touching data: the
//! decision comes from `domain::policy::authorize`; a refusal is written to the
//! audit log and answered 403 or 404.

use super::AppState;
use super::audit::{self, AuditAction, AuditEntry};
use super::auth::{CurrentUser, client_addr};
use crate::api::ApiError;
use crate::domain::policy::{Action, Decision, authorize};

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
    let addr = client_addr();
    let detail = format!("{action:?}");
    let entry = AuditEntry {
        action: AuditAction::AccessDenied,
        actor: Some(user.actor()),
        target: Some(target),
        client_addr: addr.as_deref(),
        detail: Some(&detail),
    };
    if let Err(e) = audit::record(&state.db, entry, state.now()).await {
        tracing::error!(error = %e, "could not write a denied access to the audit log");
    }
    Err(error)
}
