//! Sign-in, sessions, sign-out, password change, brute-force protection.

use chrono::Duration;
use integration_tests::people::{PASSWORD, create_cast};
use integration_tests::{TestApp, new_client, spawn_app};
use std::time::Instant;

#[tokio::test]
async fn sign_in_sets_a_hardened_session_cookie_and_lands_in_the_role_area() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    for (person, home) in [
        (&cast.customer, "/customer"),
        (&cast.supplier, "/supplier"),
        (&cast.staff, "/staff"),
        (&cast.admin, "/admin"),
    ] {
        let client = new_client();
        let response = client
            .post(app.url("/api/auth/login"))
            .form(&[("email", person.email.as_str()), ("password", PASSWORD)])
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200);
        let cookie = response.headers()["set-cookie"]
            .to_str()
            .unwrap()
            .to_string();
        assert!(cookie.starts_with("portal_session="), "{cookie}");
        assert!(
            cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
            "{cookie}"
        );
        // The public URL is http here, so no Secure flag.
        assert!(!cookie.contains("Secure"), "{cookie}");
        let token = cookie["portal_session=".len()..].split(';').next().unwrap();
        assert_eq!(token.len(), 32, "128 random bits as hex");
        let landing: String = response.json().await.unwrap();
        assert_eq!(landing, home);
        let me = app.whoami(&client).await;
        assert_eq!(me["email"], person.email.as_str());
    }
}

#[tokio::test]
async fn the_session_token_is_stored_only_as_a_hash() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let client = new_client();
    let response = client
        .post(app.url("/api/auth/login"))
        .form(&[
            ("email", cast.customer.email.as_str()),
            ("password", PASSWORD),
        ])
        .send()
        .await
        .unwrap();
    let cookie = response.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .to_string();
    let token = cookie["portal_session=".len()..]
        .split(';')
        .next()
        .unwrap()
        .to_string();
    use sea_orm::EntityTrait;
    let sessions = app::ssr::entities::session::Entity::find()
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(sessions.len(), 1);
    assert_ne!(sessions[0].token_hash, token);
    assert_eq!(
        sessions[0].token_hash,
        app::ssr::auth::token::hash_token(&token)
    );
}

#[tokio::test]
async fn wrong_password_and_unknown_email_get_the_same_answer() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let wrong = app
        .call(
            &app.client,
            "auth/login",
            &[
                ("email", &cast.customer.email),
                ("password", "not the password at all"),
            ],
        )
        .await;
    let unknown = app
        .call(
            &app.client,
            "auth/login",
            &[
                ("email", "nobody@nowhere.test"),
                ("password", "not the password at all"),
            ],
        )
        .await;
    assert_eq!(wrong.0, 422);
    assert_eq!(wrong, unknown);
    assert!(app.whoami(&app.client).await.is_null());
}

#[tokio::test]
async fn an_unknown_email_costs_as_much_time_as_a_wrong_password() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    // All from one address: stay under its limit, and use a different account
    // for each wrong password so no account lock short-cuts the answer.
    let mut wrong = Vec::new();
    let mut unknown = Vec::new();
    for (i, person) in [&cast.admin, &cast.staff, &cast.supplier]
        .into_iter()
        .enumerate()
    {
        let start = Instant::now();
        app.call(
            &new_client(),
            "auth/login",
            &[
                ("email", &person.email),
                ("password", "wrong password here"),
            ],
        )
        .await;
        wrong.push(start.elapsed());
        let start = Instant::now();
        let email = format!("nobody{i}@nowhere.test");
        app.call(
            &new_client(),
            "auth/login",
            &[("email", &email), ("password", "wrong password here")],
        )
        .await;
        unknown.push(start.elapsed());
    }
    wrong.sort();
    unknown.sort();
    // Without the dummy hash an unknown e-mail answers in about a millisecond,
    // against tens of milliseconds for an argon2id verification.
    assert!(
        unknown[1] * 2 >= wrong[1],
        "unknown e-mail {:?} is much faster than a wrong password {:?}",
        unknown[1],
        wrong[1]
    );
}

