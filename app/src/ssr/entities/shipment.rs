use sea_orm::entity::prelude::*;

/// One shipment carrying (part of) an order.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "shipments")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub order_id: i32,
    pub shipped_on: Date,
    pub carrier: String,
    pub vessel: String,
    pub bl_number: String,
    pub container_no: String,
    pub eta: Option<Date>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
