use crate::domain::order_status::OrderStatus;
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "orders")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub number: String,
    pub customer_company_id: i32,
    pub sales_owner_id: Option<i32>,
    pub currency: String,
    pub incoterm: String,
    pub payment_terms: String,
    pub ship_to: String,
    /// `OrderStatus::as_str()`.
    pub status: OrderStatus,
    /// Bumped by every change; writers state the version they saw.
    pub version: i32,
    /// Approved change requests applied so far.
    pub revision: i32,
    /// The day the order was confirmed (cycle time starts).
    pub confirmed_on: Option<Date>,
    /// The day the order shipped (cycle time ends; on-time is judged by it).
    pub shipped_on: Option<Date>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    /// The quotation the order was made from, when it came from one.
    pub quotation_id: Option<i32>,
    /// Late-delivery penalty per day, in basis points of the order's total.
    pub penalty_bp_per_day: Option<i32>,
    /// The last day the goods may ship.
    pub latest_shipment: Option<Date>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
