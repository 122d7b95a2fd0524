//! New outside accounts do not go unseen: the company's own people are told
//! by mail when someone is invited into it, administrators list the
//! customers' and factories' accounts of the last 30 days, and read the
//! audit log in the portal. Nobody else reads either.

use chrono::Duration;
use integration_tests::people::{PASSWORD, create_cast};
use integration_tests::{TestApp, link_token, new_client, spawn_app};
use serde_json::Value;

async fn invite(
    app: &TestApp,
    by: &reqwest::Client,
    company: i32,
    email: &str,
    name: &str,
    role: &str,
) {
    let company = company.to_string();
    let (status, body) = app
        .call(
            by,
            "admin/invite",
            &[
                ("company_id", &company),
                ("email", email),
                ("display_name", name),
                ("role", role),
            ],
        )
        .await;
    assert_eq!(status, 200, "{body}");
}

/// Every mail delivered once `count` have been, after a moment for any
/// that should not have come.
async fn all_mails(app: &TestApp, count: usize) -> Vec<server::mail::Envelope> {
    app.wait_for_mails(count).await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    app.mailbox.messages()
}

#[tokio::test]
async fn an_invitation_into_a_customer_tells_its_people_and_nobody_else() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let staff = app.client_for(&cast.staff.email, PASSWORD).await;
    invite(
        &app,
        &staff,
        cast.customer_b,
        "new.buyer@customer-b.test",
        "Li Wei",
        "customer",
    )
    .await;
    let mails = all_mails(&app, 2).await;
    let mut recipients: Vec<&str> = mails.iter().map(|m| m.to.as_str()).collect();
    recipients.sort_unstable();
    assert_eq!(
        recipients,
        ["buyer@customer-b.test", "new.buyer@customer-b.test"]
    );
    let notice = mails
        .iter()
        .find(|m| m.kind == "colleague_invited")
        .expect("a notice to customer B's buyer");
    assert_eq!(notice.to, cast.customer_b_user.email);
    assert!(notice.subject.contains("Li Wei"), "{}", notice.subject);
    assert!(notice.subject.contains("Customer B"), "{}", notice.subject);
    assert!(
        notice.body_text.contains("Test Person of House"),
        "who invited: {}",
        notice.body_text
    );
    assert!(notice.body_text.contains("new.buyer@customer-b.test"));
    assert!(
        !notice.body_text.contains("/invitation/"),
        "no link to sign in"
    );
    // It is on the buyer's notification list too.
    let buyer_b = app.client_for(&cast.customer_b_user.email, PASSWORD).await;
    let (status, list) = app.call(&buyer_b, "notifications/list", &[]).await;
    assert_eq!(status, 200, "{list}");
    assert_eq!(list["items"][0]["kind"], "colleague_invited", "{list}");

    // Someone whose invitation is still open is nobody to warn; the
    // company's people who use the portal are.
    invite(
        &app,
        &staff,
        cast.customer_b,
        "second@customer-b.test",
        "Second",
        "customer",
    )
    .await;
    let mails = all_mails(&app, 4).await;
    assert_eq!(mails.len(), 4, "{mails:?}");
    let notices: Vec<&str> = mails
        .iter()
        .filter(|m| m.kind == "colleague_invited")
        .map(|m| m.to.as_str())
        .collect();
    assert_eq!(notices, ["buyer@customer-b.test"; 2]);

    // The house's own people are the house's business.
    let admin = app.client_for(&cast.admin.email, PASSWORD).await;
    invite(
        &app,
        &admin,
        cast.house,
        "new.staff@house.test",
        "New",
        "staff",
    )
    .await;
    let mails = all_mails(&app, 5).await;
    assert_eq!(mails.len(), 5, "{mails:?}");
    assert_eq!(mails[4].kind, "invitation");
}

#[tokio::test]
async fn admins_list_the_new_outside_accounts_with_who_invited_them() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let staff = app.client_for(&cast.staff.email, PASSWORD).await;
    invite(
        &app,
        &staff,
        cast.supplier_b,
        "new.factory@supplier-b.test",
        "Wang Fang",
        "supplier",
    )
    .await;
    let admin = app.client_for(&cast.admin.email, PASSWORD).await;
    invite(
        &app,
        &admin,
        cast.house,
        "new.staff@house.test",
        "New",
        "staff",
    )
    .await;
    let listed = |list: &Value, email: &str| -> Option<Value> {
        list.as_array()
            .expect("a list")
            .iter()
            .find(|a| a["email"] == email)
            .cloned()
    };

    let (status, list) = app.call(&admin, "admin/new-accounts", &[]).await;
    assert_eq!(status, 200, "{list}");
    let new = listed(&list, "new.factory@supplier-b.test").expect("the new account");
    assert_eq!(new["company_name"], "Supplier B");
    assert_eq!(new["company_kind"], "supplier");
    assert_eq!(new["display_name"], "Wang Fang");
    assert!(
        new["invited_by"]
            .as_str()
            .is_some_and(|by| by.contains("staff@house.test")),
        "{new}"
    );
    assert_eq!(new["signed_in"], false);
    assert!(
        listed(&list, "new.staff@house.test").is_none(),
        "the house's accounts are not outside ones: {list}"
    );

    // Once the invitation is taken up, the list says so.
    let mails = app.wait_for_mails(3).await;
    let invitation = mails
        .iter()
        .find(|m| m.to == "new.factory@supplier-b.test")
        .expect("the invitation");
    let token = link_token(&invitation.body_text, "/invitation/");
    let (status, body) = app
        .call(
            &new_client(),
            "auth/accept-invitation",
            &[
                ("token", &token),
                ("display_name", "Wang Fang"),
                ("new_password", "quiet harbour lanterns 7319"),
            ],
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let (_, list) = app.call(&admin, "admin/new-accounts", &[]).await;
    let new = listed(&list, "new.factory@supplier-b.test").expect("still listed");
    assert_eq!(new["signed_in"], true);

    // After 30 days it is no longer new.
    app.clock.advance(Duration::days(31));
    let admin = app.client_for(&cast.admin.email, PASSWORD).await;
    let (status, list) = app.call(&admin, "admin/new-accounts", &[]).await;
    assert_eq!(status, 200, "{list}");
    assert!(
        listed(&list, "new.factory@supplier-b.test").is_none(),
        "{list}"
    );
}

