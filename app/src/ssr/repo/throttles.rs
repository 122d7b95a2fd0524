//! Stored sign-in failure counts; the rules live in `domain::throttle`.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ConnectionTrait, DbErr, EntityTrait, Set};

use crate::domain::throttle::{ThrottleLimits, ThrottleState, record_failure};
use crate::ssr::entities::login_throttle;

pub fn account_key(email: &str) -> String {
    format!("account:{}", email.trim().to_lowercase())
}

pub fn addr_key(addr: &str) -> String {
    format!("addr:{addr}")
}

pub async fn load(db: &impl ConnectionTrait, key: &str) -> Result<Option<ThrottleState>, DbErr> {
    Ok(login_throttle::Entity::find_by_id(key.to_string())
        .one(db)
        .await?
        .map(|row| ThrottleState {
            failures: row.failures.max(0) as u32,
            window_started_at: row.window_started_at,
            locked_until: row.locked_until,
        }))
}

/// Counts one more failure for `key`; returns the new state.
pub async fn fail(
    db: &impl ConnectionTrait,
    key: &str,
    limits: ThrottleLimits,
    now: DateTime<Utc>,
) -> Result<ThrottleState, DbErr> {
    let before = load(db, key).await?;
    let after = record_failure(before, limits, now);
    let row = login_throttle::ActiveModel {
        key: Set(key.to_string()),
        failures: Set(after.failures.min(i32::MAX as u32) as i32),
        window_started_at: Set(after.window_started_at),
        locked_until: Set(after.locked_until),
    };
    if before.is_some() {
        row.update(db).await?;
    } else {
        row.insert(db).await?;
    }
    Ok(after)
}

pub async fn clear(db: &impl ConnectionTrait, key: &str) -> Result<(), DbErr> {
    login_throttle::Entity::delete_by_id(key.to_string())
        .exec(db)
        .await?;
    Ok(())
}
