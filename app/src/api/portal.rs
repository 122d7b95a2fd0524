//! Facts about this portal installation, shown on the landing page to people
//! who are signed in.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::ApiError;

/// What a signed-in person may know about the installation: who runs it and
/// how many partners it serves. No names of customers or suppliers, and
/// nothing about how it is deployed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PortalFacts {
    pub house_name: Option<String>,
    pub customer_count: u64,
    pub supplier_count: u64,
}

#[server(endpoint = "portal/overview")]
pub async fn portal_overview() -> Result<PortalFacts, ApiError> {
    use crate::domain::company::CompanyKind;
    use crate::ssr::{app_state, repo};

    crate::ssr::auth::require_user()?;
    let state = app_state()?;
    let db = &state.db;
    let house = repo::companies::first_of_kind(db, CompanyKind::House)
        .await
        .map_err(|e| ApiError::internal("loading the trading house", e))?;
    let customer_count = repo::companies::count_of_kind(db, CompanyKind::Customer)
        .await
        .map_err(|e| ApiError::internal("counting customers", e))?;
    let supplier_count = repo::companies::count_of_kind(db, CompanyKind::Supplier)
        .await
        .map_err(|e| ApiError::internal("counting suppliers", e))?;
    Ok(PortalFacts {
        house_name: house.map(|c| c.name),
        customer_count,
        supplier_count,
    })
}
