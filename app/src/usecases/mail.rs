//! Mail that could not be delivered: the staff see dead letters (refused for
//! good, or out of retries) with the last error, and send them again.

use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use crate::domain::policy::{Action, Area};
use crate::ssr::auth::CurrentUser;
use crate::ssr::entities::outbox;
use crate::ssr::links::{self, Resent};
use crate::ssr::work::UnitOfWork;
use crate::ssr::{AppState, guard};
use crate::wire::ApiError;
use crate::wire::mail::DeadLetter;

/// The newest dead letters, for the house.
pub async fn dead_letters(
    state: &AppState,
    user: &CurrentUser,
) -> Result<Vec<DeadLetter>, ApiError> {
    guard::check(state, user, Action::EnterArea(Area::Staff), "dead letters").await?;
    Ok(outbox::Entity::find()
        .filter(outbox::Column::Dead.eq(true))
        .order_by_desc(outbox::Column::CreatedAt)
        .limit(200)
        .all(&state.db)
        .await?
        .into_iter()
        .map(|row| DeadLetter {
            id: row.id,
            kind: row.kind,
            recipient: row.recipient,
            subject: row.subject,
            attempts: row.attempts,
            last_error: row.last_error,
            created_at: row.created_at,
        })
        .collect())
}

/// Puts a dead letter back in the queue for an immediate attempt, with a
/// fresh set of retries. A mail that carried a sign-in link goes out with a
/// fresh link: its own was revoked when it died.
pub async fn retry(state: &AppState, user: &CurrentUser, id: String) -> Result<(), ApiError> {
    guard::check(
        state,
        user,
        Action::EnterArea(Area::Staff),
        "dead letter retry",
    )
    .await?;
    let now = state.now();
    let mut work = UnitOfWork::begin(state).await?;
    let row = outbox::Entity::find_by_id(id)
        .filter(outbox::Column::Dead.eq(true))
        .one(&work.tx)
        .await?
        .ok_or(ApiError::NotFound)?;
    if links::link_of(&row.kind, &row.dedupe_key).is_some() {
        let resent = links::resend(
            &work.tx,
            &state.settings.public_url,
            &row,
            &user.display_name,
            now,
        )
        .await?;
        match resent {
            Resent::Queued => {}
            Resent::NotDead => return Err(ApiError::NotFound),
            Resent::NotNeeded => {
                return Err(ApiError::Conflict {
                    message: user.locale.t("err-link-not-needed"),
                });
            }
        }
    } else {
        let revived = outbox::Entity::update_many()
            .col_expr(outbox::Column::Dead, Expr::value(false))
            .col_expr(outbox::Column::Attempts, Expr::value(0))
            .col_expr(outbox::Column::NextAttemptAt, Expr::value(now))
            .filter(outbox::Column::Id.eq(row.id))
            .filter(outbox::Column::Dead.eq(true))
            .exec(&work.tx)
            .await?;
        if revived.rows_affected == 0 {
            return Err(ApiError::NotFound);
        }
    }
    // The commit wakes the outbox worker, which sends it at once. Only
    // reads of no part may show the outbox.
    work.touches_no_part();
    work.commit(state).await
}
