//! Each order line keeps the day its order shipped (`shipped_on`), so the
//! KPI page's on-time delivery per product reads the period's shipped
//! lines from one index, by that day, instead of finding the period's
//! shipped orders and then the lines of each, one order at a time.
//!
//! The database keeps it, as it keeps a PO line's factory (migration 21): a
//! line takes its order's day when it is written or moved to another order
//! (or when the copy itself is written), and an order that ships, or whose
//! shipping day is corrected or taken back, passes the day to its lines.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DatabaseBackend;

#[derive(DeriveMigrationName)]
pub struct Migration;

const INDEX: &str = "idx_order_lines_shipped_kpi";

const DAY_OF_ORDER: &str = "(SELECT o.shipped_on FROM orders o WHERE o.id = NEW.order_id)";

/// What a line write changes that the copy depends on.
const WATCHED: &str = "order_id, shipped_on";

const PASS_TO_LINES: &str =
    "UPDATE order_lines SET shipped_on = NEW.shipped_on WHERE order_id = NEW.id";

fn sqlite_triggers() -> Vec<String> {
    let set = format!("UPDATE order_lines SET shipped_on = {DAY_OF_ORDER} WHERE id = NEW.id");
    vec![
        format!(
            "CREATE TRIGGER trg_order_lines_shipped_insert AFTER INSERT ON order_lines \
             BEGIN {set}; END"
        ),
        format!(
            "CREATE TRIGGER trg_order_lines_shipped_update AFTER UPDATE OF {WATCHED} \
             ON order_lines BEGIN {set}; END"
        ),
        format!(
            "CREATE TRIGGER trg_orders_shipped AFTER UPDATE OF shipped_on ON orders \
             BEGIN {PASS_TO_LINES}; END"
        ),
    ]
}

fn postgres_triggers() -> Vec<String> {
    vec![
        format!(
            "CREATE FUNCTION order_lines_shipped_on() RETURNS trigger LANGUAGE plpgsql AS $$ \
             BEGIN NEW.shipped_on := {DAY_OF_ORDER}; RETURN NEW; END $$"
        ),
        format!(
            "CREATE TRIGGER trg_order_lines_shipped BEFORE INSERT OR UPDATE OF {WATCHED} \
             ON order_lines FOR EACH ROW EXECUTE FUNCTION order_lines_shipped_on()"
        ),
        format!(
            "CREATE FUNCTION orders_shipped_on() RETURNS trigger LANGUAGE plpgsql AS $$ \
             BEGIN {PASS_TO_LINES}; RETURN NULL; END $$"
        ),
        "CREATE TRIGGER trg_orders_shipped AFTER UPDATE OF shipped_on ON orders \
         FOR EACH ROW WHEN (OLD.shipped_on IS DISTINCT FROM NEW.shipped_on) \
         EXECUTE FUNCTION orders_shipped_on()"
            .to_owned(),
    ]
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Alias::new("order_lines"))
                    .add_column(ColumnDef::new(Alias::new("shipped_on")).date().null())
                    .to_owned(),
            )
            .await?;
        let db = manager.get_connection();
        // The lines of orders already shipped take their day once.
        db.execute_unprepared(
            "UPDATE order_lines SET shipped_on = (SELECT o.shipped_on FROM orders o \
             WHERE o.id = order_lines.order_id) \
             WHERE order_id IN (SELECT id FROM orders WHERE shipped_on IS NOT NULL)",
        )
        .await?;
        let triggers = match manager.get_database_backend() {
            DatabaseBackend::Postgres => postgres_triggers(),
            _ => sqlite_triggers(),
        };
        for trigger in triggers {
            db.execute_unprepared(&trigger).await?;
        }
        manager
            .create_index(
                Index::create()
                    .name(INDEX)
                    .table(Alias::new("order_lines"))
                    .col(Alias::new("shipped_on"))
                    .col(Alias::new("product_code"))
                    .col(Alias::new("committed_date"))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name(INDEX)
                    .table(Alias::new("order_lines"))
                    .to_owned(),
            )
            .await?;
        let db = manager.get_connection();
        let drops: &[&str] = match manager.get_database_backend() {
            DatabaseBackend::Postgres => &[
                "DROP TRIGGER trg_order_lines_shipped ON order_lines",
                "DROP TRIGGER trg_orders_shipped ON orders",
                "DROP FUNCTION order_lines_shipped_on()",
                "DROP FUNCTION orders_shipped_on()",
            ],
            _ => &[
                "DROP TRIGGER trg_order_lines_shipped_insert",
                "DROP TRIGGER trg_order_lines_shipped_update",
                "DROP TRIGGER trg_orders_shipped",
            ],
        };
        for sql in drops {
            db.execute_unprepared(sql).await?;
        }
        manager
            .alter_table(
                Table::alter()
                    .table(Alias::new("order_lines"))
                    .drop_column(Alias::new("shipped_on"))
                    .to_owned(),
            )
            .await
    }
}
