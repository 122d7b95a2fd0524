//! What an open page cannot do: keep a session alive by traffic the person
//! did not make.

use chrono::Duration;
use integration_tests::people::{PASSWORD, create_cast};
use integration_tests::{TestApp, spawn_app};
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
    let cast = create_cast(&app.db).await;
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
