//! Two-factor sign-in: setting it up, signing in with a code or a recovery
//! code, wrong and replayed codes, turning it off, and the house's rule
//! that makes its staff set it up before they get any session. Codes are
//! computed as an authenticator app computes them
//! (`integration_tests::two_factor`), at the portal's (test) clock.

use chrono::Duration;
use integration_tests::people::{PASSWORD, create_cast};
use integration_tests::two_factor::code_at;
use integration_tests::{TestApp, new_client, spawn_app};

/// The code the app shows now, by the portal's clock.
fn code_now(app: &TestApp, secret: &str) -> String {
    code_at(secret, app.state.now())
}

/// Turns two-factor sign-in on for the person signed in on `client`;
/// returns the secret and the recovery codes.
pub(crate) async fn enrol(app: &TestApp, client: &reqwest::Client) -> (String, Vec<String>) {
    let (status, setup) = app.call(client, "two-factor/start", &[]).await;
    assert_eq!(status, 200, "{setup}");
    let secret = setup["secret"].as_str().unwrap().to_string();
    assert!(
        setup["otpauth_url"]
            .as_str()
            .unwrap()
            .starts_with("otpauth://totp/"),
        "{setup}"
    );
    let (status, codes) = app
        .call(
            client,
            "two-factor/confirm",
            &[("code", &code_now(app, &secret))],
        )
        .await;
    assert_eq!(status, 200, "{codes}");
    let codes: Vec<String> = codes["codes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap().to_string())
        .collect();
    (secret, codes)
}

/// The password step: right, and answered with the second step's page.
async fn password_step(app: &TestApp, client: &reqwest::Client, email: &str) {
    let (status, body) = app
        .call(
            client,
            "auth/login",
            &[("email", email), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body, "/login/two-factor");
}

async fn second_step(
    app: &TestApp,
    client: &reqwest::Client,
    code: &str,
) -> (u16, serde_json::Value) {
    app.call(client, "auth/two-factor", &[("code", code)]).await
}

/// The audit log's actions, oldest first.
async fn audit_actions(app: &TestApp) -> Vec<(String, Option<String>)> {
    use sea_orm::{EntityTrait, QueryOrder};
    app::ssr::entities::audit_log::Entity::find()
        .order_by_asc(app::ssr::entities::audit_log::Column::Id)
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|e| (e.action, e.detail))
        .collect()
}

#[tokio::test]
async fn a_customer_sets_it_up_and_then_signs_in_with_password_and_code() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let email = cast.customer.email.as_str();
    let client = app.client_for(email, PASSWORD).await;
    let (status, before) = app.call(&client, "two-factor/status", &[]).await;
    assert_eq!(status, 200, "{before}");
    assert_eq!(before["enabled"], false);
    assert_eq!(before["required"], false, "customers choose for themselves");
    let (secret, codes) = enrol(&app, &client).await;
    assert_eq!(codes.len(), 10);
    for code in &codes {
        assert_eq!(code.len(), 19, "{code}");
        assert_eq!(code.matches('-').count(), 3, "{code}");
    }
    let (_, after) = app.call(&client, "two-factor/status", &[]).await;
    assert_eq!(after["enabled"], true);
    assert_eq!(after["recovery_codes_left"], 10);
    // Once confirmed, the secret is never handed out again.
    let (status, again) = app.call(&client, "two-factor/start", &[]).await;
    assert_eq!(status, 409, "{again}");
    assert!(!again.to_string().contains(&secret));

    // The password alone opens nothing: no session, only the second step.
    let browser = new_client();
    let response = browser
        .post(app.url("/api/auth/login"))
        .form(&[("email", email), ("password", PASSWORD)])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let cookie = response.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(cookie.starts_with("portal_2fa="), "{cookie}");
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("Max-Age=300"),
        "{cookie}"
    );
    assert!(app.whoami(&browser).await.is_null());
    let (status, _) = app.call(&browser, "orders/list", &[]).await;
    assert_eq!(status, 401);
    let (status, step) = app.call(&browser, "auth/two-factor-step", &[]).await;
    assert_eq!(status, 200, "{step}");
    assert_eq!(step["code"]["locale"], "en", "{step}");
    assert!(!step.to_string().contains(&secret));

    // The code of the step the set-up used is spent; the next one works.
    app.clock.advance(Duration::seconds(30));
    let (status, done) = second_step(&app, &browser, &code_now(&app, &secret)).await;
    assert_eq!(status, 200, "{done}");
    assert_eq!(done["next"], "/customer");
    assert_eq!(done["recovery_codes"], serde_json::json!([]));
    assert_eq!(app.whoami(&browser).await["email"], email);
    let (status, _) = app.call(&browser, "orders/list", &[]).await;
    assert_eq!(status, 200);
    // The waiting sign-in is over: its cookie opens nothing any more.
    let (status, _) = app.call(&browser, "auth/two-factor-step", &[]).await;
    assert_eq!(status, 401);

    let log = audit_actions(&app).await;
    assert!(
        log.contains(&("two_factor_enabled".into(), None)),
        "{log:?}"
    );
    assert_eq!(
        log.last().unwrap(),
        &(
            "login_succeeded".to_string(),
            Some("authenticator code".to_string())
        )
    );
}

