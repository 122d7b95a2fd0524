//! `migrate`: apply or inspect migrations by hand (`migrate up`, `migrate down`,
//! `migrate status`) against `DATABASE_URL`. The server applies them at start-up,
//! so this is only needed for maintenance.

use sea_orm_migration::prelude::*;

#[tokio::main]
async fn main() {
    let url = std::env::var("DATABASE_URL").unwrap_or_else(|_| {
        eprintln!("set DATABASE_URL, e.g. sqlite://data/portal.db?mode=rwc");
        std::process::exit(2);
    });
    let command = std::env::args().nth(1).unwrap_or_else(|| "status".into());
    let db = match sea_orm_migration::sea_orm::Database::connect(&url).await {
        Ok(db) => db,
        Err(e) => {
            eprintln!("cannot connect to the database: {e}");
            std::process::exit(1);
        }
    };
    let result = match command.as_str() {
        "up" => migration::Migrator::up(&db, None).await,
        "down" => migration::Migrator::down(&db, Some(1)).await,
        "status" => migration::Migrator::status(&db).await,
        other => {
            eprintln!("unknown command {other:?}: use up, down or status");
            std::process::exit(2);
        }
    };
    if let Err(e) = result {
        eprintln!("migration failed: {e}");
        std::process::exit(1);
    }
}
