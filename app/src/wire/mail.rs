//! Mail that could not be delivered, as the staff see it.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeadLetter {
    pub id: String,
    pub kind: String,
    pub recipient: String,
    pub subject: String,
    pub attempts: i32,
    pub last_error: Option<String>,
    #[serde(with = "crate::compact_dates")]
    pub created_at: DateTime<Utc>,
}
