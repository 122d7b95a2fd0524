use crate::domain::quotation::InquiryStatus;
use sea_orm::entity::prelude::*;

/// A customer's inquiry: what they would buy, where to and by when.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "inquiries")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub customer_company_id: i32,
    pub created_by: i32,
    /// open, quoted or closed.
    pub status: InquiryStatus,
    pub destination: String,
    pub incoterm: String,
    pub requested_date: Option<Date>,
    pub note: String,
    pub currency: String,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
