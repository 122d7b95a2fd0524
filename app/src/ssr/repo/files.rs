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

/// The files of these owners of one kind, oldest first; no read for no
/// owners.
pub async fn of_owners(
    db: &impl ConnectionTrait,
    kind: &str,
    owner_ids: &[i32],
) -> Result<Vec<file::Model>, DbErr> {
    if owner_ids.is_empty() {
        return Ok(Vec::new());
    }
    file::Entity::find()
        .filter(file::Column::OwnerKind.eq(kind))
        .filter(file::Column::OwnerId.is_in(owner_ids.iter().copied()))
        .order_by_asc(file::Column::UploadedAt)
        .order_by_asc(file::Column::Id)
        .all(db)
        .await
}

/// The files of an order and of its shipments, oldest first, in one read.
pub async fn of_order_and_shipments(
    db: &impl ConnectionTrait,
    order_id: i32,
    shipment_ids: &[i32],
) -> Result<Vec<file::Model>, DbErr> {
    use sea_orm::Condition;
    let of_order = Condition::all()
        .add(file::Column::OwnerKind.eq("order"))
        .add(file::Column::OwnerId.eq(order_id));
    let mut owners = Condition::any().add(of_order);
    if !shipment_ids.is_empty() {
        owners = owners.add(
            Condition::all()
                .add(file::Column::OwnerKind.eq("shipment"))
                .add(file::Column::OwnerId.is_in(shipment_ids.iter().copied())),
        );
    }
    file::Entity::find()
        .filter(owners)
        .order_by_asc(file::Column::UploadedAt)
        .order_by_asc(file::Column::Id)
        .all(db)
        .await
}

pub async fn by_ids(db: &impl ConnectionTrait, ids: &[i32]) -> Result<Vec<file::Model>, DbErr> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
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
