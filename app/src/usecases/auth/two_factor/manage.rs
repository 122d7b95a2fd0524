//! Two-factor sign-in on the account page: turning it on (a new secret,
//! confirmed with a first code, then recovery codes shown once), turning
//! it off (the password and a code), and new recovery codes (a code). What
//! is one's own needs no permission beyond being signed in. And the house's
//! rule that requires it of staff and admins, which an administrator sets.

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use super::{count_attempt, first_step, house_requires, new_recovery_codes, use_code, wrong_code};
use crate::domain::account::could_be_password;
use crate::domain::kept_pages::Scope;
use crate::domain::policy::Action;
use crate::domain::throttle::{ThrottleLimits, ThrottleState, minutes_left};
use crate::domain::two_factor::{HOUSE_RULE, MAX_CODE_INPUT, may_turn_off, required_of};
use crate::ssr::audit::{self, AuditAction};
use crate::ssr::auth::{CurrentUser, password as pw, totp};
use crate::ssr::entities::{session, two_factor_secret};
use crate::ssr::repo::{credit, throttles, two_factor as factors, users};
use crate::ssr::work::UnitOfWork;
use crate::ssr::{AppState, guard};
use crate::wire::ApiError;
use crate::wire::two_factor::{RecoveryCodes, TwoFactorHouseRule, TwoFactorSetup, TwoFactorStatus};

/// Whether the person has it on, must have it, and how many recovery
/// codes they have left.
pub async fn status(state: &AppState, user: &CurrentUser) -> Result<TwoFactorStatus, ApiError> {
    let enabled = factors::is_enabled(&state.db, user.user_id).await?;
    let required = required_of(user.role, house_requires(&state.db).await?);
    let recovery_codes_left = if enabled {
        factors::recovery_codes_left(&state.db, user.user_id).await?
    } else {
        0
    };
    Ok(TwoFactorStatus {
        enabled,
        required,
        recovery_codes_left,
    })
}

fn conflict(message: String) -> ApiError {
    ApiError::Conflict { message }
}

/// A new secret to add to an authenticator app, in place of any earlier
/// one not confirmed; nothing changes at sign-in until it is confirmed.
pub async fn start(state: &AppState, user: &CurrentUser) -> Result<TwoFactorSetup, ApiError> {
    if factors::is_enabled(&state.db, user.user_id).await? {
        return Err(conflict(user.locale.t("two-factor-already-on")));
    }
    let secret = totp::new_secret();
    let otpauth_url = totp::otpauth_url(&secret, &user.email)
        .map_err(|e| ApiError::internal("an otpauth address", e))?;
    factors::save_unconfirmed(&state.db, user.user_id, &secret, state.now()).await?;
    Ok(TwoFactorSetup {
        secret,
        otpauth_url,
    })
}

/// Confirms the new secret with a code from the app: from now on signing
/// in asks for a code. Returns the recovery codes, shown this once. Every
/// other session of the person ends: it began without a second factor.
pub async fn confirm(
    state: &AppState,
    user: &CurrentUser,
    code: String,
) -> Result<RecoveryCodes, ApiError> {
    let locale = user.locale;
    let factor = factors::find(&state.db, user.user_id).await?;
    let Some(factor) = factor.filter(|f| f.enabled_at.is_none()) else {
        return Err(conflict(locale.t("two-factor-start-first")));
    };
    let now = state.now();
    // Setting up is not guessing: the secret was just shown to this person,
    // so a mistyped code is not counted against sign-in.
    let step = first_step(&factor.secret, &code, now)
        .ok_or_else(|| ApiError::invalid("code", locale.t("two-factor-wrong-code")))?;
    let mut work = UnitOfWork::begin(state).await?;
    if !factors::enable(&work.tx, user.user_id, step, now).await? {
        return Err(conflict(locale.t("two-factor-already-on")));
    }
    let (shown, stored) = new_recovery_codes();
    factors::replace_recovery_codes(&work.tx, user.user_id, &stored, now).await?;
    session::Entity::delete_many()
        .filter(session::Column::UserId.eq(user.user_id))
        .filter(session::Column::Id.ne(user.session_id))
        .exec(&work.tx)
        .await?;
    factors::end_challenges(&work.tx, user.user_id).await?;
    audit::log(
        &work.tx,
        now,
        AuditAction::TwoFactorEnabled,
        Some(user.actor()),
        Some(&user.email),
        None,
    )
    .await?;
    // The person's own sessions; nothing any page shows.
    work.touches_only(vec![Scope::Person(user.user_id)]);
    work.commit(state).await?;
    Ok(RecoveryCodes { codes: shown })
}

