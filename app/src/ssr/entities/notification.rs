use sea_orm::entity::prelude::*;

/// One event a person was told of, for the in-portal list: the subject in
/// their language and the page it is about. Unread until `read_at`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "notifications")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub user_id: i32,
    /// The mail kind it accompanies (`notify::Mail::as_str`).
    pub kind: String,
    pub title: String,
    /// A path inside the portal, never a full address.
    pub path: String,
    #[sea_orm(unique)]
    pub dedupe_key: String,
    pub created_at: DateTimeUtc,
    pub read_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
