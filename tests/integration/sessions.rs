//! A person's own sessions: each sign-in is listed with its device and
//! address; one can be ended, or all but the one in use, and only one's
//! own.

use chrono::Duration;
use integration_tests::people::{PASSWORD, create_cast};
use integration_tests::{TestApp, spawn_app};
use serde_json::Value;

const LAPTOP: &str = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 \
    (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const PHONE: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) \
    AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
const DESKTOP: &str = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";

/// A browser of its own (cookie jar, no redirects) that names itself with
/// `agent`.
fn browser(agent: &str) -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .cookie_store(true)
        .user_agent(agent)
        .build()
        .expect("http client")
}

/// `agent`'s browser, signed in as `email`.
async fn signed_in(app: &TestApp, agent: &str, email: &str) -> reqwest::Client {
    let client = browser(agent);
    app.sign_in(&client, email, PASSWORD).await;
    client
}

async fn sessions(app: &TestApp, client: &reqwest::Client) -> Vec<Value> {
    let (status, body) = app.call(client, "sessions/list", &[]).await;
    assert_eq!(status, 200, "{body}");
    body.as_array().expect("a list of sessions").clone()
}

/// The listed session of `device`.
fn session_of<'a>(list: &'a [Value], device: &str) -> &'a Value {
    list.iter()
        .find(|s| s["device"] == device)
        .unwrap_or_else(|| panic!("no {device} session in {list:?}"))
}

#[tokio::test]
async fn two_sign_ins_show_two_sessions_with_their_devices() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let laptop = signed_in(&app, LAPTOP, &cast.customer.email).await;
    let phone = signed_in(&app, PHONE, &cast.customer.email).await;
    // Someone else's sign-in is none of theirs.
    signed_in(&app, DESKTOP, &cast.customer_b_user.email).await;

    let list = sessions(&app, &laptop).await;
    assert_eq!(list.len(), 2, "{list:?}");
    let on_laptop = session_of(&list, "Chrome · Windows");
    let on_phone = session_of(&list, "Safari · iPhone");
    assert_eq!(on_laptop["current"], true);
    assert_eq!(on_phone["current"], false);
    for session in [on_laptop, on_phone] {
        assert_eq!(session["client_addr"], "127.0.0.1", "{session}");
        assert!(session["signed_in_at"].is_string(), "{session}");
        assert!(session["last_used_at"].is_string(), "{session}");
    }
    // The browser learns no secret of the session: an id, not the token.
    let text = serde_json::to_string(&list).unwrap();
    assert!(!text.contains("token"), "{text}");
    let from_phone = sessions(&app, &phone).await;
    assert_eq!(session_of(&from_phone, "Safari · iPhone")["current"], true);

    // A session that went idle signs nobody in, and is not listed.
    app.clock.advance(Duration::minutes(31));
    let fresh = signed_in(&app, DESKTOP, &cast.customer.email).await;
    let list = sessions(&app, &fresh).await;
    assert_eq!(list.len(), 1, "{list:?}");
    assert_eq!(list[0]["device"], "Firefox · Linux");
}

#[tokio::test]
async fn ending_one_session_signs_that_browser_out_and_keeps_the_other() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let laptop = signed_in(&app, LAPTOP, &cast.supplier.email).await;
    let phone = signed_in(&app, PHONE, &cast.supplier.email).await;
    let list = sessions(&app, &laptop).await;
    let phone_id = session_of(&list, "Safari · iPhone")["id"].to_string();

    let (status, body) = app
        .call(&laptop, "sessions/end", &[("id", &phone_id)])
        .await;
    assert_eq!(status, 200, "{body}");
    assert!(
        app.whoami(&phone).await.is_null(),
        "the phone is signed out"
    );
    assert_eq!(app.whoami(&laptop).await["email"], cast.supplier.email);
    let list = sessions(&app, &laptop).await;
    assert_eq!(list.len(), 1, "{list:?}");
    assert_eq!(list[0]["current"], true);

    // Ended once is ended: a second try finds nothing.
    let (status, _) = app
        .call(&laptop, "sessions/end", &[("id", &phone_id)])
        .await;
    assert_eq!(status, 404);
    assert_eq!(audit_count(&app, "session_ended").await, 1);
}

#[tokio::test]
async fn another_persons_session_is_not_found_and_stays() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let staff = signed_in(&app, LAPTOP, &cast.staff.email).await;
    let staff_session = sessions(&app, &staff).await[0]["id"].to_string();
    for email in [&cast.customer.email, &cast.admin.email] {
        let other = signed_in(&app, PHONE, email).await;
        for id in [staff_session.as_str(), "999999"] {
            let (status, body) = app.call(&other, "sessions/end", &[("id", id)]).await;
            assert_eq!(status, 404, "{email} / {id}: {body}");
            assert!(!body.to_string().contains("staff@house.test"), "{body}");
        }
    }
    assert_eq!(app.whoami(&staff).await["email"], cast.staff.email);
    assert_eq!(sessions(&app, &staff).await.len(), 1);
    assert_eq!(audit_count(&app, "access_denied").await, 4);
    assert_eq!(audit_count(&app, "session_ended").await, 0);
}

#[tokio::test]
async fn signing_out_everywhere_else_keeps_the_current_session() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let laptop = signed_in(&app, LAPTOP, &cast.customer.email).await;
    let phone = signed_in(&app, PHONE, &cast.customer.email).await;
    let desktop = signed_in(&app, DESKTOP, &cast.customer.email).await;
    let colleague = signed_in(&app, DESKTOP, &cast.admin.email).await;

    let (status, ended) = app.call(&desktop, "sessions/end-others", &[]).await;
    assert_eq!(status, 200, "{ended}");
    assert_eq!(ended, 2);
    assert!(app.whoami(&laptop).await.is_null());
    assert!(app.whoami(&phone).await.is_null());
    assert_eq!(app.whoami(&desktop).await["email"], cast.customer.email);
    assert_eq!(
        app.whoami(&colleague).await["email"],
        cast.admin.email,
        "another person's sessions are theirs"
    );
    let list = sessions(&app, &desktop).await;
    assert_eq!(list.len(), 1, "{list:?}");
    assert_eq!(list[0]["current"], true);
    assert_eq!(list[0]["device"], "Firefox · Linux");

    // Nothing else to end: still an answer, and still signed in.
    let (status, ended) = app.call(&desktop, "sessions/end-others", &[]).await;
    assert_eq!((status, ended), (200, Value::from(0)));
    assert_eq!(audit_count(&app, "other_sessions_ended").await, 2);
}

/// How many audit rows of this kind there are.
async fn audit_count(app: &TestApp, kind: &str) -> u64 {
    use app::ssr::entities::audit_log;
    use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
    audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq(kind))
        .count(&app.db)
        .await
        .unwrap()
}
