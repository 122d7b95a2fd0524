//! For tests that write and read the database in plain SQL, beside the
//! portal: a database holding the demo data, and integer answers.

use sea_orm::{ConnectionTrait, DatabaseConnection, Statement};
use server::seed::{SeedOutcome, seed_demo_if_empty};

/// A migrated database (in `dir`, for SQLite) holding the demo data.
pub async fn demo_database(dir: &tempfile::TempDir) -> DatabaseConnection {
    let db = server::db::connect_and_migrate(&crate::fresh_database(dir).await)
        .await
        .unwrap();
    let outcome = seed_demo_if_empty(&db, &crate::demo_files(), chrono::Utc::now())
        .await
        .unwrap();
    assert!(matches!(outcome, SeedOutcome::Seeded(_)), "{outcome:?}");
    db
}

/// The first column of every row, as integers (a count is a 64-bit one on
/// PostgreSQL).
pub async fn ints(db: &DatabaseConnection, sql: &str) -> Vec<i32> {
    db.query_all_raw(Statement::from_string(db.get_database_backend(), sql))
        .await
        .unwrap()
        .iter()
        .map(|row| {
            row.try_get_by_index::<i32>(0)
                .or_else(|_| row.try_get_by_index::<i64>(0).map(|n| n as i32))
                .unwrap()
        })
        .collect()
}

/// The first column of the first row, as an integer.
pub async fn one_int(db: &DatabaseConnection, sql: &str) -> i32 {
    ints(db, sql).await[0]
}

/// A purchase order (the first) of another factory than `po`'s.
pub async fn another_factorys_purchase_order(db: &DatabaseConnection, po: i32) -> i32 {
    one_int(
        db,
        &format!(
            "SELECT MIN(id) FROM purchase_orders WHERE supplier_company_id <> \
             (SELECT supplier_company_id FROM purchase_orders WHERE id = {po})"
        ),
    )
    .await
}