#[tokio::test]
async fn a_code_is_accepted_once_and_never_after_a_newer_one() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let email = cast.supplier.email.as_str();
    let (secret, _) = enrol(&app, &app.client_for(email, PASSWORD).await).await;
    app.clock.advance(Duration::seconds(60));
    let code = code_now(&app, &secret);
    let first = new_client();
    password_step(&app, &first, email).await;
    assert_eq!(second_step(&app, &first, &code).await.0, 200);

    // The same code, still within its 30 seconds, from another browser.
    let second = new_client();
    password_step(&app, &second, email).await;
    let (status, body) = second_step(&app, &second, &code).await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["fields"][0]["field"], "code");
    assert!(app.whoami(&second).await.is_null());
    // Nor the code of the step before, though the clock would allow it.
    let earlier = code_at(&secret, app.state.now() - Duration::seconds(30));
    assert_eq!(second_step(&app, &second, &earlier).await.0, 422);

    app.clock.advance(Duration::seconds(30));
    let (status, body) = second_step(&app, &second, &code_now(&app, &secret)).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(app.whoami(&second).await["email"], email);
}

#[tokio::test]
async fn wrong_codes_are_logged_and_lock_the_account_like_wrong_passwords() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let email = cast.customer.email.as_str();
    let (secret, _) = enrol(&app, &app.client_for(email, PASSWORD).await).await;
    app.clock.advance(Duration::seconds(30));
    let client = new_client();
    // The password counts as one attempt until a right code clears it, so
    // three wrong codes follow it before the fifth attempt locks.
    password_step(&app, &client, email).await;
    for guess in ["000000", "111111", "222222"] {
        let (status, body) = second_step(&app, &client, guess).await;
        assert_eq!(status, 422, "{body}");
    }
    let (status, body) = second_step(&app, &client, "333333").await;
    assert_eq!(status, 429, "{body}");
    // Locked: the right code is refused too, and so is the password.
    let (status, _) = second_step(&app, &client, &code_now(&app, &secret)).await;
    assert_eq!(status, 429);
    let (status, _) = app
        .call(
            &new_client(),
            "auth/login",
            &[("email", email), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(status, 429);
    let failures = audit_actions(&app)
        .await
        .into_iter()
        .filter(|(action, _)| action == "two_factor_failed")
        .count();
    assert_eq!(failures, 4);

    // The lock ends; a known password alone never resets the count.
    app.clock.advance(Duration::minutes(16));
    let client = new_client();
    password_step(&app, &client, email).await;
    let (status, body) = second_step(&app, &client, &code_now(&app, &secret)).await;
    assert_eq!(status, 200, "{body}");
}

#[tokio::test]
async fn a_recovery_code_signs_in_once() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let email = cast.staff.email.as_str();
    let (_, codes) = enrol(&app, &app.client_for(email, PASSWORD).await).await;
    // Typed as people type it off paper.
    let typed = codes[3].to_uppercase().replace('-', " ");
    let client = new_client();
    password_step(&app, &client, email).await;
    let (status, done) = second_step(&app, &client, &typed).await;
    assert_eq!(status, 200, "{done}");
    assert_eq!(done["next"], "/staff");
    let (_, status_now) = app.call(&client, "two-factor/status", &[]).await;
    assert_eq!(status_now["recovery_codes_left"], 9);
    let log = audit_actions(&app).await;
    assert!(
        log.contains(&("recovery_code_used".into(), None)),
        "{log:?}"
    );

    let again = new_client();
    password_step(&app, &again, email).await;
    let (status, body) = second_step(&app, &again, &codes[3]).await;
    assert_eq!(status, 422, "{body}");
    assert!(app.whoami(&again).await.is_null());
    // Another one still works.
    assert_eq!(second_step(&app, &again, &codes[4]).await.0, 200);
}

