//! The staff workspace: the KPIs of a period on a data set worked out by
//! hand, the factories' scorecards (a factory reads only its own), the
//! at-risk board, and the CSV downloads (quoting, byte-order mark, tenants).
//!
//! The cast's order A (SO-A-1, in production) has line 1 made by supplier A
//! (PO-A-1, committed ready 20 days out, on time) and line 2 by supplier B
//! (PO-B-1, forecast two days after its commitment); both customer lines are
//! committed 30 days out. Neither the cast's orders nor its factory lines
//! carry a confirmation, shipping or ready day, so they are in no period.

use app::domain::change_request::ChangeStatus;
use app::domain::company::{CompanyKind, CountryCode};
use app::domain::order_status::OrderStatus;
use app::ssr::clock::Clock;
use app::ssr::entities::{change_request, order, order_line, po_line};
use app::ssr::repo::companies::{self, NewCompany};
use app::ssr::repo::orders;
use chrono::NaiveDate;
use integration_tests::people::{PASSWORD, create_cast, create_order};
use integration_tests::{TestApp, get_with, new_client, spawn_app};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use serde_json::{Value, json};

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a date like 2025-03-01")
}

/// Line `line_no` of `order` as stored.
async fn stored_line(app: &TestApp, order: i32, line_no: i32) -> order_line::Model {
    order_line::Entity::find()
        .filter(order_line::Column::OrderId.eq(order))
        .filter(order_line::Column::LineNo.eq(line_no))
        .one(&app.db)
        .await
        .unwrap()
        .expect("the order has that line")
}

async fn set_committed(app: &TestApp, order: i32, line_no: i32, committed: Option<&str>) {
    let line = stored_line(app, order, line_no).await;
    order_line::ActiveModel {
        id: Set(line.id),
        committed_date: Set(committed.map(date)),
        ..Default::default()
    }
    .update(&app.db)
    .await
    .unwrap();
}

async fn set_quantity(app: &TestApp, order: i32, line_no: i32, quantity: i64) {
    let line = stored_line(app, order, line_no).await;
    order_line::ActiveModel {
        id: Set(line.id),
        quantity: Set(quantity),
        ..Default::default()
    }
    .update(&app.db)
    .await
    .unwrap();
}

/// A shipped order of `customer` (two lines of 100 × 12.50: products
/// SECRET-PRODUCT-1 and -2) confirmed and shipped on the given days, its
/// lines committed for the given days (`None`: nothing promised).
async fn shipped_order(
    app: &TestApp,
    customer: i32,
    number: &str,
    confirmed: &str,
    shipped: &str,
    committed: [Option<&str>; 2],
) -> i32 {
    let id = create_order(app, customer, number, OrderStatus::Shipped).await;
    orders::set_history(&app.db, id, Some(date(confirmed)), Some(date(shipped)))
        .await
        .unwrap();
    for (line_no, committed) in [1, 2].into_iter().zip(committed) {
        set_committed(app, id, line_no, committed).await;
    }
    id
}

async fn kpis(app: &TestApp, client: &reqwest::Client, from: &str, to: &str) -> Value {
    let (status, body) = app
        .call(client, "workspace/kpis", &[("from", from), ("to", to)])
        .await;
    assert_eq!(status, 200, "{body}");
    body
}

async fn scorecard(app: &TestApp, client: &reqwest::Client, supplier: Option<i32>) -> (u16, Value) {
    let id = supplier.map(|s| s.to_string());
    let fields: Vec<(&str, &str)> = id.iter().map(|id| ("supplier_id", id.as_str())).collect();
    app.call(client, "workspace/scorecard", &fields).await
}

/// The board's rows, group after group.
async fn board(app: &TestApp, client: &reqwest::Client) -> Vec<Value> {
    board_groups(app, client, &[])
        .await
        .iter()
        .flat_map(|g| g["rows"].as_array().expect("a group's rows").clone())
        .collect()
}

/// The board's groups, with `fields` asked for.
async fn board_groups(
    app: &TestApp,
    client: &reqwest::Client,
    fields: &[(&str, &str)],
) -> Vec<Value> {
    let (status, body) = app.call(client, "workspace/board", fields).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["capped_at"], Value::Null, "{body}");
    body["groups"]
        .as_array()
        .expect("a list of board groups")
        .clone()
}

/// A GET of `path`: the status, the content type and the body as sent.
async fn fetch(app: &TestApp, client: &reqwest::Client, path: &str) -> (u16, String, Vec<u8>) {
    let response = get_with(client, &app.url(path)).await;
    let status = response.status().as_u16();
    let content_type = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    let body = response.bytes().await.expect("response body").to_vec();
    (status, content_type, body)
}

