use sea_orm::entity::prelude::*;

/// One item of an inquiry, with the price the customer hopes for.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "inquiry_lines")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub inquiry_id: i32,
    pub line_no: i32,
    pub product_code: Option<String>,
    pub description: String,
    pub quantity: i64,
    pub unit: String,
    /// Per unit, in minor units of the inquiry's currency.
    pub target_price_minor: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
