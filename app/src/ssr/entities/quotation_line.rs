use sea_orm::entity::prelude::*;

/// One costed item of a quotation: what the factory charges and what the
/// house sells at, per unit in minor units of the quotation's currency.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "quotation_lines")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub quotation_id: i32,
    pub line_no: i32,
    pub product_code: String,
    pub description: String,
    pub hs_code: String,
    pub quantity: i64,
    pub unit: String,
    pub requested_date: Option<Date>,
    /// The factory that would make it.
    pub supplier_company_id: Option<i32>,
    pub purchase_price_minor: i64,
    pub lead_time_days: i32,
    pub selling_price_minor: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
