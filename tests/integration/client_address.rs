//! The address the sign-in throttle and the audit log key on: the TCP peer,
//! unless the peer is a configured trusted proxy; then the right-most
//! address of `X-Forwarded-For` that is not one.

use app::domain::proxies::TrustedProxies;
use app::ssr::entities::{audit_log, login_throttle};
use integration_tests::people::{PASSWORD, create_cast};
use integration_tests::{SpawnOptions, TestApp, new_client, spawn_app, spawn_app_with};
use sea_orm::EntityTrait;

/// A sign-in from a new browser, with `X-Forwarded-For` when given.
async fn sign_in_from(app: &TestApp, email: &str, password: &str, forwarded: Option<&str>) -> u16 {
    let mut request = new_client()
        .post(app.url("/api/auth/login"))
        .form(&[("email", email), ("password", password)]);
    if let Some(forwarded) = forwarded {
        request = request.header("x-forwarded-for", forwarded);
    }
    request
        .send()
        .await
        .expect("sign-in request")
        .status()
        .as_u16()
}

/// The client addresses of the audit rows of `action`, sorted.
async fn audited(app: &TestApp, action: &str) -> Vec<String> {
    let mut addresses: Vec<String> = audit_log::Entity::find()
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .filter(|row| row.action == action)
        .filter_map(|row| row.client_addr)
        .collect();
    addresses.sort();
    addresses
}

/// The throttle keys counted per address, sorted.
async fn address_keys(app: &TestApp) -> Vec<String> {
    let mut keys: Vec<String> = login_throttle::Entity::find()
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|row| row.key)
        .filter(|key| key.starts_with("addr:"))
        .collect();
    keys.sort();
    keys
}

const WRONG: &str = "not the password at all";

#[tokio::test]
async fn without_trusted_proxies_a_forged_header_moves_nothing() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let email = cast.customer.email.as_str();
    let forged = Some("203.0.113.7, 198.51.100.1");
    assert_eq!(sign_in_from(&app, email, WRONG, forged).await, 422);
    assert_eq!(sign_in_from(&app, email, PASSWORD, forged).await, 200);
    assert_eq!(audited(&app, "login_failed").await, ["127.0.0.1"]);
    assert_eq!(audited(&app, "login_succeeded").await, ["127.0.0.1"]);
    assert_eq!(address_keys(&app).await, ["addr:127.0.0.1"]);
}

fn trust_loopback(config: &mut server::config::Config) {
    config.requests.trusted_proxies = TrustedProxies::parse("127.0.0.1").unwrap();
}

#[tokio::test]
async fn behind_a_trusted_proxy_the_forwarded_address_is_used() {
    let app = spawn_app_with(SpawnOptions {
        configure: Some(trust_loopback as fn(&mut server::config::Config)),
        ..Default::default()
    })
    .await;
    let cast = create_cast(&app).await;
    let email = cast.customer.email.as_str();
    // What the client wrote itself (198.51.100.1) stands left of what the
    // proxy saw (203.0.113.7).
    let via_proxy = Some("198.51.100.1, 203.0.113.7");
    assert_eq!(sign_in_from(&app, email, WRONG, via_proxy).await, 422);
    assert_eq!(audited(&app, "login_failed").await, ["203.0.113.7"]);
    assert_eq!(address_keys(&app).await, ["addr:203.0.113.7"]);

    // Through a second trusted hop; and straight from the proxy's own host.
    let two_hops = Some("203.0.113.8, 127.0.0.1");
    assert_eq!(sign_in_from(&app, email, PASSWORD, two_hops).await, 200);
    assert_eq!(sign_in_from(&app, email, PASSWORD, None).await, 200);
    assert_eq!(
        audited(&app, "login_succeeded").await,
        ["127.0.0.1", "203.0.113.8"]
    );
    assert_eq!(
        address_keys(&app).await,
        ["addr:127.0.0.1", "addr:203.0.113.7", "addr:203.0.113.8"]
    );
}