/// The rows of a CSV download that must have succeeded.
async fn csv_rows(app: &TestApp, client: &reqwest::Client, path: &str) -> Vec<Vec<String>> {
    let (status, content_type, body) = fetch(app, client, path).await;
    let text = String::from_utf8(body).expect("CSV in UTF-8");
    assert_eq!(status, 200, "{path}: {text}");
    assert!(
        content_type.starts_with("text/csv"),
        "{path}: {content_type}"
    );
    app::csv::parse(&text)
}

fn approx(value: &Value, expected: f64) -> bool {
    value.as_f64().is_some_and(|v| (v - expected).abs() < 1e-9)
}

const FROM: &str = "2025-03-01";
const TO: &str = "2025-03-31";

#[tokio::test]
async fn the_kpis_of_a_period_are_the_figures_worked_out_by_hand() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let customer_c = companies::insert(
        &app.db,
        NewCompany {
            kind: CompanyKind::Customer,
            name: "Customer C",
            country: CountryCode::parse("DE").unwrap(),
            city: "Testville",
        },
    )
    .await
    .unwrap()
    .id;
    let (a, b) = (cast.customer_a, cast.customer_b);

    // Shipped in March (the period, both ends included):
    // SO-K-1: 10 days; line 1 before its commitment, line 2 on the very day.
    shipped_order(
        &app,
        a,
        "SO-K-1",
        "2025-03-03",
        "2025-03-13",
        [Some("2025-03-15"), Some("2025-03-13")],
    )
    .await;
    // SO-K-2: 27 days, shipped on the last day; line 1 a day late, line 2
    // promised nothing.
    shipped_order(
        &app,
        a,
        "SO-K-2",
        "2025-03-04",
        "2025-03-31",
        [Some("2025-03-30"), None],
    )
    .await;
    // SO-K-3: shipped the day it was confirmed (0 days); line 2 unpromised.
    shipped_order(
        &app,
        b,
        "SO-K-3",
        "2025-03-10",
        "2025-03-10",
        [Some("2025-03-20"), None],
    )
    .await;
    // SO-K-4: confirmed in February, so 38 days of cycle but none of its value
    // in March; line 2 late.
    shipped_order(
        &app,
        customer_c,
        "SO-K-4",
        "2025-02-10",
        "2025-03-20",
        [Some("2025-03-25"), Some("2025-03-01")],
    )
    .await;
    // Shipped the day before and the day after the period, late on every
    // line: they count for nothing.
    shipped_order(
        &app,
        a,
        "SO-K-0",
        "2025-02-20",
        "2025-02-28",
        [Some("2025-02-27"), Some("2025-02-27")],
    )
    .await;
    shipped_order(
        &app,
        a,
        "SO-K-5",
        "2025-02-25",
        "2025-04-01",
        [Some("2025-03-01"), Some("2025-03-01")],
    )
    .await;
    // Confirmed in March, not shipped yet: its value counts (2 × 20 × 12.50).
    let open = create_order(&app, customer_c, "SO-K-6", OrderStatus::Confirmed).await;
    orders::set_history(&app.db, open, Some(date("2025-03-05")), None)
        .await
        .unwrap();
    set_quantity(&app, open, 1, 20).await;
    set_quantity(&app, open, 2, 20).await;
    // Confirmed in March and cancelled: no value.
    let cancelled = create_order(&app, b, "SO-K-7", OrderStatus::Cancelled).await;
    orders::set_history(&app.db, cancelled, Some(date("2025-03-06")), None)
        .await
        .unwrap();

    let staff = app.client_for(&cast.staff.email, PASSWORD).await;
    let report = kpis(&app, &staff, FROM, TO).await;
    assert_eq!(report["from"], FROM);
    assert_eq!(report["to"], TO);
    // Cycle days 10, 27, 0, 38 → sorted 0, 10, 27, 38: the median is the 2nd
    // (nearest rank, not 18.5), the 90th percentile the 4th.
    assert_eq!(
        report["cycle_days"],
        json!({"count": 4, "median": 10, "p90": 38}),
        "{report}"
    );
    // Measured lines: K1 ✓✓, K2 ✗, K3 ✓, K4 ✓✗ → 4 of 6; K2 and K3 line 2
    // promised nothing and are counted apart.
    assert_eq!(
        report["on_time"],
        json!({"hits": 4, "total": 6}),
        "{report}"
    );
    assert_eq!(report["unmeasured"], 2, "{report}");
    // Product 2: 1 late of 2 measured (50 %) before product 1: 1 of 4 (25 %).
    assert_eq!(
        report["worst_products"],
        json!([
            {"name": "SECRET-PRODUCT-2", "late": 1, "total": 2},
            {"name": "SECRET-PRODUCT-1", "late": 1, "total": 4},
        ]),
        "{report}"
    );
    // Value of the orders confirmed in March: A 2 × 2500.00, B 2500.00 (the
    // cancelled one left out), C 500.00 (K4 was confirmed in February).
    let tables = report["pareto"].as_array().expect("pareto tables");
    assert_eq!(tables.len(), 1, "{report}");
    assert_eq!(tables[0]["currency"], "EUR");
    let rows = tables[0]["rows"].as_array().expect("pareto rows");
    let summary: Vec<(&str, i64, bool)> = rows
        .iter()
        .map(|r| {
            (
                r["name"].as_str().unwrap(),
                r["value"].as_i64().unwrap(),
                r["vital"].as_bool().unwrap(),
            )
        })
        .collect();
    // 62.5 % + 31.25 % + 6.25 %: B is vital (62.5 % before it is under 80 %),
    // C is not (93.75 % before it).
    assert_eq!(
        summary,
        [
            ("Customer A", 500_000, true),
            ("Customer B", 250_000, true),
            ("Customer C", 50_000, false),
        ]
    );
    for (row, share, cumulative) in [(0, 62.5, 62.5), (1, 31.25, 93.75), (2, 6.25, 100.0)] {
        assert!(approx(&rows[row]["share"], share), "{}", rows[row]);
        assert!(
            approx(&rows[row]["cumulative"], cumulative),
            "{}",
            rows[row]
        );
    }
    // Nothing else happened in March 2025.
    assert_eq!(
        report["turnaround_hours"],
        json!({"count": 0, "median": null, "p90": null})
    );
    assert_eq!(report["alerts"], json!([]));
    assert_eq!(report["supplier_on_time"], json!({"hits": 0, "total": 0}));
    assert_eq!(report["worst_suppliers"], json!([]));
    let cards = report["scorecards"].as_array().expect("scorecards");
    let names: Vec<&str> = cards.iter().map(|c| c["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["Supplier A", "Supplier B"]);

    // The downloads of the period say the same.
    let products = csv_rows(
        &app,
        &staff,
        &format!("/exports/kpi/products.csv?from={FROM}&to={TO}"),
    )
    .await;
    assert_eq!(
        products,
        [
            ["Name", "Late", "Lines", "Late %"],
            ["SECRET-PRODUCT-2", "1", "2", "50.0"],
            ["SECRET-PRODUCT-1", "1", "4", "25.0"],
        ]
    );
    let customers = csv_rows(
        &app,
        &staff,
        &format!("/exports/kpi/customers.csv?from={FROM}&to={TO}"),
    )
    .await;
    assert_eq!(customers.len(), 4, "{customers:?}");
    let picked: Vec<[&str; 4]> = customers[1..]
        .iter()
        .map(|r| [r[0].as_str(), r[1].as_str(), r[2].as_str(), r[5].as_str()])
        .collect();
    assert_eq!(
        picked,
        [
            ["EUR", "Customer A", "5000.00", "yes"],
            ["EUR", "Customer B", "2500.00", "yes"],
            ["EUR", "Customer C", "500.00", "no"],
        ]
    );
}

#[tokio::test]
async fn an_empty_period_has_no_figures_and_an_all_late_one_has_no_hits() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    // June: every line shipped after its commitment (SO-L-1 line 2 by a day).
    shipped_order(
        &app,
        cast.customer_a,
        "SO-L-1",
        "2025-06-02",
        "2025-06-20",
        [Some("2025-06-10"), Some("2025-06-19")],
    )
    .await;
    shipped_order(
        &app,
        cast.customer_b,
        "SO-L-2",
        "2025-06-03",
        "2025-06-05",
        [Some("2025-06-04"), Some("2025-06-01")],
    )
    .await;
    let staff = app.client_for(&cast.staff.email, PASSWORD).await;

    let empty = kpis(&app, &staff, "2024-01-01", "2024-01-31").await;
    assert_eq!(empty["on_time"], json!({"hits": 0, "total": 0}), "{empty}");
    assert_eq!(
        empty["cycle_days"],
        json!({"count": 0, "median": null, "p90": null}),
        "{empty}"
    );
    assert_eq!(empty["unmeasured"], 0);
    assert_eq!(empty["pareto"], json!([]));
    assert_eq!(empty["worst_products"], json!([]));
    // Nothing to measure is no data, not 0 %.
    let products = csv_rows(
        &app,
        &staff,
        "/exports/kpi/products.csv?from=2024-01-01&to=2024-01-31",
    )
    .await;
    assert_eq!(products, [["Name", "Late", "Lines", "Late %"]]);

    let late = kpis(&app, &staff, "2025-06-01", "2025-06-30").await;
    assert_eq!(late["on_time"], json!({"hits": 0, "total": 4}), "{late}");
    assert_eq!(late["unmeasured"], 0);
    // 18 and 2 days: the median is the smaller, the 90th percentile the larger.
    assert_eq!(
        late["cycle_days"],
        json!({"count": 2, "median": 2, "p90": 18}),
        "{late}"
    );
    // Equally bad with as many lines: by name.
    assert_eq!(
        late["worst_products"],
        json!([
            {"name": "SECRET-PRODUCT-1", "late": 2, "total": 2},
            {"name": "SECRET-PRODUCT-2", "late": 2, "total": 2},
        ])
    );
    let products = csv_rows(
        &app,
        &staff,
        "/exports/kpi/products.csv?from=2025-06-01&to=2025-06-30",
    )
    .await;
    assert_eq!(
        products,
        [
            ["Name", "Late", "Lines", "Late %"],
            ["SECRET-PRODUCT-1", "2", "2", "100.0"],
            ["SECRET-PRODUCT-2", "2", "2", "100.0"],
        ]
    );

    // Without dates: the 90 days up to today.
    let (status, default) = app.call(&staff, "workspace/kpis", &[]).await;
    assert_eq!(status, 200, "{default}");
    let today = app.clock.now().date_naive();
    assert_eq!(default["to"], today.to_string());
    assert_eq!(
        default["from"],
        (today - chrono::Duration::days(89)).to_string()
    );
    assert_eq!(default["on_time"], json!({"hits": 0, "total": 0}));

    // Periods that make no sense are refused on the field.
    let bad: [(&[(&str, &str)], &str); 3] = [
        (&[("from", "2025-06-30"), ("to", "2025-06-01")], "from"),
        (&[("from", "2025-06-01"), ("to", "30.06.2025")], "to"),
        (&[("from", "2010-01-01"), ("to", "2025-06-30")], "from"),
    ];
    for (fields, field) in bad {
        let (status, body) = app.call(&staff, "workspace/kpis", fields).await;
        assert_eq!(status, 422, "{fields:?}: {body}");
        assert!(
            body.to_string().contains(&format!("\"{field}\"")),
            "{fields:?} not on {field}: {body}"
        );
    }
}

