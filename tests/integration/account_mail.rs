//! Mail about an account: reset links a stranger's request cannot cancel,
//! sign-in links that die with their undelivered mail, and a notice to the
//! owner whenever a password changes.

use app::ssr::entities::outbox;
use app::ssr::links::{LINK_EXPIRED, VOIDED_BODY};
use chrono::Duration;
use integration_tests::people::{PASSWORD, create_cast};
use integration_tests::smtp::{Answer, SmtpSink};
use integration_tests::{SpawnOptions, TestApp, link_token, new_client, spawn_app, spawn_app_with};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

/// Asks for a reset of `email` and returns the token of the link mailed.
async fn request_reset(app: &TestApp, email: &str) -> String {
    let before = app.mailbox.messages().len();
    let (status, body) = app
        .call(&new_client(), "auth/request-reset", &[("email", email)])
        .await;
    assert_eq!(status, 200, "{body}");
    let mails = app.wait_for_mails(before + 1).await;
    link_token(&mails[before].body_text, "/reset-password/")
}

async fn reset(app: &TestApp, token: &str, password: &str) -> u16 {
    app.call(
        &new_client(),
        "auth/reset",
        &[("token", token), ("new_password", password)],
    )
    .await
    .0
}

#[tokio::test]
async fn a_second_reset_request_leaves_the_first_link_working() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let owners = request_reset(&app, &cast.customer.email).await;
    // Anyone who knows the address can ask again.
    let strangers = request_reset(&app, &cast.customer.email).await;
    assert_ne!(owners, strangers);
    assert_eq!(
        reset(&app, &owners, "the owner's new passphrase").await,
        200
    );
    assert_eq!(
        reset(&app, &strangers, "somebody else's passphrase").await,
        409,
        "using one link voids the others"
    );
    app.sign_in(
        &new_client(),
        &cast.customer.email,
        "the owner's new passphrase",
    )
    .await;
}

#[tokio::test]
async fn only_the_three_newest_reset_links_work() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let mut tokens = Vec::new();
    for _ in 0..4 {
        tokens.push(request_reset(&app, &cast.supplier.email).await);
    }
    assert_eq!(
        reset(&app, &tokens[0], "too old a link for this").await,
        409,
        "the fourth request dropped the oldest"
    );
    assert_eq!(reset(&app, &tokens[2], "a middle link works").await, 200);
    for token in [&tokens[1], &tokens[3]] {
        assert_eq!(reset(&app, token, "after one was used").await, 409);
    }
}

#[tokio::test]
async fn a_password_change_mails_a_notice_to_the_owner() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let client = app.client_for(&cast.supplier.email, PASSWORD).await;
    let (status, body) = app
        .call(
            &client,
            "auth/change-password",
            &[
                ("current_password", PASSWORD),
                ("new_password", "a brand new workshop passphrase"),
            ],
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let mails = app.wait_for_mails(1).await;
    let notice = &mails[0];
    assert_eq!(notice.to, cast.supplier.email);
    assert_eq!(notice.kind, "password_changed");
    assert_eq!(notice.subject, "Your Trade Portal password was changed");
    assert!(notice.body_text.contains("UTC"), "{}", notice.body_text);
    assert!(
        notice.body_text.contains("Forgot your password?"),
        "{}",
        notice.body_text
    );
    let html = notice.body_html.as_deref().unwrap_or_default();
    for part in [notice.body_text.as_str(), html] {
        assert!(!part.contains("/reset-password/"), "{part}");
        assert!(!part.contains("/invitation/"), "{part}");
        assert!(!part.contains("href"), "no link to follow: {part}");
    }
}

#[tokio::test]
async fn a_reset_mails_a_notice_in_the_owners_language() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let client = app.client_for(&cast.customer.email, PASSWORD).await;
    let (status, body) = app.call(&client, "auth/locale", &[("locale", "zh")]).await;
    assert_eq!(status, 200, "{body}");
    let token = request_reset(&app, &cast.customer.email).await;
    assert_eq!(
        reset(&app, &token, "a new passphrase for purchasing").await,
        200
    );
    let mails = app.wait_for_mails(2).await;
    let notice = &mails[1];
    assert_eq!(notice.kind, "password_changed");
    assert_eq!(notice.to, cast.customer.email);
    assert_eq!(notice.subject, "您的贸易门户密码已更改");
    assert!(!notice.body_text.contains(&token));
}

