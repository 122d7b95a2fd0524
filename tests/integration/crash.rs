//! The portal process killed (SIGKILL) in the middle of handing a mail to the
//! SMTP server, then started again: every queued mail still arrives, and a
//! mail caught in flight comes at most twice, with the same Message-ID.

use app::ssr::outbox::{OutgoingMail, enqueue};
use integration_tests::smtp::{Answer, SmtpSink};
use integration_tests::{fresh_database, site_root, workspace_root};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use std::collections::HashSet;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The server binary, built by `scripts/test.sh` next to the tests.
fn portal_binary() -> PathBuf {
    if let Ok(path) = std::env::var("PORTAL_TEST_BINARY") {
        return PathBuf::from(path);
    }
    let target = std::env::var("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|_| workspace_root().join("target"));
    let path = target.join("debug/portal");
    assert!(
        path.is_file(),
        "{} is missing: build it with `cargo build -p server --bins` (scripts/test.sh does)",
        path.display()
    );
    path
}

fn start_portal(database_url: &str, smtp_port: u16, files: &std::path::Path) -> Child {
    Command::new(portal_binary())
        .env("DATABASE_URL", database_url)
        .env("PORTAL_FILES_DIR", files)
        .env("PORTAL_PORT", "0")
        .env("PORTAL_HOST", "127.0.0.1")
        .env("PORTAL_SITE_ROOT", site_root())
        .env("PORTAL_MAIL_TRANSPORT", "smtp")
        .env("PORTAL_SMTP_HOST", "127.0.0.1")
        .env("PORTAL_SMTP_PORT", smtp_port.to_string())
        .env("PORTAL_SMTP_TLS", "none")
        .env("PORTAL_MAIL_FROM", "portal@house.test")
        .env("PORTAL_MAIL_LEASE_SECONDS", "2")
        .env("PORTAL_DEMO_DATA", "false")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start the portal binary")
}

#[tokio::test]
async fn a_server_killed_mid_delivery_loses_no_mail() {
    let sink = SmtpSink::start().await;
    sink.answer(Answer::Hang);
    let dir = tempfile::tempdir().unwrap();
    let url = fresh_database(&dir).await;
    let db = server::db::connect_and_migrate(&url).await.unwrap();
    let now = chrono::Utc::now();
    let mut ids = HashSet::new();
    for i in 0..5 {
        enqueue(
            &db,
            OutgoingMail {
                dedupe_key: format!("crash-test:{i}"),
                kind: "customer_slip",
                recipient: format!("buyer{i}@customer.test"),
                subject: format!("Alert {i}"),
                body_text: format!("Alert number {i}"),
                body_html: Some(format!("<p>Alert number {i}</p>")),
            },
            now,
        )
        .await
        .unwrap();
    }
    for row in app::ssr::entities::outbox::Entity::find()
        .all(&db)
        .await
        .unwrap()
    {
        ids.insert(format!("<{}@trade-portal>", row.id));
    }

    let mut first = start_portal(&url, sink.port, &dir.path().join("files"));
    let deadline = Instant::now() + Duration::from_secs(30);
    while sink.hung().is_empty() {
        assert!(
            Instant::now() < deadline,
            "the portal never started delivering"
        );
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    // SIGKILL: no chance to record anything.
    first.kill().unwrap();
    first.wait().unwrap();
    let in_flight = sink.hung()[0].header("Message-ID").unwrap();
    assert!(ids.contains(&in_flight));

    sink.answer(Answer::Accept);
    let mut second = start_portal(&url, sink.port, &dir.path().join("files"));
    let deadline = Instant::now() + Duration::from_secs(60);
    let arrived = loop {
        let arrived: HashSet<String> = sink
            .received()
            .iter()
            .filter_map(|m| m.header("Message-ID"))
            .collect();
        if arrived == ids {
            break arrived;
        }
        assert!(
            Instant::now() < deadline,
            "after the restart only {arrived:?} of {ids:?} arrived"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    // The sink has the last mail a moment before the portal records it as
    // sent: wait for the record, then stop the portal.
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let unsent = app::ssr::entities::outbox::Entity::find()
            .filter(app::ssr::entities::outbox::Column::SentAt.is_null())
            .all(&db)
            .await
            .unwrap();
        if unsent.is_empty() {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "never recorded as sent: {unsent:?}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    second.kill().unwrap();
    second.wait().unwrap();
    assert_eq!(arrived.len(), 5);
    // Each at most twice in all (the one in flight may repeat), never lost.
    assert!(sink.received().len() <= 5);
}
