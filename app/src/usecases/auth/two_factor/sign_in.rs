//! The second step of signing in. A correct password of a person with
//! two-factor sign-in on (or of a house person who must set it up first)
//! opens a waiting sign-in instead of a session: the browser gets a
//! short-lived cookie for it and the page that asks for the step. Only a
//! right code turns it into a session, so nothing that needs a signed-in
//! person is ever open to someone who has the password alone; and a house
//! person the house requires it of has no session at all until it is set up.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{ConnectionTrait, DatabaseTransaction};

use super::{Proof, count_attempt, first_step, house_requires, new_recovery_codes};
use crate::domain::policy::Actor;
use crate::domain::throttle::ThrottleLimits;
use crate::domain::two_factor::{MAX_CODE_INPUT, SecondStep};
use crate::i18n::Locale;
use crate::ssr::AppState;
use crate::ssr::audit::{self, AuditAction};
use crate::ssr::auth::{session, totp};
use crate::ssr::entities::{two_factor_challenge, user};
use crate::ssr::repo::{throttles, two_factor as factors, users};
use crate::ssr::work::UnitOfWork;
use crate::usecases::auth::{SignedIn, Visitor};
use crate::wire::ApiError;
use crate::wire::two_factor::{PendingStep, TwoFactorSetup};

/// The page that asks for the second step.
pub const PAGE: &str = "/login/two-factor";

/// The longest path a waiting sign-in keeps to open afterwards (its
/// column's size); a longer one is no page of the portal.
const MAX_NEXT_PATH: usize = 200;

/// What a correct password (or an accepted invitation) leads to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoginOutcome {
    /// A session: nothing more is asked.
    Session(SignedIn),
    /// A sign-in waiting for its second step.
    SecondStep(PendingSignIn),
}

/// A waiting sign-in: the token for its cookie, how long it may wait, and
/// the page to open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingSignIn {
    pub token: String,
    pub lifetime: Duration,
    pub page: String,
}

/// A finished second step: the session's token, where to go, and the
/// recovery codes when the step also set two-factor sign-in up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finished {
    pub token: String,
    pub next: String,
    pub recovery_codes: Vec<String>,
}

/// After a correct password: opens a waiting sign-in on `db` (the caller's
/// connection or transaction) if the person has two-factor sign-in on, or
/// the house requires them to set it up; `None` when a session may start
/// at once. `next` is the (already checked) path to open afterwards.
pub async fn begin(
    db: &impl ConnectionTrait,
    user: &user::Model,
    next: &str,
    now: DateTime<Utc>,
) -> Result<Option<PendingSignIn>, ApiError> {
    let enabled = factors::is_enabled(db, user.id).await?;
    let house = house_requires(db).await?;
    let Some(step) = SecondStep::after_password(user.role, house, enabled) else {
        return Ok(None);
    };
    let next = if next.len() <= MAX_NEXT_PATH {
        next
    } else {
        user.role.home_path()
    };
    let token = factors::open_challenge(db, user.id, step, next, now).await?;
    Ok(Some(PendingSignIn {
        token,
        lifetime: step.lifetime(),
        page: PAGE.to_string(),
    }))
}

/// The waiting sign-in behind this browser's cookie and its (active)
/// person; a missing, expired or stale one is `Unauthenticated`: the
/// person signs in again.
async fn waiting(
    state: &AppState,
    token: Option<String>,
    now: DateTime<Utc>,
) -> Result<(two_factor_challenge::Model, user::Model), ApiError> {
    let token = token.ok_or(ApiError::Unauthenticated)?;
    let challenge = factors::find_challenge(&state.db, &token, now)
        .await?
        .ok_or(ApiError::Unauthenticated)?;
    let user = users::find(&state.db, challenge.user_id)
        .await?
        .filter(|u| u.active)
        .ok_or(ApiError::Unauthenticated)?;
    Ok((challenge, user))
}

fn locale_of(user: &user::Model) -> Locale {
    Locale::parse(&user.locale).unwrap_or_default()
}

/// What this browser's waiting sign-in asks for. To set two-factor
/// sign-in up, the secret to add to an app: made once for the waiting
/// sign-in, so reloading the page shows the same one.
pub async fn pending_step(
    state: &AppState,
    token: Option<String>,
) -> Result<PendingStep, ApiError> {
    let now = state.now();
    let (challenge, user) = waiting(state, token, now).await?;
    let locale = locale_of(&user);
    let factor = factors::find(&state.db, user.id).await?;
    if factor.as_ref().is_some_and(|f| f.enabled_at.is_some()) {
        return Ok(PendingStep::Code { locale });
    }
    if SecondStep::parse(&challenge.step) != Some(SecondStep::Enrol) {
        // Turned off since the password was typed: sign in afresh.
        return Err(ApiError::Unauthenticated);
    }
    let secret = match factor {
        Some(f) if f.created_at >= challenge.created_at => f.secret,
        _ => {
            let secret = totp::new_secret();
            factors::save_unconfirmed(&state.db, user.id, &secret, now).await?;
            secret
        }
    };
    let otpauth_url = totp::otpauth_url(&secret, &user.email)
        .map_err(|e| ApiError::internal("an otpauth address", e))?;
    Ok(PendingStep::Enrol {
        locale,
        setup: TwoFactorSetup {
            secret,
            otpauth_url,
        },
    })
}

