use sea_orm::entity::prelude::*;

/// One container of a shipment.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "shipment_containers")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub shipment_id: i32,
    pub container_no: String,
    pub seal_no: String,
    /// 20GP, 40GP, 40HC, … (free text, short).
    pub size: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