#[tokio::test]
async fn a_factory_is_measured_by_the_day_it_reported_ready_and_reads_only_its_own_card() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let factory_a = app.client_for(&cast.supplier.email, PASSWORD).await;
    let factory_b = app.client_for(&cast.supplier_b_user.email, PASSWORD).await;

    // Nothing ready yet; supplier B's one open line was reported on today.
    let (status, before) = scorecard(&app, &factory_b, None).await;
    assert_eq!(status, 200, "{before}");
    assert_eq!(before["supplier_id"], cast.supplier_b);
    assert_eq!(before["name"], "Supplier B");
    assert_eq!(before["on_time"], json!({"hits": 0, "total": 0}));
    assert_eq!(before["fresh"], json!({"hits": 1, "total": 1}));
    assert!(before["average_days_late"].is_null(), "{before}");

    // Supplier A is ready today, well before its committed ready date.
    let first_day = app.clock.now().date_naive();
    let (status, body) = app
        .call(
            &factory_a,
            "progress/post",
            &[
                ("id", &cast.po_line_a.to_string()),
                ("version", "1"),
                ("milestone", "ready_to_ship"),
                ("quantity_done", "100"),
            ],
        )
        .await;
    assert_eq!(status, 200, "{body}");

    // Supplier B reports ready 25 days later: past its committed ready date
    // (20 days out). Sessions idle out meanwhile, so everyone signs in again.
    app.clock.advance(chrono::Duration::days(25));
    let report_day = app.clock.now().date_naive();
    let factory_a = app.client_for(&cast.supplier.email, PASSWORD).await;
    let factory_b = app.client_for(&cast.supplier_b_user.email, PASSWORD).await;
    let staff = app.client_for(&cast.staff.email, PASSWORD).await;
    let customer = app.client_for(&cast.customer.email, PASSWORD).await;
    let (status, body) = app
        .call(
            &factory_b,
            "progress/post",
            &[
                ("id", &cast.po_line_b.to_string()),
                ("version", "1"),
                ("milestone", "ready_to_ship"),
                ("quantity_done", "100"),
            ],
        )
        .await;
    assert_eq!(status, 200, "{body}");
    // Supplier A ships now; it is still measured by the day it was first ready.
    let (status, body) = app
        .call(
            &factory_a,
            "progress/post",
            &[
                ("id", &cast.po_line_a.to_string()),
                ("version", "2"),
                ("milestone", "shipped"),
                ("quantity_done", "100"),
            ],
        )
        .await;
    assert_eq!(status, 200, "{body}");

    let line_a = po_line::Entity::find_by_id(cast.po_line_a)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        line_a.ready_on,
        Some(first_day),
        "the first ready day stays"
    );
    assert!(first_day <= line_a.committed_ready_date);
    let line_b = po_line::Entity::find_by_id(cast.po_line_b)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        line_b.ready_on,
        Some(report_day),
        "ready on the report's day"
    );
    let days_late = (report_day - line_b.committed_ready_date).num_days();
    assert!(days_late > 0, "the report came after the commitment");

    let (status, card_b) = scorecard(&app, &factory_b, None).await;
    assert_eq!(status, 200, "{card_b}");
    assert_eq!(card_b["supplier_id"], cast.supplier_b);
    assert_eq!(
        card_b["on_time"],
        json!({"hits": 0, "total": 1}),
        "{card_b}"
    );
    assert!(
        approx(&card_b["average_days_late"], days_late as f64),
        "{days_late} days late: {card_b}"
    );
    // Its only line is ready now: nothing open to be fresh or stale about.
    assert_eq!(card_b["fresh"], json!({"hits": 0, "total": 0}), "{card_b}");
    assert_eq!(card_b["waiting"], 0);

    let (status, card_a) = scorecard(&app, &factory_a, None).await;
    assert_eq!(status, 200, "{card_a}");
    assert_eq!(card_a["supplier_id"], cast.supplier_a);
    assert_eq!(
        card_a["on_time"],
        json!({"hits": 1, "total": 1}),
        "{card_a}"
    );
    assert!(card_a["average_days_late"].is_null(), "{card_a}");
    // Naming itself is the same as naming nobody.
    let (status, named) = scorecard(&app, &factory_a, Some(cast.supplier_a)).await;
    assert_eq!(status, 200, "{named}");
    assert_eq!(named, card_a);
    // The factory's own card, named from its session, is the card the house
    // reads of it.
    let (status, seen_a) = scorecard(&app, &staff, Some(cast.supplier_a)).await;
    assert_eq!(status, 200, "{seen_a}");
    assert_eq!(seen_a, card_a);
    assert_eq!(card_a["name"], "Supplier A", "{card_a}");

    // Another factory's card does not exist for supplier A, nor any for a customer.
    let (status, body) = scorecard(&app, &factory_a, Some(cast.supplier_b)).await;
    assert_eq!(status, 404, "{body}");
    assert!(!body.to_string().contains("Supplier B"), "{body}");
    for supplier in [None, Some(cast.supplier_b)] {
        let (status, body) = scorecard(&app, &customer, supplier).await;
        assert_eq!(status, 404, "{supplier:?}: {body}");
    }
    // The house names the factory; without a name, or naming a customer, there is none.
    let (status, seen) = scorecard(&app, &staff, Some(cast.supplier_b)).await;
    assert_eq!(status, 200, "{seen}");
    assert_eq!(seen, card_b);
    let (status, body) = scorecard(&app, &staff, None).await;
    assert_eq!(status, 404, "{body}");
    let (status, body) = scorecard(&app, &staff, Some(cast.customer_a)).await;
    assert_eq!(status, 404, "{body}");
    let anonymous = new_client();
    let (status, _) = scorecard(&app, &anonymous, None).await;
    assert_eq!(status, 401);

    // The house's KPIs of the last 90 days: one of two factory lines on time.
    let (status, report) = app.call(&staff, "workspace/kpis", &[]).await;
    assert_eq!(status, 200, "{report}");
    assert_eq!(
        report["supplier_on_time"],
        json!({"hits": 1, "total": 2}),
        "{report}"
    );
    assert_eq!(
        report["worst_suppliers"],
        json!([
            {"name": "Supplier B", "late": 1, "total": 1},
            {"name": "Supplier A", "late": 0, "total": 1},
        ]),
        "{report}"
    );
    let cards = csv_rows(&app, &staff, "/exports/kpi/scorecards.csv").await;
    assert_eq!(cards.len(), 3, "{cards:?}");
    assert_eq!(cards[1][..5], ["Supplier A", "100.0", "1", "0", ""]);
    assert_eq!(
        cards[2][..5],
        [
            "Supplier B".to_string(),
            "0.0".to_string(),
            "1".to_string(),
            "1".to_string(),
            format!("{:.1}", days_late as f64),
        ]
    );
}