/// The second step: checks `code` for this browser's waiting sign-in and
/// turns it into a session. The code counts against the account's and the
/// address's sign-in throttle; a wrong one is logged. When the step sets
/// two-factor sign-in up, the code confirms the new secret and the answer
/// carries the recovery codes.
pub async fn finish(
    state: &AppState,
    visitor: &Visitor,
    token: Option<String>,
    code: String,
) -> Result<Finished, ApiError> {
    let now = state.now();
    let (challenge, user) = waiting(state, token, now).await?;
    let locale = locale_of(&user);
    if code.len() > MAX_CODE_INPUT {
        return Err(ApiError::invalid("code", locale.t("two-factor-wrong-code")));
    }
    let account_key = throttles::account_key(&user.email);
    let addr_key = throttles::addr_key(&visitor.addr);
    let keys = [
        (account_key.clone(), ThrottleLimits::ACCOUNT),
        (addr_key.clone(), ThrottleLimits::ADDRESS),
    ];
    let counted = count_attempt(state, &keys, &user.email, now).await?;
    let factor = factors::find(&state.db, user.id)
        .await?
        .ok_or(ApiError::Unauthenticated)?;
    let actor = Actor {
        user_id: user.id,
        company_id: user.company_id,
        role: user.role,
    };
    let enrolling = factor.enabled_at.is_none();
    if enrolling && SecondStep::parse(&challenge.step) != Some(SecondStep::Enrol) {
        // Turned off since the password was typed: sign in afresh.
        return Err(ApiError::Unauthenticated);
    }
    let mut work = UnitOfWork::begin(state).await?;
    let checked = if enrolling {
        first_step(&factor.secret, &code, now).map(|step| (Proof::App, Some(step)))
    } else {
        super::use_code(&work.tx, &factor, &code, now)
            .await?
            .map(|proof| (proof, None))
    };
    let Some((proof, enrolled_at_step)) = checked else {
        // The transaction holds the writer: end it before logging.
        work.tx.rollback().await?;
        audit::log(
            &state.db,
            now,
            AuditAction::TwoFactorFailed,
            Some(actor),
            Some(&user.email),
            None,
        )
        .await?;
        return Err(super::wrong_code(&counted, now, locale));
    };
    if !factors::take_challenge(&work.tx, challenge.id).await? {
        // Another request with the same cookie finished it first.
        return Err(ApiError::Unauthenticated);
    }
    let recovery_codes = match enrolled_at_step {
        Some(step) => enrol(&work.tx, &user, actor, step, now).await?,
        None => Vec::new(),
    };
    crate::usecases::auth::end_previous(&mut work, visitor.session).await?;
    throttles::clear(&work.tx, &account_key).await?;
    throttles::refund(&work.tx, &addr_key).await?;
    let session_token = session::start(&work.tx, user.id, now).await?;
    if proof == Proof::Recovery {
        audit::log(
            &work.tx,
            now,
            AuditAction::RecoveryCodeUsed,
            Some(actor),
            Some(&user.email),
            None,
        )
        .await?;
    }
    audit::log(
        &work.tx,
        now,
        AuditAction::LoginSucceeded,
        Some(actor),
        Some(&user.email),
        Some(proof.as_str()),
    )
    .await?;
    work.commit(state).await?;
    Ok(Finished {
        token: session_token,
        next: challenge.next_path,
        recovery_codes,
    })
}

/// Confirms the secret being set up during sign-in and issues recovery
/// codes; returns them as shown.
async fn enrol(
    tx: &DatabaseTransaction,
    user: &user::Model,
    actor: Actor,
    step: i64,
    now: DateTime<Utc>,
) -> Result<Vec<String>, ApiError> {
    if !factors::enable(tx, user.id, step, now).await? {
        return Err(ApiError::Unauthenticated);
    }
    let (shown, stored) = new_recovery_codes();
    factors::replace_recovery_codes(tx, user.id, &stored, now).await?;
    audit::log(
        tx,
        now,
        AuditAction::TwoFactorEnabled,
        Some(actor),
        Some(&user.email),
        Some("while signing in"),
    )
    .await?;
    Ok(shown)
}
