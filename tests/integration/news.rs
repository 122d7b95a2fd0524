//! Everyday news: an order confirmed, shipped, arrived or paid reaches
//! exactly the customer's people who want it, a purchase order placed or
//! cancelled exactly the factory's, each in their language, and each lands
//! on the reader's own notification list.

use std::time::Duration;

use app::domain::account::{DisplayName, Email, Role};
use app::domain::order_status::OrderStatus;
use app::ssr::repo::users::{self, NewUser};
use integration_tests::people::{PASSWORD, create_cast, create_order};
use integration_tests::{TestApp, spawn_app};
use server::mail::Envelope;

use crate::shipping::{call, line_ids, shipment_fields, version};

async fn add_person(app: &TestApp, company_id: i32, role: Role, email: &str, locale: &str) {
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
    .unwrap();
}

/// Waits until `total` mails were delivered in all, gives a straggler a
/// moment, and returns those of `kind`.
async fn mails_of(app: &TestApp, total: usize, kind: &str) -> Vec<Envelope> {
    app.wait_for_mails(total).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let all = app.mailbox.messages();
    assert_eq!(all.len(), total, "more mails than expected: {all:#?}");
    all.into_iter().filter(|m| m.kind == kind).collect()
}

fn recipients(mails: &[Envelope]) -> Vec<String> {
    let mut to: Vec<String> = mails.iter().map(|m| m.to.clone()).collect();
    to.sort();
    to
}

async fn order_version(app: &TestApp, client: &reqwest::Client, id: i32) -> String {
    let (status, order) = app
        .call(client, "orders/get", &[("id", &id.to_string())])
        .await;
    assert_eq!(status, 200, "{order}");
    order["version"].to_string()
}

async fn notifications(app: &TestApp, client: &reqwest::Client) -> serde_json::Value {
    let (status, list) = app.call(client, "notifications/list", &[]).await;
    assert_eq!(status, 200, "{list}");
    list
}

