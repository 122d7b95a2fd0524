//! Each person's notification list: written beside the mail of the same
//! event, read only by that person.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Select,
    Set,
};

use crate::ssr::entities::notification;

pub struct NewNotification<'a> {
    pub user_id: i32,
    pub kind: &'a str,
    pub title: &'a str,
    pub path: &'a str,
    pub dedupe_key: &'a str,
}

/// Adds the event to the person's list; false when the same event (dedupe
/// key) is there already.
pub async fn insert(
    db: &impl ConnectionTrait,
    new: NewNotification<'_>,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let row = notification::ActiveModel {
        user_id: Set(new.user_id),
        kind: Set(new.kind.to_string()),
        title: Set(new.title.chars().take(250).collect()),
        path: Set(new.path.chars().take(200).collect()),
        dedupe_key: Set(new.dedupe_key.chars().take(200).collect()),
        created_at: Set(now),
        read_at: Set(None),
        ..Default::default()
    };
    // ON CONFLICT DO NOTHING: a unique violation would abort the caller's
    // PostgreSQL transaction.
    let inserted = notification::Entity::insert(row)
        .on_conflict(
            OnConflict::column(notification::Column::DedupeKey)
                .do_nothing()
                .to_owned(),
        )
        .exec_without_returning(db)
        .await?;
    Ok(inserted == 1)
}

/// The id of the newest notification of anyone's; whether it moves tells a
/// writer that it put something on a list.
pub async fn latest_id(db: &impl ConnectionTrait) -> Result<Option<i32>, DbErr> {
    notification::Entity::find()
        .select_only()
        .column_as(notification::Column::Id.max(), "latest")
        .into_tuple::<Option<i32>>()
        .one(db)
        .await
        .map(Option::flatten)
}

/// Who was given a notification after the one with id `after` (after none:
/// anyone given one), each once.
pub async fn recipients_after(
    db: &impl ConnectionTrait,
    after: Option<i32>,
) -> Result<Vec<i32>, DbErr> {
    let mut query = notification::Entity::find()
        .select_only()
        .column(notification::Column::UserId)
        .distinct();
    if let Some(after) = after {
        query = query.filter(notification::Column::Id.gt(after));
    }
    query.into_tuple().all(db).await
}

/// The person's newest `limit` notifications, newest first.
pub async fn of_user(
    db: &impl ConnectionTrait,
    user_id: i32,
    limit: u64,
) -> Result<Vec<notification::Model>, DbErr> {
    notification::Entity::find()
        .filter(notification::Column::UserId.eq(user_id))
        .order_by_desc(notification::Column::CreatedAt)
        .order_by_desc(notification::Column::Id)
        .limit(limit)
        .all(db)
        .await
}

/// How many of the person's notifications are unread.
pub async fn unread(db: &impl ConnectionTrait, user_id: i32) -> Result<u64, DbErr> {
    let count = unread_select(user_id)
        .into_tuple::<i64>()
        .one(db)
        .await?
        .unwrap_or(0);
    Ok(u64::try_from(count).unwrap_or(0))
}

/// The read of [`unread`]: a count of the person's entries in the partial
/// index `idx_notifications_unread` (migration 30), which holds only the
/// unread, so no notification row is visited however many there are.
pub fn unread_select(user_id: i32) -> Select<notification::Entity> {
    notification::Entity::find()
        .select_only()
        .column_as(Expr::cust("COUNT(*)"), "unread")
        .filter(notification::Column::UserId.eq(user_id))
        .filter(notification::Column::ReadAt.is_null())
}

/// Marks one of the person's notifications read; `None` when it is not
/// theirs (or does not exist).
pub async fn mark_read(
    db: &impl ConnectionTrait,
    user_id: i32,
    id: i32,
    now: DateTime<Utc>,
) -> Result<Option<notification::Model>, DbErr> {
    let Some(row) = notification::Entity::find_by_id(id)
        .filter(notification::Column::UserId.eq(user_id))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    notification::Entity::update_many()
        .col_expr(notification::Column::ReadAt, Expr::value(now))
        .filter(notification::Column::Id.eq(row.id))
        .filter(notification::Column::ReadAt.is_null())
        .exec(db)
        .await?;
    Ok(Some(row))
}

/// Marks all the person's notifications read; returns how many were unread.
pub async fn mark_all_read(
    db: &impl ConnectionTrait,
    user_id: i32,
    now: DateTime<Utc>,
) -> Result<u64, DbErr> {
    let done = notification::Entity::update_many()
        .col_expr(notification::Column::ReadAt, Expr::value(now))
        .filter(notification::Column::UserId.eq(user_id))
        .filter(notification::Column::ReadAt.is_null())
        .exec(db)
        .await?;
    Ok(done.rows_affected)
}
