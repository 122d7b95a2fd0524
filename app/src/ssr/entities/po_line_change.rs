use sea_orm::entity::prelude::*;

/// A change a factory must acknowledge on one of its lines.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "po_line_changes")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub po_line_id: i32,
    pub change_request_id: i32,
    /// JSON `PoLineChange`.
    pub detail: String,
    pub created_at: DateTimeUtc,
    pub acknowledged_at: Option<DateTimeUtc>,
    pub acknowledged_by: Option<i32>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
