//! Shipments, documents and the checks before customs; the arrival date
//! reaching the customer; the payment schedule reminding once per level.
//! Each through the server functions a browser calls, with bad input first.

use app::domain::order_status::OrderStatus;
use app::ssr::entities::{instalment, order_line};
use integration_tests::people::{PASSWORD, add_sales_manager, create_cast, create_order};
use integration_tests::{TestApp, spawn_app};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set};

pub(crate) async fn line_ids(app: &TestApp, order_id: i32) -> Vec<i32> {
    order_line::Entity::find()
        .filter(order_line::Column::OrderId.eq(order_id))
        .order_by_asc(order_line::Column::LineNo)
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|l| l.id)
        .collect()
}

pub(crate) async fn version(app: &TestApp, client: &reqwest::Client, id: i32) -> String {
    let (status, body) = app
        .call(client, "shipping/get", &[("order_id", &id.to_string())])
        .await;
    assert_eq!(status, 200, "{body}");
    body["version"].to_string()
}

/// Order `id`'s shipping panel as `client` reads it.
pub(crate) async fn shipping(
    app: &TestApp,
    client: &reqwest::Client,
    id: i32,
) -> serde_json::Value {
    let (status, body) = app
        .call(client, "shipping/get", &[("order_id", &id.to_string())])
        .await;
    assert_eq!(status, 200, "{body}");
    body
}

/// The shipment form's fields: both lines with `quantities`.
pub(crate) fn shipment_fields(
    app: &TestApp,
    order_id: i32,
    version: &str,
    lines: &[i32],
    quantities: &[&str],
    containers: &str,
    eta: &str,
) -> Vec<(String, String)> {
    let mut fields = vec![
        ("order_id".to_string(), order_id.to_string()),
        ("version".to_string(), version.to_string()),
        ("shipment[booking_no]".to_string(), "BK778812".to_string()),
        ("shipment[carrier]".to_string(), "Maersk".to_string()),
        (
            "shipment[vessel]".to_string(),
            "Maersk Kinloss 451W".to_string(),
        ),
        (
            "shipment[bl_number]".to_string(),
            "MAEU-123456789".to_string(),
        ),
        (
            "shipment[port_of_loading]".to_string(),
            "Ningbo".to_string(),
        ),
        (
            "shipment[port_of_discharge]".to_string(),
            "Hamburg".to_string(),
        ),
        ("shipment[etd]".to_string(), app.day(0)),
        ("shipment[eta]".to_string(), eta.to_string()),
        ("shipment[containers]".to_string(), containers.to_string()),
    ];
    for (i, (line, quantity)) in lines.iter().zip(quantities).enumerate() {
        for (name, value) in [
            ("order_line_id", line.to_string()),
            ("quantity", quantity.to_string()),
            ("cartons", "5".to_string()),
            ("net_kg", "120.5".to_string()),
            ("gross_kg", "130".to_string()),
            ("volume_m3", "1.2".to_string()),
        ] {
            fields.push((format!("shipment[lines][{i}][{name}]"), value));
        }
    }
    fields
}

pub(crate) async fn call(
    app: &TestApp,
    client: &reqwest::Client,
    endpoint: &str,
    fields: &[(String, String)],
) -> (u16, serde_json::Value) {
    let pairs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    app.call(client, endpoint, &pairs).await
}

