//! Conversations as each side sees them: an order's between its customer's
//! people and the house, a purchase order's between the house and its
//! factory. Authors are shown by their display name only; a customer's
//! thread never holds a factory's words, nor a factory's a customer's.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MessageView {
    pub id: i32,
    /// house, customer or factory.
    pub side: String,
    /// The author's display name (empty when the person is gone).
    pub author: String,
    pub body: String,
    #[serde(with = "crate::compact_dates")]
    pub at: DateTime<Utc>,
    /// Written by the viewer.
    pub mine: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MessagesView {
    /// `order` or `purchase_order`, and its id: what a reply names.
    pub kind: String,
    pub id: i32,
    /// The order's or the purchase order's number.
    pub reference: String,
    /// Oldest first.
    pub messages: Vec<MessageView>,
    /// The viewer may write in this thread.
    pub can_post: bool,
}
