//! Single-use account tokens (invitations, password resets).

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};

use crate::domain::session::TokenPurpose;
use crate::ssr::auth::token::{hash_token, looks_like_token, new_token};
use crate::ssr::entities::account_token;

/// Issues a token for `user_id`; returns its row id and the secret for the
/// e-mailed link. The user keeps at most `purpose.live_links()` unused
/// ones: the oldest beyond that stop working.
pub async fn issue(
    db: &impl ConnectionTrait,
    purpose: TokenPurpose,
    user_id: i32,
    created_by: Option<i32>,
    now: DateTime<Utc>,
) -> Result<(i32, String), DbErr> {
    let live: Vec<i32> = account_token::Entity::find()
        .select_only()
        .column(account_token::Column::Id)
        .filter(account_token::Column::UserId.eq(user_id))
        .filter(account_token::Column::Purpose.eq(purpose.as_str()))
        .filter(account_token::Column::UsedAt.is_null())
        .filter(account_token::Column::ExpiresAt.gt(now))
        .order_by_desc(account_token::Column::CreatedAt)
        .order_by_desc(account_token::Column::Id)
        .into_tuple::<i32>()
        .all(db)
        .await?;
    // Room for the new one: the newest earlier ones stay.
    let dropped: Vec<i32> = live
        .into_iter()
        .skip(purpose.live_links().saturating_sub(1))
        .collect();
    if !dropped.is_empty() {
        account_token::Entity::update_many()
            .col_expr(account_token::Column::UsedAt, Expr::value(now))
            .filter(account_token::Column::Id.is_in(dropped))
            .filter(account_token::Column::UsedAt.is_null())
            .exec(db)
            .await?;
    }
    let token = new_token();
    let row = account_token::ActiveModel {
        purpose: Set(purpose.as_str().to_string()),
        token_hash: Set(hash_token(&token)),
        user_id: Set(user_id),
        created_by: Set(created_by),
        created_at: Set(now),
        expires_at: Set(now + purpose.lifetime()),
        used_at: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok((row.id, token))
}

pub async fn find(
    db: &impl ConnectionTrait,
    purpose: TokenPurpose,
    token: &str,
) -> Result<Option<account_token::Model>, DbErr> {
    if !looks_like_token(token) {
        return Ok(None);
    }
    account_token::Entity::find()
        .filter(account_token::Column::TokenHash.eq(hash_token(token)))
        .filter(account_token::Column::Purpose.eq(purpose.as_str()))
        .one(db)
        .await
}

/// Marks the token used if nobody did first; false when it was already used
/// (two tabs submitting the same link at once get exactly one success).
pub async fn consume(
    db: &impl ConnectionTrait,
    token_id: i32,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let result = account_token::Entity::update_many()
        .col_expr(account_token::Column::UsedAt, Expr::value(now))
        .filter(account_token::Column::Id.eq(token_id))
        .filter(account_token::Column::UsedAt.is_null())
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

/// Makes one link unusable (its mail could not be delivered).
pub async fn revoke(
    db: &impl ConnectionTrait,
    token_id: i32,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    account_token::Entity::update_many()
        .col_expr(account_token::Column::UsedAt, Expr::value(now))
        .filter(account_token::Column::Id.eq(token_id))
        .filter(account_token::Column::UsedAt.is_null())
        .exec(db)
        .await?;
    Ok(())
}

/// Makes every open link of the user unusable (deactivation, a password
/// change or reset).
pub async fn revoke_all(
    db: &impl ConnectionTrait,
    user_id: i32,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    account_token::Entity::update_many()
        .col_expr(account_token::Column::UsedAt, Expr::value(now))
        .filter(account_token::Column::UserId.eq(user_id))
        .filter(account_token::Column::UsedAt.is_null())
        .exec(db)
        .await?;
    Ok(())
}
