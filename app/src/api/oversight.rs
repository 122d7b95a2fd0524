//! What administrators read to keep watch over accounts: outside accounts
//! made in the last 30 days, and the audit log. Nobody else may.

use leptos::prelude::*;

use super::ApiError;
pub use crate::wire::oversight::{AuditLogView, AuditRow, NewAccount};

/// Customers' and factories' accounts made in the last 30 days, newest
/// first.
#[server(endpoint = "admin/new-accounts", output = crate::wire::compact::Compact)]
pub async fn new_accounts() -> Result<Vec<NewAccount>, ApiError> {
    let (state, user) = crate::ssr::signed_in()?;
    crate::usecases::oversight::new_accounts(&state, &user).await
}

/// The newest audit log rows (at most 200), of one kind and about one
/// person (an e-mail address) when those are given.
#[server(endpoint = "admin/audit-log", output = crate::wire::compact::Compact)]
pub async fn audit_log(
    kind: Option<String>,
    person: Option<String>,
) -> Result<AuditLogView, ApiError> {
    let (state, user) = crate::ssr::signed_in()?;
    crate::usecases::oversight::audit_log(&state, &user, kind, person).await
}
