//! The security audit log: sign-ins, sign-outs, invitations, password changes,
//! deactivations and every denied access, with who, from where and when (UTC).

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ConnectionTrait, DbErr, Set};

use super::entities::audit_log;
use crate::domain::policy::Actor;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuditAction {
    LoginSucceeded,
    LoginFailed,
    LoginBlocked,
    Logout,
    InvitationSent,
    InvitationAccepted,
    PasswordChanged,
    PasswordResetRequested,
    PasswordResetCompleted,
    UserDeactivated,
    AccessDenied,
}

impl AuditAction {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::LoginSucceeded => "login_succeeded",
            Self::LoginFailed => "login_failed",
            Self::LoginBlocked => "login_blocked",
            Self::Logout => "logout",
            Self::InvitationSent => "invitation_sent",
            Self::InvitationAccepted => "invitation_accepted",
            Self::PasswordChanged => "password_changed",
            Self::PasswordResetRequested => "password_reset_requested",
            Self::PasswordResetCompleted => "password_reset_completed",
            Self::UserDeactivated => "user_deactivated",
            Self::AccessDenied => "access_denied",
        }
    }
}

pub struct AuditEntry<'a> {
    pub action: AuditAction,
    pub actor: Option<Actor>,
    pub target: Option<&'a str>,
    pub client_addr: Option<&'a str>,
    pub detail: Option<&'a str>,
}

/// The most characters a text column of an audit row keeps. Callers pass
/// what requests sent (an e-mail field, a throttle key); however long that
/// was, a row stays small.
pub const MAX_TEXT_CHARS: usize = 320;

/// `value` cut to `MAX_TEXT_CHARS` characters.
fn capped(value: &str) -> String {
    match value.char_indices().nth(MAX_TEXT_CHARS) {
        Some((end, _)) => value[..end].to_string(),
        None => value.to_string(),
    }
}

pub async fn record(
    db: &impl ConnectionTrait,
    entry: AuditEntry<'_>,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    audit_log::ActiveModel {
        at: Set(now),
        actor_user_id: Set(entry.actor.map(|a| a.user_id)),
        actor_company_id: Set(entry.actor.map(|a| a.company_id)),
        action: Set(entry.action.as_str().to_string()),
        target: Set(entry.target.map(capped)),
        client_addr: Set(entry.client_addr.map(capped)),
        detail: Set(entry.detail.map(capped)),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// Records `action` for the current request (its client address, the app's
/// clock) on `db`, which is usually the transaction of the change itself.
pub async fn log(
    db: &impl ConnectionTrait,
    now: DateTime<Utc>,
    action: AuditAction,
    actor: Option<Actor>,
    target: Option<&str>,
    detail: Option<&str>,
) -> Result<(), crate::wire::ApiError> {
    let addr = super::auth::client_addr();
    let entry = AuditEntry {
        action,
        actor,
        target,
        client_addr: addr.as_deref(),
        detail,
    };
    record(db, entry, now)
        .await
        .map_err(|e| crate::wire::ApiError::internal("writing the audit log", e))
}

#[cfg(test)]
mod tests {
    use super::{MAX_TEXT_CHARS, capped};

    #[test]
    fn stored_texts_are_cut_at_a_character_boundary() {
        assert_eq!(capped("short"), "short");
        let exact = "a".repeat(MAX_TEXT_CHARS);
        assert_eq!(capped(&exact), exact);
        let wide = "蓝".repeat(MAX_TEXT_CHARS + 5);
        let cut = capped(&wide);
        assert_eq!(cut.chars().count(), MAX_TEXT_CHARS);
        assert_eq!(cut, "蓝".repeat(MAX_TEXT_CHARS));
        let huge = "x".repeat(100_000);
        assert_eq!(capped(&huge).len(), MAX_TEXT_CHARS);
    }
}
