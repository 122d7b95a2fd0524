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
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::po_line::Entity",
        from = "Column::PoLineId",
        to = "super::po_line::Column::Id"
    )]
    PoLine,
}

impl Related<super::po_line::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::PoLine.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
