use sea_orm::entity::prelude::*;

/// A customer's complaint about a shipped order (or one of its lines), its
/// two clocks, the factory it was passed to and what was agreed.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "complaints")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub number: String,
    pub order_id: i32,
    pub order_line_id: Option<i32>,
    pub customer_company_id: i32,
    pub filed_by: i32,
    /// The house person who answers for it (the order's sales owner).
    pub owner_id: Option<i32>,
    pub category: String,
    pub description: String,
    pub quantity_affected: i64,
    pub remedy_asked: String,
    pub amount_asked_minor: Option<i64>,
    pub currency: String,
    pub status: String,
    /// The factory behind the line, once the house passed it on.
    pub factory_company_id: Option<i32>,
    pub passed_at: Option<DateTimeUtc>,
    pub root_cause: Option<String>,
    pub corrective_action: Option<String>,
    pub factory_answered_at: Option<DateTimeUtc>,
    pub remedy_kind: Option<String>,
    pub remedy_text: Option<String>,
    pub remedy_amount_minor: Option<i64>,
    /// What the remedy costs the house (replacement goods, rework), for the
    /// figures.
    pub remedy_cost_minor: Option<i64>,
    pub first_answer_due: DateTimeUtc,
    pub first_answered_at: Option<DateTimeUtc>,
    pub remedy_due: DateTimeUtc,
    pub remedy_proposed_at: Option<DateTimeUtc>,
    /// The highest notice sent about each clock (0 none, 1 reminder, 2 breach).
    pub first_notice: i32,
    pub remedy_notice: i32,
    pub reopened: i32,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub closed_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
