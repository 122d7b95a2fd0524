//! A factory's open lines (not cancelled, not ready or shipped), in the
//! order its list shows them: by committed ready date. Its list shows the
//! earliest 50; without these it read every line the factory ever made to
//! find the few still in work.
//!
//! Each PO line keeps its purchase order's factory (`supplier_company_id`),
//! so one index can hold a factory's open lines in date order. The database
//! keeps it, as it keeps an order's line summary (migration 20): a line
//! takes its purchase order's factory when it is written or moved to
//! another purchase order, and a purchase order moved to another factory
//! takes its lines along.
//!
//! The indexes are partial: they hold only the open lines, a tenth of a
//! large book. A query uses one only when its own conditions contain the
//! index's condition as written here, with the values in the text rather
//! than bound (`ssr::repo::progress::OPEN_LINE`; a test holds the two
//! together by the plans).

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DatabaseBackend;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Which lines are open, as the queries write it.
const OPEN: &str = "NOT cancelled AND milestone NOT IN ('ready_to_ship', 'shipped')";

/// (name, columns): one factory's open lines by date, and every factory's
/// (the house's list).
const INDEXES: &[(&str, &str)] = &[
    (
        "idx_po_lines_open_by_supplier",
        "supplier_company_id, committed_ready_date, id",
    ),
    ("idx_po_lines_open_by_date", "committed_ready_date, id"),
];

const FACTORY_OF_LINE: &str =
    "(SELECT p.supplier_company_id FROM purchase_orders p WHERE p.id = NEW.purchase_order_id)";

fn sqlite_triggers() -> Vec<String> {
    let set =
        format!("UPDATE po_lines SET supplier_company_id = {FACTORY_OF_LINE} WHERE id = NEW.id");
    vec![
        format!(
            "CREATE TRIGGER trg_po_lines_supplier_insert AFTER INSERT ON po_lines BEGIN {set}; END"
        ),
        format!(
            "CREATE TRIGGER trg_po_lines_supplier_move AFTER UPDATE OF purchase_order_id \
             ON po_lines BEGIN {set}; END"
        ),
        "CREATE TRIGGER trg_purchase_orders_supplier AFTER UPDATE OF supplier_company_id \
         ON purchase_orders BEGIN \
           UPDATE po_lines SET supplier_company_id = NEW.supplier_company_id \
           WHERE purchase_order_id = NEW.id; \
         END"
        .to_owned(),
    ]
}

fn postgres_triggers() -> Vec<String> {
    vec![
        format!(
            "CREATE FUNCTION po_lines_supplier() RETURNS trigger LANGUAGE plpgsql AS $$ \
             BEGIN NEW.supplier_company_id := {FACTORY_OF_LINE}; RETURN NEW; END $$"
        ),
        "CREATE TRIGGER trg_po_lines_supplier BEFORE INSERT OR UPDATE OF purchase_order_id \
         ON po_lines FOR EACH ROW EXECUTE FUNCTION po_lines_supplier()"
            .to_owned(),
        "CREATE FUNCTION purchase_orders_supplier() RETURNS trigger LANGUAGE plpgsql AS $$ \
         BEGIN \
           UPDATE po_lines SET supplier_company_id = NEW.supplier_company_id \
           WHERE purchase_order_id = NEW.id; \
           RETURN NULL; \
         END $$"
            .to_owned(),
        "CREATE TRIGGER trg_purchase_orders_supplier AFTER UPDATE OF supplier_company_id \
         ON purchase_orders FOR EACH ROW EXECUTE FUNCTION purchase_orders_supplier()"
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
                        ColumnDef::new(Alias::new("supplier_company_id"))
                            .integer()
                            .null(),
                    )
                    .to_owned(),
            )
            .await?;
        let db = manager.get_connection();
        db.execute_unprepared(
            "UPDATE po_lines SET supplier_company_id = (SELECT p.supplier_company_id \
             FROM purchase_orders p WHERE p.id = po_lines.purchase_order_id)",
        )
        .await?;
        let triggers = match manager.get_database_backend() {
            DatabaseBackend::Postgres => postgres_triggers(),
            _ => sqlite_triggers(),
        };
        for trigger in triggers {
            db.execute_unprepared(&trigger).await?;
        }
        for (name, columns) in INDEXES {
            db.execute_unprepared(&format!(
                "CREATE INDEX {name} ON po_lines ({columns}) WHERE {OPEN}"
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
        match manager.get_database_backend() {
            DatabaseBackend::Postgres => {
                for sql in [
                    "DROP TRIGGER trg_po_lines_supplier ON po_lines",
                    "DROP TRIGGER trg_purchase_orders_supplier ON purchase_orders",
                    "DROP FUNCTION po_lines_supplier()",
                    "DROP FUNCTION purchase_orders_supplier()",
                ] {
                    db.execute_unprepared(sql).await?;
                }
            }
            _ => {
                for name in [
                    "trg_po_lines_supplier_insert",
                    "trg_po_lines_supplier_move",
                    "trg_purchase_orders_supplier",
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
                    .drop_column(Alias::new("supplier_company_id"))
                    .to_owned(),
            )
            .await
    }
}