#[tokio::test]
async fn five_failures_lock_the_account_for_fifteen_minutes() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let email = cast.supplier.email.as_str();
    for _ in 0..4 {
        let (status, _) = app
            .call(
                &app.client,
                "auth/login",
                &[("email", email), ("password", "guess guess guess")],
            )
            .await;
        assert_eq!(status, 422);
    }
    let (status, body) = app
        .call(
            &app.client,
            "auth/login",
            &[("email", email), ("password", "guess guess guess")],
        )
        .await;
    assert_eq!(status, 429, "{body}");
    // Even the right password is refused while locked, with a plain message.
    let (status, body) = app
        .call(
            &app.client,
            "auth/login",
            &[("email", email), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(status, 429);
    assert_eq!(body["kind"], "rate_limited");
    assert_eq!(body["minutes"], 15);
    // Another account from the same address is not locked by it.
    app.sign_in(&new_client(), &cast.customer.email, PASSWORD)
        .await;

    app.clock.advance(Duration::minutes(16));
    app.sign_in(&new_client(), email, PASSWORD).await;
}

#[tokio::test]
async fn twenty_failures_from_one_address_block_it() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    for i in 0..19 {
        let email = format!("guess{i}@nowhere.test");
        let (status, _) = app
            .call(
                &app.client,
                "auth/login",
                &[("email", &email), ("password", "guess guess guess")],
            )
            .await;
        assert_eq!(status, 422, "attempt {i}");
    }
    let (status, _) = app
        .call(
            &app.client,
            "auth/login",
            &[
                ("email", "last@nowhere.test"),
                ("password", "guess guess guess"),
            ],
        )
        .await;
    assert_eq!(status, 429);
    let (status, _) = app
        .call(
            &app.client,
            "auth/login",
            &[("email", &cast.admin.email), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(status, 429, "the address is blocked for every account");
    app.clock.advance(Duration::minutes(16));
    app.sign_in(&new_client(), &cast.admin.email, PASSWORD)
        .await;
}

#[tokio::test]
async fn sessions_end_after_thirty_idle_minutes() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let client = app.client_for(&cast.customer.email, PASSWORD).await;
    app.clock.advance(Duration::minutes(29));
    assert!(
        !app.whoami(&client).await.is_null(),
        "still active after 29 minutes"
    );
    app.clock.advance(Duration::minutes(29));
    assert!(
        !app.whoami(&client).await.is_null(),
        "activity keeps it alive"
    );
    app.clock.advance(Duration::minutes(30));
    assert!(
        app.whoami(&client).await.is_null(),
        "ended after 30 idle minutes"
    );
}

/// An open page's live stream reconnects by itself; that is no activity
/// of the person's, so the session still goes idle.
#[tokio::test]
async fn the_live_stream_does_not_keep_an_idle_session_alive() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let client = app.client_for(&cast.customer.email, PASSWORD).await;
    app.clock.advance(Duration::minutes(20));
    let stream = client
        .get(app.url("/api/live"))
        .send()
        .await
        .expect("open the live stream");
    assert_eq!(stream.status(), 200, "the session is alive at 20 minutes");
    drop(stream);
    app.clock.advance(Duration::minutes(15));
    assert!(
        app.whoami(&client).await.is_null(),
        "35 minutes without anything the person did ends the session"
    );
}

#[tokio::test]
async fn sessions_end_after_twelve_hours_however_busy() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let client = app.client_for(&cast.staff.email, PASSWORD).await;
    for _ in 0..35 {
        app.clock.advance(Duration::minutes(20));
        assert!(!app.whoami(&client).await.is_null());
    }
    // 11 h 40 min so far; 20 minutes more crosses 12 hours.
    app.clock.advance(Duration::minutes(20));
    assert!(app.whoami(&client).await.is_null());
}

