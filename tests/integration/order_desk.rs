//! Staff work on one order: editing terms and lines, placing purchase orders
//! with factories, recording shipments and payments; each with bad input,
//! stale versions and what the customer gets to see.

use app::domain::order_status::OrderStatus;
use integration_tests::people::{PASSWORD, create_cast, create_order};
use integration_tests::{TestApp, spawn_app};

async fn get(app: &TestApp, client: &reqwest::Client, id: i32) -> serde_json::Value {
    let (status, body) = app
        .call(client, "orders/get", &[("id", &id.to_string())])
        .await;
    assert_eq!(status, 200, "{body}");
    body
}

fn line<'a>(i: usize, fields: &[(&'a str, &'a str)]) -> Vec<(String, &'a str)> {
    fields
        .iter()
        .map(|(k, v)| (format!("lines[{i}][{k}]"), *v))
        .collect()
}

#[tokio::test]
async fn staff_edit_an_inquiry_line_by_line_and_the_timeline_says_what_changed() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let staff = app.client_for(&cast.staff.email, PASSWORD).await;
    let id = create_order(&app, cast.customer_a, "SO-EDIT", OrderStatus::Inquiry).await;
    let requested = app.day(40);
    let mut form: Vec<(String, &str)> = vec![
        ("id".into(), ""),
        ("version".into(), "1"),
        ("currency".into(), "USD"),
        ("incoterm".into(), "CIF"),
        ("payment_terms".into(), "30% deposit, 70% against B/L copy"),
        ("ship_to".into(), "Hamburg, Port 7"),
    ];
    let id_text = id.to_string();
    form[0].1 = &id_text;
    let full = |no: &'static str, qty: &'static str| {
        vec![
            ("line_no", no),
            ("product_code", "SECRET-PRODUCT-1"),
            ("description", "Test product, matte glaze"),
            ("hs_code", "7323.93"),
            ("quantity", qty),
            ("unit", "pcs"),
            ("unit_price", "12.50"),
        ]
    };
    let mut first = full("1", "150");
    first.push(("requested", &requested));
    form.extend(line(0, &first));
    form.extend(line(1, &[("line_no", "2"), ("remove", "yes")]));
    let mut added = full("", "40");
    added[1] = ("product_code", "NEW-LID");
    added.push(("requested", &requested));
    form.extend(line(2, &added));
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    let (status, body) = app.call(&staff, "orders/update", &pairs).await;
    assert_eq!(status, 200, "{body}");

    let order = get(&app, &staff, id).await;
    assert_eq!(order["version"], 2);
    assert_eq!(order["currency"], "USD");
    assert_eq!(order["ship_to"], "Hamburg, Port 7");
    let lines = order["lines"].as_array().unwrap();
    let summary: Vec<(i64, &str, i64)> = lines
        .iter()
        .map(|l| {
            (
                l["line_no"].as_i64().unwrap(),
                l["product_code"].as_str().unwrap(),
                l["quantity"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(summary, [(1, "SECRET-PRODUCT-1", 150), (3, "NEW-LID", 40)]);
    assert_eq!(lines[0]["description"], "Test product, matte glaze");
    let timeline = order["events"].to_string();
    for entry in [
        "Currency changed",
        "Ship-to changed",
        "Line 1 quantity changed",
        "Line 1 description changed",
        "Line 2 removed changed",
        "Line added changed",
    ] {
        let entry = entry.trim_end_matches(" changed");
        assert!(timeline.contains(entry), "{entry} missing from {timeline}");
    }
    assert!(timeline.contains("100 pcs") && timeline.contains("150 pcs"));
    // The value follows the lines: 150 × 12.50 + 40 × 12.50.
    assert_eq!(order["total"], "2375.00");
}

#[tokio::test]
async fn bad_lines_are_reported_per_field_and_nothing_changes() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let staff = app.client_for(&cast.staff.email, PASSWORD).await;
    let id = cast.order_b.to_string();
    let before = get(&app, &staff, cast.order_b).await;
    let requested = app.day(30);
    let mut form: Vec<(String, &str)> = vec![
        ("id".into(), &id),
        ("version".into(), "1"),
        ("currency".into(), "EUR"),
        ("incoterm".into(), "FOB"),
        ("payment_terms".into(), "30 days"),
        ("ship_to".into(), "Changed address that must not stick"),
    ];
    form.extend(line(
        0,
        &[
            ("line_no", "1"),
            ("product_code", "SECRET-PRODUCT-1"),
            ("description", "Test product"),
            ("hs_code", "73"),
            ("quantity", "-5"),
            ("unit", "pcs"),
            ("unit_price", "12.50"),
            ("requested", &requested),
        ],
    ));
    form.extend(line(1, &[("line_no", "9")]));
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    let (status, body) = app.call(&staff, "orders/update", &pairs).await;
    assert_eq!(status, 422, "{body}");
    let text = body.to_string();
    for field in ["lines[0].quantity", "lines[0].hs_code", "lines[1].line_no"] {
        assert!(text.contains(field), "{field} not reported: {text}");
    }
    assert_eq!(get(&app, &staff, cast.order_b).await, before);

    // Removing every line is refused too.
    let pairs = [
        ("id", id.as_str()),
        ("version", "1"),
        ("currency", "EUR"),
        ("incoterm", "FOB"),
        ("payment_terms", "30 days"),
        ("ship_to", "Somewhere"),
        ("lines[0][line_no]", "1"),
        ("lines[0][remove]", "yes"),
        ("lines[1][line_no]", "2"),
        ("lines[1][remove]", "yes"),
    ];
    let (status, body) = app.call(&staff, "orders/update", &pairs).await;
    assert_eq!(status, 422, "{body}");
    assert!(body.to_string().contains("at least one line"), "{body}");
}

#[tokio::test]
async fn after_confirmation_only_delivery_terms_change_and_stale_edits_conflict() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let staff = app.client_for(&cast.staff.email, PASSWORD).await;
    let id = cast.order_a.to_string();
    let base = |currency: &'static str, ship_to: &'static str| {
        vec![
            ("id", id.clone()),
            ("version", "1".to_string()),
            ("currency", currency.to_string()),
            ("incoterm", "FOB".to_string()),
            ("payment_terms", "30 days".to_string()),
            ("ship_to", ship_to.to_string()),
        ]
    };
    let call = |fields: Vec<(&'static str, String)>| {
        let staff = staff.clone();
        let app = &app;
        async move {
            let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
            app.call(&staff, "orders/update", &pairs).await
        }
    };
    let (status, body) = call(base("USD", "Rotterdam")).await;
    assert_eq!(status, 422, "{body}");
    assert!(body.to_string().contains("change request"), "{body}");
    let mut with_line = base("EUR", "Rotterdam");
    with_line.push(("lines[0][line_no]", "1".into()));
    with_line.push(("lines[0][quantity]", "5".into()));
    let (status, _) = call(with_line).await;
    assert_eq!(status, 422);

    // Two edits of the same version at once: exactly one lands.
    let (a, b) = tokio::join!(call(base("EUR", "Rotterdam")), call(base("EUR", "Antwerp")));
    let mut statuses = [a.0, b.0];
    statuses.sort();
    assert_eq!(statuses, [200, 409], "{a:?} {b:?}");
    let order = get(&app, &staff, cast.order_a).await;
    assert_eq!(order["version"], 2);
    let changes = order["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["summary"] == "Ship-to changed")
        .count();
    assert_eq!(changes, 1);
    assert!(["Rotterdam", "Antwerp"].contains(&order["ship_to"].as_str().unwrap()));
    // The loser's message says what to do.
    let loser = if a.0 == 409 { a.1 } else { b.1 };
    assert!(loser.to_string().contains("Reload"), "{loser}");
}

#[tokio::test]
async fn placing_a_purchase_order_links_the_lines_and_hides_the_factory_from_the_customer() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let staff = app.client_for(&cast.staff.email, PASSWORD).await;
    let customer = app.client_for(&cast.customer.email, PASSWORD).await;
    let id = create_order(&app, cast.customer_a, "SO-PO", OrderStatus::Confirmed).await;
    let id_text = id.to_string();
    let supplier = cast.supplier_b.to_string();
    let place = |version: &'static str, ready_by: String, lines: &'static [&'static str]| {
        let mut fields = vec![
            ("order_id".to_string(), id_text.clone()),
            ("version".to_string(), version.to_string()),
            ("supplier_id".to_string(), supplier.clone()),
            ("ready_by".to_string(), ready_by),
        ];
        for (i, no) in lines.iter().enumerate() {
            fields.push((format!("line_nos[{i}]"), no.to_string()));
        }
        fields
    };
    let call = async |fields: Vec<(String, String)>| {
        let pairs: Vec<(&str, &str)> = fields
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        app.call(&staff, "orders/place-po", &pairs).await
    };
    // The customer's commitment is 30 days out: a factory date after it plans a slip.
    let (status, body) = call(place("1", app.day(31), &["1"])).await;
    assert_eq!(status, 422, "{body}");
    assert!(body.to_string().contains("ready_by"), "{body}");
    let (status, body) = call(place("1", app.day(20), &[])).await;
    assert_eq!(status, 422, "{body}");
    let (status, body) = call(place("1", app.day(20), &["1", "7"])).await;
    assert_eq!(status, 422, "{body}");
    assert!(body.to_string().contains("Line 7"), "{body}");

    let (status, body) = call(place("1", app.day(20), &["1"])).await;
    assert_eq!(status, 200, "{body}");
    let po_number = body.as_str().unwrap().to_string();
    assert!(po_number.starts_with("PO-"), "{po_number}");
    let (status, body) = call(place("2", app.day(20), &["1"])).await;
    assert_eq!(status, 422, "{body}");
    assert!(body.to_string().contains(&po_number), "{body}");
    let (status, _) = call(place("1", app.day(20), &["2"])).await;
    assert_eq!(status, 409, "a stale version conflicts");

    let order = get(&app, &staff, id).await;
    let placed = order["placed"].as_array().unwrap();
    assert_eq!(placed.len(), 1);
    assert_eq!(placed[0]["po_number"], po_number.as_str());
    assert_eq!(placed[0]["supplier_name"], "Supplier B");
    assert_eq!(placed[0]["milestone"], "not_started");
    assert_eq!(order["lines"][0]["placed"], true);
    assert_eq!(order["lines"][1]["placed"], false);

    let seen = get(&app, &customer, id).await;
    assert_eq!(seen["placed"], serde_json::json!([]));
    assert_eq!(seen["lines"][0]["milestone"], "not_started");
    let text = seen.to_string();
    assert!(
        !text.contains("Supplier B") && !text.contains(&po_number),
        "{text}"
    );
    assert!(text.contains("Production ordered for line(s) 1"));
}

#[tokio::test]
async fn payments_are_checked_recorded_and_shown_to_the_customer() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let staff = app.client_for(&cast.staff.email, PASSWORD).await;
    let customer = app.client_for(&cast.customer.email, PASSWORD).await;
    let id = create_order(&app, cast.customer_a, "SO-SHIP", OrderStatus::Ready).await;
    let id_text = id.to_string();
    let today = app.day(0);
    let call = async |endpoint: &str, fields: Vec<(&str, String)>| {
        let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        app.call(&staff, endpoint, &pairs).await
    };
    // 2 lines × 100 × 12.50 = 2500.00.
    let pay = |version: &str, amount: &str, on: &str| {
        vec![
            ("order_id", id_text.clone()),
            ("version", version.to_string()),
            ("received_on", on.to_string()),
            ("amount", amount.to_string()),
            ("reference", "TT 4711".to_string()),
        ]
    };
    let (status, body) = call("orders/pay", pay("1", "2500.01", &today)).await;
    assert_eq!(status, 422, "{body}");
    assert!(body.to_string().contains("2500.00"), "{body}");
    let (status, body) = call("orders/pay", pay("1", "750", &app.day(1))).await;
    assert_eq!(status, 422, "{body}");
    let (status, body) = call("orders/pay", pay("1", "750", &today)).await;
    assert_eq!(status, 200, "{body}");

    let seen = get(&app, &customer, id).await;
    assert_eq!(seen["payments"][0]["amount"], "750.00");
    assert_eq!(seen["paid"], "750.00");
    assert_eq!(seen["outstanding"], "1750.00");
    assert_eq!(
        seen["editable"]["payments"], false,
        "customers change nothing"
    );
    let timeline = seen["events"].to_string();
    assert!(timeline.contains("Payment received: 750.00 EUR"));
}
