//! Lifetimes of sessions and of single-use account tokens (invitations,
//! password resets).

use chrono::{DateTime, Duration, Utc};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionLimits {
    /// Ended after this long without a request.
    pub idle: Duration,
    /// Ended this long after sign-in, however active.
    pub absolute: Duration,
}

impl Default for SessionLimits {
    fn default() -> Self {
        Self {
            idle: Duration::minutes(30),
            absolute: Duration::hours(12),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionState {
    Active,
    IdleExpired,
    AbsoluteExpired,
}

pub fn session_state(
    created_at: DateTime<Utc>,
    last_seen_at: DateTime<Utc>,
    now: DateTime<Utc>,
    limits: SessionLimits,
) -> SessionState {
    if now >= created_at + limits.absolute {
        SessionState::AbsoluteExpired
    } else if now >= last_seen_at + limits.idle {
        SessionState::IdleExpired
    } else {
        SessionState::Active
    }
}

/// Why a single-use token was valid or not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum TokenPurpose {
    Invitation,
    PasswordReset,
}

impl TokenPurpose {
    pub const ALL: [TokenPurpose; 2] = [TokenPurpose::Invitation, TokenPurpose::PasswordReset];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Invitation => "invitation",
            Self::PasswordReset => "password_reset",
        }
    }

    /// The page a link of this purpose opens, followed by `/<token>`.
    pub fn page(self) -> &'static str {
        match self {
            Self::Invitation => "/invitation",
            Self::PasswordReset => "/reset-password",
        }
    }

    /// How many unused links of this purpose one account may hold at once;
    /// a new one beyond that voids the oldest. A new invitation replaces the
    /// last. Resets keep a few: anyone who knows an address can ask for
    /// one, and if every request voided the one before, a stranger could
    /// cancel the owner's link while they were reading it.
    pub fn live_links(self) -> usize {
        match self {
            Self::Invitation => 1,
            Self::PasswordReset => 3,
        }
    }

    /// Invitations last 72 hours, password resets 30 minutes.
    pub fn lifetime(self) -> Duration {
        match self {
            Self::Invitation => Duration::hours(72),
            Self::PasswordReset => Duration::minutes(30),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenState {
    Usable,
    Used,
    Expired,
}

pub fn token_state(
    expires_at: DateTime<Utc>,
    used_at: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> TokenState {
    if used_at.is_some() {
        TokenState::Used
    } else if now >= expires_at {
        TokenState::Expired
    } else {
        TokenState::Usable
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t0() -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000, 0).unwrap()
    }

    #[test]
    fn idle_sessions_end_after_thirty_minutes() {
        let limits = SessionLimits::default();
        let seen = t0() + Duration::hours(1);
        assert_eq!(
            session_state(t0(), seen, seen + Duration::minutes(29), limits),
            SessionState::Active
        );
        assert_eq!(
            session_state(t0(), seen, seen + Duration::minutes(30), limits),
            SessionState::IdleExpired
        );
    }

    #[test]
    fn busy_sessions_still_end_after_twelve_hours() {
        let limits = SessionLimits::default();
        let now = t0() + Duration::hours(12);
        assert_eq!(
            session_state(t0(), now - Duration::seconds(1), now, limits),
            SessionState::AbsoluteExpired
        );
        assert_eq!(
            session_state(t0(), now, now - Duration::seconds(1), limits),
            SessionState::Active
        );
    }

    #[test]
    fn tokens_are_single_use_and_expire() {
        for purpose in [TokenPurpose::Invitation, TokenPurpose::PasswordReset] {
            let expires = t0() + purpose.lifetime();
            assert_eq!(token_state(expires, None, t0()), TokenState::Usable);
            assert_eq!(token_state(expires, None, expires), TokenState::Expired);
            assert_eq!(token_state(expires, Some(t0()), t0()), TokenState::Used);
        }
        assert_eq!(TokenPurpose::Invitation.lifetime(), Duration::hours(72));
        assert_eq!(
            TokenPurpose::PasswordReset.lifetime(),
            Duration::minutes(30)
        );
        for purpose in TokenPurpose::ALL {
            assert!(purpose.live_links() >= 1, "{purpose:?}");
        }
    }
}
