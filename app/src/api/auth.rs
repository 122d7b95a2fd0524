//! Signing in and out, invitations, password changes and resets.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::ApiError;
use crate::domain::account::Role;
use crate::domain::policy::Actor;

/// The signed-in person as the browser may know them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionUser {
    pub user_id: i32,
    pub company_id: i32,
    pub company_name: String,
    pub role: Role,
    pub display_name: String,
    pub email: String,
    pub locale: crate::i18n::Locale,
}

impl SessionUser {
    pub fn actor(&self) -> Actor {
        Actor {
            user_id: self.user_id,
            company_id: self.company_id,
            role: self.role,
        }
    }
}

#[cfg(feature = "ssr")]
impl From<crate::ssr::auth::CurrentUser> for SessionUser {
    fn from(user: crate::ssr::auth::CurrentUser) -> Self {
        SessionUser {
            user_id: user.user_id,
            company_id: user.company_id,
            company_name: user.company_name,
            role: user.role,
            display_name: user.display_name,
            email: user.email,
            locale: user.locale,
        }
    }
}

/// What the invitation page shows before the invitee sets a password.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvitationView {
    pub email: String,
    pub display_name: String,
    pub company_name: String,
    pub role: Role,
}

/// Only paths on this site, never `//host` or a full URL, may follow sign-in.
pub fn safe_next_path(next: Option<&str>, role: Role) -> String {
    match next {
        Some(path)
            if path.starts_with('/')
                && !path.starts_with("//")
                && !path.contains('\\')
                && (path.starts_with(role.home_path()) || path.starts_with("/account")) =>
        {
            path.to_string()
        }
        _ => role.home_path().to_string(),
    }
}

#[server(endpoint = "auth/me")]
pub async fn who_am_i() -> Result<Option<SessionUser>, ApiError> {
    Ok(crate::ssr::auth::current_user().map(SessionUser::from))
}

/// Sets the language the signed-in person reads the portal in.
#[server(endpoint = "auth/locale")]
pub async fn set_locale(locale: String) -> Result<(), ApiError> {
    use crate::i18n::Locale;
    use crate::ssr::app_state;
    use crate::ssr::auth::require_user;
    use crate::ssr::repo::users;

    let user = require_user()?;
    let locale =
        Locale::parse(&locale).ok_or_else(|| ApiError::invalid("locale", "Unknown language."))?;
    let state = app_state()?;
    users::set_locale(&state.db, user.user_id, locale.as_str()).await?;
    Ok(())
}

/// Signs in; returns the path to open next.
#[server(endpoint = "auth/login")]
pub async fn login(
    email: String,
    password: String,
    next: Option<String>,
) -> Result<String, ApiError> {
    use crate::domain::account::{Email, MAX_PASSWORD_BYTES};
    use crate::domain::throttle::{ThrottleLimits, minutes_left};
    use crate::ssr::app_state;
    use crate::ssr::audit::{self, AuditAction};
    use crate::ssr::auth::{client_addr, current_user, password as pw, session};
    use crate::ssr::repo::{throttles, users};
    use sea_orm::TransactionTrait;

    // Before any other work: the throttle key and the audit log are built
    // from the address, and no account has a password this long.
    email_within_bounds(&email)?;
    if password.len() > MAX_PASSWORD_BYTES {
        return Err(wrong_credentials());
    }
    let state = app_state()?;
    let db = &state.db;
    let now = state.now();
    let account_key = throttles::account_key(&email);
    let addr_key = throttles::addr_key(&client_addr().unwrap_or_else(|| "unknown".into()));

    // Count this attempt against the account and the address before checking
    // the password; a locked key stops here without counting.
    let counting = db.begin().await?;
    let mut counted = Vec::with_capacity(2);
    for (key, limits) in [
        (&account_key, ThrottleLimits::ACCOUNT),
        (&addr_key, ThrottleLimits::ADDRESS),
    ] {
        match throttles::count_attempt(&counting, key, limits, now).await? {
            Ok(state) => counted.push(state),
            Err(until) => {
                counting.rollback().await?;
                audit::log(
                    db,
                    now,
                    AuditAction::LoginBlocked,
                    None,
                    Some(&email),
                    Some(key),
                )
                .await?;
                return Err(ApiError::RateLimited {
                    minutes: minutes_left(until, now),
                });
            }
        }
    }
    counting.commit().await?;

    let user = match Email::parse(&email) {
        Ok(parsed) => users::find_by_email(db, &parsed).await?,
        Err(_) => None,
    };
    let stored_hash = user
        .as_ref()
        .filter(|u| u.active)
        .and_then(|u| u.password_hash.clone());
    let password_ok = pw::verify(password, stored_hash).await;
    let role = user.as_ref().and_then(|u| Role::parse(&u.role));

    let (Some(user), Some(role), true) = (user, role, password_ok) else {
        audit::log(db, now, AuditAction::LoginFailed, None, Some(&email), None).await?;
        if let Some(until) = counted.iter().find_map(|state| state.locked_until) {
            return Err(ApiError::RateLimited {
                minutes: minutes_left(until, now),
            });
        }
        return Err(wrong_credentials());
    };

    let tx = db.begin().await?;
    // A new token on every sign-in: whatever session this browser had ends.
    if let Some(previous) = current_user() {
        session::end(&tx, previous.session_id).await?;
    }
    throttles::clear(&tx, &account_key).await?;
    throttles::refund(&tx, &addr_key).await?;
    let token = session::start(&tx, user.id, now).await?;
    let actor = Actor {
        user_id: user.id,
        company_id: user.company_id,
        role,
    };
    audit::log(
        &tx,
        now,
        AuditAction::LoginSucceeded,
        Some(actor),
        Some(&email),
        None,
    )
    .await?;
    tx.commit().await?;
    session::set_cookie(&state, Some(&token))?;
    Ok(safe_next_path(next.as_deref(), role))
}

