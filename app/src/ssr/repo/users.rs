use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, Set,
};

use crate::domain::account::{DisplayName, Email, Role};
use crate::domain::policy::Actor;
use crate::ssr::entities::user;

pub async fn find_by_email(
    db: &impl ConnectionTrait,
    email: &Email,
) -> Result<Option<user::Model>, DbErr> {
    user::Entity::find()
        .filter(user::Column::Email.eq(email.as_str()))
        .one(db)
        .await
}

pub async fn find(db: &impl ConnectionTrait, id: i32) -> Result<Option<user::Model>, DbErr> {
    user::Entity::find_by_id(id).one(db).await
}

/// The people with these ids (those that exist), in no particular order.
pub async fn by_ids(db: &impl ConnectionTrait, ids: &[i32]) -> Result<Vec<user::Model>, DbErr> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    user::Entity::find()
        .filter(user::Column::Id.is_in(ids.iter().copied()))
        .all(db)
        .await
}

pub async fn all(db: &impl ConnectionTrait) -> Result<Vec<user::Model>, DbErr> {
    user::Entity::find()
        .order_by_asc(user::Column::CompanyId)
        .order_by_asc(user::Column::DisplayName)
        .all(db)
        .await
}

/// The active people of the house (staff and admins).
pub async fn active_house(db: &impl ConnectionTrait) -> Result<Vec<user::Model>, DbErr> {
    user::Entity::find()
        .filter(user::Column::Active.eq(true))
        .filter(user::Column::Role.is_in([Role::Staff.as_str(), Role::Admin.as_str()]))
        .order_by_asc(user::Column::Id)
        .all(db)
        .await
}

/// The active people of these companies.
pub async fn active_of_companies(
    db: &impl ConnectionTrait,
    company_ids: &[i32],
) -> Result<Vec<user::Model>, DbErr> {
    if company_ids.is_empty() {
        return Ok(Vec::new());
    }
    user::Entity::find()
        .filter(user::Column::Active.eq(true))
        .filter(user::Column::CompanyId.is_in(company_ids.iter().copied()))
        .order_by_asc(user::Column::Id)
        .all(db)
        .await
}

/// The users of one company only.
pub async fn of_company(
    db: &impl ConnectionTrait,
    company_id: i32,
) -> Result<Vec<user::Model>, DbErr> {
    user::Entity::find()
        .filter(user::Column::CompanyId.eq(company_id))
        .order_by_asc(user::Column::DisplayName)
        .all(db)
        .await
}

/// How many other active people of the actor's company are on the portal.
pub async fn count_active_colleagues(
    db: &impl ConnectionTrait,
    actor: &Actor,
) -> Result<u64, DbErr> {
    user::Entity::find()
        .filter(user::Column::CompanyId.eq(actor.company_id))
        .filter(user::Column::Active.eq(true))
        .filter(user::Column::Id.ne(actor.user_id))
        .count(db)
        .await
}

pub struct NewUser<'a> {
    pub company_id: i32,
    pub email: &'a Email,
    pub display_name: &'a DisplayName,
    pub role: Role,
    pub password_hash: Option<String>,
    pub locale: &'a str,
    pub time_zone: &'a str,
}

pub async fn insert(
    db: &impl ConnectionTrait,
    new: NewUser<'_>,
    now: DateTime<Utc>,
) -> Result<user::Model, DbErr> {
    let has_password = new.password_hash.is_some();
    user::ActiveModel {
        company_id: Set(new.company_id),
        email: Set(new.email.as_str().to_string()),
        display_name: Set(new.display_name.as_str().to_string()),
        role: Set(new.role),
        password_hash: Set(new.password_hash),
        locale: Set(new.locale.to_string()),
        time_zone: Set(new.time_zone.to_string()),
        active: Set(true),
        created_at: Set(now),
        password_changed_at: Set(has_password.then_some(now)),
        ..Default::default()
    }
    .insert(db)
    .await
}

pub async fn set_password(
    db: &impl ConnectionTrait,
    user_id: i32,
    password_hash: String,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    user::ActiveModel {
        id: Set(user_id),
        password_hash: Set(Some(password_hash)),
        password_changed_at: Set(Some(now)),
        ..Default::default()
    }
    .update(db)
    .await?;
    Ok(())
}

pub async fn set_display_name(
    db: &impl ConnectionTrait,
    user_id: i32,
    name: &DisplayName,
) -> Result<(), DbErr> {
    user::ActiveModel {
        id: Set(user_id),
        display_name: Set(name.as_str().to_string()),
        ..Default::default()
    }
    .update(db)
    .await?;
    Ok(())
}

pub async fn set_active(
    db: &impl ConnectionTrait,
    user_id: i32,
    active: bool,
) -> Result<(), DbErr> {
    user::ActiveModel {
        id: Set(user_id),
        active: Set(active),
        ..Default::default()
    }
    .update(db)
    .await?;
    Ok(())
}

pub async fn set_locale(
    db: &impl ConnectionTrait,
    user_id: i32,
    locale: &str,
) -> Result<(), DbErr> {
    user::ActiveModel {
        id: Set(user_id),
        locale: Set(locale.to_string()),
        ..Default::default()
    }
    .update(db)
    .await?;
    Ok(())
}

pub async fn set_time_zone(
    db: &impl ConnectionTrait,
    user_id: i32,
    zone: &str,
) -> Result<(), DbErr> {
    user::ActiveModel {
        id: Set(user_id),
        time_zone: Set(zone.to_string()),
        ..Default::default()
    }
    .update(db)
    .await?;
    Ok(())
}

pub async fn set_alert_choices(
    db: &impl ConnectionTrait,
    user_id: i32,
    kinds: &str,
    digest: bool,
) -> Result<(), DbErr> {
    user::ActiveModel {
        id: Set(user_id),
        alert_kinds: Set(Some(kinds.to_string())),
        alert_digest: Set(digest),
        ..Default::default()
    }
    .update(db)
    .await?;
    Ok(())
}
