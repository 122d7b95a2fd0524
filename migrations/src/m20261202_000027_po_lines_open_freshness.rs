//! A factory's scorecard counts its open lines and how many of them it
//! reported on lately: each line's purchase order (whose status and day of
//! placing count too) and the time of its last report. Through the index of
//! open lines by date (migration 21) that took a read of every open line's
//! row, scattered over the table: 6,000 rows for one factory of a large
//! book. This index holds what the count needs of the line itself, so only
//! the purchase orders are looked up, and a factory's lines of one purchase
//! order lie together in it.
//!
//! Like the indexes of migration 21 it is partial, holding only the open
//! lines, and written with the same condition as the queries
//! (`ssr::repo::progress::OPEN_LINE`). It also asks for a factory (every
//! line has one, kept by the database), which a query naming one factory
//! implies: so it serves only such queries, and PostgreSQL does not weigh
//! it for the house's list of every factory's open lines, which the index
//! by date serves in order.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

const NAME: &str = "idx_po_lines_open_freshness";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .get_connection()
            .execute_unprepared(&format!(
                "CREATE INDEX {NAME} ON po_lines \
                 (supplier_company_id, purchase_order_id, last_progress_at) \
                 WHERE supplier_company_id IS NOT NULL \
                 AND NOT cancelled AND milestone NOT IN ('ready_to_ship', 'shipped')"
            ))
            .await
            .map(|_| ())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .get_connection()
            .execute_unprepared(&format!("DROP INDEX {NAME}"))
            .await
            .map(|_| ())
    }
}
