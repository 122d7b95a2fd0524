use crate::domain::quotation::QuotationStatus;
use sea_orm::entity::prelude::*;

/// One revision of a quotation: the commercial terms the house offers.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "quotations")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// `Q-2026-0001`, the same on every revision.
    pub number: String,
    pub revision: i32,
    pub inquiry_id: Option<i32>,
    pub customer_company_id: i32,
    pub sales_owner_id: Option<i32>,
    pub created_by: i32,
    /// draft, in_approval, approved, sent, accepted, declined, expired,
    /// withdrawn or superseded.
    pub status: QuotationStatus,
    pub currency: String,
    pub valid_until: Date,
    pub incoterm: String,
    pub port: String,
    pub latest_shipment: Date,
    /// Deposit, in basis points of the total.
    pub deposit_bp: i32,
    /// before_shipment, against_bl_copy, lc_at_sight or lc_usance.
    pub balance_due: String,
    pub usance_days: Option<i32>,
    /// Late-delivery penalty per day, in basis points of the total.
    pub penalty_bp_per_day: i32,
    pub note: String,
    /// Bumped by every change; writers state the version they saw.
    pub version: i32,
    /// The order made when the customer accepted.
    pub order_id: Option<i32>,
    pub created_at: DateTimeUtc,
    pub submitted_at: Option<DateTimeUtc>,
    pub sent_at: Option<DateTimeUtc>,
    pub decided_at: Option<DateTimeUtc>,
    pub decided_by: Option<i32>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
