use sea_orm::entity::prelude::*;

/// The letter of credit an order is paid by.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "letters_of_credit")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub order_id: i32,
    pub number: String,
    pub issuing_bank: String,
    pub currency: String,
    pub amount_minor: i64,
    pub tolerance_bp: i32,
    pub expiry: Date,
    pub latest_shipment: Date,
    pub presentation_days: i32,
    pub partial_shipments: bool,
    pub transhipment: bool,
    pub goods_description: String,
    /// Days from the factory to the port of loading.
    pub days_to_port: i32,
    /// When the documents were presented to the bank.
    pub presented_on: Option<Date>,
    /// The highest shipment-date risk the house was alerted of
    /// (0 none, 1 at risk, 2 will miss), so each is told once.
    pub risk_alerted: i32,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
