use integration_tests::spawn_app;

#[tokio::test]
async fn healthz_is_ok_while_the_database_answers() {
    let app = spawn_app().await;
    let response = app.get("/healthz").await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.text().await.unwrap(), "ok\n");
}

#[tokio::test]
async fn healthz_is_503_when_the_database_is_gone() {
    let app = spawn_app().await;
    // The app shares this pool; closing it makes every query fail as a lost
    // database would.
    app.db.close_by_ref().await.unwrap();
    let response = app.get("/healthz").await;
    assert_eq!(response.status(), 503);
}

/// PostgreSQL may end the portal's connections while they rest in its pool
/// (a restart, an idle timeout, a proxy closing quiet connections). One that
/// rested is checked before it is handed out and replaced if it was ended,
/// so the requests after are answered, not refused.
#[tokio::test]
async fn connections_the_server_ended_while_they_rested_are_replaced() {
    use integration_tests::Backend;
    use sea_orm::{ConnectionTrait, Database, DatabaseBackend, Statement};
    let app = spawn_app().await;
    if app.backend != Backend::Postgres {
        eprintln!("skipped: needs PORTAL_TEST_DB=postgres");
        return;
    }
    assert_eq!(app.get("/healthz").await.status(), 200);
    let admin = Database::connect(&app.database_url).await.unwrap();
    let ended = admin
        .query_all_raw(Statement::from_string(
            DatabaseBackend::Postgres,
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
             WHERE datname = current_database() AND pid <> pg_backend_pid()",
        ))
        .await
        .unwrap();
    assert!(!ended.is_empty(), "the portal held connections to end");
    admin.close().await.unwrap();
    // Longer than a connection rests before it is checked.
    tokio::time::sleep(std::time::Duration::from_millis(1_500)).await;
    for _ in 0..5 {
        assert_eq!(app.get("/healthz").await.status(), 200);
    }
}