/// Signs `client` in as `email`; answers the session cookie (name=token)
/// its browser was given.
async fn session_cookie(app: &TestApp, client: &reqwest::Client, email: &str) -> String {
    let response = client
        .post(app.url("/api/auth/login"))
        .form(&[("email", email), ("password", PASSWORD)])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let cookie = response.headers()["set-cookie"].to_str().unwrap();
    cookie.split(';').next().unwrap().to_string()
}

/// Who a copy of the cookie, sent from another client, is signed in as.
async fn replayed(app: &TestApp, token_pair: &str) -> String {
    let replay = reqwest::Client::new()
        .post(app.url("/api/auth/me"))
        .header("cookie", token_pair)
        .send()
        .await
        .unwrap();
    assert_eq!(replay.status(), 200);
    replay.text().await.unwrap()
}

#[tokio::test]
async fn sign_out_ends_the_session_on_the_server() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let client = new_client();
    let token_pair = session_cookie(&app, &client, &cast.customer.email).await;
    let (status, _) = app.call(&client, "auth/logout", &[]).await;
    assert_eq!(status, 200);
    // Replaying the old cookie from another client finds no session.
    assert_eq!(replayed(&app, &token_pair).await, "null");
}

/// A sign-in on a browser that was signed in ends its earlier session at
/// once, also for a copy of its cookie that was answered from memory.
#[tokio::test]
async fn a_sign_in_over_a_session_ends_it_for_every_copy_of_its_cookie() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let client = new_client();
    let token_pair = session_cookie(&app, &client, &cast.customer.email).await;
    assert!(
        replayed(&app, &token_pair)
            .await
            .contains(&cast.customer.email)
    );
    assert!(
        replayed(&app, &token_pair)
            .await
            .contains(&cast.customer.email)
    );
    app.sign_in(&client, &cast.staff.email, PASSWORD).await;
    assert_eq!(replayed(&app, &token_pair).await, "null");
    assert_eq!(
        app.whoami(&client).await["email"],
        cast.staff.email.as_str()
    );
}

#[tokio::test]
async fn a_new_sign_in_gets_a_new_token() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let client = app.client_for(&cast.customer.email, PASSWORD).await;
    use sea_orm::EntityTrait;
    let before = app::ssr::entities::session::Entity::find()
        .all(&app.db)
        .await
        .unwrap();
    app.sign_in(&client, &cast.customer.email, PASSWORD).await;
    let after = app::ssr::entities::session::Entity::find()
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(after.len(), 1, "the earlier session of this browser ended");
    assert_ne!(before[0].token_hash, after[0].token_hash);
}

