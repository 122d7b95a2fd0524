use sea_orm::ColumnTrait;
use sea_orm::{
    ActiveModelTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};
use std::collections::HashMap;

use crate::domain::company::{CompanyKind, CountryCode};
use crate::ssr::entities::company;

pub async fn first_of_kind(
    db: &impl ConnectionTrait,
    kind: CompanyKind,
) -> Result<Option<company::Model>, DbErr> {
    company::Entity::find()
        .filter(company::Column::Kind.eq(kind.as_str()))
        .order_by_asc(company::Column::Id)
        .one(db)
        .await
}

/// Every company of one kind, by name.
pub async fn of_kind(
    db: &impl ConnectionTrait,
    kind: CompanyKind,
) -> Result<Vec<company::Model>, DbErr> {
    company::Entity::find()
        .filter(company::Column::Kind.eq(kind.as_str()))
        .order_by_asc(company::Column::Name)
        .all(db)
        .await
}

pub async fn count_of_kind(db: &impl ConnectionTrait, kind: CompanyKind) -> Result<u64, DbErr> {
    company::Entity::find()
        .filter(company::Column::Kind.eq(kind.as_str()))
        .count(db)
        .await
}

pub async fn count_all(db: &impl ConnectionTrait) -> Result<u64, DbErr> {
    company::Entity::find().count(db).await
}

pub struct NewCompany<'a> {
    pub kind: CompanyKind,
    pub name: &'a str,
    pub country: CountryCode,
    pub city: &'a str,
}

pub async fn insert(
    db: &impl ConnectionTrait,
    new: NewCompany<'_>,
) -> Result<company::Model, DbErr> {
    company::ActiveModel {
        kind: Set(new.kind),
        name: Set(new.name.to_string()),
        country: Set(new.country.to_string()),
        city: Set(new.city.to_string()),
        created_at: Set(chrono::Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await
}

pub async fn find(db: &impl ConnectionTrait, id: i32) -> Result<Option<company::Model>, DbErr> {
    company::Entity::find_by_id(id).one(db).await
}

/// The names of the companies in `ids` (the others are not read).
pub async fn names_of(
    db: &impl ConnectionTrait,
    ids: impl IntoIterator<Item = i32>,
) -> Result<HashMap<i32, String>, DbErr> {
    let mut ids: Vec<i32> = ids.into_iter().collect();
    ids.sort_unstable();
    ids.dedup();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(company::Entity::find()
        .select_only()
        .column(company::Column::Id)
        .column(company::Column::Name)
        .filter(company::Column::Id.is_in(ids))
        .into_tuple::<(i32, String)>()
        .all(db)
        .await?
        .into_iter()
        .collect())
}

/// The companies with these ids (those that exist), in no particular order.
pub async fn by_ids(db: &impl ConnectionTrait, ids: &[i32]) -> Result<Vec<company::Model>, DbErr> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    company::Entity::find()
        .filter(company::Column::Id.is_in(ids.iter().copied()))
        .all(db)
        .await
}

pub async fn all(db: &impl ConnectionTrait) -> Result<Vec<company::Model>, DbErr> {
    company::Entity::find()
        .order_by_asc(company::Column::Kind)
        .order_by_asc(company::Column::Name)
        .all(db)
        .await
}

/// The company as the policy sees it.
pub fn policy_ref(model: &company::Model) -> Option<crate::domain::policy::CompanyRef> {
    Some(crate::domain::policy::CompanyRef {
        id: model.id,
        kind: model.kind,
    })
}
