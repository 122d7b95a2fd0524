//! On PostgreSQL, a write the database refuses to end a deadlock is made
//! again and lands once; on SQLite, where one write runs at a time, there is
//! no deadlock to end.

use std::time::{Duration, Instant};

use integration_tests::people::{PASSWORD, create_cast};
use integration_tests::plain_sql::one_int;
use integration_tests::spawn_app;
use sea_orm::{ConnectionTrait, DatabaseBackend, TransactionTrait};

/// Waits until a statement of this test's database waits for a lock.
async fn until_one_waits(db: &sea_orm::DatabaseConnection) {
    let started = Instant::now();
    loop {
        let waiting = one_int(
            db,
            "SELECT COUNT(*) FROM pg_stat_activity \
             WHERE datname = current_database() AND wait_event_type = 'Lock'",
        )
        .await;
        if waiting > 0 {
            return;
        }
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "the report never waited for the order"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

#[tokio::test]
async fn a_report_refused_to_end_a_deadlock_is_made_again_and_lands_once() {
    let app = spawn_app().await;
    if app.db.get_database_backend() != DatabaseBackend::Postgres {
        return;
    }
    let cast = create_cast(&app).await;
    let factory = app.client_for(&cast.supplier.email, PASSWORD).await;
    // Another write holds the order the report will move: the report takes
    // its factory line, then waits for the order.
    let other = app.db.begin().await.unwrap();
    // The report waits first, so it is the one PostgreSQL refuses.
    other
        .execute_unprepared("SET LOCAL deadlock_timeout = '30s'")
        .await
        .unwrap();
    other
        .execute_unprepared(&format!(
            "SELECT id FROM orders WHERE id = {} FOR UPDATE",
            cast.order_a
        ))
        .await
        .unwrap();
    let id = cast.po_line_a.to_string();
    let fields = [
        ("id", id.as_str()),
        ("version", "1"),
        ("milestone", "qc_passed"),
        ("quantity_done", "50"),
    ];
    let report = app.call(&factory, "progress/post", &fields);
    let other_goes_on = async {
        until_one_waits(&app.db).await;
        // Now the other write wants the factory line the report holds: each
        // waits for the other until PostgreSQL refuses the report.
        other
            .execute_unprepared(&format!(
                "UPDATE po_lines SET version = version WHERE id = {}",
                cast.po_line_a
            ))
            .await
            .unwrap();
        other.commit().await.unwrap();
    };
    let ((status, body), ()) = tokio::join!(report, other_goes_on);
    assert_eq!(status, 200, "{body}");
    let reports = one_int(
        &app.db,
        &format!(
            "SELECT COUNT(*) FROM progress_updates WHERE po_line_id = {}",
            cast.po_line_a
        ),
    )
    .await;
    assert_eq!(reports, 1, "the report lands once");
    let version = one_int(
        &app.db,
        &format!("SELECT version FROM po_lines WHERE id = {}", cast.po_line_a),
    )
    .await;
    assert_eq!(version, 2);
}
