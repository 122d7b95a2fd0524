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
    // Two-factor sign-in.
    TwoFactorEnabled,
    TwoFactorDisabled,
    TwoFactorFailed,
    RecoveryCodesIssued,
    RecoveryCodeUsed,
}

impl AuditAction {
    /// Every kind, as the audit log's filter offers them.
    pub const ALL: &[AuditAction] = &[
        Self::LoginSucceeded,
        Self::LoginFailed,
        Self::LoginBlocked,
        Self::Logout,
        Self::SessionEnded,
        Self::OtherSessionsEnded,
        Self::InvitationSent,
        Self::InvitationAccepted,
        Self::PasswordChanged,
        Self::PasswordResetRequested,
        Self::PasswordResetCompleted,
        Self::UserDeactivated,
        Self::AccessDenied,
        Self::StaffLevelSet,
        Self::HouseRulesSet,
        Self::RootCauseAdded,
        Self::TwoFactorEnabled,
        Self::TwoFactorDisabled,
        Self::TwoFactorFailed,
        Self::RecoveryCodesIssued,
        Self::RecoveryCodeUsed,
    ];

    pub fn parse(raw: &str) -> Option<AuditAction> {
        Self::ALL.iter().copied().find(|a| a.as_str() == raw)
    }

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
            Self::TwoFactorEnabled => "two_factor_enabled",
            Self::TwoFactorDisabled => "two_factor_disabled",
            Self::TwoFactorFailed => "two_factor_failed",
            Self::RecoveryCodesIssued => "recovery_codes_issued",
            Self::RecoveryCodeUsed => "recovery_code_used",
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
    use super::{AuditAction, MAX_TEXT_CHARS, cut};

    /// The audit log page names each kind in the reader's language, and its
    /// filter offers every kind.
    #[test]
    fn every_kind_is_listed_once_and_named_in_the_catalog() {
        for (i, action) in AuditAction::ALL.iter().enumerate() {
            assert_eq!(AuditAction::parse(action.as_str()), Some(*action));
            assert!(
                !AuditAction::ALL[..i].contains(action),
                "{action:?} is listed twice"
            );
            let key = format!("audit-kind-{}", action.as_str());
            for locale in crate::i18n::Locale::ALL {
                assert_ne!(locale.t(&key), key, "{locale:?} has no {key}");
            }
        }
        assert_eq!(AuditAction::parse("nothing_of_the_sort"), None);
    }

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
