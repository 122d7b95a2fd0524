//! What the house knows about paying: a customer's payment record (its
//! orders' instalments), the credit standing the house set, and the rules
//! the house configured (stored as JSON under a key).

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QuerySelect, Set};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::domain::credit::PaidInstalment;
use crate::ssr::entities::{credit_standing, house_rule, instalment, order};

/// The customer's payment record: every instalment of its orders.
pub async fn payment_record(
    db: &impl ConnectionTrait,
    customer_company_id: i32,
) -> Result<Vec<PaidInstalment>, DbErr> {
    let orders: Vec<i32> = order::Entity::find()
        .select_only()
        .column(order::Column::Id)
        .filter(order::Column::CustomerCompanyId.eq(customer_company_id))
        .into_tuple()
        .all(db)
        .await?;
    let rows = instalment::Entity::find()
        .filter(instalment::Column::OrderId.is_in(orders))
        .filter(instalment::Column::DueDate.is_not_null())
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(|row| {
            Some(PaidInstalment {
                due: row.due_date?,
                paid: (row.paid_minor >= row.amount_minor)
                    .then(|| row.paid_at.map(|at| at.date_naive()))
                    .flatten(),
                amount_minor: row.amount_minor,
            })
        })
        .collect())
}

pub async fn credit_standing(
    db: &impl ConnectionTrait,
    customer_company_id: i32,
) -> Result<Option<credit_standing::Model>, DbErr> {
    credit_standing::Entity::find_by_id(customer_company_id)
        .one(db)
        .await
}

/// A rule the house configured, or `None` to use the default.
pub async fn house_rule<T: DeserializeOwned>(
    db: &impl ConnectionTrait,
    key: &str,
) -> Result<Option<T>, DbErr> {
    let Some(row) = house_rule::Entity::find_by_id(key.to_string())
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    serde_json::from_str(&row.value)
        .map(Some)
        .map_err(|e| DbErr::Custom(format!("house rule {key}: {e}")))
}

pub async fn set_house_rule<T: Serialize>(
    db: &impl ConnectionTrait,
    key: &str,
    value: &T,
    by: i32,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let value =
        serde_json::to_string(value).map_err(|e| DbErr::Custom(format!("house rule: {e}")))?;
    let row = house_rule::ActiveModel {
        key: Set(key.to_string()),
        value: Set(value),
        updated_by: Set(Some(by)),
        updated_at: Set(now),
    };
    house_rule::Entity::insert(row)
        .on_conflict(
            sea_orm::sea_query::OnConflict::column(house_rule::Column::Key)
                .update_columns([
                    house_rule::Column::Value,
                    house_rule::Column::UpdatedBy,
                    house_rule::Column::UpdatedAt,
                ])
                .to_owned(),
        )
        .exec_without_returning(db)
        .await?;
    Ok(())
}
