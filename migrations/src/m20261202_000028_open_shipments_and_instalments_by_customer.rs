//! Shipments and instalments keep their order's customer
//! (`customer_company_id`), and what a customer's first page looks for among
//! them is indexed by that customer: shipments yet to depart by ETD,
//! shipments at sea by ETA, instalments owed by day.
//!
//! The indexes of migration 23 held every customer's open shipments and
//! owed instalments, so the page walked all of them (6,000 shipments and
//! 9,400 instalments in a 1 M-line book) asking of each whether its order
//! was the customer's, and sorted what it kept: a read that grew with the
//! whole book. From these, the page reads its first three sailings of each
//! kind and its first ten payments directly, and counts the rest of the
//! customer's owed payments in one range of the index. The indexes of
//! migration 23 served only that page and are dropped.
//!
//! The database keeps the copy, as it keeps a PO line's factory (migration
//! 21): a shipment or instalment takes its order's customer when it is
//! written or moved to another order, and an order given to another
//! customer passes it on.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DatabaseBackend;

#[derive(DeriveMigrationName)]
pub struct Migration;

const TABLES: [&str; 2] = ["shipments", "instalments"];

const TO_DEPART: &str = "idx_shipments_to_depart_by_customer";
const AT_SEA: &str = "idx_shipments_at_sea_by_customer";
const OWED: &str = "idx_instalments_owed_by_customer";

const OLD_SHIPMENTS: &str = "idx_shipments_under_way";
const OLD_INSTALMENTS: &str = "idx_instalments_owed";

const CUSTOMER_OF_ORDER: &str =
    "(SELECT o.customer_company_id FROM orders o WHERE o.id = NEW.order_id)";

fn sqlite_triggers() -> Vec<String> {
    let mut triggers: Vec<String> = TABLES
        .iter()
        .flat_map(|table| {
            let set = format!(
                "UPDATE {table} SET customer_company_id = {CUSTOMER_OF_ORDER} WHERE id = NEW.id"
            );
            [
                format!(
                    "CREATE TRIGGER trg_{table}_customer_insert AFTER INSERT ON {table} \
                     BEGIN {set}; END"
                ),
                format!(
                    "CREATE TRIGGER trg_{table}_customer_update \
                     AFTER UPDATE OF order_id, customer_company_id ON {table} \
                     WHEN NEW.customer_company_id IS NOT {CUSTOMER_OF_ORDER} \
                     BEGIN {set}; END"
                ),
            ]
        })
        .collect();
    triggers.push(format!(
        "CREATE TRIGGER trg_orders_customer AFTER UPDATE OF customer_company_id ON orders \
         BEGIN {}; END",
        pass_to_children()
    ));
    triggers
}

fn postgres_triggers() -> Vec<String> {
    let mut triggers = vec![format!(
        "CREATE FUNCTION customer_of_order() RETURNS trigger LANGUAGE plpgsql AS $$ \
         BEGIN NEW.customer_company_id := {CUSTOMER_OF_ORDER}; RETURN NEW; END $$"
    )];
    triggers.extend(TABLES.iter().map(|table| {
        format!(
            "CREATE TRIGGER trg_{table}_customer \
             BEFORE INSERT OR UPDATE OF order_id, customer_company_id ON {table} \
             FOR EACH ROW EXECUTE FUNCTION customer_of_order()"
        )
    }));
    triggers.push(format!(
        "CREATE FUNCTION orders_customer() RETURNS trigger LANGUAGE plpgsql AS $$ \
         BEGIN {}; RETURN NULL; END $$",
        pass_to_children()
    ));
    triggers.push(
        "CREATE TRIGGER trg_orders_customer AFTER UPDATE OF customer_company_id ON orders \
         FOR EACH ROW WHEN (OLD.customer_company_id IS DISTINCT FROM NEW.customer_company_id) \
         EXECUTE FUNCTION orders_customer()"
            .to_owned(),
    );
    triggers
}