#[tokio::test]
async fn changing_the_password_ends_every_other_session() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let laptop = app.client_for(&cast.supplier.email, PASSWORD).await;
    let phone = app.client_for(&cast.supplier.email, PASSWORD).await;
    let new_password = "an even longer new password";
    let (status, body) = app
        .call(
            &laptop,
            "auth/change-password",
            &[
                ("current_password", "wrong wrong wrong"),
                ("new_password", new_password),
            ],
        )
        .await;
    assert_eq!(status, 422);
    assert_eq!(body["fields"][0]["field"], "current_password");
    // An overlong guess is a wrong guess like any other.
    let overlong = "x".repeat(100_000);
    let (status, long_answer) = app
        .call(
            &laptop,
            "auth/change-password",
            &[
                ("current_password", overlong.as_str()),
                ("new_password", new_password),
            ],
        )
        .await;
    assert_eq!(status, 422);
    assert_eq!(long_answer, body);
    let (status, body) = app
        .call(
            &laptop,
            "auth/change-password",
            &[("current_password", PASSWORD), ("new_password", "short")],
        )
        .await;
    assert_eq!(status, 422);
    assert_eq!(body["fields"][0]["field"], "new_password");
    let (status, body) = app
        .call(
            &laptop,
            "auth/change-password",
            &[
                ("current_password", PASSWORD),
                ("new_password", new_password),
            ],
        )
        .await;
    assert_eq!(status, 200, "{body}");
    assert!(
        !app.whoami(&laptop).await.is_null(),
        "this browser stays signed in"
    );
    assert!(
        app.whoami(&phone).await.is_null(),
        "the other session ended"
    );
    let (status, _) = app
        .call(
            &new_client(),
            "auth/login",
            &[("email", &cast.supplier.email), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(status, 422, "the old password no longer works");
    app.sign_in(&new_client(), &cast.supplier.email, new_password)
        .await;
}

#[tokio::test]
async fn deactivating_a_user_ends_their_sessions() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let admin = app.client_for(&cast.admin.email, PASSWORD).await;
    let victim = app.client_for(&cast.customer_b_user.email, PASSWORD).await;
    let id = cast.customer_b_user.id.to_string();
    let (status, body) = app
        .call(&admin, "admin/deactivate", &[("user_id", &id)])
        .await;
    assert_eq!(status, 200, "{body}");
    assert!(app.whoami(&victim).await.is_null());
    let (status, _) = app
        .call(
            &new_client(),
            "auth/login",
            &[
                ("email", &cast.customer_b_user.email),
                ("password", PASSWORD),
            ],
        )
        .await;
    assert_eq!(status, 422);
    let own = cast.admin.id.to_string();
    let (status, _) = app
        .call(&admin, "admin/deactivate", &[("user_id", &own)])
        .await;
    assert_eq!(status, 409, "nobody deactivates themselves");
}

#[tokio::test]
async fn the_audit_log_records_sign_ins_failures_sign_outs_and_denials() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    app.call(
        &app.client,
        "auth/login",
        &[
            ("email", &cast.customer.email),
            ("password", "wrong wrong wrong"),
        ],
    )
    .await;
    app.sign_in(&app.client, &cast.customer.email, PASSWORD)
        .await;
    app.call(&app.client, "admin/people", &[]).await;
    app.call(&app.client, "auth/logout", &[]).await;
    use sea_orm::{EntityTrait, QueryOrder};
    let log = app::ssr::entities::audit_log::Entity::find()
        .order_by_asc(app::ssr::entities::audit_log::Column::Id)
        .all(&app.db)
        .await
        .unwrap();
    let actions: Vec<&str> = log.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(
        actions,
        ["login_failed", "login_succeeded", "access_denied", "logout"]
    );
    assert!(
        log.iter()
            .all(|e| e.client_addr.as_deref() == Some("127.0.0.1"))
    );
    assert_eq!(log[1].actor_user_id, Some(cast.customer.id));
    assert_eq!(log[2].actor_company_id, Some(cast.customer_a));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn parallel_guesses_are_all_counted() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let email = cast.customer.email.clone();
    let url = app.url("/api/auth/login");
    let guesses: Vec<_> = (0..10)
        .map(|i| {
            let (url, email) = (url.clone(), email.clone());
            tokio::spawn(async move {
                let password = format!("parallel guess number {i}");
                new_client()
                    .post(url)
                    .form(&[("email", email.as_str()), ("password", password.as_str())])
                    .send()
                    .await
                    .unwrap()
                    .status()
                    .as_u16()
            })
        })
        .collect();
    let mut statuses = Vec::new();
    for guess in guesses {
        statuses.push(guess.await.unwrap());
    }
    assert!(statuses.iter().all(|s| *s != 200), "{statuses:?}");
    // However they interleaved, the account is locked now.
    let (status, _) = app
        .call(
            &new_client(),
            "auth/login",
            &[("email", &email), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(status, 429, "{statuses:?}");
}

#[tokio::test]
async fn guessing_the_current_password_locks_like_sign_in() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let client = app.client_for(&cast.staff.email, PASSWORD).await;
    for _ in 0..4 {
        let (status, _) = app
            .call(
                &client,
                "auth/change-password",
                &[
                    ("current_password", "guess guess guess"),
                    ("new_password", "whatever new password"),
                ],
            )
            .await;
        assert_eq!(status, 422);
    }
    let (status, _) = app
        .call(
            &client,
            "auth/change-password",
            &[
                ("current_password", "guess guess guess"),
                ("new_password", "whatever new password"),
            ],
        )
        .await;
    assert_eq!(status, 429);
    let (status, _) = app
        .call(
            &client,
            "auth/change-password",
            &[
                ("current_password", PASSWORD),
                ("new_password", "whatever new password"),
            ],
        )
        .await;
    assert_eq!(status, 429, "locked, even with the right password");
}

