use crate::domain::account::Role;
use crate::domain::approval::StaffLevel;
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "users")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub company_id: i32,
    #[sea_orm(unique)]
    pub email: String,
    pub display_name: String,
    /// `Role::as_str()`.
    pub role: Role,
    /// argon2id PHC string; `None` until an invited person sets a password.
    pub password_hash: Option<String>,
    pub locale: String,
    pub time_zone: String,
    pub active: bool,
    pub created_at: DateTimeUtc,
    pub password_changed_at: Option<DateTimeUtc>,
    /// Alert kinds the person wants, comma-separated; `None` is the role's default.
    pub alert_kinds: Option<String>,
    /// Alerts wait for one mail a day instead of going out at once.
    pub alert_digest: bool,
    /// `sales`, `sales_manager`, `cost_accountant` or `commercial_director`;
    /// only the house's staff have one.
    pub staff_level: Option<StaffLevel>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