/// The person's confirmed secret, or a conflict when it is off.
async fn confirmed(
    state: &AppState,
    user: &CurrentUser,
) -> Result<two_factor_secret::Model, ApiError> {
    factors::find(&state.db, user.user_id)
        .await?
        .filter(|f| f.enabled_at.is_some())
        .ok_or_else(|| conflict(user.locale.t("two-factor-not-on")))
}

/// Counts a code (or password) check of a signed-in person against their
/// account's sign-in throttle, as a password change does: a stolen session
/// cannot be used to guess.
async fn count_own_attempt(
    state: &AppState,
    user: &CurrentUser,
    now: DateTime<Utc>,
) -> Result<Vec<ThrottleState>, ApiError> {
    let keys = [(throttles::account_key(&user.email), ThrottleLimits::ACCOUNT)];
    count_attempt(state, &keys, &user.email, now).await
}

/// Turns two-factor sign-in off, with the password and a current code (or
/// a recovery code); not while the house requires it of the person.
pub async fn disable(
    state: &AppState,
    user: &CurrentUser,
    password: String,
    code: String,
) -> Result<(), ApiError> {
    let locale = user.locale;
    if !may_turn_off(user.role, house_requires(&state.db).await?) {
        return Err(conflict(locale.t("two-factor-required-stays-on")));
    }
    let factor = confirmed(state, user).await?;
    let now = state.now();
    let counted = count_own_attempt(state, user, now).await?;
    let stored = users::find(&state.db, user.user_id)
        .await?
        .and_then(|u| u.password_hash);
    // An overlong guess is a wrong one, never argon2 work on it.
    if !could_be_password(&password) || !pw::verify(password, stored).await {
        if let Some(until) = counted.iter().find_map(|c| c.locked_until) {
            return Err(ApiError::RateLimited {
                minutes: minutes_left(until, now),
            });
        }
        return Err(ApiError::invalid(
            "password",
            locale.t("two-factor-wrong-password"),
        ));
    }
    if code.len() > MAX_CODE_INPUT {
        return Err(wrong_code(&counted, now, locale));
    }
    let mut work = UnitOfWork::begin(state).await?;
    if use_code(&work.tx, &factor, &code, now).await?.is_none() {
        work.tx.rollback().await?;
        audit_failure(state, user, now).await?;
        return Err(wrong_code(&counted, now, locale));
    }
    factors::remove(&work.tx, user.user_id).await?;
    throttles::clear(&work.tx, &throttles::account_key(&user.email)).await?;
    audit::log(
        &work.tx,
        now,
        AuditAction::TwoFactorDisabled,
        Some(user.actor()),
        Some(&user.email),
        None,
    )
    .await?;
    work.touches_only(vec![Scope::Person(user.user_id)]);
    work.commit(state).await
}

