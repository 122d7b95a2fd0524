//! The signed-in person's own sessions: list them, end one, end all but
//! this browser's.

use leptos::prelude::*;

use super::ApiError;
pub use crate::wire::sessions::SessionView;

/// The person's live sessions, newest sign-in first.
#[server(endpoint = "sessions/list", output = crate::wire::compact::Compact)]
pub async fn list_sessions() -> Result<Vec<SessionView>, ApiError> {
    let (state, user) = crate::ssr::signed_in()?;
    crate::usecases::sessions::list(&state, &user).await
}

/// Ends one of the person's sessions; another person's id is not found.
#[server(endpoint = "sessions/end", output = crate::wire::compact::Compact)]
pub async fn end_session(id: i32) -> Result<(), ApiError> {
    let (state, user) = crate::ssr::signed_in()?;
    crate::usecases::sessions::end(&state, &user, id).await
}

/// Ends every session of the person but this browser's; answers how many.
#[server(endpoint = "sessions/end-others", output = crate::wire::compact::Compact)]
pub async fn end_other_sessions() -> Result<u64, ApiError> {
    let (state, user) = crate::ssr::signed_in()?;
    crate::usecases::sessions::end_others(&state, &user).await
}
