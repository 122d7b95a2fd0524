//! A customer's first page counts its open orders by what their badges
//! depend on. It read one index entry per open order of the customer (at
//! 1 M lines, 5,962 in work and 33,635 delivered for the benchmark's
//! customer), so the page cost more the longer a customer traded.
//!
//! `order_tallies` keeps those counts: per customer and status, how many
//! orders stand alike. An order in work stands by whether it has lines and
//! a line without a commitment, its earliest committed date and its slip up
//! to the late mark (`LATE_SLIP_DAYS`, 2); a delivered one (shipped or
//! arrived) by its lines alone, its date and slip kept as the sentinel day
//! and 0; a settled or cancelled one is not counted. `committed_by` holds
//! 9999-12-31 when no line is committed: never overdue. The page reads a
//! few hundred rows at most, whatever the customer's history, since
//! migration 38 removes the tallies orders leave empty.
//!
//! The database keeps them: a trigger on `orders` moves an order from one
//! tally to the other when its customer, status or kept summary changes
//! (the summary is itself kept by the trigger on `order_lines`, migration
//! 20), so no write can leave them behind. On PostgreSQL the trigger takes
//! its two rows in key order, so two orders swapping tallies at once wait
//! for each other instead of deadlocking.
//!
//! The partial index of delivered orders without lines or with a line
//! without a commitment (migration 29) only served the count this replaces
//! and goes.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DatabaseBackend;

#[derive(DeriveMigrationName)]
pub struct Migration;

pub(crate) const TABLE: &str = "order_tallies";
pub(crate) const KEY_INDEX: &str = "idx_order_tallies_key";
const REPLACED_INDEX: &str = "idx_orders_badge_exceptions";

/// The tally's key columns, in key order.
pub(crate) const KEY: &str =
    "customer_company_id, status, has_lines, has_unconfirmed, committed_by, slip";

/// Orders of these statuses are counted; the settled and cancelled are not.
const COUNTED: &str = "status NOT IN ('settled', 'cancelled')";

/// The statuses whose orders count by their lines alone.
const DELIVERED: &str = "('shipped', 'arrived')";

/// The key of the order row `r` (`NEW`, `OLD` or `orders`): one
/// expression per column of [`KEY`].
fn key_parts(r: &str) -> [String; 6] {
    [
        format!("{r}.customer_company_id"),
        format!("{r}.status"),
        format!("CASE WHEN {r}.line_count > 0 THEN 1 ELSE 0 END"),
        format!("CASE WHEN {r}.unconfirmed_lines > 0 THEN 1 ELSE 0 END"),
        format!(
            "CASE WHEN {r}.status IN {DELIVERED} OR {r}.earliest_committed IS NULL \
             THEN '9999-12-31' ELSE {r}.earliest_committed END"
        ),
        format!(
            "CASE WHEN {r}.status IN {DELIVERED} THEN 0 \
             WHEN {r}.most_slip >= 2 THEN 2 \
             WHEN {r}.most_slip > 0 THEN {r}.most_slip ELSE 0 END"
        ),
    ]
}

/// The key of the order row `r`, as a list of expressions.
pub(crate) fn key_of(r: &str) -> String {
    key_parts(r).join(", ")
}

/// Counts the order row `r` in its tally.
fn add(r: &str) -> String {
    format!(
        "INSERT INTO {TABLE} ({KEY}, order_count) SELECT {key}, 1 WHERE {r}.{COUNTED} \
         ON CONFLICT ({KEY}) DO UPDATE SET order_count = {TABLE}.order_count + 1",
        key = key_of(r)
    )
}

/// Takes the order row `r` out of its tally.
pub(crate) fn take(r: &str) -> String {
    format!(
        "UPDATE {TABLE} SET order_count = order_count - 1 \
         WHERE ({KEY}) = ({key}) AND {r}.{COUNTED}",
        key = key_of(r)
    )
}

/// What the key is worked out from.
const WATCHED: &str =
    "customer_company_id, status, line_count, unconfirmed_lines, earliest_committed, most_slip";

fn sqlite_triggers() -> Vec<String> {
    sqlite_triggers_taking(take)
}

/// The triggers on SQLite, taking an order out of its tally with `take`.
pub(crate) fn sqlite_triggers_taking(take: fn(&str) -> String) -> Vec<String> {
    vec![
        format!(
            "CREATE TRIGGER trg_orders_tally_insert AFTER INSERT ON orders \
             BEGIN {}; END",
            add("NEW")
        ),
        format!(
            "CREATE TRIGGER trg_orders_tally_delete AFTER DELETE ON orders \
             BEGIN {}; END",
            take("OLD")
        ),
        format!(
            "CREATE TRIGGER trg_orders_tally_update AFTER UPDATE OF {WATCHED} ON orders \
             WHEN ({old}) <> ({new}) BEGIN {}; {}; END",
            take("OLD"),
            add("NEW"),
            old = key_of("OLD"),
            new = key_of("NEW"),
        ),
    ]
}

