//! People management for the trading house: who works on the portal for which
//! company, invitations, deactivation. Admins manage everyone; staff see
//! everyone and invite customers' and suppliers' people.

use leptos::prelude::*;

use super::ApiError;
pub use crate::wire::admin::*;

#[server(endpoint = "admin/people", output = crate::wire::compact::Compact)]
pub async fn list_people() -> Result<PeopleDirectory, ApiError> {
    let (state, user) = crate::ssr::signed_in()?;
    crate::usecases::admin::people(&state, &user).await
}

/// Invites a person; the e-mail with the single-use link goes through the outbox.
#[server(endpoint = "admin/invite", output = crate::wire::compact::Compact)]
pub async fn invite_user(
    company_id: i32,
    email: String,
    display_name: String,
    role: String,
) -> Result<String, ApiError> {
    let (state, user) = crate::ssr::signed_in()?;
    crate::usecases::admin::invite(&state, &user, company_id, email, display_name, role).await
}

/// Deactivates a user; their sessions end at once.
#[server(endpoint = "admin/deactivate", output = crate::wire::compact::Compact)]
pub async fn deactivate_user(user_id: i32) -> Result<(), ApiError> {
    let (state, user) = crate::ssr::signed_in()?;
    crate::usecases::admin::deactivate(&state, &user, user_id).await
}

/// An administrator sets (or clears, with an empty `level`) the staff level
/// of one of the house's people.
#[server(endpoint = "admin/staff-level", output = crate::wire::compact::Compact)]
pub async fn set_staff_level(
    user_id: i32,
    #[server(default)] level: String,
) -> Result<(), ApiError> {
    let (state, user) = crate::ssr::signed_in()?;
    crate::usecases::admin::set_staff_level(&state, &user, user_id, level).await
}
