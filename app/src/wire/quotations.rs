//! Inquiries and quotations as they cross to the browser. The customer and
//! the house get different types: `CustomerQuotation` has no field that
//! could carry a factory, a cost or a margin, so none can leak by accident.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::approval::StaffLevel;
use crate::domain::quotation::{InquiryStatus, QuotationStatus};

/// One line of the customer's inquiry form, parsed on the server.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct InquiryLineInput {
    pub product_code: String,
    pub description: String,
    pub quantity: String,
    pub unit: String,
    /// The price the customer hopes for, like 12.50; may stay empty.
    pub target_price: String,
}

impl InquiryLineInput {
    pub fn is_blank(&self) -> bool {
        [
            &self.product_code,
            &self.description,
            &self.quantity,
            &self.unit,
            &self.target_price,
        ]
        .iter()
        .all(|v| v.trim().is_empty())
    }
}

/// A quotation as a list names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteRef {
    pub id: i32,
    pub number: String,
    pub revision: i32,
    pub status: QuotationStatus,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InquirySummary {
    pub id: i32,
    pub number: String,
    pub customer_name: String,
    pub status: InquiryStatus,
    #[serde(with = "crate::compact_dates")]
    pub created_at: DateTime<Utc>,
    pub line_count: usize,
    pub destination: String,
    #[serde(with = "crate::compact_dates")]
    pub requested: Option<NaiveDate>,
    /// The latest quotation the viewer may see for it.
    pub quotation: Option<QuoteRef>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InquiryLineView {
    pub line_no: i32,
    pub product_code: Option<String>,
    pub description: String,
    pub quantity: i64,
    pub unit: String,
    pub target_price: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InquiryView {
    pub id: i32,
    pub number: String,
    pub customer_name: String,
    pub asked_by: String,
    pub status: InquiryStatus,
    #[serde(with = "crate::compact_dates")]
    pub created_at: DateTime<Utc>,
    pub destination: String,
    pub incoterm: String,
    pub currency: String,
    #[serde(with = "crate::compact_dates")]
    pub requested: Option<NaiveDate>,
    pub note: String,
    pub lines: Vec<InquiryLineView>,
    /// The quotations the viewer may see, newest first.
    pub quotations: Vec<QuoteRef>,
    /// The house may answer it with a quotation now.
    pub can_quote: bool,
}

/// One line of the house's quotation form, parsed on the server.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct QuoteLineInput {
    pub product_code: String,
    pub description: String,
    pub hs_code: String,
    pub quantity: String,
    pub unit: String,
    /// `YYYY-MM-DD`; may stay empty (the lead time then decides).
    pub requested: String,
    /// The factory's company id.
    pub supplier_id: String,
    pub purchase_price: String,
    pub lead_time_days: String,
    pub selling_price: String,
}

impl QuoteLineInput {
    pub fn is_blank(&self) -> bool {
        [
            &self.product_code,
            &self.description,
            &self.hs_code,
            &self.quantity,
            &self.unit,
            &self.requested,
            &self.purchase_price,
            &self.lead_time_days,
            &self.selling_price,
        ]
        .iter()
        .all(|v| v.trim().is_empty())
    }
}

/// The contract terms of the quotation form, parsed on the server.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct QuoteTermsInput {
    pub currency: String,
    /// `YYYY-MM-DD`: the offer stands until the end of this day.
    pub valid_until: String,
    pub incoterm: String,
    pub port: String,
    pub latest_shipment: String,
    /// Like `30` or `30 %`.
    pub deposit: String,
    /// `before_shipment`, `against_bl_copy`, `lc_at_sight` or `lc_usance`.
    pub balance_due: String,
    pub usance_days: String,
    /// Per day late, like `0.5`.
    pub penalty: String,
    pub note: String,
}

/// The house's figures for a line or a quotation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Figures {
    pub revenue: String,
    pub cost: String,
    pub margin: String,
    /// Margin as a share of revenue, like "18.5 %"; none without revenue.
    pub margin_percent: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HouseQuoteLine {
    pub line_no: i32,
    pub product_code: String,
    pub description: String,
    pub hs_code: String,
    pub quantity: i64,
    pub unit: String,
    #[serde(with = "crate::compact_dates")]
    pub requested: Option<NaiveDate>,
    pub supplier_id: Option<i32>,
    pub supplier_name: String,
    pub purchase_price: String,
    pub lead_time_days: i32,
    pub selling_price: String,
    pub figures: Figures,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApprovalView {
    pub position: i32,
    pub level: StaffLevel,
    /// Why this level must approve.
    pub reason: String,
    #[serde(with = "crate::compact_dates")]
    pub due_at: DateTime<Utc>,
    pub decided_by: Option<String>,
    pub approved: Option<bool>,
    pub comment: Option<String>,
    #[serde(with = "crate::compact_dates")]
    pub decided_at: Option<DateTime<Utc>>,
    /// The viewer may decide this step now.
    pub can_decide: bool,
}

/// A customer's credit standing and why it is what it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreditView {
    pub customer_id: i32,
    pub score: u8,
    /// The portal's figure from the payment record.
    pub computed: u8,
    /// The house set the score itself.
    pub set_by_house: bool,
    pub reasons: Vec<String>,
    pub threshold: u8,
    /// The deposit the standing requires, like "30 %".
    pub required_deposit: String,
}

