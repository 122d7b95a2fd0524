use integration_tests::{Backend, fresh_database};
use migration::{Migrator, MigratorTrait};
use sea_orm::{ConnectionTrait, Database, Statement};

async fn table_names(db: &sea_orm::DatabaseConnection) -> Vec<String> {
    let sql = match db.get_database_backend() {
        sea_orm::DatabaseBackend::Sqlite => {
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
        }
        _ => {
            "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
        }
    };
    db.query_all_raw(Statement::from_string(db.get_database_backend(), sql))
        .await
        .unwrap()
        .into_iter()
        .map(|row| row.try_get::<String>("", "name").unwrap())
        .collect()
}

#[tokio::test]
async fn migrations_apply_cleanly_to_an_empty_database_and_roll_back() {
    let dir = tempfile::tempdir().unwrap();
    let url = fresh_database(&dir).await;
    let db = server::db::connect_and_migrate(&url).await.unwrap();
    match integration_tests::backend() {
        Backend::Sqlite => assert_eq!(db.get_database_backend(), sea_orm::DatabaseBackend::Sqlite),
        Backend::Postgres => {
            assert_eq!(
                db.get_database_backend(),
                sea_orm::DatabaseBackend::Postgres
            )
        }
    }
    assert!(
        Migrator::get_pending_migrations(&db)
            .await
            .unwrap()
            .is_empty()
    );
    let tables = table_names(&db).await;
    assert!(tables.contains(&"companies".to_string()), "{tables:?}");

    // Every migration can be undone and redone.
    Migrator::down(&db, None).await.unwrap();
    let after_down = table_names(&db).await;
    assert!(
        !after_down.contains(&"companies".to_string()),
        "{after_down:?}"
    );
    Migrator::up(&db, None).await.unwrap();
    assert_eq!(table_names(&db).await, tables);
}

#[tokio::test]
async fn starting_twice_on_the_same_database_is_harmless() {
    let dir = tempfile::tempdir().unwrap();
    let url = fresh_database(&dir).await;
    let first = server::db::connect_and_migrate(&url).await.unwrap();
    let tables = table_names(&first).await;
    first.close().await.unwrap();
    let second = server::db::connect_and_migrate(&url).await.unwrap();
    assert_eq!(table_names(&second).await, tables);
    let plain = Database::connect(&url).await.unwrap();
    assert!(
        Migrator::get_pending_migrations(&plain)
            .await
            .unwrap()
            .is_empty()
    );
}
