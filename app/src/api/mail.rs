//! Mail that could not be delivered: the staff see dead letters (refused for
//! good, or out of retries) with the last error, and send them again.

use leptos::prelude::*;

use super::ApiError;
pub use crate::wire::mail::*;

#[server(endpoint = "mail/dead", output = crate::wire::compact::Compact)]
pub async fn dead_letters() -> Result<Vec<DeadLetter>, ApiError> {
    let (state, user) = crate::ssr::signed_in()?;
    crate::usecases::mail::dead_letters(&state, &user).await
}

/// Puts a dead letter back in the queue for an immediate attempt, with a
/// fresh set of retries.
#[server(endpoint = "mail/retry", output = crate::wire::compact::Compact)]
pub async fn retry_dead_letter(id: String) -> Result<(), ApiError> {
    let (state, user) = crate::ssr::signed_in()?;
    crate::usecases::mail::retry(&state, &user, id).await
}
