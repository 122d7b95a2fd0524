//! The signed-in person's notification list.

use leptos::prelude::*;

use super::ApiError;
use crate::wire::notifications::NotificationsView;

/// The newest notifications and the unread count.
#[server(endpoint = "notifications/list", output = crate::wire::compact::Compact)]
pub async fn list_notifications() -> Result<NotificationsView, ApiError> {
    let (state, user) = crate::ssr::signed_in()?;
    crate::usecases::notifications::list(&state, &user).await
}

/// The unread count shown in the navigation.
#[server(endpoint = "notifications/unread", output = crate::wire::compact::Compact)]
pub async fn unread_notifications() -> Result<u64, ApiError> {
    let (state, user) = crate::ssr::signed_in()?;
    crate::usecases::notifications::unread(&state, &user).await
}

/// Marks one notification read; answers the page it is about.
#[server(endpoint = "notifications/open", output = crate::wire::compact::Compact)]
pub async fn open_notification(id: i32) -> Result<String, ApiError> {
    let (state, user) = crate::ssr::signed_in()?;
    crate::usecases::notifications::open(&state, &user, id).await
}

/// Marks every notification read.
#[server(endpoint = "notifications/read-all", output = crate::wire::compact::Compact)]
pub async fn read_all_notifications() -> Result<u64, ApiError> {
    let (state, user) = crate::ssr::signed_in()?;
    crate::usecases::notifications::read_all(&state, &user).await
}