#[tokio::test]
async fn a_confirmed_and_paid_order_reaches_the_customers_people_who_want_it() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
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
        .call(&quiet, "alerts/choose", &[("kinds[0]", "customer_slip")])
        .await;
    assert_eq!(status, 200, "{body}");
    let staff = app.client_for(&cast.staff.email, PASSWORD).await;
    let buyer = app.client_for(&cast.customer.email, PASSWORD).await;
    let id = create_order(&app, cast.customer_a, "SO-NEWS", OrderStatus::Quoted).await;

    // Nothing yet on anyone's list.
    let list = notifications(&app, &buyer).await;
    assert_eq!(list["unread"], 0);
    assert_eq!(list["items"], serde_json::json!([]));

    let v = order_version(&app, &staff, id).await;
    let (status, body) = app
        .call(
            &staff,
            "orders/move",
            &[
                ("id", &id.to_string()),
                ("to", "confirmed"),
                ("version", &v),
            ],
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let mails = mails_of(&app, 2, "order_confirmed").await;
    assert_eq!(
        recipients(&mails),
        [
            cast.customer.email.clone(),
            "zh@customer-a.test".to_string()
        ]
    );
    let committed = app.day(30);
    let en = mails.iter().find(|m| m.to == cast.customer.email).unwrap();
    assert!(en.subject.contains("SO-NEWS"), "{}", en.subject);
    assert!(
        en.body_text.contains(&format!(
            "1. SECRET-PRODUCT-1 Test product × 100 pcs: {committed}"
        )),
        "{}",
        en.body_text
    );
    assert!(
        en.body_text.contains(&format!("/customer/orders/{id}")),
        "{}",
        en.body_text
    );
    let zh = mails.iter().find(|m| m.to != cast.customer.email).unwrap();
    assert!(zh.subject.contains("已确认"), "{}", zh.subject);

    // The same news on the buyer's list, unread, counted in the navigation.
    let list = notifications(&app, &buyer).await;
    assert_eq!(list["unread"], 1, "{list}");
    let item = &list["items"][0];
    assert_eq!(item["kind"], "order_confirmed");
    assert_eq!(item["title"], en.subject.as_str());
    assert_eq!(item["path"], format!("/customer/orders/{id}"));
    assert_eq!(item["read"], false);
    let (status, count) = app.call(&buyer, "notifications/unread", &[]).await;
    assert_eq!((status, count), (200, serde_json::json!(1)));
    // Nobody else opens it, not even a colleague; the buyer does, and it
    // is read.
    let colleague = app.client_for("zh@customer-a.test", PASSWORD).await;
    let notice = item["id"].to_string();
    let (status, _) = app
        .call(&colleague, "notifications/open", &[("id", &notice)])
        .await;
    assert_eq!(status, 404);
    let (status, path) = app
        .call(&buyer, "notifications/open", &[("id", &notice)])
        .await;
    assert_eq!(status, 200, "{path}");
    assert_eq!(path, format!("/customer/orders/{id}"));
    let list = notifications(&app, &buyer).await;
    assert_eq!(
        (list["unread"].clone(), list["items"][0]["read"].clone()),
        (0.into(), true.into())
    );
    // The quiet colleague chose no order news: nothing on the list either.
    assert_eq!(
        notifications(&app, &quiet).await["items"],
        serde_json::json!([])
    );
    // The house and the other customer heard nothing.
    for client in [
        &staff,
        &app.client_for(&cast.customer_b_user.email, PASSWORD).await,
    ] {
        assert_eq!(notifications(&app, client).await["unread"], 0);
    }

    // A payment: the amount, what is left, and the payment schedule's link.
    let v = order_version(&app, &staff, id).await;
    let (status, body) = app
        .call(
            &staff,
            "orders/pay",
            &[
                ("order_id", &id.to_string()),
                ("version", &v),
                ("received_on", &app.day(0)),
                ("amount", "1000.00"),
                ("reference", "SWIFT 4711"),
            ],
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let mails = mails_of(&app, 4, "payment_recorded").await;
    assert_eq!(
        recipients(&mails),
        [
            cast.customer.email.clone(),
            "zh@customer-a.test".to_string()
        ]
    );
    let en = mails.iter().find(|m| m.to == cast.customer.email).unwrap();
    for part in ["1000.00 EUR", "1500.00 EUR", "SWIFT 4711", "#payments"] {
        assert!(en.body_text.contains(part), "{part} in {}", en.body_text);
    }
    // Marking all read empties the count.
    assert_eq!(notifications(&app, &colleague).await["unread"], 2);
    let (status, done) = app.call(&colleague, "notifications/read-all", &[]).await;
    assert_eq!((status, done), (200, serde_json::json!(2)));
    assert_eq!(notifications(&app, &colleague).await["unread"], 0);
}

#[tokio::test]
async fn a_purchase_order_placed_and_cancelled_reaches_its_factory_only() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    add_person(
        &app,
        cast.supplier_a,
        Role::Supplier,
        "zh@supplier-a.test",
        "zh",
    )
    .await;
    let staff = app.client_for(&cast.staff.email, PASSWORD).await;
    let id = create_order(&app, cast.customer_a, "SO-PO", OrderStatus::Confirmed).await;
    let v = order_version(&app, &staff, id).await;
    let ready_by = app.day(20);
    let (status, number) = app
        .call(
            &staff,
            "orders/place-po",
            &[
                ("order_id", &id.to_string()),
                ("version", &v),
                ("supplier_id", &cast.supplier_a.to_string()),
                ("ready_by", &ready_by),
                ("line_nos[0]", "1"),
            ],
        )
        .await;
    assert_eq!(status, 200, "{number}");
    let number = number.as_str().unwrap().to_string();
    let mails = mails_of(&app, 2, "po_placed").await;
    assert_eq!(
        recipients(&mails),
        [
            cast.supplier.email.clone(),
            "zh@supplier-a.test".to_string()
        ]
    );
    let en = mails.iter().find(|m| m.to == cast.supplier.email).unwrap();
    assert!(en.subject.contains(&number), "{}", en.subject);
    assert!(
        en.body_text.contains(&format!(
            "1. SECRET-PRODUCT-1 Test product × 100: {ready_by}"
        )),
        "{}",
        en.body_text
    );
    // A factory never learns the customer, its address or the price.
    for secret in ["Customer A", "Secret Warehouse", "12.50", "SO-PO"] {
        assert!(
            !en.body_text.contains(secret),
            "{secret} in {}",
            en.body_text
        );
        assert!(!en.subject.contains(secret), "{secret} in {}", en.subject);
    }
    let zh = mails.iter().find(|m| m.to != cast.supplier.email).unwrap();
    assert!(zh.subject.contains("新采购订单"), "{}", zh.subject);
    let factory = app.client_for(&cast.supplier.email, PASSWORD).await;
    let list = notifications(&app, &factory).await;
    assert_eq!(list["unread"], 1, "{list}");
    assert!(
        list["items"][0]["path"]
            .as_str()
            .unwrap()
            .starts_with("/supplier/lines/"),
        "{list}"
    );

    // The order is cancelled, and its purchase order with it: the factory
    // is told to stop; supplier B, with nothing on this order, hears nothing.
    let v = order_version(&app, &staff, id).await;
    let (status, body) = app
        .call(
            &staff,
            "orders/move",
            &[
                ("id", &id.to_string()),
                ("to", "cancelled"),
                ("version", &v),
            ],
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let mails = mails_of(&app, 4, "po_changed").await;
    assert_eq!(
        recipients(&mails),
        [
            cast.supplier.email.clone(),
            "zh@supplier-a.test".to_string()
        ]
    );
    assert!(mails[0].subject.contains(&number), "{}", mails[0].subject);
    let supplier_b = app.client_for(&cast.supplier_b_user.email, PASSWORD).await;
    assert_eq!(notifications(&app, &supplier_b).await["unread"], 0);
}

#[tokio::test]
async fn departure_and_arrival_reach_the_customers_people_with_vessel_and_dates() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let staff = app.client_for(&cast.staff.email, PASSWORD).await;
    let id = create_order(&app, cast.customer_a, "SO-SAIL", OrderStatus::Ready).await;
    let lines = line_ids(&app, id).await;
    let eta = app.day(30);
    let fields = shipment_fields(&app, id, "1", &lines, &["100", "100"], "MSCU1234567", &eta);
    let (status, body) = call(&app, &staff, "shipping/plan", &fields).await;
    assert_eq!(status, 200, "{body}");
    let shipment = body.as_i64().unwrap().to_string();
    let v = version(&app, &staff, id).await;
    let depart = vec![
        ("order_id".to_string(), id.to_string()),
        ("version".to_string(), v),
        ("shipment_id".to_string(), shipment.clone()),
        ("atd".to_string(), app.day(0)),
        (
            "override_reason".to_string(),
            "Documents follow by courier".to_string(),
        ),
    ];
    let (status, body) = call(&app, &staff, "shipping/depart", &depart).await;
    assert_eq!(status, 200, "{body}");
    let mails = mails_of(&app, 1, "order_shipped").await;
    assert_eq!(
        recipients(&mails),
        std::slice::from_ref(&cast.customer.email)
    );
    let mail = &mails[0];
    for part in ["SO-SAIL", "Maersk Kinloss 451W", eta.as_str()] {
        assert!(mail.subject.contains(part), "{part} in {}", mail.subject);
    }
    for part in [
        "Ningbo",
        "Hamburg",
        &app.day(0),
        &format!("/customer/orders/{id}#shipping"),
    ] {
        assert!(
            mail.body_text.contains(part),
            "{part} in {}",
            mail.body_text
        );
    }

    let v = version(&app, &staff, id).await;
    let arrive = vec![
        ("order_id".to_string(), id.to_string()),
        ("version".to_string(), v),
        ("shipment_id".to_string(), shipment),
        ("ata".to_string(), app.day(0)),
    ];
    let (status, body) = call(&app, &staff, "shipping/arrive", &arrive).await;
    assert_eq!(status, 200, "{body}");
    let mails = mails_of(&app, 2, "order_arrived").await;
    assert_eq!(
        recipients(&mails),
        std::slice::from_ref(&cast.customer.email)
    );
    assert!(mails[0].subject.contains("Hamburg"), "{}", mails[0].subject);
    let buyer = app.client_for(&cast.customer.email, PASSWORD).await;
    let kinds: Vec<String> = notifications(&app, &buyer).await["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["kind"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(kinds, ["order_arrived", "order_shipped"]);
}
