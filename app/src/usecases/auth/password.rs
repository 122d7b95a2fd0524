//! A signed-in person changes their password.

use chrono::{DateTime, Utc};
use sea_orm::TransactionTrait;

use crate::domain::account::could_be_password;
use crate::domain::kept_pages::Scope;
use crate::domain::passwords::Known;
use crate::domain::policy::Action;
use crate::domain::throttle::{ThrottleLimits, minutes_left};
use crate::ssr::audit::{self, AuditAction};
use crate::ssr::auth::{CurrentUser, password as pw, session};
use crate::ssr::repo::{throttles, tokens, users};
use crate::ssr::work::UnitOfWork;
use crate::ssr::{AppState, guard};
use crate::wire::ApiError;

/// Changes the signed-in user's password. Every session of the user ends;
/// returns the token of this browser's fresh one.
pub async fn change_password(
    state: &AppState,
    user: &CurrentUser,
    current_password: String,
    new_password: String,
) -> Result<String, ApiError> {
    guard::check(state, user, Action::ChangeOwnPassword, "own password").await?;
    let owner = Known {
        email: &user.email,
        name: &user.display_name,
    };
    let new_password = super::new_password(&new_password, owner, user.locale)
        .map_err(|message| ApiError::invalid("new_password", message))?;
    let now = state.now();
    // Guesses of the current password count like failed sign-ins, so a stolen
    // session cannot be used to find the password.
    let account_key = throttles::account_key(&user.email);
    let counting = state.db.begin().await?;
    let counted =
        throttles::count_attempt(&counting, &account_key, ThrottleLimits::ACCOUNT, now).await?;
    counting.commit().await?;
    let counted = counted.map_err(|until| ApiError::RateLimited {
        minutes: minutes_left(until, now),
    })?;
    let stored = users::find(&state.db, user.user_id)
        .await?
        .and_then(|u| u.password_hash);
    // An overlong guess is a wrong one (counted as one), never argon2 work
    // on a megabyte of input.
    if !could_be_password(&current_password) || !pw::verify(current_password, stored).await {
        if let Some(until) = counted.locked_until {
            return Err(ApiError::RateLimited {
                minutes: minutes_left(until, now),
            });
        }
        return Err(ApiError::invalid(
            "current_password",
            user.locale.t("err-current-password-wrong"),
        ));
    }
    let hash = pw::hash(new_password.expose().to_string())
        .await
        .map_err(|e| ApiError::internal("hashing a password", e))?;
    replace(state, user, hash, &account_key, now).await
}

/// Sets the new password in one unit of work: the account's failures are
/// forgotten, its links revoked, every session ends and this browser gets a
/// new one, whose token is returned; the owner is told by mail.
async fn replace(
    state: &AppState,
    user: &CurrentUser,
    hash: String,
    account_key: &str,
    now: DateTime<Utc>,
) -> Result<String, ApiError> {
    let mut work = UnitOfWork::begin(state).await?;
    users::set_password(&work.tx, user.user_id, hash, now).await?;
    throttles::clear(&work.tx, account_key).await?;
    tokens::revoke_all(&work.tx, user.user_id, now).await?;
    session::end_all_for_user(&work.tx, user.user_id).await?;
    let token = session::start(&work.tx, user.user_id, now).await?;
    super::password_notice(
        &work.tx,
        state,
        super::Owner {
            email: &user.email,
            name: &user.display_name,
            locale: user.locale,
            zone: user.time_zone,
        },
        now,
    )
    .await?;
    audit::log(
        &work.tx,
        now,
        AuditAction::PasswordChanged,
        Some(user.actor()),
        Some(&user.email),
        None,
    )
    .await?;
    // Every session of the person ended; nothing else any page shows.
    work.touches_only(vec![Scope::Person(user.user_id)]);
    work.commit(state).await?;
    Ok(token)
}
