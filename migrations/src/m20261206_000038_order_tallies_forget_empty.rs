//! The tallies of migration 35 kept a row for every standing an order of
//! the customer ever had: an order taken out of its tally left the row at
//! zero. Orders in work stand by their earliest commitment, a day, so a
//! customer gathered one row for every day an order of theirs was once
//! committed for, and the first page read them all (those at zero only
//! dropped by its `HAVING`): rows that grew with the customer's history.
//!
//! The trigger now removes a tally that an order leaves empty, in the same
//! statement list, so the rows are only those of the orders open now. The
//! empty rows already written go.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DatabaseBackend;

use crate::m20261206_000035_order_tallies::{
    KEY, TABLE, key_of, postgres_function, sqlite_triggers_taking, take,
};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Takes the order row `r` out of its tally and removes the tally if that
/// left it empty.
fn take_and_forget(r: &str) -> String {
    format!(
        "{}; DELETE FROM {TABLE} WHERE ({KEY}) = ({key}) AND order_count = 0",
        take(r),
        key = key_of(r)
    )
}

/// Replaces the triggers with those taking orders out with `take`.
async fn replace_triggers(
    manager: &SchemaManager<'_>,
    take: fn(&str) -> String,
) -> Result<(), DbErr> {
    let db = manager.get_connection();
    match manager.get_database_backend() {
        DatabaseBackend::Postgres => {
            db.execute_unprepared(&postgres_function("CREATE OR REPLACE", take))
                .await?;
        }
        _ => {
            for trigger in ["insert", "delete", "update"] {
                db.execute_unprepared(&format!("DROP TRIGGER trg_orders_tally_{trigger}"))
                    .await?;
            }
            for trigger in sqlite_triggers_taking(take) {
                db.execute_unprepared(&trigger).await?;
            }
        }
    }
    Ok(())
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        replace_triggers(manager, take_and_forget).await?;
        manager
            .get_connection()
            .execute_unprepared(&format!("DELETE FROM {TABLE} WHERE order_count = 0"))
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        replace_triggers(manager, take).await
    }
}
