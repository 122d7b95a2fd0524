//! Change requests as they cross to the browser: a request with what the
//! viewer may do with it, a change a factory is asked to acknowledge, and
//! the forms that ask for, decide and answer a change.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::change_request::{ChangeKind, ChangeStatus, ImpactNote};

/// One change as a page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangeItemView {
    pub kind: ChangeKind,
    pub line_no: Option<i32>,
    pub what: String,
    pub before: String,
    pub after: String,
    /// What the house proposed instead, when it countered.
    pub counter: Option<String>,
}

/// A change request with what the viewer may do with it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangeView {
    pub id: i32,
    pub order_id: i32,
    pub order_number: String,
    pub customer_name: String,
    pub status: ChangeStatus,
    pub requested_by: String,
    #[serde(with = "crate::compact_dates")]
    pub created_at: DateTime<Utc>,
    /// Whole days since the request was made.
    pub age_days: i64,
    pub note: String,
    /// The house's reason or message.
    pub answer: Option<String>,
    pub decided_by: Option<String>,
    pub items: Vec<ChangeItemView>,
    /// The trading house only: what the change means for the commitments.
    pub impact: Vec<ImpactNote>,
    /// The trading house only: the factory lines the change reaches.
    pub factories: Vec<String>,
    /// The trading house only: why the change can no longer be applied as
    /// asked (the order changed since).
    pub conflicts: Vec<String>,
    /// Added lines waiting for a price (their positions in `items`).
    pub needs_price: Vec<usize>,
    pub can_decide: bool,
    pub can_answer: bool,
    pub can_withdraw: bool,
}

/// A change a factory is asked to acknowledge.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PoChangeView {
    pub id: i32,
    pub po_line_id: i32,
    pub po_number: String,
    pub line_no: i32,
    pub product_code: String,
    /// What changed, in the viewer's language.
    pub changes: Vec<String>,
    #[serde(with = "crate::compact_dates")]
    pub created_at: DateTime<Utc>,
    #[serde(with = "crate::compact_dates")]
    pub acknowledged_at: Option<DateTime<Utc>>,
}

/// One existing line as typed into the change form.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ChangeLineInput {
    pub line_no: String,
    pub quantity: String,
    pub description: String,
    /// `YYYY-MM-DD`.
    pub requested: String,
    /// Any value cancels the line.
    pub cancel: String,
}

/// A line the customer asks to add.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AddedLineInput {
    pub product_code: String,
    pub description: String,
    pub quantity: String,
    pub unit: String,
    pub requested: String,
}

impl AddedLineInput {
    pub fn is_blank(&self) -> bool {
        [
            &self.product_code,
            &self.description,
            &self.quantity,
            &self.unit,
            &self.requested,
        ]
        .iter()
        .all(|v| v.trim().is_empty())
    }
}

/// The house's answer to one item: a counter value, and for an added line
/// its unit price and HS code.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ItemDecisionInput {
    pub counter: String,
    pub unit_price: String,
    pub hs_code: String,
}
