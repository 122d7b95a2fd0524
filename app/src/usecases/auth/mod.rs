//! Signing in and out, invitations, password changes and resets. The HTTP
//! side (the session cookie, the client's address, the session a browser
//! already has) stays with the server functions: sign-ins return the new
//! session's token for them to send, anonymous requests come with a
//! `Visitor`. What several use cases share is here.

mod invitation;
mod login;
mod logout;
mod password;
mod reset;
pub mod two_factor;

pub use invitation::{accept_invitation, invitation_details};
pub use login::login;
pub use logout::logout;
pub use password::change_password;
pub use reset::{request_reset, reset_password};
pub use two_factor::LoginOutcome;

use chrono::{DateTime, Utc};
use sea_orm::DatabaseTransaction;

use crate::domain::account::{Email, NewPassword};
use crate::domain::kept_pages::Scope;
use crate::domain::passwords::{self, Known};
use crate::domain::session::{TokenPurpose, TokenState, token_state};
use crate::i18n::Locale;
use crate::ssr::auth::{CurrentUser, session};
use crate::ssr::entities::account_token;
use crate::ssr::notify::{self, Mail};
use crate::ssr::repo::{tokens, users};
use crate::ssr::work::UnitOfWork;
use crate::ssr::{AppState, db_error, outbox};
use crate::wire::ApiError;

/// Where an anonymous request comes from, as the server saw it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Visitor {
    /// The client's address (for throttling), `unknown` when it is not known.
    pub addr: String,
    /// The session this browser already has, which a new sign-in ends.
    pub session: Option<i32>,
    /// The language the visitor's browser asks for.
    pub locale: Locale,
}

/// A new session: the token for the cookie, and the path to open next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignedIn {
    pub token: String,
    pub next: String,
}

/// Sets the language the signed-in person reads the portal in.
pub async fn set_locale(
    state: &AppState,
    user: &CurrentUser,
    locale: String,
) -> Result<(), ApiError> {
    let locale = Locale::parse(&locale)
        .ok_or_else(|| ApiError::invalid("locale", user.locale.t("err-unknown-language")))?;
    let mut work = UnitOfWork::begin(state).await?;
    users::set_locale(&work.tx, user.user_id, locale.as_str()).await?;
    // Only the person's own pages and sessions read in another language.
    work.touches_only(vec![Scope::Person(user.user_id)]);
    work.commit(state).await
}

/// Sets the zone the signed-in person reads times in; an unknown name is
/// the `time_zone` field's error, in the person's language.
pub async fn set_time_zone(
    state: &AppState,
    user: &CurrentUser,
    time_zone: String,
) -> Result<(), ApiError> {
    let zone = crate::domain::time_zone::Zone::parse(&time_zone)
        .map_err(|problem| ApiError::invalid("time_zone", user.locale.t(problem.key())))?;
    let mut work = UnitOfWork::begin(state).await?;
    users::set_time_zone(&work.tx, user.user_id, zone.name()).await?;
    work.touches_only(vec![Scope::Person(user.user_id)]);
    work.commit(state).await
}

/// Ends the session this browser had before a sign-in, if any. Nothing else
/// a sign-in writes shows on a kept page or read (its new session, the
/// throttles, the audit log): only the ended session's person's kept
/// sessions are dropped.
async fn end_previous(work: &mut UnitOfWork, previous: Option<i32>) -> Result<(), ApiError> {
    let owner = match previous {
        Some(id) => session::end(&work.tx, id).await?,
        None => None,
    };
    match owner {
        Some(person) => work.touches_only(vec![Scope::Person(person)]),
        None => work.shows_nothing(),
    }
    Ok(())
}

/// Refuses an e-mail field longer than any address, before anything (a
/// throttle key, an audit row) is made of it. Only visitors type one in.
fn email_within_bounds(email: &str, locale: Locale) -> Result<(), ApiError> {
    if email.len() > Email::MAX_LEN {
        return Err(ApiError::invalid("email", locale.t("err-email-too-long")));
    }
    Ok(())
}

/// A new password as the rules take it: long enough, and neither common,
/// nor made of what its owner is known by, nor a run or a repeat. A refusal
/// is the message for the `new_password` field, in `locale` where the rule
/// has one in the catalogue.
fn new_password(raw: &str, owner: Known<'_>, locale: Locale) -> Result<NewPassword, String> {
    let password = NewPassword::parse(raw).map_err(|refusal| refusal.text(locale))?;
    passwords::check(password.expose(), owner).map_err(|problem| locale.t(problem.key()))?;
    Ok(password)
}

/// A link that no longer works, said in `locale`: the language of the
/// link's owner where the portal knows the owner, else a visitor's English.
fn expired_link(locale: Locale) -> ApiError {
    ApiError::Conflict {
        message: locale.t("err-link-expired"),
    }
}

/// Uses up a link's token and sets the password it was sent for, inside the
/// caller's transaction. If another request used the token first, the link
/// counts as expired and nothing is changed.
async fn redeem_link(
    tx: &DatabaseTransaction,
    token: &account_token::Model,
    password_hash: String,
    now: DateTime<Utc>,
    locale: Locale,
) -> Result<(), ApiError> {
    if !tokens::consume(tx, token.id, now).await? {
        return Err(expired_link(locale));
    }
    users::set_password(tx, token.user_id, password_hash, now)
        .await
        .map_err(db_error("saving the password"))
}

/// The token row behind a link, if it is still usable.
async fn usable_token(
    state: &AppState,
    purpose: TokenPurpose,
    token: &str,
) -> Result<account_token::Model, ApiError> {
    let found = tokens::find(&state.db, purpose, token)
        .await
        .map_err(db_error("finding the token"))?
        .ok_or(ApiError::NotFound)?;
    match token_state(found.expires_at, found.used_at, state.now()) {
        TokenState::Usable => Ok(found),
        // A dead link's owner is not looked up: its holder reads English,
        // like any visitor.
        TokenState::Used | TokenState::Expired => Err(expired_link(Locale::default())),
    }
}

/// The account whose password changed, as the notice addresses it.
struct Owner<'a> {
    email: &'a str,
    name: &'a str,
    locale: Locale,
    zone: crate::domain::time_zone::Zone,
}

/// Tells the account's owner, in their language and in the caller's
/// transaction, that its password changed. A change they did not make means
/// someone else has their password or their mailbox, and the sooner they
/// hear of it the better. The mail holds no link that signs in, only the
/// portal's address, so it cannot be used by whoever made the change and
/// does not teach people to follow links in security mail.
async fn password_notice(
    tx: &DatabaseTransaction,
    state: &AppState,
    owner: Owner<'_>,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    let mail = notify::to_address(
        Mail::PasswordChanged,
        owner.locale,
        owner.email,
        // Every change is news of its own: no earlier notice's key may
        // swallow it.
        format!("password_changed:{}", uuid::Uuid::new_v4().simple()),
        &[
            ("name", owner.name.to_string()),
            ("when", owner.zone.format(now)),
            ("portal", state.settings.public_url.clone()),
        ],
    );
    outbox::enqueue(tx, mail, now).await?;
    Ok(())
}
