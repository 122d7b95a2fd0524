use crate::domain::approval::StaffLevel;
use sea_orm::entity::prelude::*;

/// One approval a quotation needs before it is sent, and its decision.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "approval_steps")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub quotation_id: i32,
    /// Steps are decided in this order.
    pub position: i32,
    /// The staff level that may decide the step.
    pub level: StaffLevel,
    /// Why the rules ask for this step.
    pub reason: String,
    pub due_at: DateTimeUtc,
    pub decided_by: Option<i32>,
    /// `None` until decided.
    pub approved: Option<bool>,
    pub comment: Option<String>,
    pub decided_at: Option<DateTimeUtc>,
    pub reminded_at: Option<DateTimeUtc>,
    pub escalated_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
