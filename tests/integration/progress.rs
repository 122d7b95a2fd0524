//! Factory progress: a factory reports on its own lines only, every rule
//! refuses with a message and writes nothing, concurrent reports cannot both
//! land, and each report carries through to the customer's order (forecast,
//! status, timeline) without revealing the factory.

use app::domain::order_status::OrderStatus;
use integration_tests::people::{Cast, PASSWORD, create_cast, create_order};
use integration_tests::{TestApp, spawn_app};

async fn line(app: &TestApp, client: &reqwest::Client, id: i32) -> serde_json::Value {
    let (status, body) = app
        .call(client, "progress/line", &[("id", &id.to_string())])
        .await;
    assert_eq!(status, 200, "{body}");
    body
}

async fn post(
    app: &TestApp,
    client: &reqwest::Client,
    id: i32,
    version: i64,
    fields: &[(&str, &str)],
) -> (u16, serde_json::Value) {
    let id = id.to_string();
    let version = version.to_string();
    let mut pairs = vec![("id", id.as_str()), ("version", version.as_str())];
    pairs.extend_from_slice(fields);
    app.call(client, "progress/post", &pairs).await
}

async fn order(app: &TestApp, client: &reqwest::Client, id: i32) -> serde_json::Value {
    let (status, body) = app
        .call(client, "orders/get", &[("id", &id.to_string())])
        .await;
    assert_eq!(status, 200, "{body}");
    body
}

/// Line 1 of order A is filled by supplier A's PO line: committed ready 20
/// days out, on time; the customer's commitment is 30 days out.
async fn setup() -> (TestApp, Cast) {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    (app, cast)
}

#[tokio::test]
async fn a_later_forecast_reaches_the_customer_line_with_a_slip_and_the_factory_stays_anonymous() {
    let (app, cast) = setup().await;
    let factory = app.client_for(&cast.supplier.email, PASSWORD).await;
    let customer = app.client_for(&cast.customer.email, PASSWORD).await;
    let staff = app.client_for(&cast.staff.email, PASSWORD).await;
    let before = line(&app, &factory, cast.po_line_a).await;
    assert_eq!(before["line"]["milestone"], "in_production");
    let later = app.day(23);
    let (status, body) = post(
        &app,
        &factory,
        cast.po_line_a,
        1,
        &[
            ("milestone", "qc_passed"),
            ("quantity_done", "60"),
            ("forecast", &later),
            ("reason", "Glaze batch failed, re-firing"),
            ("note", "Kiln 2 down until Monday"),
        ],
    )
    .await;
    assert_eq!(status, 200, "{body}");

    let after = line(&app, &factory, cast.po_line_a).await;
    assert_eq!(after["line"]["milestone"], "qc_passed");
    assert_eq!(after["line"]["quantity_done"], 60);
    assert_eq!(after["line"]["forecast_ready"], later.as_str());
    assert_eq!(after["line"]["version"], 2);
    assert_eq!(after["line"]["late"], true);
    assert_eq!(
        after["history"][0]["reason"],
        "Glaze batch failed, re-firing"
    );

    // The customer's line 1 was on time; the factory is 3 days late, so is it.
    let seen = order(&app, &customer, cast.order_a).await;
    assert_eq!(seen["lines"][0]["slip_days"], 3);
    assert_eq!(seen["lines"][0]["badge"], "late");
    assert_eq!(seen["lines"][0]["forecast"], app.day(33).as_str());
    assert_eq!(seen["lines"][0]["milestone"], "qc_passed");
    assert_eq!(seen["production"][0]["milestone"], "qc_passed");
    let text = seen.to_string();
    assert!(text.contains("Line 1: QC passed"), "{text}");
    assert!(text.contains("Forecast for line 1 moved"), "{text}");
    for secret in [
        "Supplier A",
        "PO-A-1",
        "Glaze batch",
        "Kiln 2",
        "Test Person",
    ] {
        assert!(!text.contains(secret), "the customer saw {secret}: {text}");
    }
    // The house sees why.
    let desk = order(&app, &staff, cast.order_a).await.to_string();
    assert!(
        desk.contains("Glaze batch failed") && desk.contains("Kiln 2"),
        "{desk}"
    );
}

