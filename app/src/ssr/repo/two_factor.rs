//! Two-factor sign-in's rows: each person's secret, their recovery codes
//! and the sign-ins waiting for a second step. Every use of a code or a
//! waiting sign-in is one conditional update or delete, so two requests
//! racing with the same code or the same cookie get one success between
//! them.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait,
    QueryFilter, Set,
};

use crate::domain::two_factor::SecondStep;
use crate::ssr::auth::token::{hash_token, looks_like_token, new_token};
use crate::ssr::entities::{recovery_code, two_factor_challenge, two_factor_secret};

/// The person's secret row, confirmed or being set up.
pub async fn find(
    db: &impl ConnectionTrait,
    user_id: i32,
) -> Result<Option<two_factor_secret::Model>, DbErr> {
    two_factor_secret::Entity::find_by_id(user_id).one(db).await
}

/// Whether the person has two-factor sign-in on.
pub async fn is_enabled(db: &impl ConnectionTrait, user_id: i32) -> Result<bool, DbErr> {
    Ok(find(db, user_id)
        .await?
        .is_some_and(|row| row.enabled_at.is_some()))
}

/// The ids of everyone with two-factor sign-in on.
pub async fn enabled_user_ids(db: &impl ConnectionTrait) -> Result<Vec<i32>, DbErr> {
    Ok(two_factor_secret::Entity::find()
        .filter(two_factor_secret::Column::EnabledAt.is_not_null())
        .all(db)
        .await?
        .into_iter()
        .map(|row| row.user_id)
        .collect())
}

/// Stores a secret being set up, in place of an earlier unconfirmed one.
/// The caller has checked that none is confirmed.
pub async fn save_unconfirmed(
    db: &impl ConnectionTrait,
    user_id: i32,
    secret: &str,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    two_factor_secret::Entity::delete_many()
        .filter(two_factor_secret::Column::UserId.eq(user_id))
        .filter(two_factor_secret::Column::EnabledAt.is_null())
        .exec(db)
        .await?;
    two_factor_secret::ActiveModel {
        user_id: Set(user_id),
        secret: Set(secret.to_string()),
        created_at: Set(now),
        enabled_at: Set(None),
        last_step: Set(None),
    }
    .insert(db)
    .await?;
    Ok(())
}

/// Confirms the secret being set up with the step of its first code;
/// false if it was confirmed meanwhile.
pub async fn enable(
    db: &impl ConnectionTrait,
    user_id: i32,
    step: i64,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let result = two_factor_secret::Entity::update_many()
        .col_expr(two_factor_secret::Column::EnabledAt, Expr::value(now))
        .col_expr(two_factor_secret::Column::LastStep, Expr::value(step))
        .filter(two_factor_secret::Column::UserId.eq(user_id))
        .filter(two_factor_secret::Column::EnabledAt.is_null())
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

/// Records that a code of `step` was used, if no code of that step or a
/// later one was (`domain::two_factor::step_is_fresh`, as one conditional
/// update); false for a replayed code.
pub async fn claim_step(db: &impl ConnectionTrait, user_id: i32, step: i64) -> Result<bool, DbErr> {
    let result = two_factor_secret::Entity::update_many()
        .col_expr(two_factor_secret::Column::LastStep, Expr::value(step))
        .filter(two_factor_secret::Column::UserId.eq(user_id))
        .filter(two_factor_secret::Column::EnabledAt.is_not_null())
        .filter(
            Condition::any()
                .add(two_factor_secret::Column::LastStep.is_null())
                .add(two_factor_secret::Column::LastStep.lt(step)),
        )
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

/// Turns two-factor sign-in off: the secret and every recovery code go.
pub async fn remove(db: &impl ConnectionTrait, user_id: i32) -> Result<(), DbErr> {
    recovery_code::Entity::delete_many()
        .filter(recovery_code::Column::UserId.eq(user_id))
        .exec(db)
        .await?;
    two_factor_secret::Entity::delete_many()
        .filter(two_factor_secret::Column::UserId.eq(user_id))
        .exec(db)
        .await?;
    Ok(())
}

/// Replaces the person's recovery codes with these (normalised) ones,
/// storing only their SHA-256.
pub async fn replace_recovery_codes(
    db: &impl ConnectionTrait,
    user_id: i32,
    codes: &[String],
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    recovery_code::Entity::delete_many()
        .filter(recovery_code::Column::UserId.eq(user_id))
        .exec(db)
        .await?;
    for code in codes {
        recovery_code::ActiveModel {
            user_id: Set(user_id),
            code_hash: Set(hash_token(code)),
            created_at: Set(now),
            used_at: Set(None),
            ..Default::default()
        }
        .insert(db)
        .await?;
    }
    Ok(())
}

/// Uses up one recovery code (normalised) of the person; false if it is
/// not theirs or was used before.
pub async fn use_recovery_code(
    db: &impl ConnectionTrait,
    user_id: i32,
    code: &str,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let result = recovery_code::Entity::update_many()
        .col_expr(recovery_code::Column::UsedAt, Expr::value(now))
        .filter(recovery_code::Column::UserId.eq(user_id))
        .filter(recovery_code::Column::CodeHash.eq(hash_token(code)))
        .filter(recovery_code::Column::UsedAt.is_null())
        .exec(db)
        .await?;
    Ok(result.rows_affected >= 1)
}

/// How many of the person's recovery codes are still unused.
pub async fn recovery_codes_left(db: &impl ConnectionTrait, user_id: i32) -> Result<u64, DbErr> {
    recovery_code::Entity::find()
        .filter(recovery_code::Column::UserId.eq(user_id))
        .filter(recovery_code::Column::UsedAt.is_null())
        .count(db)
        .await
}

/// Starts a sign-in waiting for `step`; returns the token for the cookie.
/// The person's earlier waiting sign-ins end: one browser at a time is
/// between password and code.
pub async fn open_challenge(
    db: &impl ConnectionTrait,
    user_id: i32,
    step: SecondStep,
    next_path: &str,
    now: DateTime<Utc>,
) -> Result<String, DbErr> {
    end_challenges(db, user_id).await?;
    let token = new_token();
    two_factor_challenge::ActiveModel {
        token_hash: Set(hash_token(&token)),
        user_id: Set(user_id),
        step: Set(step.as_str().to_string()),
        next_path: Set(next_path.to_string()),
        created_at: Set(now),
        expires_at: Set(now + step.lifetime()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(token)
}

/// The waiting sign-in behind a cookie's token, if it has not expired.
pub async fn find_challenge(
    db: &impl ConnectionTrait,
    token: &str,
    now: DateTime<Utc>,
) -> Result<Option<two_factor_challenge::Model>, DbErr> {
    if !looks_like_token(token) {
        return Ok(None);
    }
    two_factor_challenge::Entity::find()
        .filter(two_factor_challenge::Column::TokenHash.eq(hash_token(token)))
        .filter(two_factor_challenge::Column::ExpiresAt.gt(now))
        .one(db)
        .await
}

/// Ends a waiting sign-in as it becomes a session; false if another
/// request finished it first.
pub async fn take_challenge(db: &impl ConnectionTrait, id: i32) -> Result<bool, DbErr> {
    let result = two_factor_challenge::Entity::delete_by_id(id)
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

/// Ends every waiting sign-in of the person.
pub async fn end_challenges(db: &impl ConnectionTrait, user_id: i32) -> Result<(), DbErr> {
    two_factor_challenge::Entity::delete_many()
        .filter(two_factor_challenge::Column::UserId.eq(user_id))
        .exec(db)
        .await?;
    Ok(())
}