#[tokio::test]
async fn a_stale_cookie_does_not_undo_a_fresh_sign_in() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let client = app.client_for(&cast.customer.email, PASSWORD).await;
    app.clock.advance(Duration::minutes(31));
    // The browser still sends the dead cookie with this sign-in.
    app.sign_in(&client, &cast.customer.email, PASSWORD).await;
    assert_eq!(
        app.whoami(&client).await["email"],
        cast.customer.email.as_str()
    );
}

#[tokio::test]
async fn overlong_sign_in_fields_are_refused_and_nothing_long_is_stored() {
    use app::ssr::audit::{self, AuditAction, AuditEntry};
    use app::ssr::entities::{audit_log, login_throttle};
    use sea_orm::EntityTrait;

    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let huge_email = format!("{}@example.com", "a".repeat(100 * 1024));
    let (status, body) = app
        .call(
            &app.client,
            "auth/login",
            &[("email", &huge_email), ("password", "wrong wrong wrong")],
        )
        .await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["fields"][0]["field"], "email", "{body}");
    let (status, body) = app
        .call(&app.client, "auth/request-reset", &[("email", &huge_email)])
        .await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["fields"][0]["field"], "email", "{body}");
    // An overlong password gets the answer a wrong one gets.
    let huge_password = "p".repeat(100 * 1024);
    let (status, long_answer) = app
        .call(
            &app.client,
            "auth/login",
            &[
                ("email", &cast.customer.email),
                ("password", &huge_password),
            ],
        )
        .await;
    assert_eq!(status, 422, "{long_answer}");
    let (_, wrong_answer) = app
        .call(
            &app.client,
            "auth/login",
            &[
                ("email", &cast.customer.email),
                ("password", "wrong wrong wrong"),
            ],
        )
        .await;
    assert_eq!(long_answer, wrong_answer);

    // Whatever a caller hands the audit log, a row stays small.
    let long = "x".repeat(10_000);
    audit::record(
        &app.db,
        AuditEntry {
            action: AuditAction::AccessDenied,
            actor: None,
            target: Some(&long),
            client_addr: Some(&long),
            detail: Some(&long),
        },
        chrono::Utc::now(),
    )
    .await
    .unwrap();

    let audit_rows = audit_log::Entity::find().all(&app.db).await.unwrap();
    let longest_audit_text = audit_rows
        .iter()
        .flat_map(|row| [&row.target, &row.client_addr, &row.detail])
        .filter_map(|text| text.as_deref())
        .map(|text| text.chars().count())
        .max()
        .unwrap_or(0);
    assert_eq!(longest_audit_text, 320);
    let within = |text: &Option<String>, max: usize| {
        text.as_deref().is_none_or(|t| t.chars().count() <= max)
    };
    assert!(
        audit_rows
            .iter()
            .all(|row| within(&row.target, 200) && within(&row.client_addr, 64)),
        "targets and addresses fit their columns"
    );
    let throttles = login_throttle::Entity::find().all(&app.db).await.unwrap();
    let longest_key = throttles
        .iter()
        .map(|row| row.key.chars().count())
        .max()
        .unwrap_or(0);
    assert!(
        longest_key <= 320,
        "a throttle key of {longest_key} characters"
    );
}
