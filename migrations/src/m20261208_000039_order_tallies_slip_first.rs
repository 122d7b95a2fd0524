//! The first page counts a customer's open orders from their tallies,
//! grouped by what a badge depends on. Whether an order is overdue is asked
//! of its tally's day (`committed_by`), which came before the slip in the
//! key, so SQLite sorted every tally of the customer to group them.
//!
//! The key now holds the slip before the day: the tallies of a customer
//! come out of it in the order of the page's groups (status, lines, slip),
//! and the page sums the overdue ones within each group as it walks them,
//! without a sort. Uniqueness is the same set of columns, so every write of
//! a tally finds its row as before.

use sea_orm_migration::prelude::*;

use crate::m20261206_000035_order_tallies::{KEY, KEY_INDEX, TABLE};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The key in the order the first page groups by.
const SLIP_FIRST: &str =
    "customer_company_id, status, has_lines, has_unconfirmed, slip, committed_by";

/// Builds the key's index again over `columns`.
async fn key_over(manager: &SchemaManager<'_>, columns: &str) -> Result<(), DbErr> {
    let db = manager.get_connection();
    db.execute_unprepared(&format!("DROP INDEX {KEY_INDEX}"))
        .await?;
    db.execute_unprepared(&format!(
        "CREATE UNIQUE INDEX {KEY_INDEX} ON {TABLE} ({columns})"
    ))
    .await?;
    Ok(())
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        key_over(manager, SLIP_FIRST).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // The order of migration 35.
        key_over(manager, KEY).await
    }
}
