//! Shipments and payments recorded against orders.

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    Set,
};

use crate::ssr::entities::{instalment, payment, payment_allocation};

pub async fn payments_of(
    db: &impl ConnectionTrait,
    order_id: i32,
) -> Result<Vec<payment::Model>, DbErr> {
    payment::Entity::find()
        .filter(payment::Column::OrderId.eq(order_id))
        .order_by_asc(payment::Column::ReceivedOn)
        .order_by_asc(payment::Column::Id)
        .all(db)
        .await
}

pub async fn insert_payment(
    db: &impl ConnectionTrait,
    order_id: i32,
    received_on: NaiveDate,
    amount_minor: i64,
    reference: &str,
    now: DateTime<Utc>,
) -> Result<payment::Model, DbErr> {
    payment::ActiveModel {
        order_id: Set(order_id),
        received_on: Set(received_on),
        amount_minor: Set(amount_minor),
        reference: Set(reference.to_string()),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
}

/// The order's payment schedule, in order.
pub async fn instalments_of(
    db: &impl ConnectionTrait,
    order_id: i32,
) -> Result<Vec<instalment::Model>, DbErr> {
    instalment::Entity::find()
        .filter(instalment::Column::OrderId.eq(order_id))
        .order_by_asc(instalment::Column::Position)
        .all(db)
        .await
}

/// Pays `amount_minor` of a payment towards one instalment; the instalment
/// counts as paid (with the day) once nothing is left owing on it.
pub async fn allocate_to_instalment(
    db: &impl ConnectionTrait,
    payment_id: i32,
    instalment_id: i32,
    amount_minor: i64,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    payment_allocation::ActiveModel {
        payment_id: Set(payment_id),
        instalment_id: Set(instalment_id),
        amount_minor: Set(amount_minor),
        ..Default::default()
    }
    .insert(db)
    .await?;
    let Some(row) = instalment::Entity::find_by_id(instalment_id)
        .one(db)
        .await?
    else {
        return Ok(());
    };
    let paid = row.paid_minor + amount_minor;
    let full = paid >= row.amount_minor;
    let mut active: instalment::ActiveModel = row.into();
    active.paid_minor = Set(paid);
    if full {
        active.paid_at = Set(Some(now));
    }
    active.update(db).await?;
    Ok(())
}
