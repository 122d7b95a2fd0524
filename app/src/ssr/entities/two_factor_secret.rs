use sea_orm::entity::prelude::*;

/// A person's authenticator secret. Sent to them while they set it up,
/// never again once confirmed.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "two_factor_secrets")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub user_id: i32,
    /// Base32 (RFC 4648, no padding) of 20 random bytes.
    pub secret: String,
    pub created_at: DateTimeUtc,
    /// When a first code confirmed it; `None` while being set up.
    pub enabled_at: Option<DateTimeUtc>,
    /// The latest 30-second step a code was accepted for.
    pub last_step: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
