//! Signing in and out, invitations, password changes and resets. The session
//! cookie is set and cleared here; everything else happens in
//! `usecases::auth`.

use leptos::prelude::*;

use super::ApiError;
pub use crate::wire::auth::*;

/// Where this anonymous request comes from: its address and the session the
/// browser already has.
#[cfg(feature = "ssr")]
pub(super) fn visitor() -> crate::usecases::auth::Visitor {
    use crate::ssr::auth::{client_addr, current_user};
    crate::usecases::auth::Visitor {
        addr: client_addr().unwrap_or_else(|| "unknown".into()),
        session: current_user().map(|user| user.session_id),
        locale: crate::ssr::auth::request_locale(),
    }
}

#[server(endpoint = "auth/me", output = crate::wire::compact::Compact)]
pub async fn who_am_i() -> Result<Option<SessionUser>, ApiError> {
    Ok(crate::ssr::auth::current_user().map(SessionUser::from))
}

/// Sets the language the signed-in person reads the portal in.
#[server(endpoint = "auth/locale", output = crate::wire::compact::Compact)]
pub async fn set_locale(locale: String) -> Result<(), ApiError> {
    let (state, user) = crate::ssr::signed_in()?;
    crate::usecases::auth::set_locale(&state, &user, locale).await
}

/// Sets the zone the signed-in person reads times in (an IANA name such as
/// `Asia/Shanghai`).
#[server(endpoint = "auth/time-zone", output = crate::wire::compact::Compact)]
pub async fn set_time_zone(time_zone: String) -> Result<(), ApiError> {
    let (state, user) = crate::ssr::signed_in()?;
    crate::usecases::auth::set_time_zone(&state, &user, time_zone).await
}

/// Signs in; returns the path to open next (the second step's page when
/// two-factor sign-in asks for a code).
#[server(endpoint = "auth/login", output = crate::wire::compact::Compact)]
pub async fn login(
    email: String,
    password: String,
    next: Option<String>,
) -> Result<String, ApiError> {
    let state = crate::ssr::app_state()?;
    let outcome = crate::usecases::auth::login(&state, &visitor(), email, password, next).await?;
    super::two_factor::answer_sign_in(&state, outcome)
}

#[server(endpoint = "auth/logout", output = crate::wire::compact::Compact)]
pub async fn logout() -> Result<(), ApiError> {
    let state = crate::ssr::app_state()?;
    // The cookie goes whatever happens to the bookkeeping.
    crate::ssr::auth::session::set_cookie(&state, None)?;
    if let Some(user) = crate::ssr::auth::current_user() {
        crate::usecases::auth::logout(&state, &user).await?;
    }
    Ok(())
}

/// Changes the signed-in user's password. Every session of the user ends; this
/// browser gets a fresh one.
#[server(endpoint = "auth/change-password", output = crate::wire::compact::Compact)]
pub async fn change_password(
    current_password: String,
    new_password: String,
) -> Result<(), ApiError> {
    let (state, user) = crate::ssr::signed_in()?;
    let token =
        crate::usecases::auth::change_password(&state, &user, current_password, new_password)
            .await?;
    crate::ssr::auth::session::set_cookie(&state, Some(&token))
}

/// Sends a reset link if the address belongs to an active account. The answer
/// is the same either way, so it cannot be used to find out who has an account.
#[server(endpoint = "auth/request-reset", output = crate::wire::compact::Compact)]
pub async fn request_password_reset(email: String) -> Result<String, ApiError> {
    let state = crate::ssr::app_state()?;
    crate::usecases::auth::request_reset(&state, &visitor(), email).await
}

/// Sets a new password from a reset link; every session of the account ends.
#[server(endpoint = "auth/reset", output = crate::wire::compact::Compact)]
pub async fn reset_password(token: String, new_password: String) -> Result<(), ApiError> {
    let state = crate::ssr::app_state()?;
    crate::usecases::auth::reset_password(&state, token, new_password).await
}

#[server(endpoint = "auth/invitation", output = crate::wire::compact::Compact)]
pub async fn invitation_details(token: String) -> Result<InvitationView, ApiError> {
    let state = crate::ssr::app_state()?;
    crate::usecases::auth::invitation_details(&state, token).await
}

/// The invitee sets their name and password and is signed in; returns the
/// path of their area.
#[server(endpoint = "auth/accept-invitation", output = crate::wire::compact::Compact)]
pub async fn accept_invitation(
    token: String,
    display_name: String,
    new_password: String,
) -> Result<String, ApiError> {
    let state = crate::ssr::app_state()?;
    let outcome = crate::usecases::auth::accept_invitation(
        &state,
        &visitor(),
        token,
        display_name,
        new_password,
    )
    .await?;
    super::two_factor::answer_sign_in(&state, outcome)
}