#[server(endpoint = "auth/logout")]
pub async fn logout() -> Result<(), ApiError> {
    use crate::ssr::app_state;
    use crate::ssr::audit::{self, AuditAction};
    use crate::ssr::auth::{current_user, session};

    let state = app_state()?;
    // The cookie goes whatever happens to the bookkeeping.
    session::set_cookie(&state, None)?;
    if let Some(user) = current_user() {
        let work = crate::ssr::work::UnitOfWork::begin(&state).await?;
        session::end(&work.tx, user.session_id).await?;
        audit::log(
            &work.tx,
            state.now(),
            AuditAction::Logout,
            Some(user.actor()),
            None,
            None,
        )
        .await?;
        work.commit(&state).await?;
    }
    Ok(())
}

/// Changes the signed-in user's password. Every session of the user ends; this
/// browser gets a fresh one.
#[server(endpoint = "auth/change-password")]
pub async fn change_password(
    current_password: String,
    new_password: String,
) -> Result<(), ApiError> {
    use crate::domain::account::NewPassword;
    use crate::domain::policy::Action;
    use crate::domain::throttle::{ThrottleLimits, minutes_left};
    use crate::ssr::audit::{self, AuditAction};
    use crate::ssr::auth::{password as pw, require_user, session};
    use crate::ssr::repo::{throttles, tokens, users};
    use crate::ssr::{app_state, guard};
    use sea_orm::TransactionTrait;

    let user = require_user()?;
    let state = app_state()?;
    guard::check(&state, &user, Action::ChangeOwnPassword, "own password").await?;
    let new_password = NewPassword::parse(&new_password)
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
    // No account has a password this long: it is a wrong guess (counted
    // as one), never argon2 work on a megabyte of input.
    let within = current_password.len() <= crate::domain::account::MAX_PASSWORD_BYTES;
    if !within || !pw::verify(current_password, stored).await {
        if let Some(until) = counted.locked_until {
            return Err(ApiError::RateLimited {
                minutes: minutes_left(until, now),
            });
        }
        return Err(ApiError::invalid(
            "current_password",
            "Your current password is not right.",
        ));
    }
    let hash = pw::hash(new_password.expose().to_string())
        .await
        .map_err(|e| ApiError::internal("hashing a password", e))?;
    let work = crate::ssr::work::UnitOfWork::begin(&state).await?;
    users::set_password(&work.tx, user.user_id, hash, now).await?;
    throttles::clear(&work.tx, &account_key).await?;
    tokens::revoke_all(&work.tx, user.user_id, now).await?;
    session::end_all_for_user(&work.tx, user.user_id).await?;
    let token = session::start(&work.tx, user.user_id, now).await?;
    audit::log(
        &work.tx,
        now,
        AuditAction::PasswordChanged,
        Some(user.actor()),
        Some(&user.email),
        None,
    )
    .await?;
    work.commit(&state).await?;
    session::set_cookie(&state, Some(&token))
}

pub const RESET_REQUESTED_MESSAGE: &str = "If an active account uses that address, we have sent it a link to choose a new password. The link works once, for 30 minutes.";

