//! Forgotten passwords: a single-use link by mail, then a new password from
//! it.

use chrono::{DateTime, Utc};
use sea_orm::TransactionTrait;

use super::Visitor;
use crate::domain::account::Email;
use crate::domain::kept_pages::Scope;
use crate::domain::passwords::Known;
use crate::domain::session::TokenPurpose;
use crate::domain::throttle::{ThrottleLimits, minutes_left};
use crate::i18n::Locale;
use crate::ssr::audit::{self, AuditAction};
use crate::ssr::auth::{password as pw, session};
use crate::ssr::repo::{throttles, tokens, users};
use crate::ssr::work::UnitOfWork;
use crate::ssr::{AppState, links, outbox};
use crate::wire::ApiError;

/// Sends a reset link if the address belongs to an active account. The answer
/// is the same either way, so it cannot be used to find out who has an account.
pub async fn request_reset(
    state: &AppState,
    visitor: &Visitor,
    email: String,
) -> Result<String, ApiError> {
    super::email_within_bounds(&email, visitor.locale)?;
    let email = Email::parse(&email)
        .map_err(|refusal| ApiError::invalid("email", refusal.text(visitor.locale)))?;
    let now = state.now();
    count_request(state, &email, &visitor.addr, now).await?;
    let user = users::find_by_email(&state.db, &email)
        .await?
        .filter(|u| u.active && u.password_hash.is_some());
    let mut work = UnitOfWork::begin(state).await?;
    if let Some(user) = &user {
        // Earlier links stay usable (up to a few): whoever knows the address
        // can ask, and must not cancel a link the owner is about to use.
        let (token_id, token) =
            tokens::issue(&work.tx, TokenPurpose::PasswordReset, user.id, None, now).await?;
        outbox::enqueue(
            &work.tx,
            links::compose(
                TokenPurpose::PasswordReset,
                (token_id, &token),
                &state.settings.public_url,
                Locale::parse(&user.locale).unwrap_or_default(),
                &user.email,
                Vec::new(),
            ),
            now,
        )
        .await?;
    }
    let detail = if user.is_some() {
        "sent"
    } else {
        "no such account"
    };
    audit::log(
        &work.tx,
        now,
        AuditAction::PasswordResetRequested,
        None,
        Some(email.as_str()),
        Some(detail),
    )
    .await?;
    // A link and its mail: nothing a kept page or read shows.
    work.shows_nothing();
    work.commit(state).await?;
    // The same answer whether or not the address has an account.
    Ok(visitor.locale.t("api-answer-reset-requested"))
}

/// Every request sends mail, so requests are limited per address and per
/// e-mail, counted the same way whether or not the account exists.
async fn count_request(
    state: &AppState,
    email: &Email,
    addr: &str,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    let counting = state.db.begin().await?;
    for key in [
        throttles::reset_account_key(email.as_str()),
        throttles::reset_addr_key(addr),
    ] {
        let counted =
            throttles::count_attempt(&counting, &key, ThrottleLimits::RESET_REQUESTS, now).await?;
        if let Err(until) = counted {
            return Err(ApiError::RateLimited {
                minutes: minutes_left(until, now),
            });
        }
    }
    counting.commit().await?;
    Ok(())
}

/// Sets a new password from a reset link; every session of the account ends,
/// its other links stop working, and its owner is told by mail.
pub async fn reset_password(
    state: &AppState,
    token: String,
    new_password: String,
) -> Result<(), ApiError> {
    let now = state.now();
    let found = super::usable_token(state, TokenPurpose::PasswordReset, &token).await?;
    let owner = users::find(&state.db, found.user_id)
        .await?
        .filter(|u| u.active)
        .ok_or_else(|| super::expired_link(Locale::default()))?;
    let locale = Locale::parse(&owner.locale).unwrap_or_default();
    let known = Known {
        email: &owner.email,
        name: &owner.display_name,
    };
    let new_password = super::new_password(&new_password, known, locale)
        .map_err(|message| ApiError::invalid("new_password", message))?;
    let hash = pw::hash(new_password.expose().to_string())
        .await
        .map_err(|e| ApiError::internal("hashing a password", e))?;
    let mut work = UnitOfWork::begin(state).await?;
    super::redeem_link(&work.tx, &found, hash, now, locale).await?;
    tokens::revoke_all(&work.tx, found.user_id, now).await?;
    session::end_all_for_user(&work.tx, found.user_id).await?;
    super::password_notice(
        &work.tx,
        state,
        super::Owner {
            email: &owner.email,
            name: &owner.display_name,
            locale,
            zone: crate::domain::time_zone::Zone::parse_or_utc(&owner.time_zone),
        },
        now,
    )
    .await?;
    let target = format!("user {}", found.user_id);
    audit::log(
        &work.tx,
        now,
        AuditAction::PasswordResetCompleted,
        None,
        Some(&target),
        None,
    )
    .await?;
    // Every session of the person ended; nothing else any page shows.
    work.touches_only(vec![Scope::Person(found.user_id)]);
    work.commit(state).await
}
