//! A factory's scorecard (and the KPI page, for every factory) counts the
//! lines made ready in the period, how many later than committed and by
//! how many days in all. It read every such line (8,174 for the
//! benchmark's factory in 90 days at 1 M lines), so the count cost more the
//! more a factory made.
//!
//! `ready_tallies` keeps those sums per factory and day made ready: lines,
//! lines late, days late. A period is a range of at most one row per
//! factory and day. The lines counted are those made ready, not cancelled,
//! with a factory (every line has one, kept by the database, migration 21).
//!
//! The database keeps them: a trigger on `po_lines` takes a line out of its
//! day's tally and into its new one when its day made ready, its
//! commitment, its cancellation or its factory changes (which a purchase
//! order given to another factory does to its lines). On PostgreSQL the
//! trigger takes its two rows in key order, so two lines moving between
//! the same two days at once wait for each other instead of deadlocking.
//!
//! The indexes of the lines by day made ready, every factory's (migration
//! 10, as migration 24 left it) and one factory's (migration 22), served
//! only those sums and go.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DatabaseBackend;

#[derive(DeriveMigrationName)]
pub struct Migration;

const TABLE: &str = "ready_tallies";
const KEY_INDEX: &str = "idx_ready_tallies_key";

/// (name, columns) of the indexes of `po_lines` this replaces.
const REPLACED: &[(&str, &str)] = &[
    (
        "idx_po_lines_ready_kpi",
        "ready_on, cancelled, supplier_company_id, committed_ready_date",
    ),
    (
        "idx_po_lines_ready_by_supplier",
        "supplier_company_id, ready_on, cancelled, committed_ready_date",
    ),
];

/// Whether the line row `r` is counted.
fn counted(r: &str) -> String {
    format!(
        "{r}.ready_on IS NOT NULL AND NOT {r}.cancelled AND {r}.supplier_company_id IS NOT NULL"
    )
}

/// How many days after its commitment the line row `r` was made ready.
fn days_late(backend: DatabaseBackend, r: &str) -> String {
    let days = match backend {
        DatabaseBackend::Postgres => format!("({r}.ready_on - {r}.committed_ready_date)"),
        _ => format!(
            "CAST(julianday({r}.ready_on) - julianday({r}.committed_ready_date) AS INTEGER)"
        ),
    };
    format!("CASE WHEN {r}.ready_on > {r}.committed_ready_date THEN {days} ELSE 0 END")
}

fn late(r: &str) -> String {
    format!("CASE WHEN {r}.ready_on > {r}.committed_ready_date THEN 1 ELSE 0 END")
}

/// Counts the line row `r` in its day's tally.
fn add(backend: DatabaseBackend, r: &str) -> String {
    format!(
        "INSERT INTO {TABLE} (supplier_company_id, ready_on, lines, late, days_late) \
         SELECT {r}.supplier_company_id, {r}.ready_on, 1, {late}, {days} WHERE {counted} \
         ON CONFLICT (supplier_company_id, ready_on) DO UPDATE SET \
           lines = {TABLE}.lines + 1, \
           late = {TABLE}.late + excluded.late, \
           days_late = {TABLE}.days_late + excluded.days_late",
        late = late(r),
        days = days_late(backend, r),
        counted = counted(r),
    )
}

/// Takes the line row `r` out of its day's tally.
fn take(backend: DatabaseBackend, r: &str) -> String {
    format!(
        "UPDATE {TABLE} SET lines = lines - 1, late = late - {late}, \
           days_late = days_late - {days} \
         WHERE supplier_company_id = {r}.supplier_company_id AND ready_on = {r}.ready_on \
         AND {counted}",
        late = late(r),
        days = days_late(backend, r),
        counted = counted(r),
    )
}

/// What a line's tally is worked out from. Its purchase order too: on
/// PostgreSQL a line moved to another purchase order takes that one's
/// factory in a trigger run before the write (migration 21), and a
/// trigger watching columns fires only for the columns the write names.
const WATCHED: &str =
    "ready_on, committed_ready_date, cancelled, supplier_company_id, purchase_order_id";

