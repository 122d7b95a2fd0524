//! A person's open sessions, as the account page lists them.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// One live session of the signed-in person. `id` is the session's row
/// number: never the cookie's token nor its hash, so the list cannot be
/// used to take a session over; and since only the person's own sessions
/// can be ended by it, guessing another number gets nothing but "not
/// found".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionView {
    pub id: i32,
    /// "Chrome · Windows"; `None` when the browser did not say.
    pub device: Option<String>,
    /// The address it signed in from, as the server saw it.
    pub client_addr: Option<String>,
    #[serde(with = "crate::compact_dates")]
    pub signed_in_at: DateTime<Utc>,
    #[serde(with = "crate::compact_dates")]
    pub last_used_at: DateTime<Utc>,
    /// The session of the browser asking.
    pub current: bool,
}