#[tokio::test]
async fn the_board_shows_the_lines_at_risk_most_urgent_first_to_the_house_only() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let line_1 = stored_line(&app, cast.order_a, 1).await;
    let line_2 = stored_line(&app, cast.order_a, 2).await;
    let staff = app.client_for(&cast.staff.email, PASSWORD).await;

    // Line 2's forecast is two days after its commitment; line 1 is on time,
    // and order B is only quoted.
    let rows = board(&app, &staff).await;
    assert_eq!(rows.len(), 1, "{rows:?}");
    let row = &rows[0];
    assert_eq!(row["order_id"], cast.order_a);
    assert_eq!(row["order_number"], "SO-A-1");
    assert_eq!(row["customer_name"], "Customer A");
    assert_eq!(row["line_no"], 2);
    assert_eq!(row["product_code"], "SECRET-PRODUCT-2");
    assert_eq!(row["reasons"], json!(["slipping"]));
    assert_eq!(row["slip_days"], 2);
    assert_eq!(row["committed"], line_2.committed_date.unwrap().to_string());
    assert_eq!(row["forecast"], line_2.forecast_date.unwrap().to_string());

    for person in [&cast.customer, &cast.supplier] {
        let client = app.client_for(&person.email, PASSWORD).await;
        let (status, body) = app.call(&client, "workspace/board", &[]).await;
        assert_eq!(status, 403, "{:?}: {body}", person.role);
        assert!(!body.to_string().contains("SO-A-1"), "{body}");
        let (status, body) = app.call(&client, "workspace/kpis", &[]).await;
        assert_eq!(status, 403, "{:?}: {body}", person.role);
    }
    let (status, _) = app.call(&new_client(), "workspace/board", &[]).await;
    assert_eq!(status, 401);

    // An order going well with a change request waiting for the house: its
    // line is on the board for that alone. Settled again, it is off.
    let changing = crate::glance::order_slipping(&app, cast.customer_a, "SO-A-CHANGE", 0).await;
    change_request::ActiveModel {
        order_id: Set(changing),
        requested_by: Set(cast.customer.id),
        base_version: Set(1),
        status: Set(ChangeStatus::Open),
        items: Set("[]".into()),
        note: Set("Blue instead".into()),
        counter_items: Set(None),
        answer: Set(None),
        created_at: Set(chrono::Utc::now()),
        decided_at: Set(None),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap();
    // Written around the portal, so it is told, as its own writes tell it.
    app.state.read_cache.bump();
    let rows = board(&app, &staff).await;
    let seen: Vec<(Value, Value)> = rows
        .iter()
        .map(|r| (r["order_number"].clone(), r["reasons"].clone()))
        .collect();
    assert_eq!(
        seen,
        [
            (json!("SO-A-1"), json!(["slipping"])),
            (json!("SO-A-CHANGE"), json!(["awaiting_decision"])),
        ]
    );
    order::ActiveModel {
        id: Set(changing),
        status: Set(OrderStatus::Settled),
        ..Default::default()
    }
    .update(&app.db)
    .await
    .unwrap();
    app.state.read_cache.bump();

    // Past both commitments, with no factory report for weeks: both lines
    // are overdue and stale, and the one that also slips comes first.
    app.clock.advance(chrono::Duration::days(35));
    let staff = app.client_for(&cast.staff.email, PASSWORD).await;
    let rows = board(&app, &staff).await;
    let seen: Vec<(i64, Value)> = rows
        .iter()
        .map(|r| (r["line_no"].as_i64().unwrap(), r["reasons"].clone()))
        .collect();
    assert_eq!(
        seen,
        [
            (2, json!(["overdue", "slipping", "stale"])),
            (1, json!(["overdue", "stale"])),
        ]
    );
    assert_eq!(
        rows[1]["committed"],
        line_1.committed_date.unwrap().to_string()
    );
    assert_eq!(rows[1]["slip_days"], 0);

    // Supplier B reports line 2's goods ready: no longer overdue or stale,
    // but still later than promised; line 1 is now the more urgent.
    let factory_b = app.client_for(&cast.supplier_b_user.email, PASSWORD).await;
    let (status, body) = app
        .call(
            &factory_b,
            "progress/post",
            &[
                ("id", &cast.po_line_b.to_string()),
                ("version", "1"),
                ("milestone", "ready_to_ship"),
                ("quantity_done", "100"),
            ],
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let rows = board(&app, &staff).await;
    let seen: Vec<(i64, Value)> = rows
        .iter()
        .map(|r| (r["line_no"].as_i64().unwrap(), r["reasons"].clone()))
        .collect();
    assert_eq!(
        seen,
        [(1, json!(["overdue", "stale"])), (2, json!(["slipping"]))]
    );
}

#[tokio::test]
async fn the_board_shows_each_reasons_most_urgent_lines_and_the_rest_on_asking() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let staff = app.client_for(&cast.staff.email, PASSWORD).await;
    // Beside the cast's SO-A-1 (line 2 two days late), 55 orders whose one
    // line slips by 1 to 55 days: 56 slipping lines, the most slipping first.
    for slip in 1..=55 {
        crate::glance::order_slipping(&app, cast.customer_a, &format!("SO-SLIP-{slip}"), slip)
            .await;
    }
    app.state.read_cache.bump();
    let groups = board_groups(&app, &staff, &[]).await;
    assert_eq!(groups.len(), 1, "{groups:?}");
    assert_eq!(groups[0]["reason"], "slipping");
    assert_eq!(groups[0]["total"], 56);
    let shown: Vec<String> = groups[0]["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["order_number"].as_str().unwrap().to_string())
        .collect();
    let expected: Vec<String> = (6..=55).rev().map(|s| format!("SO-SLIP-{s}")).collect();
    assert_eq!(shown, expected);

    let groups = board_groups(&app, &staff, &[("all", "slipping")]).await;
    let rows = groups[0]["rows"].as_array().unwrap();
    assert_eq!((groups[0]["total"].clone(), rows.len()), (json!(56), 56));
    assert_eq!(rows[50]["order_number"], "SO-SLIP-5");
    assert_eq!(rows[55]["order_number"], "SO-SLIP-1");
    // SO-A-1's two days sit with SO-SLIP-2's, before SO-SLIP-1's one.
    let two_days: Vec<&Value> = rows[53..55].iter().map(|r| &r["order_number"]).collect();
    assert!(two_days.contains(&&json!("SO-A-1")), "{two_days:?}");

    // Another reason asked for in full changes nothing here; a reason that
    // does not exist is refused with a message.
    let groups = board_groups(&app, &staff, &[("all", "overdue")]).await;
    assert_eq!(groups[0]["rows"].as_array().unwrap().len(), 50);
    let (status, body) = app
        .call(&staff, "workspace/board", &[("all", "late-ish")])
        .await;
    assert_eq!(status, 400, "{body}");
}

/// More lines at risk than the board looks at: it ranks those with the
/// earliest commitments, says that it stopped there, and its counts are no
/// more than it looked at.
#[tokio::test]
async fn a_board_with_more_lines_at_risk_than_it_looks_at_says_so() {
    use app::ssr::repo::kpi::BOARD_LIMIT;
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let staff = app.client_for(&cast.staff.email, PASSWORD).await;
    // With SO-A-1's slipping line 2, exactly as many lines as it looks at:
    // the board is whole.
    let lines = i32::try_from(BOARD_LIMIT).unwrap() - 1;
    let big =
        crate::glance::order_with_slipping_lines(&app, cast.customer_a, "SO-BIG", 3, lines).await;
    app.state.read_cache.bump();
    let groups = board_groups(&app, &staff, &[]).await;
    assert_eq!(groups[0]["total"], json!(BOARD_LIMIT));

    // One line more, committed a day after the others: left out, and said.
    let line = stored_line(&app, big, 1).await;
    let later = line.committed_date.unwrap() + chrono::Duration::days(1);
    orders::insert_line(
        &app.db,
        crate::glance::slipping_line(big, lines + 1, later, 2),
    )
    .await
    .unwrap();
    app.state.read_cache.bump();
    let (status, body) = app.call(&staff, "workspace/board", &[]).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["capped_at"], json!(BOARD_LIMIT), "capped_at");
    let group = &body["groups"][0];
    assert_eq!(group["total"], json!(BOARD_LIMIT));
    let (status, body) = app
        .call(&staff, "workspace/board", &[("all", "slipping")])
        .await;
    assert_eq!(status, 200, "{body}");
    let rows = body["groups"][0]["rows"].as_array().unwrap();
    assert_eq!(rows.len(), BOARD_LIMIT);
    assert!(
        !rows
            .iter()
            .any(|r| r["order_number"] == "SO-BIG" && r["line_no"] == json!(lines + 1)),
        "the line committed last is left out"
    );
}

