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
    StaffLevelSet,
    HouseRulesSet,
    RootCauseAdded,
    /// A person ended one of their own sessions from the session list.
    SessionEnded,
    /// A person ended every session of theirs but the one they use.
    OtherSessionsEnded,
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
            Self::StaffLevelSet => "staff_level_set",
            Self::HouseRulesSet => "house_rules_set",
            Self::RootCauseAdded => "root_cause_added",
            Self::SessionEnded => "session_ended",
            Self::OtherSessionsEnded => "other_sessions_ended",
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
/// was, a row stays small. The target and the address keep what their
/// columns hold (200 and 64 characters).
pub const MAX_TEXT_CHARS: usize = 320;
const MAX_TARGET_CHARS: usize = 200;
const MAX_ADDR_CHARS: usize = 64;

/// `value` cut to `max` characters.
fn cut(value: &str, max: usize) -> String {
    match value.char_indices().nth(max) {
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
        target: Set(entry.target.map(|t| cut(t, MAX_TARGET_CHARS))),
        client_addr: Set(entry.client_addr.map(|a| cut(a, MAX_ADDR_CHARS))),
        detail: Set(entry.detail.map(|d| cut(d, MAX_TEXT_CHARS))),
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
    use super::{MAX_TEXT_CHARS, cut};

    #[test]
    fn stored_texts_are_cut_at_a_character_boundary() {
        assert_eq!(cut("short", MAX_TEXT_CHARS), "short");
        let exact = "a".repeat(MAX_TEXT_CHARS);
        assert_eq!(cut(&exact, MAX_TEXT_CHARS), exact);
        let wide = "蓝".repeat(MAX_TEXT_CHARS + 5);
        let kept = cut(&wide, MAX_TEXT_CHARS);
        assert_eq!(kept.chars().count(), MAX_TEXT_CHARS);
        assert_eq!(kept, "蓝".repeat(MAX_TEXT_CHARS));
        let huge = "x".repeat(100_000);
        assert_eq!(cut(&huge, MAX_TEXT_CHARS).len(), MAX_TEXT_CHARS);
    }
}
