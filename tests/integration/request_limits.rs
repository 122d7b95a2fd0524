//! What one person and one request may ask of the portal: writes (and
//! mail-sending writes most of all) at a bounded pace, a bounded number of
//! live streams, search text of bounded length in every list and export,
//! and an answer in bounded time even when the database is stuck.

use std::time::{Duration, Instant};

use app::domain::limits::{MAX_LIVE_STREAMS_PER_PERSON, MAX_SEARCH_CHARS, WriteRates};
use app::i18n::Locale;
use app::ssr::entities::outbox;
use app::ssr::live::LiveEvent;
use integration_tests::people::{PASSWORD, create_cast};
use integration_tests::{Backend, SpawnOptions, TestApp, spawn_app, spawn_app_with};
use sea_orm::{ConnectionTrait, EntityTrait, TransactionTrait};
use serde_json::Value;

async fn post(
    app: &TestApp,
    client: &reqwest::Client,
    endpoint: &str,
    fields: &[(&str, &str)],
) -> reqwest::Response {
    client
        .post(app.url(&format!("/api/{endpoint}")))
        .form(fields)
        .send()
        .await
        .expect("server function request")
}

/// The mails queued so far to these people.
async fn mails_to(app: &TestApp, people: &[&str]) -> usize {
    outbox::Entity::find()
        .all(&app.db)
        .await
        .unwrap()
        .iter()
        .filter(|row| people.contains(&row.recipient.as_str()))
        .count()
}

/// A customer asks for a change and withdraws it, over and over; each
/// step mails the house. After the allowance of mail-sending writes the
/// portal answers 429 with `Retry-After`, and the house hears no more.
#[tokio::test]
async fn a_customer_asking_and_withdrawing_in_a_loop_is_stopped() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let customer = app.client_for(&cast.customer.email, PASSWORD).await;
    let order_id = cast.order_a.to_string();
    let ask = async || {
        let (status, order) = app
            .call(&customer, "orders/get", &[("id", &order_id)])
            .await;
        assert_eq!(status, 200, "{order}");
        let version = order["version"].to_string();
        post(
            &app,
            &customer,
            "changes/request",
            &[
                ("order_id", order_id.as_str()),
                ("version", version.as_str()),
                ("ship_to", "Rotterdam, Waalhaven 12"),
            ],
        )
        .await
    };
    let mut taken = 0;
    let refused = loop {
        assert!(taken <= 100, "never stopped");
        let asked = ask().await;
        if asked.status() == 429 {
            break asked;
        }
        assert_eq!(asked.status(), 200);
        taken += 1;
        let id = asked.text().await.unwrap();
        let withdrawn = post(&app, &customer, "changes/withdraw", &[("id", &id)]).await;
        if withdrawn.status() == 429 {
            break withdrawn;
        }
        assert_eq!(withdrawn.status(), 200);
        taken += 1;
    };
    assert_eq!(taken, WriteRates::MAIL.burst);
    assert_eq!(refused.headers()["retry-after"], "60");
    let body: Value = refused.json().await.unwrap();
    assert_eq!(body["kind"], "too_fast", "{body}");
    assert_eq!(body["retry_after"], 60, "{body}");
    assert_eq!(
        body["message"],
        Locale::En.t_with("rate-limited", &[("minutes", 1.into())]),
        "{body}"
    );

    let house = [cast.admin.email.as_str(), cast.staff.email.as_str()];
    let heard = mails_to(&app, &house).await;
    assert!(
        (1..=2 * taken as usize).contains(&heard),
        "{heard} mails for {taken} steps"
    );
    for _ in 0..5 {
        assert_eq!(ask().await.status(), 429);
    }
    assert_eq!(mails_to(&app, &house).await, heard, "no mail once refused");
    // Reading is never limited.
    let (status, _) = app.call(&customer, "orders/list", &[]).await;
    assert_eq!(status, 200);

    // Once the wait is over, one more step goes through.
    app.clock.advance(chrono::Duration::seconds(60));
    assert_eq!(ask().await.status(), 200);
}

#[tokio::test]
async fn a_person_holds_a_bounded_number_of_live_streams() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let customer = app.client_for(&cast.customer.email, PASSWORD).await;
    let open = async |client: &reqwest::Client| {
        client
            .get(app.url("/api/live"))
            .send()
            .await
            .expect("open a stream")
    };
    let mut streams = Vec::new();
    for _ in 0..MAX_LIVE_STREAMS_PER_PERSON {
        let stream = open(&customer).await;
        assert_eq!(stream.status(), 200);
        streams.push(stream);
    }
    let refused = open(&customer).await;
    assert_eq!(refused.status(), 429);
    assert!(refused.headers().contains_key("retry-after"));
    assert_eq!(
        refused.text().await.unwrap().trim(),
        Locale::En.t("live-too-many-streams")
    );
    // Another browser of the same person is the same person; another
    // person is not held up.
    let elsewhere = app.client_for(&cast.customer.email, PASSWORD).await;
    assert_eq!(open(&elsewhere).await.status(), 429);
    let staff = app.client_for(&cast.staff.email, PASSWORD).await;
    let staff_stream = open(&staff).await;
    assert_eq!(staff_stream.status(), 200);

    // A closed stream frees its place once the server sees it go.
    drop(streams.pop());
    let mut reopened = false;
    for _ in 0..100 {
        if open(&customer).await.status() == 200 {
            reopened = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    assert!(reopened, "the closed stream's place was never freed");
    drop(staff_stream);
}

#[tokio::test]
async fn the_order_book_download_bounds_its_search_text() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let staff = app.client_for(&cast.staff.email, PASSWORD).await;
    let download = async |query: &str| {
        staff
            .get(app.url(&format!("/exports/orders.csv?q={query}")))
            .send()
            .await
            .expect("the order book")
    };
    let refused = download("x".repeat(MAX_SEARCH_CHARS + 1).as_str()).await;
    assert_eq!(refused.status(), 422);
    let text = refused.text().await.unwrap();
    assert!(text.contains(&Locale::En.t("search-too-long")), "{text}");
    let fine = download("x".repeat(MAX_SEARCH_CHARS).as_str()).await;
    assert_eq!(fine.status(), 200);
}