#[tokio::test]
async fn staff_and_outsiders_read_neither_the_list_nor_the_audit_log() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let staff = app.client_for(&cast.staff.email, PASSWORD).await;
    invite(
        &app,
        &staff,
        cast.customer_b,
        "hidden@customer-b.test",
        "Hidden",
        "customer",
    )
    .await;
    for person in [&cast.staff, &cast.customer, &cast.supplier] {
        let client = app.client_for(&person.email, PASSWORD).await;
        for endpoint in ["admin/new-accounts", "admin/audit-log"] {
            let (status, body) = app.call(&client, endpoint, &[]).await;
            assert_eq!(status, 403, "{} / {endpoint}: {body}", person.email);
            let text = body.to_string();
            assert!(!text.contains("hidden@customer-b.test"), "{text}");
            assert!(!text.contains("login_succeeded"), "{text}");
        }
        let response = integration_tests::get_with(&client, &app.url("/admin")).await;
        assert_eq!(response.status(), 403, "{}", person.email);
    }
    for endpoint in ["admin/new-accounts", "admin/audit-log"] {
        let (status, _) = app.call(&new_client(), endpoint, &[]).await;
        assert_eq!(status, 401, "{endpoint}");
    }
}

#[tokio::test]
async fn the_audit_log_shows_sign_ins_with_filters() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let buyer = cast.customer.email.clone();
    let (status, _) = app
        .call(
            &new_client(),
            "auth/login",
            &[
                ("email", "Buyer@Customer-A.test"),
                ("password", "not the password"),
            ],
        )
        .await;
    assert_eq!(status, 422);
    app.client_for(&buyer, PASSWORD).await;
    let admin = app.client_for(&cast.admin.email, PASSWORD).await;
    let html = integration_tests::get_with(&admin, &app.url("/admin"))
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("Audit log"), "the admin page has the log");
    assert!(html.contains("New customer and factory accounts"));

    // Everything, newest first: the admin's own sign-in leads.
    let all = audit_rows(&app, &admin, &[]).await;
    assert!(all.len() >= 3, "{all:?}");
    assert_eq!(all[0]["kind"], "login_succeeded");
    assert!(is_about(&all[0], &cast.admin.email), "{:?}", all[0]);

    let sign_ins = audit_rows(&app, &admin, &[("kind", "login_succeeded")]).await;
    assert!(sign_ins.iter().all(|r| r["kind"] == "login_succeeded"));
    assert!(sign_ins.iter().any(|r| is_about(r, &buyer)), "{sign_ins:?}");
    assert!(sign_ins.iter().any(|r| is_about(r, &cast.admin.email)));
    let theirs = sign_ins.iter().find(|r| is_about(r, &buyer)).unwrap();
    assert_eq!(theirs["client_addr"], "127.0.0.1");
    assert!(
        theirs["actor_company"]
            .as_str()
            .is_some_and(|c| c == "Customer A"),
        "{theirs}"
    );

    let of_buyer = audit_rows(&app, &admin, &[("person", "  BUYER@customer-a.test ")]).await;
    assert!(of_buyer.iter().all(|r| is_about(r, &buyer)), "{of_buyer:?}");
    let kinds: Vec<&str> = of_buyer.iter().filter_map(|r| r["kind"].as_str()).collect();
    assert!(kinds.contains(&"login_failed"), "{kinds:?}");
    assert!(kinds.contains(&"login_succeeded"), "{kinds:?}");

    let failed = audit_rows(
        &app,
        &admin,
        &[("kind", "login_failed"), ("person", buyer.as_str())],
    )
    .await;
    assert_eq!(failed.len(), 1, "{failed:?}");
    assert_eq!(failed[0]["target"], "Buyer@Customer-A.test");

    let (status, body) = app
        .call(&admin, "admin/audit-log", &[("kind", "drop_table")])
        .await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["fields"][0]["field"], "kind");
    let long = format!("{}@example.test", "x".repeat(300));
    let (status, body) = app
        .call(&admin, "admin/audit-log", &[("person", &long)])
        .await;
    assert_eq!(status, 422, "{body}");
}

/// The audit log as an administrator reads it with these filters.
async fn audit_rows(app: &TestApp, admin: &reqwest::Client, fields: &[(&str, &str)]) -> Vec<Value> {
    let (status, body) = app.call(admin, "admin/audit-log", fields).await;
    assert_eq!(status, 200, "{fields:?}: {body}");
    assert!(
        body["kinds"]
            .as_array()
            .is_some_and(|kinds| kinds.contains(&Value::from("session_ended"))),
        "{body}"
    );
    body["rows"].as_array().expect("rows").clone()
}

/// Whether an audit row is about the person with this address: they acted,
/// or it names them (as typed, in any case).
fn is_about(row: &Value, email: &str) -> bool {
    row["actor"].as_str().is_some_and(|a| a.contains(email))
        || row["target"]
            .as_str()
            .is_some_and(|t| t.eq_ignore_ascii_case(email))
}