/// Sends a reset link if the address belongs to an active account. The answer
/// is the same either way, so it cannot be used to find out who has an account.
#[server(endpoint = "auth/request-reset")]
pub async fn request_password_reset(email: String) -> Result<String, ApiError> {
    use crate::domain::account::Email;
    use crate::domain::session::TokenPurpose;
    use crate::domain::throttle::{ThrottleLimits, minutes_left};
    use crate::ssr::audit::{self, AuditAction};
    use crate::ssr::auth::client_addr;
    use crate::ssr::repo::{throttles, tokens, users};
    use crate::ssr::{app_state, mails, outbox};
    use sea_orm::TransactionTrait;

    email_within_bounds(&email)?;
    let email = Email::parse(&email).map_err(|message| ApiError::invalid("email", message))?;
    let state = app_state()?;
    let now = state.now();
    // Every request sends mail, so requests are limited per address and per
    // e-mail, counted the same way whether or not the account exists.
    let addr = client_addr().unwrap_or_else(|| "unknown".into());
    let counting = state.db.begin().await?;
    for key in [
        throttles::reset_account_key(email.as_str()),
        throttles::reset_addr_key(&addr),
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
    let user = users::find_by_email(&state.db, &email)
        .await?
        .filter(|u| u.active && u.password_hash.is_some());
    let work = crate::ssr::work::UnitOfWork::begin(&state).await?;
    if let Some(user) = &user {
        let (token_id, token) =
            tokens::issue(&work.tx, TokenPurpose::PasswordReset, user.id, None, now).await?;
        let link = format!("{}/reset-password/{token}", state.settings.public_url);
        outbox::enqueue(
            &work.tx,
            mails::password_reset(&user.email, &link, token_id),
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
    work.commit(&state).await?;
    Ok(RESET_REQUESTED_MESSAGE.to_string())
}

/// Sets a new password from a reset link; every session of the account ends.
#[server(endpoint = "auth/reset")]
pub async fn reset_password(token: String, new_password: String) -> Result<(), ApiError> {
    use crate::domain::account::NewPassword;
    use crate::domain::session::TokenPurpose;
    use crate::ssr::app_state;
    use crate::ssr::audit::{self, AuditAction};
    use crate::ssr::auth::{password as pw, session};
    use crate::ssr::repo::users;

    let state = app_state()?;
    let now = state.now();
    let found = usable_token(&state, TokenPurpose::PasswordReset, &token).await?;
    users::find(&state.db, found.user_id)
        .await?
        .filter(|u| u.active)
        .ok_or_else(expired_link)?;
    let new_password = NewPassword::parse(&new_password)
        .map_err(|message| ApiError::invalid("new_password", message))?;
    let hash = pw::hash(new_password.expose().to_string())
        .await
        .map_err(|e| ApiError::internal("hashing a password", e))?;
    let work = crate::ssr::work::UnitOfWork::begin(&state).await?;
    redeem_link(&work.tx, &found, hash, now).await?;
    session::end_all_for_user(&work.tx, found.user_id).await?;
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
    work.commit(&state).await?;
    Ok(())
}

/// The one answer to a sign-in that does not match an active account, so it
/// never tells which part was wrong.
#[cfg(feature = "ssr")]
fn wrong_credentials() -> ApiError {
    ApiError::invalid(
        "password",
        "That e-mail address and password do not match an active account.",
    )
}

/// Refuses an e-mail field longer than any address, before anything (a
/// throttle key, an audit row) is made of it.
#[cfg(feature = "ssr")]
fn email_within_bounds(email: &str) -> Result<(), ApiError> {
    use crate::domain::account::Email;
    if email.len() > Email::MAX_LEN {
        return Err(ApiError::invalid("email", Email::TOO_LONG));
    }
    Ok(())
}

#[cfg(feature = "ssr")]
fn expired_link() -> ApiError {
    ApiError::Conflict {
        message: "This link has expired or was already used. Ask for a new one.".to_string(),
    }
}

/// Uses up a link's token and sets the password it was sent for, inside the
/// caller's transaction. If another request used the token first, the link
/// counts as expired and nothing is changed.
#[cfg(feature = "ssr")]
async fn redeem_link(
    tx: &sea_orm::DatabaseTransaction,
    token: &crate::ssr::entities::account_token::Model,
    password_hash: String,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<(), ApiError> {
    use crate::ssr::db_error;
    use crate::ssr::repo::{tokens, users};
    if !tokens::consume(tx, token.id, now).await? {
        return Err(expired_link());
    }
    users::set_password(tx, token.user_id, password_hash, now)
        .await
        .map_err(db_error("saving the password"))
}

/// The token row behind a link, if it is still usable.
#[cfg(feature = "ssr")]
async fn usable_token(
    state: &crate::ssr::AppState,
    purpose: crate::domain::session::TokenPurpose,
    token: &str,
) -> Result<crate::ssr::entities::account_token::Model, ApiError> {
    use crate::domain::session::{TokenState, token_state};
    let found = crate::ssr::repo::tokens::find(&state.db, purpose, token)
        .await
        .map_err(crate::ssr::db_error("finding the token"))?
        .ok_or(ApiError::NotFound)?;
    match token_state(found.expires_at, found.used_at, state.now()) {
        TokenState::Usable => Ok(found),
        TokenState::Used | TokenState::Expired => Err(expired_link()),
    }
}

#[server(endpoint = "auth/invitation")]
pub async fn invitation_details(token: String) -> Result<InvitationView, ApiError> {
    use crate::domain::session::TokenPurpose;
    use crate::ssr::app_state;
    use crate::ssr::repo::{companies, users};

    let state = app_state()?;
    let found = usable_token(&state, TokenPurpose::Invitation, &token).await?;
    let user = users::find(&state.db, found.user_id)
        .await?
        .filter(|u| u.active)
        .ok_or(ApiError::NotFound)?;
    let company = companies::find(&state.db, user.company_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok(InvitationView {
        email: user.email,
        display_name: user.display_name,
        company_name: company.name,
        role: Role::parse(&user.role).ok_or(ApiError::NotFound)?,
    })
}

/// The invitee sets their name and password and is signed in; returns the
/// path of their area.
#[server(endpoint = "auth/accept-invitation")]
pub async fn accept_invitation(
    token: String,
    display_name: String,
    new_password: String,
) -> Result<String, ApiError> {
    use crate::domain::account::{DisplayName, NewPassword};
    use crate::domain::session::TokenPurpose;
    use crate::ssr::app_state;
    use crate::ssr::audit::{self, AuditAction};
    use crate::ssr::auth::{current_user, password as pw, session};
    use crate::ssr::repo::users;

    let state = app_state()?;
    let now = state.now();
    let found = usable_token(&state, TokenPurpose::Invitation, &token).await?;
    let mut problems = super::FieldErrors::default();
    let name = problems.keep("display_name", DisplayName::parse(&display_name));
    let password = problems.keep("new_password", NewPassword::parse(&new_password));
    let (Some(name), Some(password)) = (name, password) else {
        return Err(problems.into_error());
    };
    let user = users::find(&state.db, found.user_id)
        .await?
        .filter(|u| u.active)
        .ok_or(ApiError::NotFound)?;
    let role = Role::parse(&user.role).ok_or(ApiError::NotFound)?;
    let hash = pw::hash(password.expose().to_string())
        .await
        .map_err(|e| ApiError::internal("hashing a password", e))?;
    let work = crate::ssr::work::UnitOfWork::begin(&state).await?;
    redeem_link(&work.tx, &found, hash, now).await?;
    users::set_display_name(&work.tx, user.id, &name).await?;
    if let Some(previous) = current_user() {
        session::end(&work.tx, previous.session_id).await?;
    }
    let session_token = session::start(&work.tx, user.id, now).await?;
    let actor = Actor {
        user_id: user.id,
        company_id: user.company_id,
        role,
    };
    audit::log(
        &work.tx,
        now,
        AuditAction::InvitationAccepted,
        Some(actor),
        Some(&user.email),
        None,
    )
    .await?;
    work.commit(&state).await?;
    session::set_cookie(&state, Some(&session_token))?;
    Ok(role.home_path().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_local_paths_in_the_role_area_follow_sign_in() {
        assert_eq!(
            safe_next_path(Some("/customer/orders"), Role::Customer),
            "/customer/orders"
        );
        assert_eq!(safe_next_path(Some("/account"), Role::Supplier), "/account");
        for bad in [
            "//evil.example",
            "https://evil.example",
            "/\\evil",
            "/admin",
            "customer",
        ] {
            assert_eq!(
                safe_next_path(Some(bad), Role::Customer),
                "/customer",
                "{bad}"
            );
        }
        assert_eq!(safe_next_path(None, Role::Admin), "/admin");
    }
}
