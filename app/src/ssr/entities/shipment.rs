use sea_orm::entity::prelude::*;

use crate::domain::shipping::shipment::CustomsStatus;

/// One shipment carrying (part of) an order: booked, departed, arrived.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "shipments")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub order_id: i32,
    /// Planned departure.
    pub etd: Date,
    pub carrier: String,
    pub vessel: String,
    pub bl_number: String,
    pub eta: Option<Date>,
    pub created_at: DateTimeUtc,
    pub booking_no: String,
    pub port_of_loading: String,
    pub port_of_discharge: String,
    /// Actual departure: set when the shipment is marked departed.
    pub atd: Option<Date>,
    /// Actual arrival.
    pub ata: Option<Date>,
    pub customs_status: CustomsStatus,
    /// The day of the latest customs status.
    pub customs_on: Option<Date>,
    /// Why the checks before customs were overridden, when they were.
    pub check_override: Option<String>,
    pub check_override_by: Option<i32>,
    pub check_override_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
