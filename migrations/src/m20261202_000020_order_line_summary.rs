//! What an order's lines say about its badge, kept on the order: how many
//! lines it has, how many lack a committed date, the earliest committed
//! date and the largest forecast-minus-commitment in days. The customer's
//! first page counts every open order of the customer by its badge; with
//! these kept it reads one index entry per order instead of every line.
//!
//! The database keeps them: a trigger on `order_lines` sums the order's
//! lines again after every line is added, removed, or has its order,
//! committed date or forecast moved, so no write (the portal's, an import,
//! a hand-made fix) can leave them behind. An order has a few dozen lines at
//! most, so summing them again costs less than keeping running figures that
//! a minimum and maximum cannot be taken back out of.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DatabaseBackend;

#[derive(DeriveMigrationName)]
pub struct Migration;

const INDEX: &str = "idx_orders_customer_summary";
const REPLACED_INDEX: &str = "idx_orders_customer_status";

/// The four kept columns, recomputed from the order's lines, for the orders
/// whose id satisfies `which` (with `orders` as the updated table).
fn refresh(slip: &str, which: &str) -> String {
    format!(
        "UPDATE orders SET (line_count, unconfirmed_lines, earliest_committed, most_slip) = ( \
           SELECT COUNT(*), \
                  COALESCE(SUM(CASE WHEN l.committed_date IS NULL THEN 1 ELSE 0 END), 0), \
                  MIN(l.committed_date), \
                  MAX({slip}) \
           FROM order_lines l WHERE l.order_id = orders.id) \
         WHERE {which}"
    )
}

const SQLITE_SLIP: &str =
    "CAST(julianday(l.forecast_date) - julianday(l.committed_date) AS INTEGER)";
const POSTGRES_SLIP: &str = "(l.forecast_date - l.committed_date)";

/// What a line write changes that the kept columns depend on.
const WATCHED: &str = "order_id, committed_date, forecast_date";

fn sqlite_triggers() -> Vec<String> {
    let refresh_new = refresh(SQLITE_SLIP, "id = NEW.order_id");
    let refresh_old = refresh(SQLITE_SLIP, "id = OLD.order_id");
    vec![
        format!(
            "CREATE TRIGGER trg_order_lines_summary_insert AFTER INSERT ON order_lines \
             BEGIN {refresh_new}; END"
        ),
        format!(
            "CREATE TRIGGER trg_order_lines_summary_delete AFTER DELETE ON order_lines \
             BEGIN {refresh_old}; END"
        ),
        format!(
            "CREATE TRIGGER trg_order_lines_summary_update AFTER UPDATE OF {WATCHED} \
             ON order_lines BEGIN {refresh_new}; {}; END",
            refresh(
                SQLITE_SLIP,
                "id = OLD.order_id AND OLD.order_id <> NEW.order_id"
            )
        ),
    ]
}

fn postgres_triggers() -> Vec<String> {
    let refresh_new = refresh(POSTGRES_SLIP, "id = NEW.order_id");
    let refresh_old = refresh(POSTGRES_SLIP, "id = OLD.order_id");
    vec![
        format!(
            "CREATE FUNCTION order_lines_summary() RETURNS trigger LANGUAGE plpgsql AS $$ \
             BEGIN \
               IF TG_OP = 'INSERT' THEN \
                 {refresh_new}; \
               ELSIF TG_OP = 'DELETE' THEN \
                 {refresh_old}; \
               ELSE \
                 {refresh_new}; \
                 IF OLD.order_id <> NEW.order_id THEN {refresh_old}; END IF; \
               END IF; \
               RETURN NULL; \
             END $$"
        ),
        "CREATE TRIGGER trg_order_lines_summary_insert_delete AFTER INSERT OR DELETE \
         ON order_lines FOR EACH ROW EXECUTE FUNCTION order_lines_summary()"
            .to_owned(),
        format!(
            "CREATE TRIGGER trg_order_lines_summary_update AFTER UPDATE OF {WATCHED} \
             ON order_lines FOR EACH ROW EXECUTE FUNCTION order_lines_summary()"
        ),
    ]
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite adds one at a time.
        for column in [
            ColumnDef::new(Alias::new("line_count"))
                .integer()
                .not_null()
                .default(0)
                .to_owned(),
            ColumnDef::new(Alias::new("unconfirmed_lines"))
                .integer()
                .not_null()
                .default(0)
                .to_owned(),
            ColumnDef::new(Alias::new("earliest_committed"))
                .date()
                .null()
                .to_owned(),
            ColumnDef::new(Alias::new("most_slip"))
                .integer()
                .null()
                .to_owned(),
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Alias::new("orders"))
                        .add_column(column)
                        .to_owned(),
                )
                .await?;
        }
        let backend = manager.get_database_backend();
        let db = manager.get_connection();
        let (slip, triggers) = match backend {
            DatabaseBackend::Postgres => (POSTGRES_SLIP, postgres_triggers()),
            _ => (SQLITE_SLIP, sqlite_triggers()),
        };
        // The orders already written, summed once.
        db.execute_unprepared(&refresh(
            slip,
            "EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = orders.id)",
        ))
        .await?;
        for trigger in triggers {
            db.execute_unprepared(&trigger).await?;
        }
        // The customer's orders by status with what their badges need, so
        // the first page reads the index alone. It begins as the index it
        // replaces did.
        manager
            .drop_index(
                Index::drop()
                    .name(REPLACED_INDEX)
                    .table(Alias::new("orders"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name(INDEX)
                    .table(Alias::new("orders"))
                    .col(Alias::new("customer_company_id"))
                    .col(Alias::new("status"))
                    .col(Alias::new("id"))
                    .col(Alias::new("line_count"))
                    .col(Alias::new("unconfirmed_lines"))
                    .col(Alias::new("earliest_committed"))
                    .col(Alias::new("most_slip"))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        match manager.get_database_backend() {
            DatabaseBackend::Postgres => {
                db.execute_unprepared(
                    "DROP TRIGGER trg_order_lines_summary_insert_delete ON order_lines",
                )
                .await?;
                db.execute_unprepared("DROP TRIGGER trg_order_lines_summary_update ON order_lines")
                    .await?;
                db.execute_unprepared("DROP FUNCTION order_lines_summary()")
                    .await?;
            }
            _ => {
                for name in ["insert", "delete", "update"] {
                    db.execute_unprepared(&format!("DROP TRIGGER trg_order_lines_summary_{name}"))
                        .await?;
                }
            }
        }
        manager
            .drop_index(
                Index::drop()
                    .name(INDEX)
                    .table(Alias::new("orders"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name(REPLACED_INDEX)
                    .table(Alias::new("orders"))
                    .col(Alias::new("customer_company_id"))
                    .col(Alias::new("status"))
                    .col(Alias::new("id"))
                    .to_owned(),
            )
            .await?;
        for column in [
            "line_count",
            "unconfirmed_lines",
            "earliest_committed",
            "most_slip",
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Alias::new("orders"))
                        .drop_column(Alias::new(column))
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
