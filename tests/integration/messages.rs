//! Conversations: a customer and the house on an order, a factory and the
//! house on a purchase order. Neither side sees the other's thread, each
//! message mails exactly the other side's people who want it, in their
//! language, and open pages hear of it.

use std::time::Duration;

use app::domain::account::{DisplayName, Email, Role};
use app::domain::approval::StaffLevel;
use app::ssr::entities::{order, po_line, user};
use app::ssr::repo::users::{self, NewUser};
use integration_tests::people::{PASSWORD, add_house_person, create_cast};
use integration_tests::{TestApp, spawn_app};
use sea_orm::{ActiveModelTrait, EntityTrait, Set};
use server::mail::Envelope;

/// Another person of `company`, signed in with the shared password.
async fn add_person(
    app: &TestApp,
    company_id: i32,
    role: Role,
    email: &str,
    locale: &str,
) -> user::Model {
    let hash = app::ssr::auth::password::hash(PASSWORD.to_string())
        .await
        .unwrap();
    users::insert(
        &app.db,
        NewUser {
            company_id,
            email: &Email::parse(email).unwrap(),
            display_name: &DisplayName::parse("A Colleague").unwrap(),
            role,
            password_hash: Some(hash),
            locale,
            time_zone: "UTC",
        },
        chrono::Utc::now(),
    )
    .await
    .unwrap()
}

