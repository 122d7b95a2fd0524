//! What administrators read to keep watch over accounts: outside accounts
//! made lately, and the security audit log.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::account::Role;
use crate::domain::company::CompanyKind;

/// A customer's or factory's account made in the last
/// [`NewAccount::WITHIN_DAYS`] days.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewAccount {
    pub user_id: i32,
    pub display_name: String,
    pub email: String,
    pub role: Role,
    pub company_name: String,
    pub company_kind: CompanyKind,
    /// The name and address of whoever sent the invitation, if known.
    pub invited_by: Option<String>,
    #[serde(with = "crate::compact_dates")]
    pub created_at: DateTime<Utc>,
    /// Accepted the invitation, which signs the person in.
    pub signed_in: bool,
    pub active: bool,
}

impl NewAccount {
    pub const WITHIN_DAYS: i64 = 30;
}

/// One row of the audit log, with the actor's name where the row has one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditRow {
    pub id: i32,
    #[serde(with = "crate::compact_dates")]
    pub at: DateTime<Utc>,
    /// `AuditAction::as_str()`; the page names it from the catalog.
    pub kind: String,
    /// "Name <address>" of the signed-in person it was about, if any.
    pub actor: Option<String>,
    pub actor_company: Option<String>,
    pub target: Option<String>,
    pub client_addr: Option<String>,
    pub detail: Option<String>,
}

/// The newest audit rows that match the filters, and the kinds a filter
/// may choose.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditLogView {
    pub rows: Vec<AuditRow>,
    pub kinds: Vec<String>,
}

impl AuditLogView {
    /// The most rows one answer holds, newest first.
    pub const LIMIT: u64 = 200;
}
