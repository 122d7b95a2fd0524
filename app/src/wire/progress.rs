//! What the factory progress pages exchange with the server: purchase-order
//! lines as a factory (or the house) sees them, one line with its history,
//! and the bounds of a list and of a bulk move.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::progress::Milestone;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PoLineView {
    pub id: i32,
    /// The purchase order: its conversation is the line page's.
    pub purchase_order_id: i32,
    pub po_number: String,
    pub line_no: i32,
    pub product_code: String,
    pub description: String,
    pub quantity: i64,
    pub quantity_done: i64,
    pub milestone: Milestone,
    #[serde(with = "crate::compact_dates")]
    pub committed_ready: NaiveDate,
    #[serde(with = "crate::compact_dates")]
    pub forecast_ready: Option<NaiveDate>,
    pub late: bool,
    pub stale: bool,
    /// Days since the last report (or since the PO was placed).
    pub quiet_days: i64,
    pub closed: bool,
    pub version: i32,
    /// The house only: whose line it is.
    pub supplier_name: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgressEntry {
    #[serde(with = "crate::compact_dates")]
    pub at: DateTime<Utc>,
    pub who: Option<String>,
    pub milestone: Milestone,
    pub quantity_done: i64,
    pub lot_quantity: Option<i64>,
    #[serde(with = "crate::compact_dates")]
    pub forecast_ready: Option<NaiveDate>,
    pub reason: Option<String>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PoLineDetail {
    pub line: PoLineView,
    /// One page of the line's reports, newest first (`REPORTS_SHOWN` at
    /// most).
    pub history: Vec<ProgressEntry>,
    /// The report the next, older page starts before, if there are older
    /// reports.
    pub older: Option<i32>,
}

/// How many lines one list shows at most.
pub const LIST_LIMIT: u64 = 300;

/// How many lines a list shows at first, and how many more each "show
/// more" adds: a factory's phone gets a page it can read, late lines first.
pub const LIST_PAGE: u64 = 50;

/// The most lines one report may move at once: more than any purchase order
/// holds, and a bound on the work one request can ask for.
pub const MAX_BULK_LINES: usize = 200;
