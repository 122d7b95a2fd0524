use sea_orm::entity::prelude::*;

/// A file attached to an order, a shipment, a purchase-order line or a
/// complaint. The company columns copy the scope of the record it belongs
/// to, so who may see it is decided from the row alone; a complaint's files
/// get their factory when the complaint is passed to it.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "files")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// order, shipment, po_line or complaint.
    pub owner_kind: String,
    pub owner_id: i32,
    pub order_id: Option<i32>,
    pub purchase_order_id: Option<i32>,
    pub customer_company_id: Option<i32>,
    pub factory_company_id: Option<i32>,
    pub shared_with_customer: bool,
    pub shared_with_factory: bool,
    pub name: String,
    pub content_type: String,
    pub size_bytes: i64,
    pub sha256: String,
    pub storage_key: String,
    pub uploaded_by: Option<i32>,
    pub uploaded_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
