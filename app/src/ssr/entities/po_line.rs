use crate::domain::progress::Milestone;
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "po_lines")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub purchase_order_id: i32,
    pub line_no: i32,
    pub product_code: String,
    pub description: String,
    pub quantity: i64,
    pub quantity_done: i64,
    pub committed_ready_date: Date,
    pub forecast_ready_date: Option<Date>,
    pub milestone: Milestone,
    pub last_progress_at: Option<DateTimeUtc>,
    pub version: i32,
    pub alert_level: i32,
    /// Cancelled by an approved change request.
    pub cancelled: bool,
    /// The day the factory first reported the line ready.
    pub ready_on: Option<Date>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::purchase_order::Entity",
        from = "Column::PurchaseOrderId",
        to = "super::purchase_order::Column::Id"
    )]
    PurchaseOrder,
}

impl Related<super::purchase_order::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::PurchaseOrder.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
