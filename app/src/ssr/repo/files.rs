//! Files attached to records.

use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    sea_query::Expr,
};

use crate::ssr::entities::file;

pub async fn count_of(db: &impl ConnectionTrait, kind: &str, owner_id: i32) -> Result<u32, DbErr> {
    let n = file::Entity::find()
        .filter(file::Column::OwnerKind.eq(kind))
        .filter(file::Column::OwnerId.eq(owner_id))
        .count(db)
        .await?;
    Ok(n.min(u32::MAX as u64) as u32)
}

pub async fn of_owners(
    db: &impl ConnectionTrait,
    kind: &str,
    owner_ids: &[i32],
) -> Result<Vec<file::Model>, DbErr> {
    file::Entity::find()
        .filter(file::Column::OwnerKind.eq(kind))
        .filter(file::Column::OwnerId.is_in(owner_ids.iter().copied()))
        .order_by_asc(file::Column::UploadedAt)
        .order_by_asc(file::Column::Id)
        .all(db)
        .await
}

pub async fn by_ids(db: &impl ConnectionTrait, ids: &[i32]) -> Result<Vec<file::Model>, DbErr> {
    file::Entity::find()
        .filter(file::Column::Id.is_in(ids.iter().copied()))
        .all(db)
        .await
}

pub async fn set_shared_with_customer(
    db: &impl ConnectionTrait,
    id: i32,
    shared: bool,
) -> Result<(), DbErr> {
    file::Entity::update_many()
        .col_expr(file::Column::SharedWithCustomer, Expr::value(shared))
        .filter(file::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}

/// Gives every file of a record to a factory (a complaint passed to it).
pub async fn set_factory(
    db: &impl ConnectionTrait,
    kind: &str,
    owner_id: i32,
    factory: i32,
) -> Result<(), DbErr> {
    file::Entity::update_many()
        .col_expr(file::Column::FactoryCompanyId, Expr::value(factory))
        .filter(file::Column::OwnerKind.eq(kind))
        .filter(file::Column::OwnerId.eq(owner_id))
        .exec(db)
        .await?;
    Ok(())
}
