//! Facts about this portal installation, shown on the landing page to people
//! who are signed in.

use leptos::prelude::*;

use super::ApiError;
pub use crate::wire::portal::*;

#[server(endpoint = "portal/overview", output = crate::wire::compact::Compact)]
pub async fn portal_overview() -> Result<PortalFacts, ApiError> {
    let (state, user) = crate::ssr::signed_in()?;
    crate::usecases::portal::overview(&state, &user).await
}
