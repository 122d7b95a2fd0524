use sea_orm::entity::prelude::*;

/// A sign-in whose password was right and which waits for its second step.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "two_factor_challenges")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// SHA-256 of the token in the browser's cookie, hex.
    #[sea_orm(unique)]
    pub token_hash: String,
    pub user_id: i32,
    /// `SecondStep::as_str()`.
    pub step: String,
    /// Where the finished sign-in leads (already checked to be local).
    pub next_path: String,
    pub created_at: DateTimeUtc,
    pub expires_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