#[tokio::test]
async fn turning_it_off_needs_the_password_and_a_current_code() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let email = cast.supplier.email.as_str();
    let client = app.client_for(email, PASSWORD).await;
    let (secret, _) = enrol(&app, &client).await;
    app.clock.advance(Duration::seconds(30));
    let code = code_now(&app, &secret);
    let (status, body) = app
        .call(
            &client,
            "two-factor/disable",
            &[("password", "not the password at all"), ("code", &code)],
        )
        .await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["fields"][0]["field"], "password");
    let (status, body) = app
        .call(
            &client,
            "two-factor/disable",
            &[("password", PASSWORD), ("code", "123 456")],
        )
        .await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["fields"][0]["field"], "code");
    let (status, body) = app
        .call(
            &client,
            "two-factor/disable",
            &[("password", PASSWORD), ("code", &code)],
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let (_, now) = app.call(&client, "two-factor/status", &[]).await;
    assert_eq!(now["enabled"], false);
    // Signing in is the password alone again.
    let (status, landing) = app
        .call(
            &new_client(),
            "auth/login",
            &[("email", email), ("password", PASSWORD)],
        )
        .await;
    assert_eq!((status, landing), (200, serde_json::json!("/supplier")));
}

#[tokio::test]
async fn the_house_rule_makes_staff_set_it_up_before_any_session() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let admin = app.client_for(&cast.admin.email, PASSWORD).await;
    let staff_before = app.client_for(&cast.staff.email, PASSWORD).await;
    // Only an administrator who has it may require it.
    let (status, body) = app
        .call(&admin, "two-factor/set-house-rule", &[("required", "on")])
        .await;
    assert_eq!(status, 422, "{body}");
    enrol(&app, &admin).await;
    let (status, rule) = app
        .call(&admin, "two-factor/set-house-rule", &[("required", "on")])
        .await;
    assert_eq!(status, 200, "{rule}");
    assert_eq!(rule["required"], true);
    let (_, rule) = app.call(&admin, "two-factor/house-rule", &[]).await;
    assert_eq!(rule["required"], true);
    assert!(app.whoami(&admin).await.is_object(), "the admin stays in");
    // Staff without it are signed out at once.
    assert!(app.whoami(&staff_before).await.is_null());

    // A staff member's password leads to setting it up, not to a session.
    let staff = new_client();
    password_step(&app, &staff, &cast.staff.email).await;
    assert!(app.whoami(&staff).await.is_null());
    let (status, _) = app.call(&staff, "orders/list", &[]).await;
    assert_eq!(status, 401);
    let (status, step) = app.call(&staff, "auth/two-factor-step", &[]).await;
    assert_eq!(status, 200, "{step}");
    let secret = step["enrol"]["setup"]["secret"]
        .as_str()
        .unwrap()
        .to_string();
    // Reloading the page shows the same secret.
    let (_, again) = app.call(&staff, "auth/two-factor-step", &[]).await;
    assert_eq!(again["enrol"]["setup"]["secret"], secret.as_str());
    let (status, body) = second_step(&app, &staff, "000000").await;
    assert_eq!(status, 422, "{body}");
    let (status, done) = second_step(&app, &staff, &code_now(&app, &secret)).await;
    assert_eq!(status, 200, "{done}");
    assert_eq!(done["next"], "/staff");
    assert_eq!(done["recovery_codes"].as_array().unwrap().len(), 10);
    assert_eq!(app.whoami(&staff).await["email"], cast.staff.email.as_str());
    let (_, now) = app.call(&staff, "two-factor/status", &[]).await;
    assert_eq!(now["enabled"], true);
    assert_eq!(now["required"], true);
    // Required means it stays on.
    let (status, body) = app
        .call(
            &staff,
            "two-factor/disable",
            &[("password", PASSWORD), ("code", "000000")],
        )
        .await;
    assert_eq!(status, 409, "{body}");

    // Customers and factories are not asked.
    let (status, landing) = app
        .call(
            &new_client(),
            "auth/login",
            &[("email", &cast.customer.email), ("password", PASSWORD)],
        )
        .await;
    assert_eq!((status, landing), (200, serde_json::json!("/customer")));

    // An administrator may stop requiring it.
    let (status, _) = app
        .call(&admin, "two-factor/set-house-rule", &[("required", "")])
        .await;
    assert_eq!(status, 200);
    let (_, rule) = app.call(&admin, "two-factor/house-rule", &[]).await;
    assert_eq!(rule["required"], false);
}
