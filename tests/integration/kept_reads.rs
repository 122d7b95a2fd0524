//! Page reads kept between writes: served again while nothing changes, and
//! never once anything was written, whether through a unit of work, outside
//! one, or (on PostgreSQL) through another instance.

use std::time::Duration;

use app::ssr::entities::notification;
use integration_tests::people::{PASSWORD, create_cast};
use integration_tests::{eventually, spawn_app, two_instances};
use sea_orm::{ActiveModelTrait, Set};

/// Staff move the cast's order A (at version 1) to ready.
async fn move_to_ready(app: &integration_tests::TestApp, staff: &reqwest::Client, id: &str) {
    let (status, body) = app
        .call(
            staff,
            "orders/move",
            &[("id", id), ("to", "ready"), ("version", "1")],
        )
        .await;
    assert_eq!(status, 200, "{body}");
}

#[tokio::test]
async fn an_order_read_is_kept_until_a_change_and_the_change_shows_at_once() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let customer = app.client_for(&cast.customer.email, PASSWORD).await;
    let staff = app.client_for(&cast.staff.email, PASSWORD).await;
    let id = cast.order_a.to_string();
    let (status, before) = app.call(&customer, "orders/get", &[("id", &id)]).await;
    assert_eq!(status, 200, "{before}");
    assert!(
        !app.state.read_cache.is_empty(),
        "the order read was not kept"
    );
    let generation = app.state.read_cache.generation();
    let (_, again) = app.call(&customer, "orders/get", &[("id", &id)]).await;
    assert_eq!(again, before);
    assert_eq!(
        app.state.read_cache.generation(),
        generation,
        "reading moved the write generation on"
    );
    move_to_ready(&app, &staff, &id).await;
    let (_, after) = app.call(&customer, "orders/get", &[("id", &id)]).await;
    assert_eq!(
        after["status"], "ready",
        "a kept read was served after a write"
    );
}

#[tokio::test]
async fn a_write_outside_a_unit_of_work_is_not_served_stale() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    notification::ActiveModel {
        user_id: Set(cast.customer.id),
        kind: Set("order_confirmed".into()),
        title: Set("Order confirmed".into()),
        path: Set(format!("/customer/orders/{}", cast.order_a)),
        dedupe_key: Set("kept-reads-test".into()),
        created_at: Set(chrono::Utc::now()),
        read_at: Set(None),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap();
    let customer = app.client_for(&cast.customer.email, PASSWORD).await;
    let (_, unread) = app.call(&customer, "notifications/unread", &[]).await;
    assert_eq!(unread, 1);
    // Marked read on the writing connection, without a unit of work.
    let (status, body) = app.call(&customer, "notifications/read-all", &[]).await;
    assert_eq!(status, 200, "{body}");
    let (_, unread) = app.call(&customer, "notifications/unread", &[]).await;
    assert_eq!(unread, 0, "the kept count was served after marking read");
}