/// The invitation or reset row of the outbox once `ready` holds for it.
async fn wait_for_link_row(
    app: &TestApp,
    kind: &str,
    ready: impl Fn(&outbox::Model) -> bool,
) -> outbox::Model {
    for _ in 0..400 {
        let rows = outbox::Entity::find()
            .filter(outbox::Column::Kind.eq(kind))
            .all(&app.db)
            .await
            .unwrap();
        if let Some(row) = rows.into_iter().find(|row| ready(row)) {
            return row;
        }
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    }
    panic!("no {kind} row became ready");
}

/// A portal whose mail server refuses everything for now (451), so mail
/// waits in the outbox for a retry that the standing clock never brings.
async fn portal_with_a_refusing_mail_server() -> (TestApp, SmtpSink) {
    let sink = SmtpSink::start().await;
    sink.answer(Answer::Refuse(451));
    let app = spawn_app_with(SpawnOptions {
        smtp_port: Some(sink.port),
        ..Default::default()
    })
    .await;
    (app, sink)
}

#[tokio::test]
async fn a_dead_invitation_mail_no_longer_holds_a_working_link() {
    let (app, sink) = portal_with_a_refusing_mail_server().await;
    let cast = create_cast(&app).await;
    let staff = app.client_for(&cast.staff.email, PASSWORD).await;
    let company = cast.supplier_b.to_string();
    let (status, body) = app
        .call(
            &staff,
            "admin/invite",
            &[
                ("company_id", &company),
                ("email", "undelivered@supplier-b.test"),
                ("display_name", "Wang Fang"),
                ("role", "supplier"),
            ],
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let waiting = wait_for_link_row(&app, "invitation", |row| row.attempts >= 1).await;
    let token = link_token(&waiting.body_text, "/invitation/");
    let (status, body) = app
        .call(&new_client(), "auth/invitation", &[("token", &token)])
        .await;
    assert_eq!(status, 200, "the link works while its mail waits: {body}");

    // The worker gives up on it, as after a 5xx or its last retry.
    outbox::Entity::update_many()
        .col_expr(outbox::Column::Dead, Expr::value(true))
        .col_expr(
            outbox::Column::LastError,
            Expr::value(Some("permanent failure: 550 no such mailbox".to_string())),
        )
        .filter(outbox::Column::Id.eq(waiting.id.clone()))
        .exec(&app.db)
        .await
        .unwrap();
    app.state.outbox_wakeup.notify_one();
    let dead = wait_for_link_row(&app, "invitation", |row| row.body_text == VOIDED_BODY).await;
    assert!(dead.dead);
    assert!(dead.body_html.is_none(), "{:?}", dead.body_html);
    let (status, body) = app
        .call(&new_client(), "auth/invitation", &[("token", &token)])
        .await;
    assert_eq!(status, 409, "the dead mail's link is revoked: {body}");

    // Sent again, it carries a fresh link.
    let (status, body) = app
        .call(&staff, "mail/retry", &[("id", dead.id.as_str())])
        .await;
    assert_eq!(status, 200, "{body}");
    let again = wait_for_link_row(&app, "invitation", |row| {
        !row.dead && row.attempts >= 1 && row.body_text.contains("/invitation/")
    })
    .await;
    assert_eq!(again.id, dead.id);
    let fresh = link_token(&again.body_text, "/invitation/");
    assert_ne!(fresh, token);
    let (status, body) = app
        .call(&new_client(), "auth/invitation", &[("token", &fresh)])
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["company_name"], "Supplier B");
    let (status, _) = app
        .call(&new_client(), "auth/invitation", &[("token", &token)])
        .await;
    assert_eq!(status, 409);
    assert!(sink.received().is_empty());
}

#[tokio::test]
async fn a_link_mail_undelivered_when_its_link_runs_out_is_voided() {
    let (app, sink) = portal_with_a_refusing_mail_server().await;
    let cast = create_cast(&app).await;
    let (status, body) = app
        .call(
            &new_client(),
            "auth/request-reset",
            &[("email", &cast.customer.email)],
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let waiting = wait_for_link_row(&app, "password_reset", |row| row.attempts >= 1).await;
    let token = link_token(&waiting.body_text, "/reset-password/");
    // Its retry comes due after the link ran out: nothing to send any more.
    app.clock.advance(Duration::minutes(31));
    sink.answer(Answer::Accept);
    app.state.outbox_wakeup.notify_one();
    let voided =
        wait_for_link_row(&app, "password_reset", |row| row.body_text == VOIDED_BODY).await;
    assert!(voided.dead);
    assert_eq!(voided.last_error.as_deref(), Some(LINK_EXPIRED));
    assert!(voided.body_html.is_none());
    assert!(sink.received().is_empty(), "an expired link is never sent");
    assert_eq!(reset(&app, &token, "far too late for this").await, 409);
}
