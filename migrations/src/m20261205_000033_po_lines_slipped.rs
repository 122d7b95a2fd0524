//! A factory's list shows its late lines first: those past their commitment,
//! then those still before it but expected after it (slipped), each by
//! committed ready date, then the rest (`domain::progress::Band`). The
//! indexes of open lines (migration 21) hold the first and the last in that
//! order. The slipped lines lie anywhere among them, so finding them took a
//! read of every open line of the factory.
//!
//! These indexes hold only the open lines expected after their commitment,
//! a few in a large book: one factory's by date, and every factory's (the
//! house's list). Like those of migration 21 they are partial and written
//! with the queries' own conditions (`ssr::repo::progress::OPEN_LINE` and
//! `SLIPPED_LINE`); a test holds them together by the plans.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Which lines are open and expected after their commitment, as the
/// queries write it.
const SLIPPED: &str = "NOT cancelled AND milestone NOT IN ('ready_to_ship', 'shipped') \
     AND forecast_ready_date > committed_ready_date";

/// (name, columns), as the indexes of open lines.
const INDEXES: &[(&str, &str)] = &[
    (
        "idx_po_lines_slipped_by_supplier",
        "supplier_company_id, committed_ready_date, id",
    ),
    ("idx_po_lines_slipped_by_date", "committed_ready_date, id"),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        for (name, columns) in INDEXES {
            db.execute_unprepared(&format!(
                "CREATE INDEX {name} ON po_lines ({columns}) WHERE {SLIPPED}"
            ))
            .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        for (name, _) in INDEXES {
            db.execute_unprepared(&format!("DROP INDEX {name}")).await?;
        }
        Ok(())
    }
}
