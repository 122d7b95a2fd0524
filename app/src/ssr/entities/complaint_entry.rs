use sea_orm::entity::prelude::*;

/// One step of a complaint's thread: who (house, customer or factory) did or
/// said what.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "complaint_entries")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub complaint_id: i32,
    pub actor_user_id: Option<i32>,
    /// house, customer or factory.
    pub side: String,
    pub kind: String,
    pub body: String,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