/// A quotation as the house works on it: costs, margins, approvals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HouseQuotation {
    pub id: i32,
    pub number: String,
    pub revision: i32,
    pub status: QuotationStatus,
    pub version: i32,
    pub customer_id: i32,
    pub customer_name: String,
    pub inquiry_id: Option<i32>,
    pub currency: String,
    #[serde(with = "crate::compact_dates")]
    pub valid_until: NaiveDate,
    pub incoterm: String,
    pub port: String,
    #[serde(with = "crate::compact_dates")]
    pub latest_shipment: NaiveDate,
    /// Like "30 %".
    pub deposit: String,
    pub balance_due: String,
    pub usance_days: Option<i32>,
    /// Per day late, like "0.5 %".
    pub penalty: String,
    /// The terms in words, as the customer reads them.
    pub terms: Vec<String>,
    pub note: String,
    pub lines: Vec<HouseQuoteLine>,
    pub figures: Figures,
    pub approvals: Vec<ApprovalView>,
    pub credit: CreditView,
    /// The contract made when the customer accepted.
    pub order_id: Option<i32>,
    pub revisions: Vec<QuoteRef>,
    /// The factories to choose from (id, name), while it is a draft.
    pub factories: Vec<(i32, String)>,
    pub can_edit: bool,
    pub can_submit: bool,
    pub can_send: bool,
    pub can_revise: bool,
    pub can_withdraw: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerQuoteLine {
    pub line_no: i32,
    pub product_code: String,
    pub description: String,
    pub quantity: i64,
    pub unit: String,
    #[serde(with = "crate::compact_dates")]
    pub requested: Option<NaiveDate>,
    pub unit_price: String,
    pub total: String,
}

/// A quotation as the customer reads it: only what was sent, never who
/// makes the goods or what they cost.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerQuotation {
    pub id: i32,
    pub number: String,
    pub revision: i32,
    pub status: QuotationStatus,
    pub currency: String,
    #[serde(with = "crate::compact_dates")]
    pub valid_until: NaiveDate,
    pub incoterm: String,
    pub port: String,
    #[serde(with = "crate::compact_dates")]
    pub latest_shipment: NaiveDate,
    pub terms: Vec<String>,
    pub note: String,
    pub lines: Vec<CustomerQuoteLine>,
    pub total: String,
    pub order_id: Option<i32>,
    /// The customer may accept or decline it now.
    pub can_answer: bool,
}

/// A quotation in a list: the house sees its margin, the customer does not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuotationSummary {
    pub id: i32,
    pub number: String,
    pub revision: i32,
    pub customer_name: String,
    pub status: QuotationStatus,
    pub total: String,
    pub currency: String,
    #[serde(with = "crate::compact_dates")]
    pub valid_until: NaiveDate,
    /// The house only.
    pub margin_percent: Option<String>,
    /// The house only, while in approval: the level the quotation waits for.
    pub waiting_for: Option<StaffLevel>,
    /// The house only: the viewer may decide the step it waits for.
    pub mine_to_approve: bool,
}

/// The house's approval rules and credit policy as the form shows them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct HouseRulesForm {
    /// Any value: the sales manager approves every quotation.
    pub manager_always: String,
    /// The cost accountant approves a margin below this percent; empty: never.
    pub cost_accountant_below: String,
    /// The commercial director approves a total above this amount; empty: never.
    pub director_above: String,
    /// Any value: the director approves a deposit below what credit requires.
    pub director_when_deposit_short: String,
    /// Hours each step should take.
    pub step_target_hours: String,
    /// Credit scores below this are low credit.
    pub credit_threshold: String,
    pub normal_deposit: String,
    pub low_credit_deposit: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HouseRulesView {
    pub form: HouseRulesForm,
    /// The viewer may change them.
    pub can_edit: bool,
}

/// A product the customer's company ordered before, offered when it asks
/// again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PastProduct {
    pub product_code: String,
    pub description: String,
}
