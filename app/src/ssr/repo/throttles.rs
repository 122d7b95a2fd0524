//! Stored attempt counts for sign-in and password-reset throttling; the rules
//! live in `domain::throttle`. An attempt is counted *before* the password is
//! checked, under a row lock, so parallel guesses cannot slip past the limit.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait as _, OnConflict, Query};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QuerySelect,
    Set,
};

use crate::domain::throttle::{self, ThrottleLimits, ThrottleState, record_failure};
use crate::ssr::entities::login_throttle;

pub fn account_key(email: &str) -> String {
    format!("account:{}", email.trim().to_lowercase())
}

pub fn addr_key(addr: &str) -> String {
    format!("addr:{addr}")
}

pub fn reset_account_key(email: &str) -> String {
    format!("reset-account:{}", email.trim().to_lowercase())
}

pub fn reset_addr_key(addr: &str) -> String {
    format!("reset-addr:{addr}")
}

/// Counts one attempt for `key`; `Ok(Err(until))` (and nothing counted) while
/// the key is locked. Call inside a transaction: the row stays locked until it
/// ends (PostgreSQL row lock; SQLite's single writer).
pub async fn count_attempt(
    db: &impl ConnectionTrait,
    key: &str,
    limits: ThrottleLimits,
    now: DateTime<Utc>,
) -> Result<Result<ThrottleState, DateTime<Utc>>, DbErr> {
    let ensure_row = Query::insert()
        .into_table(login_throttle::Entity)
        .columns([
            login_throttle::Column::Key,
            login_throttle::Column::Failures,
            login_throttle::Column::WindowStartedAt,
        ])
        .values_panic([key.into(), 0.into(), now.into()])
        .on_conflict(
            OnConflict::column(login_throttle::Column::Key)
                .do_nothing()
                .to_owned(),
        )
        .to_owned();
    db.execute(&ensure_row).await?;
    let row = login_throttle::Entity::find_by_id(key.to_string())
        .lock_exclusive()
        .one(db)
        .await?
        .ok_or_else(|| DbErr::RecordNotFound(format!("throttle row {key}")))?;
    let state = ThrottleState {
        failures: u32::try_from(row.failures).unwrap_or(0),
        window_started_at: row.window_started_at,
        locked_until: row.locked_until,
    };
    if let Err(until) = throttle::check(Some(&state), now) {
        return Ok(Err(until));
    }
    let after = record_failure(Some(state).filter(|s| s.failures > 0), limits, now);
    login_throttle::ActiveModel {
        key: Set(key.to_string()),
        failures: Set(i32::try_from(after.failures).unwrap_or(i32::MAX)),
        window_started_at: Set(after.window_started_at),
        locked_until: Set(after.locked_until),
    }
    .update(db)
    .await?;
    Ok(Ok(after))
}

/// Whether this is the first attempt that `key`'s current lock refused, and
/// notes that one was. A lock's refusals go to the audit log once, so a
/// caller who keeps trying a locked key cannot grow the log.
///
/// While a key is locked its window start means nothing (a lock that has
/// ended starts a new window), so the note is that column moved to the end
/// of the lock; one conditional update, so parallel refusals note it once.
pub async fn first_refusal_of_lock(db: &impl ConnectionTrait, key: &str) -> Result<bool, DbErr> {
    let noted = login_throttle::Entity::update_many()
        .col_expr(
            login_throttle::Column::WindowStartedAt,
            Expr::col(login_throttle::Column::LockedUntil),
        )
        .filter(login_throttle::Column::Key.eq(key))
        .filter(login_throttle::Column::LockedUntil.is_not_null())
        .filter(
            Expr::col(login_throttle::Column::WindowStartedAt)
                .ne(Expr::col(login_throttle::Column::LockedUntil)),
        )
        .exec(db)
        .await?;
    Ok(noted.rows_affected > 0)
}

/// Forgets the attempts of `key` (a successful sign-in for the account).
pub async fn clear(db: &impl ConnectionTrait, key: &str) -> Result<(), DbErr> {
    login_throttle::Entity::delete_by_id(key.to_string())
        .exec(db)
        .await?;
    Ok(())
}

/// Takes back one counted attempt (a sign-in from this address succeeded).
pub async fn refund(db: &impl ConnectionTrait, key: &str) -> Result<(), DbErr> {
    login_throttle::Entity::update_many()
        .col_expr(
            login_throttle::Column::Failures,
            Expr::col(login_throttle::Column::Failures).sub(1),
        )
        .filter(login_throttle::Column::Key.eq(key))
        .filter(login_throttle::Column::Failures.gt(0))
        .exec(db)
        .await?;
    Ok(())
}
