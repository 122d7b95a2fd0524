//! Two-factor sign-in with an authenticator app (TOTP) and single-use
//! recovery codes. `sign_in` is the second step of signing in (and, when
//! the house requires it, setting it up before the first session);
//! `manage` is the account page's part (turning it on and off, new
//! recovery codes) and the house's rule.
//!
//! Codes are guessed like passwords, so every code checked counts against
//! the sign-in throttle of the account (and, before there is a session, of
//! the address), and wrong ones go to the audit log.

mod manage;
mod sign_in;

pub use manage::{
    confirm, disable, house_rule, regenerate_recovery_codes, set_house_rule, start, status,
};
pub use sign_in::{Finished, LoginOutcome, PAGE, PendingSignIn, begin, finish, pending_step};

use chrono::{DateTime, Utc};
use rand_core::{OsRng, RngCore};
use sea_orm::{ConnectionTrait, TransactionTrait};

use crate::domain::throttle::{ThrottleLimits, ThrottleState, minutes_left};
use crate::domain::two_factor::{
    CodeInput, HOUSE_RULE, RECOVERY_CODE_CHARS, RECOVERY_CODES, recovery_code, step_is_fresh,
};
use crate::i18n::Locale;
use crate::ssr::AppState;
use crate::ssr::audit::{self, AuditAction};
use crate::ssr::auth::totp;
use crate::ssr::entities::two_factor_secret;
use crate::ssr::repo::{credit, throttles, two_factor as factors};
use crate::wire::ApiError;

/// Whether the house requires two-factor sign-in of its staff and admins
/// (off until an administrator turns it on).
async fn house_requires(db: &impl ConnectionTrait) -> Result<bool, ApiError> {
    let rule: Option<bool> = credit::house_rule(db, HOUSE_RULE).await?;
    Ok(rule.unwrap_or(false))
}

/// What an accepted code was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Proof {
    App,
    Recovery,
}

impl Proof {
    /// For the audit log.
    fn as_str(self) -> &'static str {
        match self {
            Self::App => "authenticator code",
            Self::Recovery => "recovery code",
        }
    }
}

/// Checks `raw` against the person's confirmed secret and unused recovery
/// codes, and uses it up on `db` (the caller's transaction): an app's code
/// by its time step (never the same step twice, nor an older one), a
/// recovery code for good. `None` for anything that is not an unused code
/// of theirs.
async fn use_code(
    db: &impl ConnectionTrait,
    factor: &two_factor_secret::Model,
    raw: &str,
    now: DateTime<Utc>,
) -> Result<Option<Proof>, ApiError> {
    match CodeInput::parse(raw) {
        Some(CodeInput::Totp(code)) => {
            let Some(step) = totp::matching_step(&factor.secret, &code, totp::unix_seconds(now))
            else {
                return Ok(None);
            };
            let last = factor.last_step.and_then(|s| u64::try_from(s).ok());
            if !step_is_fresh(step, last) {
                return Ok(None);
            }
            let Ok(step) = i64::try_from(step) else {
                return Ok(None);
            };
            let claimed = factors::claim_step(db, factor.user_id, step).await?;
            Ok(claimed.then_some(Proof::App))
        }
        Some(CodeInput::Recovery(code)) => {
            let used = factors::use_recovery_code(db, factor.user_id, &code, now).await?;
            Ok(used.then_some(Proof::Recovery))
        }
        None => Ok(None),
    }
}

/// The time step of an app's code for a secret being set up (no replay to
/// fear yet: nothing was accepted for it). Recovery codes do not exist yet.
fn first_step(secret: &str, raw: &str, now: DateTime<Utc>) -> Option<i64> {
    let Some(CodeInput::Totp(code)) = CodeInput::parse(raw) else {
        return None;
    };
    let step = totp::matching_step(secret, &code, totp::unix_seconds(now))?;
    i64::try_from(step).ok()
}

/// New recovery codes: as shown to the person (`xxxx-xxxx-xxxx-xxxx`),
/// and as stored (normalised, to be hashed).
fn new_recovery_codes() -> (Vec<String>, Vec<String>) {
    (0..RECOVERY_CODES)
        .map(|_| {
            let mut random = [0u8; RECOVERY_CODE_CHARS];
            OsRng.fill_bytes(&mut random);
            let shown = recovery_code(&random);
            // The alphabet has nothing to normalise; only the dashes go.
            let stored = shown.replace('-', "");
            (shown, stored)
        })
        .unzip()
}

/// Counts one attempt against each key before a code is checked, as a
/// sign-in counts a password; a locked key refuses at once, and the first
/// refusal of each lock is logged (`who` names the account).
async fn count_attempt(
    state: &AppState,
    keys: &[(String, ThrottleLimits)],
    who: &str,
    now: DateTime<Utc>,
) -> Result<Vec<ThrottleState>, ApiError> {
    let db = &state.db;
    let counting = db.begin().await?;
    let mut counted = Vec::with_capacity(keys.len());
    for (key, limits) in keys {
        match throttles::count_attempt(&counting, key, *limits, now).await? {
            Ok(counts) => counted.push(counts),
            Err(until) => {
                counting.rollback().await?;
                if throttles::first_refusal_of_lock(db, key).await? {
                    audit::log(
                        db,
                        now,
                        AuditAction::LoginBlocked,
                        None,
                        Some(who),
                        Some(key),
                    )
                    .await?;
                }
                return Err(ApiError::RateLimited {
                    minutes: minutes_left(until, now),
                });
            }
        }
    }
    counting.commit().await?;
    Ok(counted)
}

/// The answer to a wrong code: the lock this attempt set, or one message
/// for every kind of wrong (mistyped, expired, used before).
fn wrong_code(counted: &[ThrottleState], now: DateTime<Utc>, locale: Locale) -> ApiError {
    match counted.iter().find_map(|counts| counts.locked_until) {
        Some(until) => ApiError::RateLimited {
            minutes: minutes_left(until, now),
        },
        None => ApiError::invalid("code", locale.t("two-factor-wrong-code")),
    }
}