/// Two seconds: far longer than any request of these tests takes (a
/// sign-in hashes a password), far shorter than the database's own wait
/// for a connection (ten seconds).
fn impatient(config: &mut server::config::Config) {
    config.requests.request_timeout_seconds = 2;
}

/// Holds the database so that a write waits: SQLite's single writing
/// connection, or on PostgreSQL a lock on the users table.
async fn hold_writes(app: &TestApp) -> sea_orm::DatabaseTransaction {
    let held = app.db.begin().await.expect("a transaction");
    if app.backend == Backend::Postgres {
        held.execute_unprepared("LOCK TABLE users IN ACCESS EXCLUSIVE MODE")
            .await
            .expect("lock the users table");
    }
    held
}

/// With a two-second limit, a request stuck on the database is answered
/// 503 (as a server-function error the page shows) instead of hanging, and
/// a live stream, which answers at once and then streams, is not cut.
#[tokio::test]
async fn a_stuck_request_is_answered_and_streams_are_not_cut() {
    let app = spawn_app_with(SpawnOptions {
        configure: Some(impatient as fn(&mut server::config::Config)),
        ..Default::default()
    })
    .await;
    let cast = create_cast(&app).await;
    let staff = app.client_for(&cast.staff.email, PASSWORD).await;

    let mut stream = staff.get(app.url("/api/live")).send().await.unwrap();
    assert_eq!(stream.status(), 200);
    tokio::time::sleep(Duration::from_millis(2500)).await;
    app.state.live.publish(LiveEvent {
        event_id: 1_000_000,
        order_id: cast.order_a,
        customer_company_id: cast.customer_a,
    });
    let chunk = tokio::time::timeout(Duration::from_secs(5), stream.chunk())
        .await
        .expect("an event within five seconds")
        .expect("the stream reads")
        .expect("the stream is still open");
    let text = String::from_utf8_lossy(&chunk).to_string();
    assert!(
        text.contains(&format!("\"order_id\":{}", cast.order_a)),
        "{text}"
    );

    let held = hold_writes(&app).await;
    let started = Instant::now();
    let (status, body) = app.call(&staff, "auth/locale", &[("locale", "zh")]).await;
    let waited = started.elapsed();
    held.rollback().await.expect("let go of the database");
    assert_eq!(status, 503, "{body}");
    assert_eq!(body["kind"], "unavailable", "{body}");
    assert!(waited < Duration::from_secs(8), "answered after {waited:?}");

    let (status, body) = app.call(&staff, "auth/locale", &[("locale", "en")]).await;
    assert_eq!(status, 200, "the portal answers as before: {body}");
}

/// A page that runs out of time once its reader is known is answered in
/// the language that person chose, not the one their browser asks for.
/// Only PostgreSQL can hold a page's reads (a lock on the orders table);
/// SQLite's readers never wait.
#[tokio::test]
async fn a_stuck_page_is_answered_in_the_readers_language() {
    let app = spawn_app_with(SpawnOptions {
        configure: Some(impatient as fn(&mut server::config::Config)),
        ..Default::default()
    })
    .await;
    if app.backend != Backend::Postgres {
        return;
    }
    let cast = create_cast(&app).await;
    let buyer = app.client_for(&cast.customer.email, PASSWORD).await;
    let (status, body) = app.call(&buyer, "auth/locale", &[("locale", "zh")]).await;
    assert_eq!(status, 200, "{body}");

    let held = app.db.begin().await.expect("a transaction");
    held.execute_unprepared("LOCK TABLE orders IN ACCESS EXCLUSIVE MODE")
        .await
        .expect("lock the orders table");
    let page = app.url(&format!("/customer/orders/{}", cast.order_a));
    let response = integration_tests::get_in_language(&buyer, &page, Some("en")).await;
    let status = response.status().as_u16();
    let text = response.text().await.unwrap();
    held.rollback().await.expect("let go of the database");
    assert_eq!(status, 503, "{text}");
    assert_eq!(text.trim(), Locale::Zh.t("request-timed-out"), "{text}");
}
