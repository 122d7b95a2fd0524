use sea_orm::entity::prelude::*;

/// How much of one order line a shipment carries, and how it is packed.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "shipment_lines")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub shipment_id: i32,
    pub order_line_id: i32,
    pub quantity: i64,
    pub cartons: i32,
    pub net_weight_g: i64,
    pub gross_weight_g: i64,
    pub volume_cm3: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
