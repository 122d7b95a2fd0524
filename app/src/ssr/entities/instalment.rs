use sea_orm::entity::prelude::*;

/// A payment an order's terms call for, and how much of it was paid.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "instalments")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub order_id: i32,
    pub position: i32,
    /// deposit or balance.
    pub kind: String,
    /// In minor units of the order's currency.
    pub amount_minor: i64,
    /// A fixed day, or `None` while it waits for `due_event`.
    pub due_date: Option<Date>,
    /// shipment, bl_copy or presentation.
    pub due_event: Option<String>,
    /// Days after `due_event` the payment is due.
    pub due_offset_days: i32,
    pub paid_minor: i64,
    pub paid_at: Option<DateTimeUtc>,
    /// The highest reminder sent for it (see `domain::payments::ReminderLevel`).
    pub reminder_level: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
