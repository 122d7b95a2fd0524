use crate::domain::change_request::ChangeStatus;
use sea_orm::entity::prelude::*;

/// A customer's request to change an order, and what became of it.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "change_requests")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub order_id: i32,
    pub requested_by: i32,
    /// The order's version when the request was made.
    pub base_version: i32,
    /// `ChangeStatus::as_str()`.
    pub status: ChangeStatus,
    /// JSON list of `ChangeItem`s as asked.
    pub items: String,
    pub note: String,
    /// JSON list of `ChangeItem`s the house proposed instead.
    pub counter_items: Option<String>,
    /// The house's reason (rejection) or message (counter-proposal).
    pub answer: Option<String>,
    pub decided_by: Option<i32>,
    pub created_at: DateTimeUtc,
    pub decided_at: Option<DateTimeUtc>,
    pub closed_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
