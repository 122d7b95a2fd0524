//! A customer's first page at a glance: how its open orders stand, what
//! ships next and what waits for its answer, each linking to its page.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use crate::domain::glance::{BadgeCounts, Sailing, WaitKind};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Glance {
    /// Open orders per badge, by the order list's rule.
    pub counts: BadgeCounts,
    /// The next departures and arrivals, soonest first.
    pub sailings: Vec<Sailing>,
    /// What waits for the customer, the most pressing first (overdue
    /// first), at most [`crate::domain::glance::WAITING_SHOWN`].
    pub waiting: Vec<WaitingView>,
    /// How many more wait beyond those named.
    pub waiting_more: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WaitingView {
    pub kind: WaitKind,
    /// The quotation, order or complaint number it concerns.
    pub number: String,
    /// The document's file name, for a shared document.
    pub name: Option<String>,
    #[serde(with = "crate::compact_dates")]
    pub due: Option<NaiveDate>,
    pub overdue: bool,
    /// The page that deals with it.
    pub path: String,
}
