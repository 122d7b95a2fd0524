//! The slippage scan first finds the lines with something to assess:
//! alerted before, running late, quiet for long, or (a customer's line)
//! past its commitment and not yet told (`ssr::alerts::scan`). To ask
//! that, it read the row of every open factory line and of every line of an
//! order in production (PostgreSQL read every customer line ever written):
//! at 1 M lines, to find 7,371 of each among 80,548 open ones,
//! 185 ms and 228 ms of one core each pass on PostgreSQL, 65 ms and 55 ms
//! on SQLite.
//!
//! These indexes hold what the question needs of each line, so it is
//! answered from them alone (47 ms and 56 ms on PostgreSQL, 27 ms and
//! 30 ms on SQLite):
//! - a factory's lines by purchase order, only those not cancelled and not
//!   shipped (written as the scan writes it, `ssr::alerts::scan::TO_ASSESS`);
//! - a customer's lines by order, all of them, since which orders are in
//!   production is the orders' to say.
//!
//! Each ends with the line's id, which PostgreSQL otherwise reads from the
//! row (SQLite keeps it in every index). The factory lines' index also
//! holds the two columns of its own condition: SQLite reads the row for
//! any column the query names that the index does not hold.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Which factory lines the scan looks at, as the scan writes it.
const NOT_FINISHED: &str = "NOT cancelled AND milestone <> 'shipped'";

const PO_LINES: &str = "idx_po_lines_to_assess";
const ORDER_LINES: &str = "idx_order_lines_to_assess";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        db.execute_unprepared(&format!(
            "CREATE INDEX {PO_LINES} ON po_lines \
             (purchase_order_id, alert_level, committed_ready_date, forecast_ready_date, \
             last_progress_at, cancelled, milestone, id) WHERE {NOT_FINISHED}"
        ))
        .await?;
        db.execute_unprepared(&format!(
            "CREATE INDEX {ORDER_LINES} ON order_lines \
             (order_id, alert_level, overdue_alerted, committed_date, forecast_date, id)"
        ))
        .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        for name in [PO_LINES, ORDER_LINES] {
            db.execute_unprepared(&format!("DROP INDEX {name}")).await?;
        }
        Ok(())
    }
}
