use sea_orm::entity::prelude::*;

/// The house's own standing of a customer, used by the credit policy.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "credit_standings")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub customer_company_id: i32,
    pub house_score: Option<i32>,
    pub note: Option<String>,
    pub set_by: Option<i32>,
    pub set_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