#[tokio::test]
async fn an_ended_session_is_not_kept() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    // A client without a cookie jar, so the cookie can be sent again after
    // signing out.
    let raw = reqwest::Client::new();
    let login = raw
        .post(app.url("/api/auth/login"))
        .form(&[
            ("email", cast.customer.email.as_str()),
            ("password", PASSWORD),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(login.status(), 200);
    let cookie = login
        .headers()
        .get_all(reqwest::header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .filter_map(|v| v.split(';').next())
        .find(|pair| pair.starts_with("portal_session="))
        .expect("a session cookie")
        .to_string();
    let me = |path: &'static str| {
        raw.post(app.url(path))
            .header(reqwest::header::COOKIE, cookie.clone())
            .form(&[("", "")])
            .send()
    };
    let who: serde_json::Value = me("/api/auth/me").await.unwrap().json().await.unwrap();
    assert_eq!(who["email"], cast.customer.email.as_str());
    let who_again: serde_json::Value = me("/api/auth/me").await.unwrap().json().await.unwrap();
    assert_eq!(who_again, who);
    let out = me("/api/auth/logout").await.unwrap();
    assert!(out.status().is_success() || out.status().is_redirection());
    let after: serde_json::Value = me("/api/auth/me").await.unwrap().json().await.unwrap();
    assert!(after.is_null(), "the ended session was still kept: {after}");
}

#[tokio::test]
async fn a_write_through_one_instance_is_not_served_stale_by_another() {
    let Some((app, second, cast)) = two_instances().await else {
        return;
    };
    let customer = second.client_for(&cast.customer.email, PASSWORD).await;
    let staff = app.client_for(&cast.staff.email, PASSWORD).await;
    let id = cast.order_a.to_string();
    let (_, before) = second.call(&customer, "orders/get", &[("id", &id)]).await;
    assert_ne!(before["status"], "ready");
    // Writes through the first instance (the cast's) reach the second a
    // moment later, and may drop that read: read until kept.
    let kept = eventually(Duration::from_secs(5), || async {
        second.call(&customer, "orders/get", &[("id", &id)]).await;
        !second.state.read_cache.is_empty()
    })
    .await;
    assert!(kept, "the second instance kept nothing it read");
    move_to_ready(&app, &staff, &id).await;
    // The other instance hears of the write through NOTIFY, a moment later.
    let heard = eventually(Duration::from_secs(5), || async {
        let (_, after) = second.call(&customer, "orders/get", &[("id", &id)]).await;
        after["status"] == "ready"
    })
    .await;
    assert!(
        heard,
        "the second instance kept serving the order as it was"
    );
}

/// The page's script nonce, and the page with it taken out.
fn without_nonce(page: &str) -> (String, String) {
    let start = page.find("'nonce-").expect("a nonce in the page's policy") + "'nonce-".len();
    let len = page[start..].find('\'').unwrap();
    let nonce = page[start..start + len].to_string();
    (nonce.clone(), page.replace(&nonce, "NONCE"))
}

async fn page(client: &reqwest::Client, url: &str) -> String {
    let response = client.get(url).send().await.unwrap();
    assert_eq!(response.status(), 200);
    response.text().await.unwrap()
}

#[tokio::test]
async fn a_kept_page_gets_a_new_nonce_and_is_rendered_again_after_a_write() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let customer = app.client_for(&cast.customer.email, PASSWORD).await;
    let staff = app.client_for(&cast.staff.email, PASSWORD).await;
    let url = app.url(&format!("/customer/orders/{}", cast.order_a));
    let first = page(&customer, &url).await;
    let second = page(&customer, &url).await;
    let (nonce_1, first_rest) = without_nonce(&first);
    let (nonce_2, second_rest) = without_nonce(&second);
    assert_ne!(nonce_1, nonce_2, "two answers under one script nonce");
    assert_eq!(
        first.matches(&nonce_1).count(),
        second.matches(&nonce_2).count()
    );
    assert_eq!(first_rest, second_rest, "the kept page is not the page");
    let id = cast.order_a.to_string();
    move_to_ready(&app, &staff, &id).await;
    let after = page(&customer, &url).await;
    let (_, after_rest) = without_nonce(&after);
    assert_ne!(
        after_rest, second_rest,
        "a kept page was served after a write"
    );
    // Another viewer never gets this customer's kept page.
    let other = app.client_for(&cast.customer_b_user.email, PASSWORD).await;
    let response = other.get(&url).send().await.unwrap();
    assert_eq!(response.status(), 404);
}

/// A GET of `url` saying the browser takes gzip: the encoding the answer
/// came in, and its text unzipped.
async fn page_in_gzip(client: &reqwest::Client, url: &str) -> (Option<String>, String) {
    let response = client
        .get(url)
        .header("accept-encoding", "gzip, br")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let encoding = response
        .headers()
        .get("content-encoding")
        .map(|v| v.to_str().unwrap().to_string());
    let bytes = response.bytes().await.unwrap();
    let text = if encoding.as_deref() == Some("gzip") {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(&bytes[..]), &mut text)
            .expect("a valid gzip answer");
        text
    } else {
        String::from_utf8(bytes.to_vec()).unwrap()
    };
    (encoding, text)
}

/// Pages and server-function replies travel in gzip to a browser that
/// takes it, the page rendered afresh and the kept one alike (each with its
/// own nonce), and unzip to what a browser without gzip gets; the live
/// stream is not compressed.
#[tokio::test]
async fn pages_and_replies_travel_in_gzip_to_browsers_that_take_it() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let customer = app.client_for(&cast.customer.email, PASSWORD).await;
    let url = app.url(&format!("/customer/orders/{}", cast.order_a));
    let (fresh_encoding, fresh) = page_in_gzip(&customer, &url).await;
    let (kept_encoding, kept) = page_in_gzip(&customer, &url).await;
    let plain = page(&customer, &url).await;
    assert_eq!(fresh_encoding.as_deref(), Some("gzip"), "rendered afresh");
    assert_eq!(kept_encoding.as_deref(), Some("gzip"), "kept");
    let (fresh_nonce, fresh_rest) = without_nonce(&fresh);
    let (kept_nonce, kept_rest) = without_nonce(&kept);
    let (_, plain_rest) = without_nonce(&plain);
    assert_ne!(fresh_nonce, kept_nonce);
    assert_eq!(fresh_rest, kept_rest);
    assert_eq!(kept_rest, plain_rest);
    assert!(kept_rest.contains("SO-A-1"), "{kept_rest}");

    let response = customer
        .post(app.url("/api/orders/get"))
        .header("accept-encoding", "gzip")
        .form(&[("id", cast.order_a.to_string())])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-encoding"], "gzip");

    let stream = customer
        .get(app.url("/api/live"))
        .header("accept-encoding", "gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(stream.status(), 200);
    assert!(stream.headers().get("content-encoding").is_none());
}
