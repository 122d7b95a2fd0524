//! Signing in: throttled per account and per address, every attempt in the
//! audit log, and one answer for every mismatch.

use chrono::{DateTime, Utc};
use sea_orm::TransactionTrait;

use super::{LoginOutcome, SignedIn, Visitor};
use crate::domain::account::{Email, Role, could_be_password};
use crate::domain::policy::Actor;
use crate::domain::throttle::{ThrottleLimits, ThrottleState, minutes_left};
use crate::ssr::AppState;
use crate::ssr::audit::{self, AuditAction};
use crate::ssr::auth::{password as pw, session};
use crate::ssr::entities::user;
use crate::ssr::repo::{throttles, users};
use crate::ssr::work::UnitOfWork;
use crate::wire::ApiError;
use crate::wire::auth::safe_next_path;

/// The throttle keys one sign-in counts against.
struct Keys {
    account: String,
    addr: String,
}

/// Signs in; returns the new session's token and the path to open next, or
/// the sign-in waiting for its second step.
pub async fn login(
    state: &AppState,
    visitor: &Visitor,
    email: String,
    password: String,
    next: Option<String>,
) -> Result<LoginOutcome, ApiError> {
    // Before any other work: the throttle key and the audit log are built
    // from the address, and no account has a password this long.
    super::email_within_bounds(&email, visitor.locale)?;
    if !could_be_password(&password) {
        return Err(wrong_credentials(visitor.locale));
    }
    let now = state.now();
    let keys = Keys {
        account: throttles::account_key(&email),
        addr: throttles::addr_key(&visitor.addr),
    };
    let counted = count_attempt(state, &email, &keys, now).await?;
    let (user, role) =
        check_password(state, &email, password, &counted, now, visitor.locale).await?;
    let next = safe_next_path(next.as_deref(), role);
    // Two-factor sign-in: no session yet, only a sign-in waiting for the
    // code. The address gets its attempt back, but the account's failures
    // stay counted until the code is right, so knowing the password does
    // not reset the count of guessed codes.
    if let Some(pending) = super::two_factor::begin(&state.db, &user, &next, now).await? {
        throttles::refund(&state.db, &keys.addr).await?;
        return Ok(LoginOutcome::SecondStep(pending));
    }
    let token = start_session(state, visitor, &keys, &user, role, &email, now).await?;
    Ok(LoginOutcome::Session(SignedIn { token, next }))
}

/// Counts this attempt against the account and the address before the
/// password is checked; a locked key stops here without counting, and the
/// first attempt it blocks is logged.
async fn count_attempt(
    state: &AppState,
    email: &str,
    keys: &Keys,
    now: DateTime<Utc>,
) -> Result<Vec<ThrottleState>, ApiError> {
    let db = &state.db;
    let counting = db.begin().await?;
    let mut counted = Vec::with_capacity(2);
    for (key, limits) in [
        (&keys.account, ThrottleLimits::ACCOUNT),
        (&keys.addr, ThrottleLimits::ADDRESS),
    ] {
        match throttles::count_attempt(&counting, key, limits, now).await? {
            Ok(counts) => counted.push(counts),
            Err(until) => {
                counting.rollback().await?;
                // Logged once per lock: every further refusal would be a
                // row written for an anonymous caller.
                if throttles::first_refusal_of_lock(db, key).await? {
                    audit::log(
                        db,
                        now,
                        AuditAction::LoginBlocked,
                        None,
                        Some(email),
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

/// The active account with this address and password. The password is
/// checked (in constant work) whether or not there is such an account; a
/// mismatch is logged and answered with one message, or with the lock this
/// attempt set.
async fn check_password(
    state: &AppState,
    email: &str,
    password: String,
    counted: &[ThrottleState],
    now: DateTime<Utc>,
    locale: crate::i18n::Locale,
) -> Result<(user::Model, Role), ApiError> {
    let db = &state.db;
    let user = match Email::parse(email) {
        Ok(parsed) => users::find_by_email(db, &parsed).await?,
        Err(_) => None,
    };
    let stored_hash = user
        .as_ref()
        .filter(|u| u.active)
        .and_then(|u| u.password_hash.clone());
    let password_ok = pw::verify(password, stored_hash).await;
    let role = user.as_ref().map(|u| u.role);

    let (Some(user), Some(role), true) = (user, role, password_ok) else {
        audit::log(db, now, AuditAction::LoginFailed, None, Some(email), None).await?;
        if let Some(until) = counted.iter().find_map(|counts| counts.locked_until) {
            return Err(ApiError::RateLimited {
                minutes: minutes_left(until, now),
            });
        }
        return Err(wrong_credentials(locale));
    };
    Ok((user, role))
}

/// Starts the session in one transaction: a new token on every sign-in, so
/// whatever session this browser had ends; the account's failures are
/// forgotten and the address gets its attempt back.
async fn start_session(
    state: &AppState,
    visitor: &Visitor,
    keys: &Keys,
    user: &user::Model,
    role: Role,
    email: &str,
    now: DateTime<Utc>,
) -> Result<String, ApiError> {
    let mut work = UnitOfWork::begin(state).await?;
    super::end_previous(&mut work, visitor.session).await?;
    let tx = &work.tx;
    throttles::clear(tx, &keys.account).await?;
    throttles::refund(tx, &keys.addr).await?;
    let token = session::start(tx, user.id, now).await?;
    let actor = Actor {
        user_id: user.id,
        company_id: user.company_id,
        role,
    };
    audit::log(
        tx,
        now,
        AuditAction::LoginSucceeded,
        Some(actor),
        Some(email),
        None,
    )
    .await?;
    work.commit(state).await?;
    Ok(token)
}

/// The one answer to a sign-in that does not match an active account, so it
/// never tells which part was wrong, in the visitor's language.
fn wrong_credentials(locale: crate::i18n::Locale) -> ApiError {
    ApiError::invalid("password", locale.t("err-wrong-credentials"))
}
