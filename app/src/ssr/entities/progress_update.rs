use crate::domain::progress::Milestone;
use sea_orm::entity::prelude::*;

/// One progress report on a PO line; rows are only ever added.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "progress_updates")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub po_line_id: i32,
    pub at: DateTimeUtc,
    pub user_id: Option<i32>,
    pub milestone: Milestone,
    pub quantity_done: i64,
    pub lot_quantity: Option<i64>,
    pub forecast_ready_date: Option<Date>,
    pub reason: Option<String>,
    pub note: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
