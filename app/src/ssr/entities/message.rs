use sea_orm::entity::prelude::*;

/// One message of a conversation: an order's (its customer's people and the
/// house) or a purchase order's (the house and its factory). Exactly the id
/// of the thread named by `thread_kind` is set.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "messages")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// `order` or `purchase_order` (`domain::messages::ThreadKind`).
    pub thread_kind: String,
    pub order_id: Option<i32>,
    pub purchase_order_id: Option<i32>,
    pub author_user_id: i32,
    /// house, customer or factory (`domain::messages::Side`).
    pub side: String,
    pub body: String,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
