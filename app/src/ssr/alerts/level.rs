//! The slip level a line was last alerted at, moved only by the run that
//! finds it unchanged, so racing runs alert once.

use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter};

/// Moves a line's remembered level from `old` to `new` unless someone else
/// already did; false means this run must not alert.
pub(super) async fn claim_level<E: EntityTrait>(
    db: &impl ConnectionTrait,
    id_column: E::Column,
    level_column: E::Column,
    id: i32,
    old: i32,
    new: i32,
) -> Result<bool, DbErr>
where
    E::Column: ColumnTrait,
{
    if old == new {
        return Ok(true);
    }
    let result = E::update_many()
        .col_expr(level_column, Expr::value(new))
        .filter(id_column.eq(id))
        .filter(level_column.eq(old))
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}