/// New recovery codes in place of the old ones (used up, or seen by
/// someone), with a current code; shown this once.
pub async fn regenerate_recovery_codes(
    state: &AppState,
    user: &CurrentUser,
    code: String,
) -> Result<RecoveryCodes, ApiError> {
    let locale = user.locale;
    let factor = confirmed(state, user).await?;
    let now = state.now();
    let counted = count_own_attempt(state, user, now).await?;
    if code.len() > MAX_CODE_INPUT {
        return Err(wrong_code(&counted, now, locale));
    }
    let mut work = UnitOfWork::begin(state).await?;
    if use_code(&work.tx, &factor, &code, now).await?.is_none() {
        work.tx.rollback().await?;
        audit_failure(state, user, now).await?;
        return Err(wrong_code(&counted, now, locale));
    }
    let (shown, stored) = new_recovery_codes();
    factors::replace_recovery_codes(&work.tx, user.user_id, &stored, now).await?;
    throttles::clear(&work.tx, &throttles::account_key(&user.email)).await?;
    audit::log(
        &work.tx,
        now,
        AuditAction::RecoveryCodesIssued,
        Some(user.actor()),
        Some(&user.email),
        None,
    )
    .await?;
    work.touches_only(vec![Scope::Person(user.user_id)]);
    work.commit(state).await?;
    Ok(RecoveryCodes { codes: shown })
}

async fn audit_failure(
    state: &AppState,
    user: &CurrentUser,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    audit::log(
        &state.db,
        now,
        AuditAction::TwoFactorFailed,
        Some(user.actor()),
        Some(&user.email),
        None,
    )
    .await
}

/// The house's rule, for administrators.
pub async fn house_rule(
    state: &AppState,
    user: &CurrentUser,
) -> Result<TwoFactorHouseRule, ApiError> {
    guard::check(state, user, Action::ConfigureHouse, HOUSE_RULE).await?;
    Ok(TwoFactorHouseRule {
        required: house_requires(&state.db).await?,
        can_edit: true,
    })
}

/// An administrator requires two-factor sign-in of the house's staff and
/// admins, or stops requiring it. Only one who has it on may require it
/// (or they would lock themselves out of their own next sign-in's
/// session until they set it up). Turning it on ends the sessions of every
/// house person without it: their next sign-in makes them set it up.
pub async fn set_house_rule(
    state: &AppState,
    user: &CurrentUser,
    required: bool,
) -> Result<TwoFactorHouseRule, ApiError> {
    guard::check(state, user, Action::ConfigureHouse, HOUSE_RULE).await?;
    if required && !factors::is_enabled(&state.db, user.user_id).await? {
        return Err(ApiError::invalid(
            "required",
            user.locale.t("two-factor-house-needs-own"),
        ));
    }
    let now = state.now();
    let mut work = UnitOfWork::begin(state).await?;
    credit::set_house_rule(&work.tx, HOUSE_RULE, &required, user.user_id, now).await?;
    let signed_out = if required {
        end_sessions_without_second_factor(&work.tx).await?
    } else {
        Vec::new()
    };
    audit::log(
        &work.tx,
        now,
        AuditAction::HouseRulesSet,
        Some(user.actor()),
        Some(HOUSE_RULE),
        Some(if required { "on" } else { "off" }),
    )
    .await?;
    // The kept sessions and pages of those signed out go at once; the rule
    // itself shows only on the house's account and people pages, none of
    // them kept but the reads of no part.
    work.touches_only(signed_out.into_iter().map(Scope::Person).collect());
    work.commit(state).await?;
    Ok(TwoFactorHouseRule {
        required,
        can_edit: true,
    })
}

/// Ends the sessions of the house's people who have no second factor;
/// returns who they are.
async fn end_sessions_without_second_factor(
    db: &impl ConnectionTrait,
) -> Result<Vec<i32>, ApiError> {
    let enabled = factors::enabled_user_ids(db).await?;
    let without: Vec<i32> = users::active_house(db)
        .await?
        .into_iter()
        .map(|u| u.id)
        .filter(|id| !enabled.contains(id))
        .collect();
    if !without.is_empty() {
        session::Entity::delete_many()
            .filter(session::Column::UserId.is_in(without.clone()))
            .exec(db)
            .await?;
    }
    Ok(without)
}
