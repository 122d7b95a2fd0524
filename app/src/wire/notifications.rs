//! A person's notification list: the events they were told of by mail, in
//! their language, each with the page it is about.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotificationView {
    pub id: i32,
    /// The mail kind it accompanies.
    pub kind: String,
    pub title: String,
    /// A path inside the portal.
    pub path: String,
    #[serde(with = "crate::compact_dates")]
    pub at: DateTime<Utc>,
    pub read: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotificationsView {
    /// Newest first, at most the latest [`NotificationsView::SHOWN`].
    pub items: Vec<NotificationView>,
    /// Unread among all, not only those shown.
    pub unread: u64,
}

impl NotificationsView {
    pub const SHOWN: u64 = 50;
}
