//! Two-factor sign-in: the second step of signing in (open to anyone with
//! a waiting sign-in's cookie), the account page's part, and the house's
//! rule. The waiting sign-in's cookie and the session cookie are set and
//! cleared here; everything else happens in `usecases::auth::two_factor`.

use leptos::prelude::*;

use super::ApiError;
pub use crate::wire::two_factor::*;

/// Sends what a correct password led to: the session cookie and the path
/// to open, or the waiting sign-in's cookie and the page of its second step.
#[cfg(feature = "ssr")]
pub(super) fn answer_sign_in(
    state: &crate::ssr::AppState,
    outcome: crate::usecases::auth::LoginOutcome,
) -> Result<String, ApiError> {
    use crate::usecases::auth::LoginOutcome;
    match outcome {
        LoginOutcome::Session(signed_in) => {
            crate::ssr::auth::session::set_cookie(state, Some(&signed_in.token))?;
            Ok(signed_in.next)
        }
        LoginOutcome::SecondStep(pending) => {
            crate::ssr::auth::pending::set_cookie(
                state,
                Some((pending.token.as_str(), pending.lifetime)),
            )?;
            Ok(pending.page)
        }
    }
}

/// What this browser's waiting sign-in asks for: a code, or setting
/// two-factor sign-in up (with the secret to add to an app). Without a
/// waiting sign-in, 401.
#[server(endpoint = "auth/two-factor-step", output = crate::wire::compact::Compact)]
pub async fn pending_two_factor() -> Result<PendingStep, ApiError> {
    let state = crate::ssr::app_state()?;
    let token = crate::ssr::auth::pending::current_token(&state);
    crate::usecases::auth::two_factor::pending_step(&state, token).await
}

/// The second step of signing in: a code from the app or a recovery code.
/// A right one turns the waiting sign-in into a session.
#[server(endpoint = "auth/two-factor", output = crate::wire::compact::Compact)]
pub async fn finish_two_factor(
    #[server(default)] code: String,
) -> Result<TwoFactorSignedIn, ApiError> {
    let state = crate::ssr::app_state()?;
    let token = crate::ssr::auth::pending::current_token(&state);
    let done =
        crate::usecases::auth::two_factor::finish(&state, &super::auth::visitor(), token, code)
            .await?;
    crate::ssr::auth::pending::set_cookie(&state, None)?;
    crate::ssr::auth::session::set_cookie(&state, Some(&done.token))?;
    Ok(TwoFactorSignedIn {
        next: done.next,
        recovery_codes: done.recovery_codes,
    })
}

#[server(endpoint = "two-factor/status", output = crate::wire::compact::Compact)]
pub async fn my_two_factor() -> Result<TwoFactorStatus, ApiError> {
    let (state, user) = crate::ssr::signed_in()?;
    crate::usecases::auth::two_factor::status(&state, &user).await
}

/// A new secret to add to an authenticator app; it counts once confirmed.
#[server(endpoint = "two-factor/start", output = crate::wire::compact::Compact)]
pub async fn start_two_factor() -> Result<TwoFactorSetup, ApiError> {
    let (state, user) = crate::ssr::signed_in()?;
    crate::usecases::auth::two_factor::start(&state, &user).await
}

/// Confirms the new secret with a code from the app; returns the recovery
/// codes, shown this once.
#[server(endpoint = "two-factor/confirm", output = crate::wire::compact::Compact)]
pub async fn confirm_two_factor(
    #[server(default)] code: String,
) -> Result<RecoveryCodes, ApiError> {
    let (state, user) = crate::ssr::signed_in()?;
    crate::usecases::auth::two_factor::confirm(&state, &user, code).await
}

/// Turns two-factor sign-in off, with the password and a current code.
#[server(endpoint = "two-factor/disable", output = crate::wire::compact::Compact)]
pub async fn disable_two_factor(
    #[server(default)] password: String,
    #[server(default)] code: String,
) -> Result<(), ApiError> {
    let (state, user) = crate::ssr::signed_in()?;
    crate::usecases::auth::two_factor::disable(&state, &user, password, code).await
}

/// New recovery codes in place of the old ones, with a current code.
#[server(endpoint = "two-factor/recovery-codes", output = crate::wire::compact::Compact)]
pub async fn new_recovery_codes(
    #[server(default)] code: String,
) -> Result<RecoveryCodes, ApiError> {
    let (state, user) = crate::ssr::signed_in()?;
    crate::usecases::auth::two_factor::regenerate_recovery_codes(&state, &user, code).await
}

/// Whether the house requires two-factor sign-in of its staff and admins.
#[server(endpoint = "two-factor/house-rule", output = crate::wire::compact::Compact)]
pub async fn house_two_factor_rule() -> Result<TwoFactorHouseRule, ApiError> {
    let (state, user) = crate::ssr::signed_in()?;
    crate::usecases::auth::two_factor::house_rule(&state, &user).await
}

/// An administrator requires it (`required` set to anything) or not.
#[server(endpoint = "two-factor/set-house-rule", output = crate::wire::compact::Compact)]
pub async fn set_two_factor_house_rule(
    #[server(default)] required: String,
) -> Result<TwoFactorHouseRule, ApiError> {
    let (state, user) = crate::ssr::signed_in()?;
    crate::usecases::auth::two_factor::set_house_rule(&state, &user, !required.is_empty()).await
}