#[tokio::test]
async fn csv_downloads_quote_what_needs_quoting_and_stay_within_the_tenant() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let awkward = "Mug, \"blue\"\nline two 蓝色";
    let line_1 = stored_line(&app, cast.order_a, 1).await;
    order_line::ActiveModel {
        id: Set(line_1.id),
        description: Set(awkward.to_string()),
        ..Default::default()
    }
    .update(&app.db)
    .await
    .unwrap();

    let buyer_a = app.client_for(&cast.customer.email, PASSWORD).await;
    let (status, content_type, body) = fetch(&app, &buyer_a, "/exports/orders.csv").await;
    assert_eq!(status, 200, "{}", String::from_utf8_lossy(&body));
    assert!(content_type.starts_with("text/csv"), "{content_type}");
    assert!(
        body.starts_with(&[0xEF, 0xBB, 0xBF]),
        "no UTF-8 byte-order mark: {:?}",
        &body[..body.len().min(8)]
    );
    let text = String::from_utf8(body).expect("UTF-8");
    // RFC 4180: quoted, quotes doubled, the line break kept inside the quotes.
    assert!(
        text.contains("\"Mug, \"\"blue\"\"\nline two 蓝色\""),
        "{text}"
    );
    assert!(text.ends_with("\r\n"), "{text:?}");
    let rows = app::csv::parse(&text);
    let header = &rows[0];
    let column = |name: &str| {
        header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no {name} column in {header:?}"))
    };
    let (order, line, description) = (column("Order"), column("Line"), column("Description"));
    assert_eq!(order, 0, "{header:?}");
    assert_eq!(
        rows.len(),
        3,
        "a header and the two lines of SO-A-1: {rows:?}"
    );
    assert!(
        rows.iter().all(|r| r.len() == header.len()),
        "every row as wide as the header: {rows:?}"
    );
    let find = |line_no: &str| {
        rows.iter()
            .find(|r| r[order] == "SO-A-1" && r[line] == line_no)
            .unwrap_or_else(|| panic!("no row for SO-A-1 line {line_no}: {rows:?}"))
    };
    assert_eq!(find("1")[description], awkward);
    assert_eq!(find("2")[description], "Test product");

    // Customer B gets its own order book only.
    let buyer_b = app.client_for(&cast.customer_b_user.email, PASSWORD).await;
    let (status, _, body) = fetch(&app, &buyer_b, "/exports/orders.csv").await;
    let text = String::from_utf8(body).expect("UTF-8");
    assert_eq!(status, 200, "{text}");
    assert!(text.contains("SO-B-1"), "{text}");
    assert!(!text.contains("SO-A-1") && !text.contains("Mug"), "{text}");
    // Factories have no sales orders; strangers sign in first.
    let factory = app.client_for(&cast.supplier.email, PASSWORD).await;
    let (status, _, body) = fetch(&app, &factory, "/exports/orders.csv").await;
    assert_eq!(status, 404);
    assert!(!String::from_utf8_lossy(&body).contains("SO-A-1"));
    let anonymous = new_client();
    let (status, _, _) = fetch(&app, &anonymous, "/exports/orders.csv").await;
    assert_eq!(status, 401);

    // KPI tables are the house's.
    for client in [&buyer_a, &factory] {
        let (status, _, body) = fetch(&app, client, "/exports/kpi/products.csv").await;
        assert_eq!(status, 403, "{}", String::from_utf8_lossy(&body));
    }
    let (status, _, _) = fetch(&app, &anonymous, "/exports/kpi/products.csv").await;
    assert_eq!(status, 401);
    let staff = app.client_for(&cast.staff.email, PASSWORD).await;
    let (status, content_type, body) = fetch(&app, &staff, "/exports/kpi/products.csv").await;
    assert_eq!(status, 200, "{}", String::from_utf8_lossy(&body));
    assert!(content_type.starts_with("text/csv"), "{content_type}");
    assert!(body.starts_with(&[0xEF, 0xBB, 0xBF]));
    let rows = app::csv::parse(&String::from_utf8(body).expect("UTF-8"));
    assert_eq!(rows[0], ["Name", "Late", "Lines", "Late %"]);
    for path in ["/exports/kpi/secrets.csv", "/exports/kpi/products"] {
        let (status, _, _) = fetch(&app, &staff, path).await;
        assert_eq!(status, 404, "{path}");
    }
    let (status, _, _) = fetch(&app, &staff, "/exports/kpi/products.csv?from=2025-02-30").await;
    assert_eq!(status, 422);
}