#[tokio::test]
async fn a_shipment_departs_only_when_order_invoice_and_packing_list_agree_or_a_reason_is_given() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let staff = app.client_for(&cast.staff.email, PASSWORD).await;
    let customer = app.client_for(&cast.customer.email, PASSWORD).await;
    let id = create_order(&app, cast.customer_a, "SO-SHIP", OrderStatus::Ready).await;
    let lines = line_ids(&app, id).await;

    // Bad input is refused field by field and nothing is written.
    let bad = shipment_fields(
        &app,
        id,
        "1",
        &lines,
        &["100", "101"],
        "MSCU12",
        &app.day(-5),
    );
    let (status, body) = call(&app, &staff, "shipping/plan", &bad).await;
    assert_eq!(status, 422, "{body}");
    let text = body.to_string();
    for field in ["containers", "eta", "lines[1][quantity]"] {
        assert!(text.contains(field), "{field} in {text}");
    }
    assert!(
        shipping(&app, &staff, id).await["shipments"]
            .as_array()
            .unwrap()
            .is_empty()
    );

    // A partial shipment: all of line 1, 60 of line 2.
    let good = shipment_fields(
        &app,
        id,
        "1",
        &lines,
        &["100", "60"],
        "mscu1234567 SL1 40hc",
        &app.day(30),
    );
    let (status, body) = call(&app, &staff, "shipping/plan", &good).await;
    assert_eq!(status, 200, "{body}");
    let shipment_id = body.as_i64().unwrap() as i32;
    let seen = shipping(&app, &staff, id).await;
    let shipment = &seen["shipments"][0];
    assert_eq!(shipment["containers"][0]["container_no"], "MSCU1234567");
    assert_eq!(shipment["containers"][0]["size"], "40HC");
    assert_eq!(shipment["lines"][1]["quantity"], 60);
    assert_eq!(seen["open_lines"][1]["shipped"], 60);
    let kinds: Vec<&str> = shipment["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["kind"].as_str().unwrap())
        .collect();
    for kind in [
        "commercial_invoice",
        "packing_list",
        "bill_of_lading",
        "certificate_of_origin",
    ] {
        assert!(kinds.contains(&kind), "{kind} in {kinds:?}");
    }
    assert!(
        !kinds.contains(&"insurance_certificate"),
        "FOB: the buyer insures"
    );
    // Neither invoice nor packing list exists yet: the checks say so.
    let checks = shipment["checks"].to_string();
    assert!(checks.contains("check-invoice-missing"), "{checks}");

    // The portal makes both documents from the order and the shipment.
    for kind in ["commercial_invoice", "packing_list"] {
        let v = version(&app, &staff, id).await;
        let (status, body) = app
            .call(
                &staff,
                "shipping/generate",
                &[
                    ("order_id", &id.to_string()),
                    ("version", &v),
                    ("shipment_id", &shipment_id.to_string()),
                    ("kind", kind),
                ],
            )
            .await;
        assert_eq!(status, 200, "{body}");
    }
    let seen = shipping(&app, &staff, id).await;
    assert_eq!(seen["shipments"][0]["checks"], serde_json::json!([]));
    let invoice = seen["shipments"][0]["documents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["kind"] == "commercial_invoice")
        .unwrap()
        .clone();
    assert!(
        invoice["number"].as_str().unwrap().starts_with("CI-"),
        "{invoice}"
    );
    assert_eq!(invoice["state"], "received");
    // The PDF is a real one, and the customer cannot fetch it before it is sent.
    let file_url = invoice["file"]["url"].as_str().unwrap().to_string();
    let pdf = staff.get(app.url(&file_url)).send().await.unwrap();
    assert_eq!(pdf.status(), 200);
    assert!(pdf.bytes().await.unwrap().starts_with(b"%PDF-"));
    let hidden = customer.get(app.url(&file_url)).send().await.unwrap();
    assert_eq!(hidden.status(), 404);

    // The shipment changes after the invoice was issued: 50 of line 2 now.
    let v = version(&app, &staff, id).await;
    let mut changed = shipment_fields(
        &app,
        id,
        &v,
        &lines,
        &["100", "50"],
        "MSCU1234567",
        &app.day(30),
    );
    changed.push(("shipment_id".to_string(), shipment_id.to_string()));
    let (status, body) = call(&app, &staff, "shipping/update", &changed).await;
    assert_eq!(status, 200, "{body}");
    let seen = shipping(&app, &staff, id).await;
    let checks = seen["shipments"][0]["checks"].to_string();
    assert!(checks.contains("check-qty-differs"), "{checks}");
    assert!(checks.contains("\"line\",\"2\""), "{checks}");

    // Departure is blocked with exactly what disagrees ...
    let v = version(&app, &staff, id).await;
    let depart = |v: &str, reason: &str| {
        vec![
            ("order_id".to_string(), id.to_string()),
            ("version".to_string(), v.to_string()),
            ("shipment_id".to_string(), shipment_id.to_string()),
            ("atd".to_string(), app.day(0)),
            ("override_reason".to_string(), reason.to_string()),
        ]
    };
    let (status, body) = call(&app, &staff, "shipping/depart", &depart(&v, "")).await;
    assert_eq!(status, 422, "{body}");
    assert!(body.to_string().contains("override_reason"), "{body}");
    // ... until someone says why it goes anyway, which is kept.
    let (status, body) = call(
        &app,
        &staff,
        "shipping/depart",
        &depart(&v, "Invoice reissued at the bank counter"),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let seen = shipping(&app, &staff, id).await;
    assert_eq!(seen["shipments"][0]["stage_key"], "shipment-stage-departed");
    assert_eq!(
        seen["shipments"][0]["override_reason"],
        "Invoice reissued at the bank counter"
    );
    // The customer sees the shipment, never the checks or the reason.
    let theirs = shipping(&app, &customer, id).await;
    assert_eq!(theirs["shipments"][0]["checks"], serde_json::json!([]));
    assert!(theirs["shipments"][0]["override_reason"].is_null());
    assert!(theirs["open_lines"].as_array().unwrap().is_empty());

    // Another customer's people do not learn the order exists.
    let other = app.client_for(&cast.customer_b_user.email, PASSWORD).await;
    let (status, _) = app
        .call(&other, "shipping/get", &[("order_id", &id.to_string())])
        .await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn a_changed_arrival_date_is_mailed_to_the_customers_buyers_only() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let staff = app.client_for(&cast.staff.email, PASSWORD).await;
    let id = create_order(&app, cast.customer_a, "SO-ETA", OrderStatus::Ready).await;
    let lines = line_ids(&app, id).await;
    let plan = shipment_fields(&app, id, "1", &lines, &["100", "100"], "", &app.day(30));
    let (status, body) = call(&app, &staff, "shipping/plan", &plan).await;
    assert_eq!(status, 200, "{body}");
    let shipment_id = body.as_i64().unwrap();
    let before = app.mailbox.messages().len();

    let v = version(&app, &staff, id).await;
    let mut moved = shipment_fields(&app, id, &v, &lines, &["100", "100"], "", &app.day(34));
    moved.push(("shipment_id".to_string(), shipment_id.to_string()));
    let (status, body) = call(&app, &staff, "shipping/update", &moved).await;
    assert_eq!(status, 200, "{body}");
    let mails = app.wait_for_mails(before + 1).await;
    let eta: Vec<_> = mails
        .iter()
        .filter(|m| m.subject.contains(&app.day(34)))
        .collect();
    assert_eq!(eta.len(), 1, "{mails:?}");
    assert_eq!(eta[0].to, cast.customer.email);
    assert!(
        eta[0].body_text.contains(&app.day(30)),
        "the old date is named"
    );

    // Saving again without moving the date sends nothing new.
    let v = version(&app, &staff, id).await;
    let mut same = shipment_fields(&app, id, &v, &lines, &["100", "100"], "", &app.day(34));
    same.push(("shipment_id".to_string(), shipment_id.to_string()));
    let (status, body) = call(&app, &staff, "shipping/update", &same).await;
    assert_eq!(status, 200, "{body}");
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let count = app
        .mailbox
        .messages()
        .iter()
        .filter(|m| m.subject.contains("new arrival date"))
        .count();
    assert_eq!(count, 1);
    let timeline = app
        .call(&staff, "orders/get", &[("id", &id.to_string())])
        .await
        .1["events"]
        .to_string();
    assert!(timeline.contains("Expected arrival changed"), "{timeline}");
}

#[tokio::test]
async fn an_overdue_deposit_reminds_the_customer_and_alerts_sales_once_per_level() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let manager = add_sales_manager(&app.db, cast.house).await;
    let id = create_order(&app, cast.customer_a, "SO-PAY", OrderStatus::Confirmed).await;
    // 2 × 100 × 12.50 = 2500.00: a 30 % deposit due in two days, the balance later.
    let today = app.state.now().date_naive();
    for (position, kind, amount, due) in [
        (1, "deposit", 75_000i64, today + chrono::Duration::days(2)),
        (2, "balance", 175_000, today + chrono::Duration::days(60)),
    ] {
        instalment::ActiveModel {
            order_id: Set(id),
            position: Set(position),
            kind: Set(kind.to_string()),
            amount_minor: Set(amount),
            due_date: Set(Some(due)),
            due_event: Set(None),
            due_offset_days: Set(0),
            paid_minor: Set(0),
            paid_at: Set(None),
            reminder_level: Set(0),
            ..Default::default()
        }
        .insert(&app.db)
        .await
        .unwrap();
    }
    let scan = async || {
        app::usecases::shipping::scan_payments_and_credits(&app.state)
            .await
            .unwrap()
    };
    let to =
        |mails: &[server::mail::Envelope], who: &str| mails.iter().filter(|m| m.to == who).count();

    // Due in two days: the customer is reminded, nobody else.
    assert_eq!(scan().await.reminders, 1);
    let mails = app.wait_for_mails(1).await;
    assert_eq!(to(&mails, &cast.customer.email), 1, "{mails:?}");
    assert_eq!(mails.len(), 1, "{mails:?}");
    // The same level is never told twice.
    assert_eq!(scan().await.reminders, 0);

    // Three days late: the customer again, and sales.
    app.clock.advance(chrono::Duration::days(5));
    assert_eq!(scan().await.reminders, 1);
    let mails = app.wait_for_mails(3).await;
    assert_eq!(to(&mails, &cast.customer.email), 2, "{mails:?}");
    assert_eq!(to(&mails, &cast.staff.email), 1, "{mails:?}");
    assert_eq!(to(&mails, &manager.email), 0, "{mails:?}");
    assert!(mails.iter().any(|m| m.subject.starts_with("Overdue")));

    // The customer's order page shows it overdue.
    let customer = app.client_for(&cast.customer.email, PASSWORD).await;
    let seen = shipping(&app, &customer, id).await;
    assert_eq!(seen["schedule"][0]["status_key"], "payment-status-overdue");
    assert_eq!(seen["schedule"][0]["overdue_days"], 3);

    // Paid in part, still overdue; two weeks late the sales manager hears too.
    // (Days have passed: the house signs in again.)
    let staff = app.client_for(&cast.staff.email, PASSWORD).await;
    let v = version(&app, &staff, id).await;
    let (status, body) = app
        .call(
            &staff,
            "orders/pay",
            &[
                ("order_id", &id.to_string()),
                ("version", &v),
                ("received_on", &app.state.now().date_naive().to_string()),
                ("amount", "500.00"),
                ("reference", "TT part"),
            ],
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let seen = shipping(&app, &staff, id).await;
    assert_eq!(seen["schedule"][0]["paid"], "500.00");
    app.clock.advance(chrono::Duration::days(11));
    assert_eq!(scan().await.reminders, 1);
    let mails = app.wait_for_mails(6).await;
    assert_eq!(to(&mails, &manager.email), 1, "{mails:?}");
    assert!(
        mails.iter().any(|m| m.body_text.contains("250.00 EUR")),
        "what is still owed"
    );
    assert_eq!(scan().await.reminders, 0);
}
