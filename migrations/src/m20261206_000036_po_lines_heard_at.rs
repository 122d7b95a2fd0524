//! A factory's scorecard counts its open lines and how many of them it was
//! heard of on lately: its last report on the line, or, never reported on,
//! the day the purchase order was placed. That took a look-up of each open
//! line's purchase order (6,216 for the benchmark's factory at 1 M lines),
//! so the count cost more the more the factory had in work.
//!
//! Each PO line keeps that moment (`heard_at`), and a partial index holds
//! the open lines by factory and `heard_at`, so both counts are ranges of
//! one index and no purchase order is looked up. The database keeps it: a
//! line takes it when written, reported on or moved to another purchase
//! order, and a purchase order whose day of placing is corrected passes it
//! on to its lines.
//!
//! Like the indexes of migrations 21 and 27 the index is partial, with the
//! condition the queries write (`ssr::repo::progress::OPEN_LINE`), and asks
//! for a factory (every line has one, kept by the database).

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DatabaseBackend;

#[derive(DeriveMigrationName)]
pub struct Migration;

const INDEX: &str = "idx_po_lines_open_heard";

/// The moment the factory was last heard of on the line `NEW`.
const HEARD_OF_NEW: &str = "COALESCE(NEW.last_progress_at, \
     (SELECT p.created_at FROM purchase_orders p WHERE p.id = NEW.purchase_order_id))";

/// What a line's `heard_at` is worked out from.
const WATCHED: &str = "last_progress_at, purchase_order_id";

fn sqlite_triggers() -> Vec<String> {
    let set = format!("UPDATE po_lines SET heard_at = {HEARD_OF_NEW} WHERE id = NEW.id");
    vec![
        format!(
            "CREATE TRIGGER trg_po_lines_heard_insert AFTER INSERT ON po_lines BEGIN {set}; END"
        ),
        format!(
            "CREATE TRIGGER trg_po_lines_heard_update AFTER UPDATE OF {WATCHED} ON po_lines \
             BEGIN {set}; END"
        ),
        "CREATE TRIGGER trg_purchase_orders_heard AFTER UPDATE OF created_at \
         ON purchase_orders BEGIN \
           UPDATE po_lines SET heard_at = COALESCE(last_progress_at, NEW.created_at) \
           WHERE purchase_order_id = NEW.id; \
         END"
        .to_owned(),
    ]
}

fn postgres_triggers() -> Vec<String> {
    vec![
        format!(
            "CREATE FUNCTION po_lines_heard() RETURNS trigger LANGUAGE plpgsql AS $$ \
             BEGIN NEW.heard_at := {HEARD_OF_NEW}; RETURN NEW; END $$"
        ),
        format!(
            "CREATE TRIGGER trg_po_lines_heard BEFORE INSERT OR UPDATE OF {WATCHED} \
             ON po_lines FOR EACH ROW EXECUTE FUNCTION po_lines_heard()"
        ),
        "CREATE FUNCTION purchase_orders_heard() RETURNS trigger LANGUAGE plpgsql AS $$ \
         BEGIN \
           UPDATE po_lines SET heard_at = COALESCE(last_progress_at, NEW.created_at) \
           WHERE purchase_order_id = NEW.id; \
           RETURN NULL; \
         END $$"
            .to_owned(),
        "CREATE TRIGGER trg_purchase_orders_heard AFTER UPDATE OF created_at \
         ON purchase_orders FOR EACH ROW EXECUTE FUNCTION purchase_orders_heard()"
            .to_owned(),
    ]
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Alias::new("po_lines"))
                    .add_column(
                        ColumnDef::new(Alias::new("heard_at"))
                            .timestamp_with_time_zone()
                            .null(),
                    )
                    .to_owned(),
            )
            .await?;
        let db = manager.get_connection();
        // The lines already written, once.
        db.execute_unprepared(
            "UPDATE po_lines SET heard_at = COALESCE(last_progress_at, \
             (SELECT p.created_at FROM purchase_orders p WHERE p.id = po_lines.purchase_order_id))",
        )
        .await?;
        let triggers = match manager.get_database_backend() {
            DatabaseBackend::Postgres => postgres_triggers(),
            _ => sqlite_triggers(),
        };
        for trigger in triggers {
            db.execute_unprepared(&trigger).await?;
        }
        db.execute_unprepared(&format!(
            "CREATE INDEX {INDEX} ON po_lines (supplier_company_id, heard_at) \
             WHERE supplier_company_id IS NOT NULL \
             AND NOT cancelled AND milestone NOT IN ('ready_to_ship', 'shipped')"
        ))
        .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        db.execute_unprepared(&format!("DROP INDEX {INDEX}"))
            .await?;
        match manager.get_database_backend() {
            DatabaseBackend::Postgres => {
                db.execute_unprepared("DROP TRIGGER trg_po_lines_heard ON po_lines")
                    .await?;
                db.execute_unprepared("DROP TRIGGER trg_purchase_orders_heard ON purchase_orders")
                    .await?;
                db.execute_unprepared("DROP FUNCTION po_lines_heard()")
                    .await?;
                db.execute_unprepared("DROP FUNCTION purchase_orders_heard()")
                    .await?;
            }
            _ => {
                for name in [
                    "trg_po_lines_heard_insert",
                    "trg_po_lines_heard_update",
                    "trg_purchase_orders_heard",
                ] {
                    db.execute_unprepared(&format!("DROP TRIGGER {name}"))
                        .await?;
                }
            }
        }
        manager
            .alter_table(
                Table::alter()
                    .table(Alias::new("po_lines"))
                    .drop_column(Alias::new("heard_at"))
                    .to_owned(),
            )
            .await?;
        Ok(())
    }
}
