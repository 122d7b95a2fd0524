//! What neither an open page nor an anonymous caller can do: keep a session
//! alive by traffic the person did not make, or grow the database by
//! sending sign-in attempts.

use app::ssr::entities::{audit_log, login_throttle};
use chrono::Duration;
use integration_tests::people::{PASSWORD, create_cast};
use integration_tests::{TestApp, new_client, spawn_app};
use sea_orm::EntityTrait;
use std::sync::Arc;

/// A client whose cookie jar also holds the cookie an open page sets around
/// the reloads its live stream sets off (see `app::wire::live`).
fn open_page(app: &TestApp) -> reqwest::Client {
    let jar = Arc::new(reqwest::cookie::Jar::default());
    let url: reqwest::Url = app.address.parse().expect("the app's address");
    jar.add_cookie_str(
        &format!("{}=1; Path=/", app::wire::live::BACKGROUND_COOKIE),
        &url,
    );
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .cookie_provider(jar)
        .build()
        .expect("http client")
}

/// A page left open reconnects its event stream every five minutes,
/// catching up from the last event it saw, and reloads what it shows each
/// time. None of it is the person's doing, so the session still ends after
/// thirty idle minutes; a person doing the same by hand stays signed in.
#[tokio::test]
async fn a_page_left_open_does_not_keep_its_session_alive() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let page = open_page(&app);
    app.sign_in(&page, &cast.customer.email, PASSWORD).await;
    let person = app.client_for(&cast.customer_b_user.email, PASSWORD).await;
    for minute in (5..=35).step_by(5) {
        app.clock.advance(Duration::minutes(5));
        let stream = page
            .get(app.url("/api/live"))
            .header("last-event-id", "0")
            .send()
            .await
            .expect("open the live stream");
        let stream_status = stream.status().as_u16();
        drop(stream);
        let (reload, body) = app.call(&page, "orders/list", &[]).await;
        if minute < 30 {
            assert_eq!(stream_status, 200, "the stream at minute {minute}");
            assert_eq!(reload, 200, "the reload at minute {minute}: {body}");
        } else {
            assert_eq!(
                stream_status, 401,
                "signed out by minute {minute}, thirty minutes after sign-in"
            );
        }
        let (by_hand, body) = app.call(&person, "orders/list", &[]).await;
        assert_eq!(by_hand, 200, "the person at minute {minute}: {body}");
    }
    assert!(app.whoami(&page).await.is_null(), "the open page's session");
    assert!(
        !app.whoami(&person).await.is_null(),
        "what a person does keeps the session alive"
    );
}

/// Every audit row and throttle row, as stored.
async fn stored(app: &TestApp) -> (Vec<audit_log::Model>, Vec<login_throttle::Model>) {
    let audit = audit_log::Entity::find().all(&app.db).await.unwrap();
    let throttles = login_throttle::Entity::find().all(&app.db).await.unwrap();
    (audit, throttles)
}

fn count_of(rows: &[audit_log::Model], action: &str) -> usize {
    rows.iter().filter(|row| row.action == action).count()
}

/// The most characters any stored text of these rows holds.
fn longest_text(audit: &[audit_log::Model], throttles: &[login_throttle::Model]) -> usize {
    audit
        .iter()
        .flat_map(|row| [&row.target, &row.client_addr, &row.detail])
        .filter_map(|text| text.as_deref())
        .chain(throttles.iter().map(|row| row.key.as_str()))
        .map(|text| text.chars().count())
        .max()
        .unwrap_or(0)
}

#[tokio::test]
async fn anonymous_sign_in_attempts_cannot_grow_the_database() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let caller = new_client();
    let megabyte = format!("{}@example.com", "a".repeat(1024 * 1024));
    for _ in 0..3 {
        let (status, body) = app
            .call(
                &caller,
                "auth/login",
                &[("email", &megabyte), ("password", "wrong wrong wrong")],
            )
            .await;
        assert_eq!(status, 422, "{body}");
        assert_eq!(body["fields"][0]["field"], "email", "{body}");
    }
    let (status, body) = app
        .call(&caller, "auth/request-reset", &[("email", &megabyte)])
        .await;
    assert_eq!(status, 422, "{body}");
    let (audit, throttles) = stored(&app).await;
    assert!(
        audit.is_empty() && throttles.is_empty(),
        "refused before anything was written: {} audit rows, {} throttle rows",
        audit.len(),
        throttles.len()
    );

    // Five wrong passwords lock the account; the attempts after that are
    // refused, and the refusals are logged once for the lock.
    let wrong = [
        ("email", cast.customer.email.as_str()),
        ("password", "wrong wrong wrong"),
    ];
    for _ in 0..5 {
        app.call(&caller, "auth/login", &wrong).await;
    }
    for _ in 0..30 {
        let (status, body) = app.call(&caller, "auth/login", &wrong).await;
        assert_eq!(status, 429, "{body}");
    }
    let (audit, _) = stored(&app).await;
    assert_eq!(count_of(&audit, "login_failed"), 5);
    assert_eq!(count_of(&audit, "login_blocked"), 1, "one row per lock");

    // Fifteen guesses at other addresses block the caller's address (20
    // failures); guesses after that, each at a new address, write nothing
    // but the one row for the address's lock.
    for i in 0..15 {
        let email = format!("guess{i}@nowhere.test");
        app.call(
            &caller,
            "auth/login",
            &[("email", &email), ("password", "guess guess guess")],
        )
        .await;
    }
    let (before, throttles_before) = stored(&app).await;
    for i in 0..30 {
        let email = format!("another{i}@nowhere.test");
        let (status, body) = app
            .call(
                &caller,
                "auth/login",
                &[("email", &email), ("password", "guess guess guess")],
            )
            .await;
        assert_eq!(status, 429, "{body}");
    }
    let (after, throttles_after) = stored(&app).await;
    assert_eq!(
        after.len(),
        before.len() + 1,
        "one row for the address's lock"
    );
    assert_eq!(count_of(&after, "login_blocked"), 2);
    assert_eq!(
        throttles_after.len(),
        throttles_before.len(),
        "no throttle row for an attempt the address's lock refused"
    );
    let longest = longest_text(&after, &throttles_after);
    assert!(
        longest <= app::ssr::audit::MAX_TEXT_CHARS,
        "a stored text of {longest} characters"
    );
}
