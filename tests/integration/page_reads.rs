//! A page's parts that read several things read them in one transaction
//! each (`AppState::begin_reads`), and every read of such a part goes
//! through it. On a database of one connection, a read that asked the pool
//! for a second would wait for the part's own until the pool gave up, and
//! the page would fail.

use std::time::Duration;

use integration_tests::{Backend, SpawnOptions, TestApp, backend, spawn_app_with};
use sea_orm::{ConnectionTrait, Statement, TryGetable};
use server::seed::DEMO_PASSWORD;

/// The first column of the first row `sql` reads.
async fn first<T: TryGetable>(app: &TestApp, sql: &str) -> T {
    app.db
        .query_one_raw(Statement::from_string(app.db.get_database_backend(), sql))
        .await
        .unwrap()
        .unwrap_or_else(|| panic!("the demo data has a row for {sql}"))
        .try_get_by_index(0)
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_order_page_and_the_first_page_render_on_a_database_of_one_connection() {
    if backend() == Backend::Postgres {
        // A SQLite database in memory is one connection; PostgreSQL's pool
        // is never that small.
        return;
    }
    let app = spawn_app_with(SpawnOptions {
        demo_data: true,
        configure: Some(|config| {
            config.database_url = "sqlite::memory:".into();
            // Every request reads: nothing is served from memory.
            config.requests.read_cache_entries = 0;
        }),
        ..Default::default()
    })
    .await;
    // The house's notes on an open change request read the order again,
    // its factory lines and their factories; a shipped order's panel reads
    // its shipments, documents and files.
    let changing: i32 = first(
        &app,
        "SELECT order_id FROM change_requests WHERE status = 'open'",
    )
    .await;
    let shipped: i32 = first(&app, "SELECT order_id FROM shipments ORDER BY id").await;
    let house = app
        .client_for("sales@harbourbridge.example", DEMO_PASSWORD)
        .await;
    for order in [changing, shipped] {
        let customer: String = first(
            &app,
            &format!(
                "SELECT u.email FROM users u JOIN orders o \
                 ON o.customer_company_id = u.company_id WHERE o.id = {order} ORDER BY u.id"
            ),
        )
        .await;
        let buyer = app.client_for(&customer, DEMO_PASSWORD).await;
        let number: String = first(
            &app,
            &format!("SELECT number FROM orders WHERE id = {order}"),
        )
        .await;
        for (client, path) in [
            (&house, format!("/staff/orders/{order}")),
            (&buyer, format!("/customer/orders/{order}")),
            (&buyer, "/customer".to_string()),
        ] {
            // Well under the pool's acquire timeout (10 s).
            let (status, body) = tokio::time::timeout(Duration::from_secs(5), async {
                let response = client.get(app.url(&path)).send().await.unwrap();
                (response.status(), response.text().await.unwrap())
            })
            .await
            .unwrap_or_else(|_| panic!("{path} did not answer"));
            assert_eq!(status, 200, "{path}: {body:.300}");
            assert!(body.contains(&number), "{path} shows {number}");
        }
    }
}
