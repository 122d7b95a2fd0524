//! Shipments and payments recorded against orders.

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    Set,
};

use crate::ssr::entities::{payment, shipment};

pub async fn shipments_of(
    db: &impl ConnectionTrait,
    order_id: i32,
) -> Result<Vec<shipment::Model>, DbErr> {
    shipment::Entity::find()
        .filter(shipment::Column::OrderId.eq(order_id))
        .order_by_asc(shipment::Column::ShippedOn)
        .order_by_asc(shipment::Column::Id)
        .all(db)
        .await
}

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

pub struct NewShipment<'a> {
    pub order_id: i32,
    pub shipped_on: NaiveDate,
    pub carrier: &'a str,
    pub vessel: &'a str,
    pub bl_number: &'a str,
    pub container_no: &'a str,
    pub eta: Option<NaiveDate>,
}

pub async fn insert_shipment(
    db: &impl ConnectionTrait,
    new: NewShipment<'_>,
    now: DateTime<Utc>,
) -> Result<shipment::Model, DbErr> {
    shipment::ActiveModel {
        order_id: Set(new.order_id),
        shipped_on: Set(new.shipped_on),
        carrier: Set(new.carrier.to_string()),
        vessel: Set(new.vessel.to_string()),
        bl_number: Set(new.bl_number.to_string()),
        container_no: Set(new.container_no.to_string()),
        eta: Set(new.eta),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
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