fn postgres_triggers() -> Vec<String> {
    let mut triggers = vec![postgres_function("CREATE", take)];
    triggers.extend(postgres_trigger_definitions());
    triggers
}

/// The function of the triggers on PostgreSQL (`verb` is `CREATE` or
/// `CREATE OR REPLACE`), taking an order out of its tally with `take`.
pub(crate) fn postgres_function(verb: &str, take: fn(&str) -> String) -> String {
    let (old, new) = (key_of("OLD"), key_of("NEW"));
    format!(
        "{verb} FUNCTION order_tallies() RETURNS trigger LANGUAGE plpgsql AS $$ \
             BEGIN \
               IF TG_OP = 'INSERT' THEN \
                 {add_new}; \
               ELSIF TG_OP = 'DELETE' THEN \
                 {take_old}; \
               ELSIF ROW({old}) < ROW({new}) THEN \
                 {take_old}; {add_new}; \
               ELSIF ROW({old}) > ROW({new}) THEN \
                 {add_new}; {take_old}; \
               END IF; \
               RETURN NULL; \
             END $$",
        add_new = add("NEW"),
        take_old = take("OLD"),
    )
}

/// The triggers on PostgreSQL, calling [`postgres_function`].
fn postgres_trigger_definitions() -> [String; 2] {
    [
        "CREATE TRIGGER trg_orders_tally_insert_delete AFTER INSERT OR DELETE ON orders \
         FOR EACH ROW EXECUTE FUNCTION order_tallies()"
            .to_owned(),
        format!(
            "CREATE TRIGGER trg_orders_tally_update AFTER UPDATE OF {WATCHED} ON orders \
             FOR EACH ROW EXECUTE FUNCTION order_tallies()"
        ),
    ]
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let col = |name: &str| Alias::new(name);
        manager
            .create_table(
                Table::create()
                    .table(col(TABLE))
                    .col(
                        ColumnDef::new(col("customer_company_id"))
                            .integer()
                            .not_null(),
                    )
                    .col(ColumnDef::new(col("status")).string().not_null())
                    .col(ColumnDef::new(col("has_lines")).integer().not_null())
                    .col(ColumnDef::new(col("has_unconfirmed")).integer().not_null())
                    .col(ColumnDef::new(col("committed_by")).date().not_null())
                    .col(ColumnDef::new(col("slip")).integer().not_null())
                    .col(ColumnDef::new(col("order_count")).integer().not_null())
                    .to_owned(),
            )
            .await?;
        let db = manager.get_connection();
        db.execute_unprepared(&format!(
            "CREATE UNIQUE INDEX {KEY_INDEX} ON {TABLE} ({KEY})"
        ))
        .await?;
        // The orders already written, counted once.
        db.execute_unprepared(&format!(
            "INSERT INTO {TABLE} ({KEY}, order_count) \
             SELECT {KEY}, COUNT(*) FROM ( \
               SELECT {key} FROM orders WHERE {COUNTED}) t \
             GROUP BY {KEY}",
            key = KEY
                .split(", ")
                .zip(key_parts("orders"))
                .map(|(name, part)| format!("{part} AS {name}"))
                .collect::<Vec<_>>()
                .join(", "),
        ))
        .await?;
        let triggers = match manager.get_database_backend() {
            DatabaseBackend::Postgres => postgres_triggers(),
            _ => sqlite_triggers(),
        };
        for trigger in triggers {
            db.execute_unprepared(&trigger).await?;
        }
        db.execute_unprepared(&format!("DROP INDEX {REPLACED_INDEX}"))
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        match manager.get_database_backend() {
            DatabaseBackend::Postgres => {
                for trigger in ["insert_delete", "update"] {
                    db.execute_unprepared(&format!(
                        "DROP TRIGGER trg_orders_tally_{trigger} ON orders"
                    ))
                    .await?;
                }
                db.execute_unprepared("DROP FUNCTION order_tallies()")
                    .await?;
            }
            _ => {
                for trigger in ["insert", "delete", "update"] {
                    db.execute_unprepared(&format!("DROP TRIGGER trg_orders_tally_{trigger}"))
                        .await?;
                }
            }
        }
        manager
            .drop_table(Table::drop().table(Alias::new(TABLE)).to_owned())
            .await?;
        db.execute_unprepared(&format!(
            "CREATE INDEX {REPLACED_INDEX} ON orders \
             (customer_company_id, status, line_count, unconfirmed_lines) \
             WHERE line_count = 0 OR unconfirmed_lines > 0"
        ))
        .await?;
        Ok(())
    }
}