/// The statements an order's new customer runs on its shipments and
/// instalments.
fn pass_to_children() -> String {
    TABLES
        .iter()
        .map(|table| {
            format!(
                "UPDATE {table} SET customer_company_id = NEW.customer_company_id \
                 WHERE order_id = NEW.id"
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn new_indexes() -> Vec<IndexCreateStatement> {
    let col = |name: &str| Alias::new(name);
    vec![
        Index::create()
            .name(TO_DEPART)
            .table(col("shipments"))
            .col(col("customer_company_id"))
            .col(col("etd"))
            .col(col("order_id"))
            .col(col("vessel"))
            .and_where(Expr::col(col("ata")).is_null())
            .and_where(Expr::col(col("atd")).is_null())
            .to_owned(),
        Index::create()
            .name(AT_SEA)
            .table(col("shipments"))
            .col(col("customer_company_id"))
            .col(col("eta"))
            .col(col("order_id"))
            .col(col("vessel"))
            .and_where(Expr::col(col("ata")).is_null())
            .and_where(Expr::col(col("atd")).is_not_null())
            .and_where(Expr::col(col("eta")).is_not_null())
            .to_owned(),
        Index::create()
            .name(OWED)
            .table(col("instalments"))
            .col(col("customer_company_id"))
            .col(col("due_date"))
            .col(col("order_id"))
            .and_where(Expr::col(col("due_date")).is_not_null())
            .and_where(Expr::col(col("paid_minor")).lt(Expr::col(col("amount_minor"))))
            .to_owned(),
    ]
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        for table in TABLES {
            manager
                .alter_table(
                    Table::alter()
                        .table(Alias::new(table))
                        .add_column(
                            ColumnDef::new(Alias::new("customer_company_id"))
                                .integer()
                                .null(),
                        )
                        .to_owned(),
                )
                .await?;
            // What is already written takes its order's customer once.
            db.execute_unprepared(&format!(
                "UPDATE {table} SET customer_company_id = (SELECT o.customer_company_id \
                 FROM orders o WHERE o.id = {table}.order_id)"
            ))
            .await?;
        }
        let triggers = match manager.get_database_backend() {
            DatabaseBackend::Postgres => postgres_triggers(),
            _ => sqlite_triggers(),
        };
        for trigger in triggers {
            db.execute_unprepared(&trigger).await?;
        }
        for index in new_indexes() {
            manager.create_index(index).await?;
        }
        for (name, table) in [
            (OLD_SHIPMENTS, "shipments"),
            (OLD_INSTALMENTS, "instalments"),
        ] {
            manager
                .drop_index(Index::drop().name(name).table(Alias::new(table)).to_owned())
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_index(
                Index::create()
                    .name(OLD_SHIPMENTS)
                    .table(Alias::new("shipments"))
                    .col(Alias::new("order_id"))
                    .and_where(Expr::col(Alias::new("ata")).is_null())
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name(OLD_INSTALMENTS)
                    .table(Alias::new("instalments"))
                    .col(Alias::new("due_date"))
                    .col(Alias::new("order_id"))
                    .and_where(Expr::col(Alias::new("due_date")).is_not_null())
                    .and_where(
                        Expr::col(Alias::new("paid_minor"))
                            .lt(Expr::col(Alias::new("amount_minor"))),
                    )
                    .to_owned(),
            )
            .await?;
        for (name, table) in [
            (TO_DEPART, "shipments"),
            (AT_SEA, "shipments"),
            (OWED, "instalments"),
        ] {
            manager
                .drop_index(Index::drop().name(name).table(Alias::new(table)).to_owned())
                .await?;
        }
        let db = manager.get_connection();
        let drops: Vec<String> = match manager.get_database_backend() {
            DatabaseBackend::Postgres => TABLES
                .iter()
                .map(|table| format!("DROP TRIGGER trg_{table}_customer ON {table}"))
                .chain([
                    "DROP TRIGGER trg_orders_customer ON orders".to_owned(),
                    "DROP FUNCTION customer_of_order()".to_owned(),
                    "DROP FUNCTION orders_customer()".to_owned(),
                ])
                .collect(),
            _ => TABLES
                .iter()
                .flat_map(|table| {
                    [
                        format!("DROP TRIGGER trg_{table}_customer_insert"),
                        format!("DROP TRIGGER trg_{table}_customer_update"),
                    ]
                })
                .chain(["DROP TRIGGER trg_orders_customer".to_owned()])
                .collect(),
        };
        for sql in drops {
            db.execute_unprepared(&sql).await?;
        }
        for table in TABLES {
            manager
                .alter_table(
                    Table::alter()
                        .table(Alias::new(table))
                        .drop_column(Alias::new("customer_company_id"))
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
