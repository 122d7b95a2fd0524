//! Sales orders for customers (their own) and the trading house (all): the
//! list, one order with its lines, three dates and timeline, and the new-order
//! form's lines.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::dates::LineBadge;
use crate::domain::order_edit::Editable;
use crate::domain::order_status::OrderStatus;
use crate::domain::progress::Milestone;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderSummary {
    pub id: i32,
    pub number: String,
    pub customer_name: String,
    pub status: OrderStatus,
    pub line_count: usize,
    /// The earliest committed date among the lines.
    #[serde(with = "crate::compact_dates")]
    pub next_committed: Option<NaiveDate>,
    /// The worst badge among the lines.
    pub badge: LineBadge,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderDetail {
    pub id: i32,
    pub number: String,
    pub customer_name: String,
    pub currency: String,
    pub incoterm: String,
    pub payment_terms: String,
    pub ship_to: String,
    pub status: OrderStatus,
    pub version: i32,
    pub lines: Vec<LineView>,
    /// The timeline's newest entries, oldest first: at most
    /// `domain::paging::TIMELINE_SHOWN`, and one more when there are older
    /// ones (the page shows the newest `TIMELINE_SHOWN` and leads to the
    /// whole timeline, `TimelinePage`).
    pub events: Vec<EventView>,
    /// The statuses the viewer may move this order to now.
    pub next_statuses: Vec<OrderStatus>,
    /// The order's value: the lines' quantity × unit price.
    pub total: String,
    pub paid: String,
    pub outstanding: String,
    pub payments: Vec<PaymentView>,
    /// What the viewer may change directly now (nothing for customers).
    pub editable: Editable,
    /// The trading house only: the factory lines placed for this order.
    pub placed: Vec<PlacedView>,
    /// The trading house only, while purchase orders can be placed: the
    /// factories to choose from (id, name).
    pub factories: Vec<(i32, String)>,
    /// The newest factory reports on the order's lines, newest first
    /// (`domain::progress::REPORTS_SHOWN` at most).
    pub production: Vec<ProductionNote>,
    /// There are older reports than those shown.
    pub more_production: bool,
    /// The viewer asked for no alerts about this order.
    pub muted: bool,
    /// Approved changes applied so far.
    pub revision: i32,
    /// The contract, for an order made from an accepted quotation.
    pub contract: Option<ContractView>,
    /// The trading house only, for an order made from a costed quotation:
    /// its margin, like "1100.00 (11.0 %)".
    pub margin: Option<String>,
    /// Change requests on this order, newest first.
    pub changes: Vec<crate::wire::changes::ChangeView>,
    /// The customer may ask for a change now: which kinds are open in the
    /// order's status (empty when none is, or one is already waiting).
    pub changeable: Vec<crate::domain::change_request::ChangeKind>,
}

/// A factory report as the order page shows it: milestone and forecast for
/// everyone; the factory's reason and note for the trading house only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductionNote {
    #[serde(with = "crate::compact_dates")]
    pub at: DateTime<Utc>,
    pub line_no: i32,
    pub milestone: Milestone,
    #[serde(with = "crate::compact_dates")]
    pub forecast_ready: Option<NaiveDate>,
    pub reason: Option<String>,
    pub note: Option<String>,
}

/// What the customer agreed to when it accepted the quotation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContractView {
    /// The quotation and revision accepted, like "Q-2026-00007 rev. 2".
    pub quotation: String,
    #[serde(with = "crate::compact_dates")]
    pub accepted_on: Option<NaiveDate>,
    #[serde(with = "crate::compact_dates")]
    pub latest_shipment: Option<NaiveDate>,
    /// Per day late, like "0.5 %".
    pub penalty: Option<String>,
    /// The terms in words.
    pub terms: Vec<String>,
    pub schedule: Vec<InstalmentView>,
}

/// One instalment of the payment schedule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InstalmentView {
    /// `deposit` or `balance`.
    pub kind: String,
    pub amount: String,
    pub paid: String,
    /// A date, or the shipping event it waits for (`bl_issued`,
    /// `documents_presented`) and the days after it.
    #[serde(with = "crate::compact_dates")]
    pub due_date: Option<NaiveDate>,
    pub due_event: Option<String>,
    pub due_offset_days: i32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaymentView {
    #[serde(with = "crate::compact_dates")]
    pub received_on: NaiveDate,
    pub amount: String,
    pub reference: String,
}

/// A purchase-order line placed with a factory for one of the order's lines.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlacedView {
    pub order_line_no: i32,
    pub po_number: String,
    pub supplier_name: String,
    pub milestone: Milestone,
    pub quantity: i64,
    pub quantity_done: i64,
    #[serde(with = "crate::compact_dates")]
    pub committed_ready: NaiveDate,
    #[serde(with = "crate::compact_dates")]
    pub forecast_ready: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineView {
    pub line_no: i32,
    pub product_code: String,
    pub description: String,
    pub hs_code: String,
    pub quantity: i64,
    pub unit: String,
    /// Formatted in the order's currency, e.g. "12.50".
    pub unit_price: String,
    #[serde(with = "crate::compact_dates")]
    pub requested: NaiveDate,
    #[serde(with = "crate::compact_dates")]
    pub committed: Option<NaiveDate>,
    #[serde(with = "crate::compact_dates")]
    pub forecast: Option<NaiveDate>,
    pub slip_days: i64,
    pub badge: LineBadge,
    /// How far the factories are: the least advanced PO line filling it.
    pub milestone: Option<Milestone>,
    /// A purchase order has been placed for it.
    pub placed: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventView {
    pub id: i32,
    #[serde(with = "crate::compact_dates")]
    pub at: DateTime<Utc>,
    pub who: Option<String>,
    pub summary: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

/// One page of an order's whole timeline, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelinePage {
    /// The order's number.
    pub number: String,
    /// At most `domain::paging::TIMELINE_SHOWN` entries, newest first.
    pub events: Vec<EventView>,
    /// The entry the next (older) page starts before, if there are older
    /// entries.
    pub older: Option<i32>,
}

pub use crate::domain::order_input::format_minor;

/// One line as typed into the new-order form; parsed on the server.
/// Missing fields read as empty, so a row that only says `remove` is whole.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct LineInput {
    pub product_code: String,
    pub description: String,
    pub hs_code: String,
    pub quantity: String,
    pub unit: String,
    pub unit_price: String,
    /// `YYYY-MM-DD`.
    pub requested: String,
    /// When editing: the number of the existing line this row changes; empty
    /// for a new line.
    pub line_no: String,
    /// When editing: any value removes the line.
    pub remove: String,
}

impl LineInput {
    /// An untouched row of the form, skipped rather than reported.
    pub fn is_blank(&self) -> bool {
        [
            &self.product_code,
            &self.description,
            &self.hs_code,
            &self.quantity,
            &self.unit,
            &self.unit_price,
            &self.requested,
        ]
        .iter()
        .all(|v| v.trim().is_empty())
    }
}

/// How many orders one page of the list shows.
pub const PAGE_SIZE: u64 = 50;
