//! The staff workspace: the at-risk board, the KPIs of a period and the
//! supplier scorecards (a factory reads its own). Figures come from
//! aggregates in the database (`ssr::repo::kpi`) turned into numbers by the
//! definitions in `domain::kpi`.

use leptos::prelude::*;

use super::ApiError;
use crate::domain::at_risk::RiskReason;
pub use crate::wire::workspace::*;

/// The KPIs of a period (by default the last 90 days), for the house.
#[server(endpoint = "workspace/kpis", output = crate::wire::compact::Compact)]
pub async fn get_kpis(
    #[server(default)] from: Option<String>,
    #[server(default)] to: Option<String>,
) -> Result<KpiReport, ApiError> {
    let (state, user) = crate::ssr::signed_in()?;
    crate::usecases::workspace::kpis(&state, &user, from, to).await
}

/// The at-risk board, for the house: each reason's most urgent lines, and
/// every line of the reason `all`.
#[server(endpoint = "workspace/board", output = crate::wire::compact::Compact)]
pub async fn at_risk_board(#[server(default)] all: Option<RiskReason>) -> Result<Board, ApiError> {
    let (state, user) = crate::ssr::signed_in()?;
    crate::usecases::workspace::board(&state, &user, all).await
}

/// A factory's own scorecard over the last 90 days; the house may name any
/// factory. A factory asking for another's gets 404.
#[server(endpoint = "workspace/scorecard", output = crate::wire::compact::Compact)]
pub async fn get_scorecard(
    #[server(default)] supplier_id: Option<i32>,
) -> Result<Scorecard, ApiError> {
    let (state, user) = crate::ssr::signed_in()?;
    crate::usecases::workspace::scorecard(&state, &user, supplier_id).await
}