#[tokio::test]
async fn every_bad_report_gets_its_message_and_writes_nothing() {
    let (app, cast) = setup().await;
    let factory = app.client_for(&cast.supplier.email, PASSWORD).await;
    let before = line(&app, &factory, cast.po_line_a).await;
    // (fields, the field the message belongs to, words it must contain)
    type Case = (Vec<(&'static str, String)>, &'static str, &'static str);
    let cases: Vec<Case> = vec![
        (
            vec![
                ("milestone", "qc_passed".into()),
                ("quantity_done", "101".into()),
            ],
            "quantity_done",
            "Only 100",
        ),
        (
            vec![
                ("milestone", "qc_passed".into()),
                ("quantity_done", "10".into()),
            ],
            "quantity_done",
            "reason",
        ),
        (
            vec![
                ("milestone", "materials_in".into()),
                ("quantity_done", "20".into()),
            ],
            "milestone",
            "step back",
        ),
        (
            vec![
                ("milestone", "qc_passed".into()),
                ("quantity_done", "20".into()),
                ("forecast", app.day(-1)),
            ],
            "forecast",
            "past",
        ),
        (
            vec![
                ("milestone", "qc_passed".into()),
                ("quantity_done", "20".into()),
                ("forecast", app.day(25)),
            ],
            "forecast",
            "give a reason",
        ),
        (
            vec![
                ("milestone", "finished".into()),
                ("quantity_done", "20".into()),
            ],
            "milestone",
            "Choose",
        ),
        (
            vec![
                ("milestone", "qc_passed".into()),
                ("quantity_done", "lots".into()),
            ],
            "quantity_done",
            "whole number",
        ),
        (
            vec![
                ("milestone", "qc_passed".into()),
                ("quantity_done", "20".into()),
                ("lot_quantity", "30".into()),
            ],
            "lot_quantity",
            "lot",
        ),
        (
            vec![
                ("milestone", "qc_passed".into()),
                ("quantity_done", "20".into()),
                ("forecast", "next week".into()),
            ],
            "forecast",
            "date like",
        ),
    ];
    for (fields, field, words) in cases {
        let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let (status, body) = post(&app, &factory, cast.po_line_a, 1, &pairs).await;
        assert_eq!(status, 422, "{fields:?}: {body}");
        let text = body.to_string();
        assert!(
            text.contains(&format!("\"{field}\"")),
            "{fields:?} not on {field}: {text}"
        );
        assert!(text.contains(words), "{fields:?}: {text}");
    }
    assert_eq!(line(&app, &factory, cast.po_line_a).await, before);
}

#[tokio::test]
async fn messages_come_in_the_factorys_language() {
    let (app, cast) = setup().await;
    let factory = app.client_for(&cast.supplier.email, PASSWORD).await;
    let (status, _) = app
        .call(&factory, "auth/locale", &[("locale", "zh-CN")])
        .await;
    assert_eq!(status, 200);
    assert_eq!(app.whoami(&factory).await["locale"], "zh");
    // The page arrives in the factory's language from the server already,
    // as the browser will render it.
    let page = integration_tests::get_with(&factory, &app.url("/supplier")).await;
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap();
    assert!(html.contains("分配给贵厂的采购订单行"), "{html}");
    assert!(!html.contains("The purchase-order lines assigned to your factory"));
    let (status, body) = post(
        &app,
        &factory,
        cast.po_line_a,
        1,
        &[("milestone", "qc_passed"), ("quantity_done", "101")],
    )
    .await;
    assert_eq!(status, 422);
    assert!(body.to_string().contains("订单数量只有 100"), "{body}");
    let (status, _) = app
        .call(&factory, "auth/locale", &[("locale", "klingon")])
        .await;
    assert_eq!(status, 422);
}

/// A search finds lines by their purchase order's number or their
/// product, case ignored; a factory never finds another factory's.
#[tokio::test]
async fn a_factory_finds_its_lines_by_purchase_order_or_product() {
    let (app, cast) = setup().await;
    let factory = app.client_for(&cast.supplier.email, PASSWORD).await;
    let staff = app.client_for(&cast.staff.email, PASSWORD).await;
    let found = async |who: &reqwest::Client, query: &str| -> Vec<String> {
        let (status, body) = app.call(who, "progress/lines", &[("query", query)]).await;
        assert_eq!(status, 200, "{body}");
        body.as_array()
            .unwrap()
            .iter()
            .map(|l| l["po_number"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(found(&factory, "po-a").await, ["PO-A-1"]);
    assert_eq!(found(&factory, "secret-product-1").await, ["PO-A-1"]);
    assert!(found(&factory, "no such thing").await.is_empty());
    // Supplier B's line, by its number and by its product.
    assert!(found(&factory, "PO-B").await.is_empty());
    assert!(found(&factory, "SECRET-PRODUCT-2").await.is_empty());
    assert_eq!(found(&staff, "po-b").await, ["PO-B-1"]);
    assert_eq!(found(&staff, "secret-product").await.len(), 2);
}

#[tokio::test]
async fn factories_reach_only_their_own_lines_and_the_house_only_reads() {
    let (app, cast) = setup().await;
    let factory = app.client_for(&cast.supplier.email, PASSWORD).await;
    let (status, body) = app.call(&factory, "progress/lines", &[]).await;
    assert_eq!(status, 200, "{body}");
    let numbers: Vec<&str> = body
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["po_number"].as_str().unwrap())
        .collect();
    assert_eq!(numbers, ["PO-A-1"]);
    assert!(body[0]["supplier_name"].is_null());
    let (status, _) = app
        .call(
            &factory,
            "progress/line",
            &[("id", &cast.po_line_b.to_string())],
        )
        .await;
    assert_eq!(status, 404);
    let (status, _) = post(
        &app,
        &factory,
        cast.po_line_b,
        1,
        &[("milestone", "packed"), ("quantity_done", "20")],
    )
    .await;
    assert_eq!(status, 404);

    let staff = app.client_for(&cast.staff.email, PASSWORD).await;
    let (_, all) = app.call(&staff, "progress/lines", &[]).await;
    assert_eq!(all.as_array().unwrap().len(), 2);
    // Supplier B's line is late, so it comes first.
    assert_eq!(all[0]["po_number"], "PO-B-1");
    assert_eq!(all[0]["supplier_name"], "Supplier B");
    let (status, _) = post(
        &app,
        &staff,
        cast.po_line_a,
        1,
        &[("milestone", "packed"), ("quantity_done", "20")],
    )
    .await;
    assert_eq!(status, 403, "progress is the factory's word");
    let customer = app.client_for(&cast.customer.email, PASSWORD).await;
    let (status, _) = app.call(&customer, "progress/lines", &[]).await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn two_reports_on_the_same_version_make_one_entry() {
    let (app, cast) = setup().await;
    let factory = app.client_for(&cast.supplier.email, PASSWORD).await;
    let (a, b) = tokio::join!(
        post(
            &app,
            &factory,
            cast.po_line_a,
            1,
            &[("milestone", "qc_passed"), ("quantity_done", "50")]
        ),
        post(
            &app,
            &factory,
            cast.po_line_a,
            1,
            &[("milestone", "packed"), ("quantity_done", "70")]
        ),
    );
    let mut statuses = [a.0, b.0];
    statuses.sort();
    assert_eq!(statuses, [200, 409], "{a:?} {b:?}");
    let after = line(&app, &factory, cast.po_line_a).await;
    assert_eq!(after["history"].as_array().unwrap().len(), 1);
    assert_eq!(after["line"]["version"], 2);
}

#[tokio::test]
async fn the_order_follows_its_factories_to_ready_and_closed_lines_take_no_reports() {
    let (app, cast) = setup().await;
    let factory_a = app.client_for(&cast.supplier.email, PASSWORD).await;
    let factory_b = app.client_for(&cast.supplier_b_user.email, PASSWORD).await;
    let staff = app.client_for(&cast.staff.email, PASSWORD).await;
    let (status, body) = post(
        &app,
        &factory_a,
        cast.po_line_a,
        1,
        &[("milestone", "ready_to_ship"), ("quantity_done", "100")],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        order(&app, &staff, cast.order_a).await["status"],
        "in_production"
    );
    let (status, body) = post(
        &app,
        &factory_b,
        cast.po_line_b,
        1,
        &[("milestone", "ready_to_ship"), ("quantity_done", "100")],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let ready = order(&app, &staff, cast.order_a).await;
    assert_eq!(ready["status"], "ready");
    assert!(
        ready["events"]
            .to_string()
            .contains("Status changed to Ready")
    );

    let (status, _) = post(
        &app,
        &factory_a,
        cast.po_line_a,
        2,
        &[("milestone", "shipped"), ("quantity_done", "100")],
    )
    .await;
    assert_eq!(status, 200);
    let (status, body) = post(
        &app,
        &factory_a,
        cast.po_line_a,
        3,
        &[("milestone", "shipped"), ("quantity_done", "100")],
    )
    .await;
    assert_eq!(status, 422);
    assert!(body.to_string().contains("closed"), "{body}");
}

#[tokio::test]
async fn bulk_reports_move_lines_of_one_po_together_or_not_at_all() {
    let (app, cast) = setup().await;
    let staff = app.client_for(&cast.staff.email, PASSWORD).await;
    let factory = app.client_for(&cast.supplier.email, PASSWORD).await;
    let order_id = create_order(&app, cast.customer_a, "SO-BULK", OrderStatus::Confirmed).await;
    let (status, body) = app
        .call(
            &staff,
            "orders/place-po",
            &[
                ("order_id", &order_id.to_string()),
                ("version", "1"),
                ("supplier_id", &cast.supplier_a.to_string()),
                ("ready_by", &app.day(20)),
                ("line_nos[0]", "1"),
                ("line_nos[1]", "2"),
            ],
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let (_, lines) = app
        .call(
            &factory,
            "progress/lines",
            &[("query", body.as_str().unwrap())],
        )
        .await;
    let ids: Vec<String> = lines
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["id"].to_string())
        .collect();
    assert_eq!(ids.len(), 2, "{lines}");

    let mixed = [
        ("line_ids[0]", ids[0].as_str()),
        ("line_ids[1]", &cast.po_line_a.to_string()),
        ("milestone", "packed"),
    ];
    let (status, body) = app.call(&factory, "progress/bulk", &mixed).await;
    assert_eq!(status, 422, "{body}");
    assert!(body.to_string().contains("one purchase order"), "{body}");
    let foreign = [
        ("line_ids[0]", ids[0].as_str()),
        ("line_ids[1]", &cast.po_line_b.to_string()),
        ("milestone", "packed"),
    ];
    let (status, _) = app.call(&factory, "progress/bulk", &foreign).await;
    assert_eq!(status, 404);
    let (status, _) = app
        .call(&factory, "progress/bulk", &[("milestone", "packed")])
        .await;
    assert_eq!(status, 422);

    let both = [
        ("line_ids[0]", ids[0].as_str()),
        ("line_ids[1]", ids[1].as_str()),
        ("milestone", "packed"),
        ("note", "all cartons sealed"),
    ];
    let (status, body) = app.call(&factory, "progress/bulk", &both).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body, 2);
    let seen = order(&app, &staff, order_id).await;
    assert_eq!(
        seen["status"], "in_production",
        "packing means production started"
    );
    assert_eq!(seen["lines"][0]["milestone"], "packed");
    assert_eq!(seen["lines"][1]["milestone"], "packed");
    // Stepping both back without a reason is refused for both, and nothing moves.
    let back = [
        ("line_ids[0]", ids[0].as_str()),
        ("line_ids[1]", ids[1].as_str()),
        ("milestone", "materials_in"),
    ];
    let (status, _) = app.call(&factory, "progress/bulk", &back).await;
    assert_eq!(status, 422);
    assert_eq!(
        order(&app, &staff, order_id).await["lines"][0]["milestone"],
        "packed"
    );
}

#[tokio::test]
async fn lines_without_news_for_a_week_turn_stale() {
    let (app, cast) = setup().await;
    let factory = app.client_for(&cast.supplier.email, PASSWORD).await;
    let (_, stale) = app
        .call(&factory, "progress/lines", &[("show", "stale")])
        .await;
    assert_eq!(stale, serde_json::json!([]));
    app.clock.advance(chrono::Duration::days(8));
    let factory = app.client_for(&cast.supplier.email, PASSWORD).await;
    let (status, stale) = app
        .call(&factory, "progress/lines", &[("show", "stale")])
        .await;
    assert_eq!(status, 200, "{stale}");
    assert_eq!(stale[0]["po_number"], "PO-A-1");
    assert_eq!(stale[0]["stale"], true);
    assert_eq!(stale[0]["quiet_days"], 8);
    let (status, _) = app
        .call(&factory, "progress/lines", &[("show", "everything")])
        .await;
    assert_eq!(status, 422);
}

#[tokio::test]
async fn a_line_expected_after_its_far_commitment_heads_a_long_list() {
    use app::domain::progress::Milestone;
    use app::ssr::repo::purchase_orders::{self, NewPoLine};
    let (app, cast) = setup().await;
    let now = chrono::Utc::now();
    let today = now.date_naive();
    let po = purchase_orders::insert_po(&app.db, "PO-A-LONG", cast.supplier_a, now)
        .await
        .unwrap();
    // More lines on time, committed soon, than the longest page shows; then
    // one committed a year out and already expected a week after that.
    let soon = app::wire::progress::LIST_LIMIT as i32 + 5;
    for line_no in 1..=soon + 1 {
        let slipped = line_no > soon;
        let committed = today + chrono::Duration::days(if slipped { 365 } else { 3 });
        purchase_orders::insert_po_line(
            &app.db,
            NewPoLine {
                purchase_order_id: po.id,
                line_no,
                product_code: if slipped { "SLIPPED" } else { "ON-TIME" },
                description: "Stoneware mug",
                quantity: 100,
                quantity_done: 0,
                committed_ready: committed,
                forecast_ready: Some(
                    committed + chrono::Duration::days(if slipped { 7 } else { 0 }),
                ),
                milestone: Milestone::InProduction,
                last_progress_at: Some(now),
            },
            &[],
        )
        .await
        .unwrap();
    }
    let factory = app.client_for(&cast.supplier.email, PASSWORD).await;
    let codes = |list: &serde_json::Value| -> Vec<String> {
        list.as_array()
            .unwrap()
            .iter()
            .map(|l| l["product_code"].as_str().unwrap().to_owned())
            .collect()
    };
    let late_first = |list: &serde_json::Value| {
        let lines = list.as_array().unwrap();
        let late = lines.iter().take_while(|l| l["late"] == true).count();
        assert!(lines[late..].iter().all(|l| l["late"] == false), "{list}");
        late
    };
    // The first page, the longest page and the late list: the slipped line
    // is late, so it comes before every line on time, whatever its date.
    for shown in ["50", "300"] {
        let (status, list) = app
            .call(&factory, "progress/lines", &[("shown", shown)])
            .await;
        assert_eq!(status, 200, "{list}");
        assert_eq!(list.as_array().unwrap().len().to_string(), shown);
        let late = late_first(&list);
        assert!(
            codes(&list)[..late].contains(&"SLIPPED".to_owned()),
            "shown {shown}: the slipped line is not among the late ones first"
        );
    }
    let (_, late) = app
        .call(&factory, "progress/lines", &[("show", "late")])
        .await;
    assert_eq!(late_first(&late), late.as_array().unwrap().len(), "{late}");
    assert!(codes(&late).contains(&"SLIPPED".to_owned()), "{late}");
    assert!(!codes(&late).contains(&"ON-TIME".to_owned()), "{late}");
}

/// Who could hear of a report (every person, company and mute) is read only
/// when the report alerts someone: one within its commitment lands with the
/// mutes out of reach, and a slip after it still tells the house.
#[tokio::test]
async fn a_report_that_alerts_no_one_reads_no_one_to_tell() {
    use sea_orm::ConnectionTrait;
    let (app, cast) = setup().await;
    let factory = app.client_for(&cast.supplier.email, PASSWORD).await;
    let rename = |from: &str, to: &str| format!("ALTER TABLE {from} RENAME TO {to}");
    app.db
        .execute_unprepared(&rename("order_mutes", "order_mutes_away"))
        .await
        .unwrap();
    let on_time = [("milestone", "qc_passed"), ("quantity_done", "50")];
    let (status, body) = post(&app, &factory, cast.po_line_a, 1, &on_time).await;
    assert_eq!(status, 200, "{body}");
    app.db
        .execute_unprepared(&rename("order_mutes_away", "order_mutes"))
        .await
        .unwrap();
    let told = report_slip(&app, &factory, cast.po_line_a, 2).await;
    assert!(told.iter().any(|m| m.to == cast.staff.email), "{told:?}");
}

/// Reports factory line `po_line` (at `version`) ready only in 23 days,
/// past its commitment, which alerts; the mails then queued.
async fn report_slip(
    app: &TestApp,
    factory: &reqwest::Client,
    po_line: i32,
    version: i64,
) -> Vec<server::mail::Envelope> {
    let later = app.day(23);
    let slip = [
        ("milestone", "qc_passed"),
        ("quantity_done", "60"),
        ("forecast", &later),
        ("reason", "Kiln down"),
    ];
    let (status, body) = post(app, factory, po_line, version, &slip).await;
    assert_eq!(status, 200, "{body}");
    app.wait_for_mails(2).await
}

/// A report that alerts reads only the people it may tell: the house's
/// staff and the people of the order's customer, not everyone. With a
/// person of another customer the portal cannot read, a slip still lands
/// and mails the house and the customer.
#[tokio::test]
async fn a_report_that_alerts_reads_only_whom_it_may_tell() {
    use sea_orm::ConnectionTrait;
    let (app, cast) = setup().await;
    let factory = app.client_for(&cast.supplier.email, PASSWORD).await;
    app.db
        .execute_unprepared(&format!(
            "UPDATE users SET role = 'nobody' WHERE email = '{}'",
            cast.customer_b_user.email
        ))
        .await
        .unwrap();
    let told = report_slip(&app, &factory, cast.po_line_a, 1).await;
    assert!(told.iter().any(|m| m.to == cast.staff.email), "{told:?}");
    assert!(told.iter().any(|m| m.to == cast.customer.email), "{told:?}");
    assert!(
        !told.iter().any(|m| m.to == cast.customer_b_user.email),
        "{told:?}"
    );
}