fn sqlite_triggers() -> Vec<String> {
    let backend = DatabaseBackend::Sqlite;
    vec![
        format!(
            "CREATE TRIGGER trg_po_lines_ready_insert AFTER INSERT ON po_lines BEGIN {}; END",
            add(backend, "NEW")
        ),
        format!(
            "CREATE TRIGGER trg_po_lines_ready_delete AFTER DELETE ON po_lines BEGIN {}; END",
            take(backend, "OLD")
        ),
        format!(
            "CREATE TRIGGER trg_po_lines_ready_update AFTER UPDATE OF {WATCHED} ON po_lines \
             BEGIN {}; {}; END",
            take(backend, "OLD"),
            add(backend, "NEW")
        ),
    ]
}

fn postgres_triggers() -> Vec<String> {
    let backend = DatabaseBackend::Postgres;
    let key = |r: &str| format!("ROW({r}.supplier_company_id, {r}.ready_on)");
    vec![
        format!(
            "CREATE FUNCTION ready_tallies() RETURNS trigger LANGUAGE plpgsql AS $$ \
             BEGIN \
               IF TG_OP = 'INSERT' THEN \
                 {add_new}; \
               ELSIF TG_OP = 'DELETE' THEN \
                 {take_old}; \
               ELSIF {old} > {new} THEN \
                 {add_new}; {take_old}; \
               ELSE \
                 {take_old}; {add_new}; \
               END IF; \
               RETURN NULL; \
             END $$",
            add_new = add(backend, "NEW"),
            take_old = take(backend, "OLD"),
            old = key("OLD"),
            new = key("NEW"),
        ),
        "CREATE TRIGGER trg_po_lines_ready_insert_delete AFTER INSERT OR DELETE ON po_lines \
         FOR EACH ROW EXECUTE FUNCTION ready_tallies()"
            .to_owned(),
        format!(
            "CREATE TRIGGER trg_po_lines_ready_update AFTER UPDATE OF {WATCHED} ON po_lines \
             FOR EACH ROW EXECUTE FUNCTION ready_tallies()"
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
                        ColumnDef::new(col("supplier_company_id"))
                            .integer()
                            .not_null(),
                    )
                    .col(ColumnDef::new(col("ready_on")).date().not_null())
                    .col(ColumnDef::new(col("lines")).integer().not_null())
                    .col(ColumnDef::new(col("late")).integer().not_null())
                    .col(ColumnDef::new(col("days_late")).integer().not_null())
                    .to_owned(),
            )
            .await?;
        let backend = manager.get_database_backend();
        let db = manager.get_connection();
        db.execute_unprepared(&format!(
            "CREATE UNIQUE INDEX {KEY_INDEX} ON {TABLE} (supplier_company_id, ready_on)"
        ))
        .await?;
        // The lines already made ready, counted once.
        db.execute_unprepared(&format!(
            "INSERT INTO {TABLE} (supplier_company_id, ready_on, lines, late, days_late) \
             SELECT l.supplier_company_id, l.ready_on, COUNT(*), SUM({late}), SUM({days}) \
             FROM po_lines l WHERE {counted} \
             GROUP BY l.supplier_company_id, l.ready_on",
            late = late("l"),
            days = days_late(backend, "l"),
            counted = counted("l"),
        ))
        .await?;
        let triggers = match backend {
            DatabaseBackend::Postgres => postgres_triggers(),
            _ => sqlite_triggers(),
        };
        for trigger in triggers {
            db.execute_unprepared(&trigger).await?;
        }
        for (name, _) in REPLACED {
            db.execute_unprepared(&format!("DROP INDEX {name}")).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        match manager.get_database_backend() {
            DatabaseBackend::Postgres => {
                for trigger in ["insert_delete", "update"] {
                    db.execute_unprepared(&format!(
                        "DROP TRIGGER trg_po_lines_ready_{trigger} ON po_lines"
                    ))
                    .await?;
                }
                db.execute_unprepared("DROP FUNCTION ready_tallies()")
                    .await?;
            }
            _ => {
                for trigger in ["insert", "delete", "update"] {
                    db.execute_unprepared(&format!("DROP TRIGGER trg_po_lines_ready_{trigger}"))
                        .await?;
                }
            }
        }
        manager
            .drop_table(Table::drop().table(Alias::new(TABLE)).to_owned())
            .await?;
        for (name, columns) in REPLACED {
            db.execute_unprepared(&format!("CREATE INDEX {name} ON po_lines ({columns})"))
                .await?;
        }
        Ok(())
    }
}
