//! Conversations: one per order (its customer and the house) and one per
//! purchase order (the house and its factory); each side reads and writes
//! only its own.

use leptos::prelude::*;

use super::ApiError;
use crate::wire::messages::MessagesView;

/// The messages of a thread (`kind` is `order` or `purchase_order`),
/// oldest first; another side's thread, or another tenant's, is not found.
#[server(endpoint = "messages/get", output = crate::wire::compact::Compact)]
pub async fn get_messages(kind: String, id: i32) -> Result<MessagesView, ApiError> {
    let (state, user) = crate::ssr::signed_in()?;
    crate::usecases::messages::thread(&state, &user, &kind, id).await
}

/// Posts a message to a thread and tells the other side by mail.
#[server(endpoint = "messages/post", output = crate::wire::compact::Compact)]
pub async fn post_message(
    kind: String,
    id: i32,
    #[server(default)] body: String,
) -> Result<(), ApiError> {
    let (state, user) = crate::ssr::signed_in()?;
    crate::usecases::messages::post(&state, &user, &kind, id, body).await
}
