//! Two more things kept for the KPI page, so its figures read one index
//! entry per order or per factory line of the period:
//!
//! - Each order keeps its value (`value_minor`, the sum of its lines'
//!   quantity times unit price; NULL without lines, as the sum is). Revenue
//!   per customer summed every line of every order of the period; it now
//!   reads the period's orders from `idx_orders_confirmed_kpi`, which also
//!   holds the quotation an order came from, so the profit read finds its
//!   orders there too. A trigger on `order_lines` sums the order's lines
//!   again after every line is added, removed, moved to another order or
//!   has its quantity or price changed, as migration 20 keeps the badge
//!   summary.
//! - Factory lines ready in the period are indexed with the factory the
//!   line keeps (migration 21), so the scorecard of every factory groups
//!   the lines themselves instead of joining every purchase order.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DatabaseBackend;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The kept value, summed again from the order's lines, for the orders
/// whose id satisfies `which` (with `orders` as the updated table).
fn refresh(which: &str) -> String {
    format!(
        "UPDATE orders SET value_minor = ( \
           SELECT SUM(l.quantity * l.unit_price_minor) FROM order_lines l \
           WHERE l.order_id = orders.id) \
         WHERE {which}"
    )
}

/// What a line write changes that the kept value depends on.
const WATCHED: &str = "order_id, quantity, unit_price_minor";

fn sqlite_triggers() -> Vec<String> {
    vec![
        format!(
            "CREATE TRIGGER trg_order_lines_value_insert AFTER INSERT ON order_lines \
             BEGIN {}; END",
            refresh("id = NEW.order_id")
        ),
        format!(
            "CREATE TRIGGER trg_order_lines_value_delete AFTER DELETE ON order_lines \
             BEGIN {}; END",
            refresh("id = OLD.order_id")
        ),
        format!(
            "CREATE TRIGGER trg_order_lines_value_update AFTER UPDATE OF {WATCHED} \
             ON order_lines BEGIN {}; {}; END",
            refresh("id = NEW.order_id"),
            refresh("id = OLD.order_id AND OLD.order_id <> NEW.order_id")
        ),
    ]
}

fn postgres_triggers() -> Vec<String> {
    vec![
        format!(
            "CREATE FUNCTION order_lines_value() RETURNS trigger LANGUAGE plpgsql AS $$ \
             BEGIN \
               IF TG_OP = 'INSERT' THEN \
                 {new}; \
               ELSIF TG_OP = 'DELETE' THEN \
                 {old}; \
               ELSE \
                 {new}; \
                 IF OLD.order_id <> NEW.order_id THEN {old}; END IF; \
               END IF; \
               RETURN NULL; \
             END $$",
            new = refresh("id = NEW.order_id"),
            old = refresh("id = OLD.order_id"),
        ),
        "CREATE TRIGGER trg_order_lines_value_insert_delete AFTER INSERT OR DELETE \
         ON order_lines FOR EACH ROW EXECUTE FUNCTION order_lines_value()"
            .to_owned(),
        format!(
            "CREATE TRIGGER trg_order_lines_value_update AFTER UPDATE OF {WATCHED} \
             ON order_lines FOR EACH ROW EXECUTE FUNCTION order_lines_value()"
        ),
    ]
}

/// (name, table, columns before, columns after) of each index rebuilt.
const REBUILT: &[(&str, &str, &[&str], &[&str])] = &[
    (
        "idx_orders_confirmed_kpi",
        "orders",
        &["confirmed_on", "status", "customer_company_id", "currency"],
        &[
            "confirmed_on",
            "status",
            "customer_company_id",
            "currency",
            "value_minor",
            "quotation_id",
        ],
    ),
    (
        "idx_po_lines_ready_kpi",
        "po_lines",
        &[
            "ready_on",
            "cancelled",
            "committed_ready_date",
            "purchase_order_id",
        ],
        &[
            "ready_on",
            "cancelled",
            "supplier_company_id",
            "committed_ready_date",
        ],
    ),
];

async fn rebuild(
    manager: &SchemaManager<'_>,
    name: &str,
    table: &str,
    columns: &[&str],
) -> Result<(), DbErr> {
    manager
        .drop_index(Index::drop().name(name).table(Alias::new(table)).to_owned())
        .await?;
    let mut index = Index::create();
    index.name(name).table(Alias::new(table));
    for column in columns {
        index.col(Alias::new(*column));
    }
    manager.create_index(index.to_owned()).await
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Alias::new("orders"))
                    .add_column(
                        ColumnDef::new(Alias::new("value_minor"))
                            .big_integer()
                            .null()
                            .to_owned(),
                    )
                    .to_owned(),
            )
            .await?;
        let db = manager.get_connection();
        // The orders already written, summed once.
        db.execute_unprepared(&refresh(
            "EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = orders.id)",
        ))
        .await?;
        let triggers = match manager.get_database_backend() {
            DatabaseBackend::Postgres => postgres_triggers(),
            _ => sqlite_triggers(),
        };
        for trigger in triggers {
            db.execute_unprepared(&trigger).await?;
        }
        for (name, table, _, after) in REBUILT {
            rebuild(manager, name, table, after).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for (name, table, before, _) in REBUILT {
            rebuild(manager, name, table, before).await?;
        }
        let db = manager.get_connection();
        match manager.get_database_backend() {
            DatabaseBackend::Postgres => {
                db.execute_unprepared(
                    "DROP TRIGGER trg_order_lines_value_insert_delete ON order_lines",
                )
                .await?;
                db.execute_unprepared("DROP TRIGGER trg_order_lines_value_update ON order_lines")
                    .await?;
                db.execute_unprepared("DROP FUNCTION order_lines_value()")
                    .await?;
            }
            _ => {
                for name in ["insert", "delete", "update"] {
                    db.execute_unprepared(&format!("DROP TRIGGER trg_order_lines_value_{name}"))
                        .await?;
                }
            }
        }
        manager
            .alter_table(
                Table::alter()
                    .table(Alias::new("orders"))
                    .drop_column(Alias::new("value_minor"))
                    .to_owned(),
            )
            .await
    }
}
