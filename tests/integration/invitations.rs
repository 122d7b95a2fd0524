//! Invitations and password resets: single-use, expiring, hashed tokens sent by mail.

use chrono::Duration;
use integration_tests::people::{PASSWORD, create_cast};
use integration_tests::{link_token, new_client, spawn_app};

/// The invitation among the mails an invitation sends (the company's
/// people are told of it as well, in no set order).
fn invitation_mail(mails: &[server::mail::Envelope]) -> &server::mail::Envelope {
    mails
        .iter()
        .find(|mail| mail.kind == "invitation")
        .expect("an invitation mail")
}

#[tokio::test]
async fn an_invited_person_sets_a_password_once_and_lands_in_their_area() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let staff = app.client_for(&cast.staff.email, PASSWORD).await;
    let company = cast.supplier_b.to_string();
    let (status, body) = app
        .call(
            &staff,
            "admin/invite",
            &[
                ("company_id", &company),
                ("email", "New.Person@Supplier-B.test"),
                ("display_name", "Zhang Min"),
                ("role", "supplier"),
            ],
        )
        .await;
    assert_eq!(status, 200, "{body}");
    // The invitation, and the notice to supplier B's own person.
    let mails = app.wait_for_mails(2).await;
    let invitation = invitation_mail(&mails);
    assert_eq!(invitation.to, "new.person@supplier-b.test");
    assert_eq!(invitation.subject, "Your invitation to the Trade Portal");
    assert!(invitation.body_text.contains("Supplier B"));
    let token = link_token(&invitation.body_text, "/invitation/");
    assert_eq!(token.len(), 32);

    // The token is stored only as a hash.
    use sea_orm::EntityTrait;
    let stored = app::ssr::entities::account_token::Entity::find()
        .all(&app.db)
        .await
        .unwrap();
    assert!(stored.iter().all(|t| t.token_hash != token));

    let invitee = new_client();
    let (status, details) = app
        .call(&invitee, "auth/invitation", &[("token", &token)])
        .await;
    assert_eq!(status, 200, "{details}");
    assert_eq!(details["company_name"], "Supplier B");
    assert_eq!(details["role"], "supplier");

    let (status, body) = app
        .call(
            &invitee,
            "auth/accept-invitation",
            &[
                ("token", &token),
                ("display_name", "Zhang Min"),
                ("new_password", "too short"),
            ],
        )
        .await;
    assert_eq!(status, 422, "{body}");
    let (status, landing) = app
        .call(
            &invitee,
            "auth/accept-invitation",
            &[
                ("token", &token),
                ("display_name", "Zhang Min"),
                ("new_password", "bamboo lantern river 42"),
            ],
        )
        .await;
    assert_eq!(status, 200, "{landing}");
    assert_eq!(landing, "/supplier");
    let me = app.whoami(&invitee).await;
    assert_eq!(me["company_id"], cast.supplier_b);

    // Single use.
    let (status, body) = app
        .call(
            &new_client(),
            "auth/accept-invitation",
            &[
                ("token", &token),
                ("display_name", "Mallory"),
                ("new_password", "another password entirely"),
            ],
        )
        .await;
    assert_eq!(status, 409, "{body}");
    app.sign_in(
        &new_client(),
        "new.person@supplier-b.test",
        "bamboo lantern river 42",
    )
    .await;
}

#[tokio::test]
async fn invitations_expire_after_72_hours() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let admin = app.client_for(&cast.admin.email, PASSWORD).await;
    let company = cast.customer_a.to_string();
    let (status, _) = app
        .call(
            &admin,
            "admin/invite",
            &[
                ("company_id", &company),
                ("email", "late@customer-a.test"),
                ("display_name", "Late"),
                ("role", "customer"),
            ],
        )
        .await;
    assert_eq!(status, 200);
    let mails = app.wait_for_mails(2).await;
    let token = link_token(&invitation_mail(&mails).body_text, "/invitation/");
    app.clock.advance(Duration::hours(71));
    let (status, _) = app
        .call(&new_client(), "auth/invitation", &[("token", &token)])
        .await;
    assert_eq!(status, 200, "still valid after 71 hours");
    app.clock.advance(Duration::hours(1));
    let (status, body) = app
        .call(
            &new_client(),
            "auth/accept-invitation",
            &[
                ("token", &token),
                ("display_name", "Late"),
                ("new_password", "a long enough password"),
            ],
        )
        .await;
    assert_eq!(status, 409, "{body}");
    let (status, _) = app
        .call(
            &new_client(),
            "auth/invitation",
            &[("token", "0123456789abcdef0123456789abcdef")],
        )
        .await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn invitation_input_is_checked_field_by_field() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let admin = app.client_for(&cast.admin.email, PASSWORD).await;
    let company = cast.customer_a.to_string();
    let (status, body) = app
        .call(
            &admin,
            "admin/invite",
            &[
                ("company_id", &company),
                ("email", "not-an-email"),
                ("display_name", " "),
                ("role", "customer"),
            ],
        )
        .await;
    assert_eq!(status, 422);
    let fields: Vec<&str> = body["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["email", "display_name"]);
    let (status, body) = app
        .call(
            &admin,
            "admin/invite",
            &[
                ("company_id", &company),
                ("email", &cast.customer.email),
                ("display_name", "Twin"),
                ("role", "customer"),
            ],
        )
        .await;
    assert_eq!(status, 422);
    assert_eq!(body["fields"][0]["field"], "email");
    let (status, _) = app
        .call(
            &admin,
            "admin/invite",
            &[
                ("company_id", &company),
                ("email", "x@customer-a.test"),
                ("display_name", "X"),
                ("role", "supplier"),
            ],
        )
        .await;
    assert_eq!(
        status, 422,
        "a supplier role does not fit a customer company"
    );
    use sea_orm::{EntityTrait, PaginatorTrait};
    assert_eq!(
        app::ssr::entities::outbox::Entity::find()
            .count(&app.db)
            .await
            .unwrap(),
        0,
        "nothing half-written"
    );
}

