//! What the staff workspace shows: the KPIs of a period, the supplier
//! scorecards and the at-risk board.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::at_risk::{RiskGroup, RiskReason};
use crate::domain::kpi::{DelayRow, ParetoRow, Rate, Spread};

/// One factory's record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Scorecard {
    pub supplier_id: i32,
    pub name: String,
    /// Lines first ready in the period on or before their committed ready date.
    pub on_time: Rate,
    /// Average days late over the lines that were late.
    pub average_days_late: Option<f64>,
    /// Open lines reported on within the staleness window.
    pub fresh: Rate,
    /// Hours to acknowledge a change (acknowledged ones), in the period.
    pub acknowledgement: Spread,
    /// Changes still waiting for acknowledgement.
    pub waiting: u64,
    /// Quality: complaints about the factory's goods filed in the period,
    /// per line it had ready in the period.
    pub complaints: Rate,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AlertCount {
    pub kind: String,
    /// The catalogue key of the kind's name.
    pub label: String,
    pub count: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ParetoTable {
    pub currency: String,
    pub rows: Vec<ParetoRow>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KpiReport {
    #[serde(with = "crate::compact_dates")]
    pub from: NaiveDate,
    #[serde(with = "crate::compact_dates")]
    pub to: NaiveDate,
    pub cycle_days: Spread,
    pub on_time: Rate,
    /// Lines shipped without a committed date (not in `on_time`).
    pub unmeasured: u64,
    pub turnaround_hours: Spread,
    pub alerts: Vec<AlertCount>,
    pub scorecards: Vec<Scorecard>,
    pub supplier_on_time: Rate,
    pub pareto: Vec<ParetoTable>,
    /// The customers by profit, for orders made from costed quotations.
    pub profit_pareto: Vec<ParetoTable>,
    /// Hours from an inquiry to its first quotation sent.
    pub inquiry_to_quote_hours: Spread,
    /// Inquiries of the period not quoted yet.
    pub unquoted: u64,
    /// Hours from submitting a quotation to its last approval.
    pub approval_hours: Spread,
    /// Quotations accepted, of those answered or lapsed in the period.
    pub win_rate: Rate,
    pub worst_products: Vec<DelayRow>,
    pub worst_suppliers: Vec<DelayRow>,
    /// After-sales: complaints of the period against what shipped.
    pub complaints: ComplaintFigures,
    /// How long the server took to compute the report.
    pub elapsed_ms: u64,
}

/// The complaint figures of a period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ComplaintFigures {
    /// Complaints filed in the period per order line shipped in it.
    pub rate: Rate,
    /// By product and by factory, the most complained about first.
    pub by_product: Vec<DelayRow>,
    pub by_factory: Vec<DelayRow>,
    /// First answers given within their target, and the median working
    /// minutes to the first answer.
    pub first_answer: Rate,
    pub first_answer_median_minutes: Option<i64>,
    /// Remedies proposed within their target, and the median working minutes.
    pub remedy: Rate,
    pub remedy_median_minutes: Option<i64>,
    /// What the remedies cost, per currency, like ("EUR", "1250.00").
    pub remedy_costs: Vec<(String, String)>,
}

/// One reason's part of the at-risk board: how many lines it holds and the
/// most urgent of them (every one when asked for in full).
pub type BoardGroup = RiskGroup<BoardRow>;

/// The at-risk board: its groups, and whether it had to leave lines out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Board {
    pub groups: Vec<BoardGroup>,
    /// When more lines may be at risk than the board looks at: how many it
    /// looked at (those with the earliest committed dates). Each group's
    /// count is then at least what it says.
    pub capped_at: Option<usize>,
}

/// A line on the at-risk board.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardRow {
    pub order_id: i32,
    pub order_number: String,
    pub customer_name: String,
    pub line_no: i32,
    pub product_code: String,
    #[serde(with = "crate::compact_dates")]
    pub committed: Option<NaiveDate>,
    #[serde(with = "crate::compact_dates")]
    pub forecast: Option<NaiveDate>,
    pub slip_days: i64,
    pub reasons: Vec<RiskReason>,
}