/// The purchase order a factory line belongs to.
async fn po_of(app: &TestApp, po_line_id: i32) -> i32 {
    po_line::Entity::find_by_id(po_line_id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .purchase_order_id
}

async fn set_sales_owner(app: &TestApp, order_id: i32, owner: i32) {
    order::ActiveModel {
        id: Set(order_id),
        sales_owner_id: Set(Some(owner)),
        ..Default::default()
    }
    .update(&app.db)
    .await
    .unwrap();
}

async fn read(
    app: &TestApp,
    client: &reqwest::Client,
    kind: &str,
    id: i32,
) -> (u16, serde_json::Value) {
    app.call(
        client,
        "messages/get",
        &[("kind", kind), ("id", &id.to_string())],
    )
    .await
}

async fn write(
    app: &TestApp,
    client: &reqwest::Client,
    kind: &str,
    id: i32,
    body: &str,
) -> (u16, serde_json::Value) {
    app.call(
        client,
        "messages/post",
        &[("kind", kind), ("id", &id.to_string()), ("body", body)],
    )
    .await
}

/// Waits until `total` mails were delivered in all, gives a straggler a
/// moment to show itself, and returns the message mails from the
/// `from`-th mail on.
async fn message_mails(app: &TestApp, from: usize, total: usize) -> Vec<Envelope> {
    app.wait_for_mails(total).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let all = app.mailbox.messages();
    assert_eq!(all.len(), total, "more mails than expected: {all:#?}");
    all.into_iter()
        .skip(from)
        .filter(|m| m.kind == "message_received")
        .collect()
}

fn recipients(mails: &[Envelope]) -> Vec<String> {
    let mut to: Vec<String> = mails.iter().map(|m| m.to.clone()).collect();
    to.sort();
    to
}

fn sides(thread: &serde_json::Value) -> Vec<String> {
    thread["messages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["side"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn a_customer_and_the_house_converse_on_an_order() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let buyer = app.client_for(&cast.customer.email, PASSWORD).await;
    let staff = app.client_for(&cast.staff.email, PASSWORD).await;
    // Two more people of customer A: one reads Chinese, one wants no
    // message mail.
    add_person(
        &app,
        cast.customer_a,
        Role::Customer,
        "zh@customer-a.test",
        "zh",
    )
    .await;
    add_person(
        &app,
        cast.customer_a,
        Role::Customer,
        "quiet@customer-a.test",
        "en",
    )
    .await;
    let quiet = app.client_for("quiet@customer-a.test", PASSWORD).await;
    let (status, body) = app
        .call(
            &quiet,
            "alerts/choose",
            &[("kinds[0]", "customer_slip"), ("kinds[1]", "back_on_track")],
        )
        .await;
    assert_eq!(status, 200, "{body}");

    let (status, thread) = read(&app, &buyer, "order", cast.order_a).await;
    assert_eq!(status, 200, "{thread}");
    assert_eq!(thread["kind"], "order");
    assert_eq!(thread["reference"], "SO-A-1");
    assert_eq!(thread["can_post"], true);
    assert_eq!(thread["messages"], serde_json::json!([]));

    // The customer asks; the order has no sales owner, so sales staff hear
    // (not the administrator, not the customer's own people).
    let (status, body) = write(
        &app,
        &buyer,
        "order",
        cast.order_a,
        "  When will line 2 be ready?\r\nThanks.  ",
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let mails = message_mails(&app, 0, 1).await;
    assert_eq!(recipients(&mails), std::slice::from_ref(&cast.staff.email));
    assert!(mails[0].subject.contains("SO-A-1"), "{}", mails[0].subject);
    assert!(
        mails[0]
            .body_text
            .contains("When will line 2 be ready?\nThanks."),
        "{}",
        mails[0].body_text
    );
    assert!(
        mails[0]
            .body_text
            .contains(&format!("/staff/orders/{}#messages", cast.order_a)),
        "{}",
        mails[0].body_text
    );

    // The house reads it and answers: the customer's people who want mail
    // hear, each in their language.
    let (status, thread) = read(&app, &staff, "order", cast.order_a).await;
    assert_eq!(status, 200, "{thread}");
    assert_eq!(sides(&thread), ["customer"]);
    assert_eq!(thread["messages"][0]["author"], "Test Person");
    assert_eq!(thread["messages"][0]["mine"], false);
    assert_eq!(
        thread["messages"][0]["body"],
        "When will line 2 be ready?\nThanks."
    );
    let (status, body) = write(
        &app,
        &staff,
        "order",
        cast.order_a,
        "Line 2 leaves the factory next week.",
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let mails = message_mails(&app, 1, 3).await;
    assert_eq!(
        recipients(&mails),
        [
            cast.customer.email.clone(),
            "zh@customer-a.test".to_string()
        ]
    );
    let chinese = mails.iter().find(|m| m.to == "zh@customer-a.test").unwrap();
    assert!(
        chinese.subject.contains("订单 SO-A-1"),
        "{}",
        chinese.subject
    );
    let english = mails.iter().find(|m| m.to == cast.customer.email).unwrap();
    assert!(
        english
            .body_text
            .contains(&format!("/customer/orders/{}#messages", cast.order_a)),
        "{}",
        english.body_text
    );
    for mail in &mails {
        assert!(
            mail.body_text
                .contains("Line 2 leaves the factory next week.")
        );
    }

    let (_, thread) = read(&app, &buyer, "order", cast.order_a).await;
    assert_eq!(sides(&thread), ["customer", "house"]);
    assert_eq!(thread["messages"][0]["mine"], true);
    assert_eq!(thread["messages"][1]["mine"], false);

    // With a sales owner, the customer's words go to the owner alone.
    let owner = add_house_person(&app.db, cast.house, "owner@house.test", StaffLevel::Sales).await;
    set_sales_owner(&app, cast.order_a, owner.id).await;
    let (status, body) = write(&app, &buyer, "order", cast.order_a, "And line 1?").await;
    assert_eq!(status, 200, "{body}");
    let mails = message_mails(&app, 3, 4).await;
    assert_eq!(recipients(&mails), ["owner@house.test"]);

    // Nothing that is not a message is kept, and nobody hears of it.
    let too_long = "a".repeat(4001);
    for bad in ["", " \r\n ", "tab\there", too_long.as_str()] {
        let (status, body) = write(&app, &buyer, "order", cast.order_a, bad).await;
        assert_eq!(status, 422, "{bad:?}: {body}");
        assert!(body.to_string().contains("\"body\""), "{body}");
    }
    let (_, thread) = read(&app, &buyer, "order", cast.order_a).await;
    assert_eq!(thread["messages"].as_array().unwrap().len(), 3);
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert_eq!(app.mailbox.messages().len(), 4);
}

#[tokio::test]
async fn a_factory_and_the_house_converse_on_a_purchase_order() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let po_a = po_of(&app, cast.po_line_a).await;
    let factory = app.client_for(&cast.supplier.email, PASSWORD).await;
    let staff = app.client_for(&cast.staff.email, PASSWORD).await;
    let buyer = app.client_for(&cast.customer.email, PASSWORD).await;

    let (status, thread) = read(&app, &factory, "purchase_order", po_a).await;
    assert_eq!(status, 200, "{thread}");
    assert_eq!(thread["reference"], "PO-A-1");
    assert_eq!(thread["can_post"], true);

    // The factory writes; the orders it fills have no owner, so sales
    // staff hear, and learn which factory wrote.
    let (status, body) = write(
        &app,
        &factory,
        "purchase_order",
        po_a,
        "The glaze arrives two days late.",
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let mails = message_mails(&app, 0, 1).await;
    assert_eq!(recipients(&mails), std::slice::from_ref(&cast.staff.email));
    assert!(mails[0].subject.contains("PO-A-1"), "{}", mails[0].subject);
    assert!(
        mails[0].body_text.contains("(Supplier A)"),
        "{}",
        mails[0].body_text
    );
    assert!(
        mails[0]
            .body_text
            .contains(&format!("/staff/po-lines/{}#messages", cast.po_line_a)),
        "{}",
        mails[0].body_text
    );

    // The house answers: supplier A's people hear, supplier B's do not,
    // and nothing of the customer reaches the factory.
    let (status, thread) = read(&app, &staff, "purchase_order", po_a).await;
    assert_eq!(status, 200, "{thread}");
    assert_eq!(sides(&thread), ["factory"]);
    let (status, body) = write(
        &app,
        &staff,
        "purchase_order",
        po_a,
        "Thanks. Please send the new ready date.",
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let mails = message_mails(&app, 1, 2).await;
    assert_eq!(
        recipients(&mails),
        std::slice::from_ref(&cast.supplier.email)
    );
    assert!(
        mails[0]
            .body_text
            .contains(&format!("/supplier/lines/{}#messages", cast.po_line_a)),
        "{}",
        mails[0].body_text
    );
    let (_, thread) = read(&app, &factory, "purchase_order", po_a).await;
    assert_eq!(sides(&thread), ["factory", "house"]);
    for text in [thread.to_string(), mails[0].body_text.clone()] {
        for secret in ["Customer A", "SO-A-1", "Secret Warehouse"] {
            assert!(
                !text.contains(secret),
                "{secret} reached the factory: {text}"
            );
        }
    }

    // The customer's thread of the order this PO fills holds none of it.
    let (status, thread) = read(&app, &buyer, "order", cast.order_a).await;
    assert_eq!(status, 200, "{thread}");
    assert_eq!(thread["messages"], serde_json::json!([]));
    assert!(!thread.to_string().contains("glaze"));

    // With a sales owner on the order it fills, the factory's words go to
    // the owner alone.
    let owner = add_house_person(&app.db, cast.house, "owner@house.test", StaffLevel::Sales).await;
    set_sales_owner(&app, cast.order_a, owner.id).await;
    let (status, body) = write(&app, &factory, "purchase_order", po_a, "Ready on Friday.").await;
    assert_eq!(status, 200, "{body}");
    let mails = message_mails(&app, 2, 3).await;
    assert_eq!(recipients(&mails), ["owner@house.test"]);
}

#[tokio::test]
async fn each_side_sees_only_its_own_threads() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let po_a = po_of(&app, cast.po_line_a).await;
    let po_b = po_of(&app, cast.po_line_b).await;
    let buyer_a = app.client_for(&cast.customer.email, PASSWORD).await;
    let buyer_b = app.client_for(&cast.customer_b_user.email, PASSWORD).await;
    let factory_a = app.client_for(&cast.supplier.email, PASSWORD).await;
    let factory_b = app.client_for(&cast.supplier_b_user.email, PASSWORD).await;
    let staff = app.client_for(&cast.staff.email, PASSWORD).await;
    let (status, _) = write(&app, &staff, "order", cast.order_a, "Order note.").await;
    assert_eq!(status, 200);
    let (status, _) = write(&app, &staff, "purchase_order", po_a, "PO note.").await;
    assert_eq!(status, 200);
    app.wait_for_mails(2).await;

    // Line 2 of order A is made by supplier B, and PO-A-1 fills order A:
    // still, a customer never reads a factory's thread, nor a factory a
    // customer's, nor anyone another tenant's.
    let refused = [
        (&buyer_a, "purchase_order", po_a),
        (&buyer_a, "purchase_order", po_b),
        (&buyer_a, "order", cast.order_b),
        (&buyer_b, "order", cast.order_a),
        (&buyer_b, "purchase_order", po_a),
        (&factory_a, "order", cast.order_a),
        (&factory_a, "order", cast.order_b),
        (&factory_a, "purchase_order", po_b),
        (&factory_b, "order", cast.order_a),
        (&factory_b, "purchase_order", po_a),
    ];
    for (client, kind, id) in refused {
        let (status, body) = read(&app, client, kind, id).await;
        assert_eq!(status, 404, "read {kind} {id}: {body}");
        assert!(!body.to_string().contains("note."), "{body}");
        let (status, body) = write(&app, client, kind, id, "Let me in.").await;
        assert_eq!(status, 404, "write {kind} {id}: {body}");
    }
    // Each refusal, read or write, is written to the audit log.
    let denied = app::ssr::entities::audit_log::Entity::find()
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.action == "access_denied" && e.target.as_deref() == Some("messages"))
        .count();
    assert_eq!(denied, 2 * refused.len());
    for (kind, id) in [("order", 99_999), ("invoice", cast.order_a)] {
        let (status, _) = read(&app, &staff, kind, id).await;
        assert_eq!(status, 404, "{kind} {id}");
    }
    for (client, kind, id) in [
        (&buyer_a, "order", cast.order_a),
        (&factory_a, "purchase_order", po_a),
        (&staff, "purchase_order", po_b),
        (&staff, "order", cast.order_b),
    ] {
        let (status, body) = read(&app, client, kind, id).await;
        assert_eq!(status, 200, "{kind} {id}: {body}");
    }
    // Refused attempts wrote nothing and told nobody.
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(app.mailbox.messages().len(), 2);
    let (_, thread) = read(&app, &staff, "purchase_order", po_b).await;
    assert_eq!(thread["messages"], serde_json::json!([]));
}

#[tokio::test]
async fn whoever_switched_message_mail_off_hears_nothing() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let staff = app.client_for(&cast.staff.email, PASSWORD).await;
    let factory = app.client_for(&cast.supplier.email, PASSWORD).await;
    let po_a = po_of(&app, cast.po_line_a).await;
    // Every kind but messages, for each.
    for (client, kinds) in [
        (
            &staff,
            vec!["supplier_slip", "customer_slip", "back_on_track", "overdue"],
        ),
        (&factory, vec!["stale_reminder"]),
    ] {
        let names: Vec<String> = (0..kinds.len()).map(|i| format!("kinds[{i}]")).collect();
        let fields: Vec<(&str, &str)> = names
            .iter()
            .map(String::as_str)
            .zip(kinds.iter().copied())
            .collect();
        let (status, body) = app.call(client, "alerts/choose", &fields).await;
        assert_eq!(status, 200, "{body}");
    }
    let (_, choices) = app.call(&staff, "alerts/choices", &[]).await;
    assert!(
        choices["offered"]
            .as_array()
            .unwrap()
            .contains(&serde_json::json!("message_received"))
    );
    assert!(
        !choices["chosen"]
            .as_array()
            .unwrap()
            .contains(&serde_json::json!("message_received"))
    );
    let (status, _) = write(&app, &factory, "purchase_order", po_a, "Hello?").await;
    assert_eq!(status, 200);
    let (status, _) = write(&app, &staff, "purchase_order", po_a, "Hello.").await;
    assert_eq!(status, 200);
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(app.mailbox.messages(), vec![], "nobody wanted these");
    let (_, thread) = read(&app, &staff, "purchase_order", po_a).await;
    assert_eq!(sides(&thread), ["factory", "house"]);
}

/// Reads the viewer's event stream for `wait`; returns the events' data.
async fn events_seen(app: &TestApp, client: &reqwest::Client, wait: Duration) -> Vec<String> {
    let mut response = client.get(app.url("/api/live")).send().await.unwrap();
    assert_eq!(response.status(), 200);
    let mut text = String::new();
    let deadline = tokio::time::Instant::now() + wait;
    while let Ok(Ok(Some(chunk))) = tokio::time::timeout_at(deadline, response.chunk()).await {
        text.push_str(&String::from_utf8_lossy(&chunk));
    }
    text.split("\n\n")
        .filter(|block| block.contains("event: order"))
        .filter_map(|block| {
            block
                .lines()
                .find_map(|l| l.strip_prefix("data:"))
                .map(|d| d.trim().to_string())
        })
        .collect()
}

#[tokio::test]
async fn open_pages_hear_of_messages_in_their_own_threads_only() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let po_a = po_of(&app, cast.po_line_a).await;
    let buyer_a = app.client_for(&cast.customer.email, PASSWORD).await;
    let buyer_b = app.client_for(&cast.customer_b_user.email, PASSWORD).await;
    let staff = app.client_for(&cast.staff.email, PASSWORD).await;
    let factory = app.client_for(&cast.supplier.email, PASSWORD).await;

    // A factory's message: the house's pages hear, no customer's.
    let watch_a = events_seen(&app, &buyer_a, Duration::from_secs(2));
    let watch_house = events_seen(&app, &staff, Duration::from_secs(2));
    let post = async {
        tokio::time::sleep(Duration::from_millis(300)).await;
        let (status, body) = write(&app, &factory, "purchase_order", po_a, "Packed.").await;
        assert_eq!(status, 200, "{body}");
    };
    let (seen_a, seen_house, ()) = tokio::join!(watch_a, watch_house, post);
    assert!(seen_a.is_empty(), "customer A heard {seen_a:?}");
    assert_eq!(seen_house, ["{\"order_id\":0}"]);

    // The house's message on order A: customer A's pages hear, B's do not.
    let watch_a = events_seen(&app, &buyer_a, Duration::from_secs(2));
    let watch_b = events_seen(&app, &buyer_b, Duration::from_secs(2));
    let post = async {
        tokio::time::sleep(Duration::from_millis(300)).await;
        let (status, body) = write(&app, &staff, "order", cast.order_a, "Shipping soon.").await;
        assert_eq!(status, 200, "{body}");
    };
    let (seen_a, seen_b, ()) = tokio::join!(watch_a, watch_b, post);
    assert_eq!(seen_a, ["{\"order_id\":0}"]);
    assert!(seen_b.is_empty(), "customer B heard {seen_b:?}");
}
