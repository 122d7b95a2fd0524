use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "order_lines")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub order_id: i32,
    pub line_no: i32,
    pub product_code: String,
    pub description: String,
    pub hs_code: String,
    pub quantity: i64,
    pub unit: String,
    /// Price per unit in minor units of the order's currency (cents).
    pub unit_price_minor: i64,
    pub requested_date: Date,
    pub committed_date: Option<Date>,
    pub forecast_date: Option<Date>,
    pub alert_level: i32,
    pub overdue_alerted: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
