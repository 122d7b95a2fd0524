//! Each person's choice of slippage alerts: which kinds (from those offered
//! to their role) and which orders to hear nothing about.

use leptos::prelude::*;

use super::ApiError;
pub use crate::wire::alerts::*;

#[server(endpoint = "alerts/choices", output = crate::wire::compact::Compact)]
pub async fn alert_choices() -> Result<AlertChoiceView, ApiError> {
    let (state, user) = crate::ssr::signed_in()?;
    crate::usecases::alerts::choices(&state, &user).await
}

/// Stores the kinds ticked (`kinds[i]`; none ticked means no alerts) and
/// whether they come as a daily digest (`digest` set to anything).
#[server(endpoint = "alerts/choose", output = crate::wire::compact::Compact)]
pub async fn choose_alerts(
    #[server(default)] kinds: Vec<String>,
    #[server(default)] digest: String,
) -> Result<(), ApiError> {
    let (state, user) = crate::ssr::signed_in()?;
    crate::usecases::alerts::choose(&state, &user, kinds, digest).await
}

/// Mutes (or unmutes) alerts about one order the person may see.
#[server(endpoint = "alerts/mute", output = crate::wire::compact::Compact)]
pub async fn mute_order(order_id: i32, muted: bool) -> Result<(), ApiError> {
    let (state, user) = crate::ssr::signed_in()?;
    crate::usecases::alerts::mute_order(&state, &user, order_id, muted).await
}
