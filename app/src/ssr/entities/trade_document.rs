use sea_orm::entity::prelude::*;

use crate::domain::shipping::checklist::{DocumentKind, DocumentState};

/// One document an order or a shipment needs: its state, the file that holds
/// it and, for the documents the portal makes, its number and the figures it
/// was issued with (JSON), which the checks before customs compare.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "trade_documents")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub order_id: i32,
    pub shipment_id: Option<i32>,
    pub kind: DocumentKind,
    pub state: DocumentState,
    pub number: Option<String>,
    pub file_id: Option<i32>,
    pub figures: Option<String>,
    pub updated_by: Option<i32>,
    pub updated_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
