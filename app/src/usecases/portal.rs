//! Facts about this portal installation, shown on the landing page to people
//! who are signed in.

use crate::domain::company::CompanyKind;
use crate::ssr::auth::CurrentUser;
use crate::ssr::{AppState, repo};
use crate::wire::ApiError;
use crate::wire::portal::PortalFacts;

/// Who runs the installation and how many partners it serves; the same for
/// everyone signed in.
pub async fn overview(state: &AppState, _user: &CurrentUser) -> Result<PortalFacts, ApiError> {
    // Plain reads outside any transaction: on SQLite the read-only pool,
    // beside the single writing connection.
    let db = &state.reports;
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
