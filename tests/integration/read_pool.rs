//! On SQLite one connection writes; what only shows committed data reads
//! beside it through the read-only pool (`AppState::reports`). So the order
//! page, its panels, the live stream's catch-up and the notification list
//! answer while a write holds the writing connection, and show nothing of
//! that write until it commits.

use std::future::Future;
use std::time::Duration;

use app::ssr::repo::notifications::{self, NewNotification};
use integration_tests::people::{PASSWORD, create_cast};
use integration_tests::{Backend, TestApp, get_with, spawn_app};
use sea_orm::TransactionTrait;

/// Well under the pool's acquire timeout (10 s): a read waiting for the
/// writing connection would not answer in time.
const PROMPTLY: Duration = Duration::from_secs(3);

async fn promptly<T>(what: &str, work: impl Future<Output = T>) -> T {
    match tokio::time::timeout(PROMPTLY, work).await {
        Ok(done) => done,
        Err(_) => panic!("{what} did not answer within {PROMPTLY:?} while a write was held"),
    }
}

/// Calls a server function that must answer 200 promptly; returns its body.
async fn answered(
    app: &TestApp,
    client: &reqwest::Client,
    endpoint: &str,
    fields: &[(&str, &str)],
) -> serde_json::Value {
    let (status, body) = promptly(endpoint, app.call(client, endpoint, fields)).await;
    assert_eq!(status, 200, "{endpoint}: {body}");
    body
}

/// Opens the live stream as a browser reconnecting after event 0 would, and
/// reads until the first replayed order event arrives (or the stream ends).
async fn replayed(app: &TestApp, client: &reqwest::Client) -> String {
    let mut response = client
        .get(app.url("/api/live"))
        .header("last-event-id", "0")
        .send()
        .await
        .expect("live stream request");
    assert_eq!(response.status(), 200);
    let mut text = String::new();
    while !text.contains("event: order") {
        match response.chunk().await.expect("live stream chunk") {
            Some(chunk) => text.push_str(&String::from_utf8_lossy(&chunk)),
            None => break,
        }
    }
    text
}

fn titles(list: &serde_json::Value) -> Vec<String> {
    list["items"]
        .as_array()
        .expect("notification items")
        .iter()
        .map(|n| n["title"].as_str().unwrap_or_default().to_string())
        .collect()
}

#[tokio::test]
async fn pages_answer_while_a_write_holds_the_writing_connection() {
    if integration_tests::backend() == Backend::Postgres {
        eprintln!(
            "skipped on PostgreSQL: reads and writes share one pool of many \
             connections there, so there is no single writing connection to hold"
        );
        return;
    }
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let customer = app.client_for(&cast.customer.email, PASSWORD).await;
    let supplier = app.client_for(&cast.supplier.email, PASSWORD).await;
    let staff = app.client_for(&cast.staff.email, PASSWORD).await;
    let order = cast.order_a.to_string();
    let po_line = cast.po_line_a.to_string();
    // A timeline entry for the live stream to replay.
    let (status, body) = app
        .call(
            &staff,
            "orders/move",
            &[("id", &order), ("to", "ready"), ("version", "1")],
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let note = |title: &'static str, dedupe_key: &'static str| NewNotification {
        user_id: cast.customer.id,
        kind: "back_on_track",
        title,
        path: "/customer",
        dedupe_key,
    };
    notifications::insert(
        &app.db,
        note("Committed before", "read-pool-committed"),
        chrono::Utc::now(),
    )
    .await
    .expect("a committed notification");

    // The single writing connection is taken by a transaction that has
    // written and not committed, as during a long write.
    let held = app.db.begin().await.expect("begin a transaction");
    notifications::insert(
        &held,
        note("Not yet committed", "read-pool-uncommitted"),
        chrono::Utc::now(),
    )
    .await
    .expect("a write inside the held transaction");

    let (status, html) = promptly("the order page", async {
        let response = get_with(&customer, &app.url(&format!("/customer/orders/{order}"))).await;
        let status = response.status().as_u16();
        (status, response.text().await.expect("page body"))
    })
    .await;
    assert_eq!(status, 200, "{html}");
    assert!(html.contains("SO-A-1"), "the order page shows the order");

    let detail = answered(&app, &customer, "orders/get", &[("id", &order)]).await;
    assert_eq!(detail["number"], "SO-A-1");
    answered(&app, &customer, "shipping/get", &[("order_id", &order)]).await;
    answered(
        &app,
        &customer,
        "messages/get",
        &[("kind", "order"), ("id", &order)],
    )
    .await;
    answered(&app, &customer, "complaints/list", &[]).await;
    answered(&app, &customer, "portal/overview", &[]).await;
    answered(&app, &supplier, "progress/lines", &[]).await;
    answered(&app, &supplier, "progress/line", &[("id", &po_line)]).await;

    let list = answered(&app, &customer, "notifications/list", &[]).await;
    let shown = titles(&list);
    assert!(shown.iter().any(|t| t == "Committed before"), "{shown:?}");
    assert!(
        !shown.iter().any(|t| t == "Not yet committed"),
        "an uncommitted write is not read: {shown:?}"
    );
    answered(&app, &customer, "notifications/unread", &[]).await;

    let stream = promptly("the live stream's catch-up", replayed(&app, &customer)).await;
    assert!(
        stream.contains(&format!("{{\"order_id\":{order}}}")),
        "the missed event is replayed: {stream}"
    );

    held.rollback()
        .await
        .expect("release the writing connection");
    let list = answered(&app, &customer, "notifications/list", &[]).await;
    assert!(!titles(&list).iter().any(|t| t == "Not yet committed"));
}
