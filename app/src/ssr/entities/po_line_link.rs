use sea_orm::entity::prelude::*;

/// A purchase-order line fills this customer order line.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "po_line_links")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub po_line_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub order_line_id: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