#[tokio::test]
async fn a_reset_request_answers_the_same_for_unknown_addresses_and_mails_only_real_ones() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let unknown = app
        .call(
            &new_client(),
            "auth/request-reset",
            &[("email", "nobody@nowhere.test")],
        )
        .await;
    let known = app
        .call(
            &new_client(),
            "auth/request-reset",
            &[("email", &cast.customer.email)],
        )
        .await;
    assert_eq!(unknown.0, 200);
    assert_eq!(unknown, known);
    let mails = app.wait_for_mails(1).await;
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    assert_eq!(
        app.mailbox.messages().len(),
        1,
        "no mail for the unknown address"
    );
    assert_eq!(mails[0].to, cast.customer.email);
    let token = link_token(&mails[0].body_text, "/reset-password/");

    let other_session = app.client_for(&cast.customer.email, PASSWORD).await;
    let (status, body) = app
        .call(
            &new_client(),
            "auth/reset",
            &[
                ("token", &token),
                ("new_password", "my brand new passphrase"),
            ],
        )
        .await;
    assert_eq!(status, 200, "{body}");
    assert!(
        app.whoami(&other_session).await.is_null(),
        "a reset ends every session"
    );
    app.sign_in(
        &new_client(),
        &cast.customer.email,
        "my brand new passphrase",
    )
    .await;
    let (status, _) = app
        .call(
            &new_client(),
            "auth/reset",
            &[("token", &token), ("new_password", "and yet another one")],
        )
        .await;
    assert_eq!(status, 409, "single use");
}

#[tokio::test]
async fn reset_links_expire_after_thirty_minutes() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    app.call(
        &new_client(),
        "auth/request-reset",
        &[("email", &cast.supplier.email)],
    )
    .await;
    let token = link_token(
        &app.wait_for_mails(1).await[0].body_text,
        "/reset-password/",
    );
    app.clock.advance(Duration::minutes(30));
    let (status, _) = app
        .call(
            &new_client(),
            "auth/reset",
            &[("token", &token), ("new_password", "too late for this one")],
        )
        .await;
    assert_eq!(status, 409);
    app.sign_in(&new_client(), &cast.supplier.email, PASSWORD)
        .await;
}

#[tokio::test]
async fn reset_requests_are_limited_per_address() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    for i in 0..5 {
        let email = format!("someone{i}@nowhere.test");
        let (status, _) = app
            .call(&new_client(), "auth/request-reset", &[("email", &email)])
            .await;
        assert_eq!(status, 200);
    }
    let (status, body) = app
        .call(
            &new_client(),
            "auth/request-reset",
            &[("email", &cast.customer.email)],
        )
        .await;
    assert_eq!(status, 429, "{body}");
    assert!(app.mailbox.messages().is_empty());
}

#[tokio::test]
async fn delivered_mail_leaves_no_working_link_in_the_database() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    app.call(
        &new_client(),
        "auth/request-reset",
        &[("email", &cast.customer.email)],
    )
    .await;
    let token = link_token(
        &app.wait_for_mails(1).await[0].body_text,
        "/reset-password/",
    );
    use sea_orm::EntityTrait;
    for _ in 0..100 {
        let rows = app::ssr::entities::outbox::Entity::find()
            .all(&app.db)
            .await
            .unwrap();
        if rows.iter().all(|r| r.sent_at.is_some()) {
            assert!(rows.iter().all(|r| !r.body_text.contains(&token)));
            assert!(
                rows.iter()
                    .all(|r| r.body_html.as_deref().is_none_or(|h| !h.contains(&token))),
                "nor in the HTML part"
            );
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    panic!("the outbox row was never marked sent");
}

#[tokio::test]
async fn deactivation_revokes_open_links() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    app.call(
        &new_client(),
        "auth/request-reset",
        &[("email", &cast.supplier_b_user.email)],
    )
    .await;
    let token = link_token(
        &app.wait_for_mails(1).await[0].body_text,
        "/reset-password/",
    );
    let admin = app.client_for(&cast.admin.email, PASSWORD).await;
    let id = cast.supplier_b_user.id.to_string();
    let (status, _) = app
        .call(&admin, "admin/deactivate", &[("user_id", &id)])
        .await;
    assert_eq!(status, 200);
    let (status, _) = app
        .call(
            &new_client(),
            "auth/reset",
            &[
                ("token", &token),
                ("new_password", "back in through the reset"),
            ],
        )
        .await;
    assert_eq!(status, 409);
}
