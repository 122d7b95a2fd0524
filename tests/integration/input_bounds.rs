//! Dates a request carries are bounded before any arithmetic touches them:
//! an extreme year is a field error, never a failed request.

use app::domain::order_status::OrderStatus;
use integration_tests::people::{PASSWORD, create_cast, create_order};
use integration_tests::{TestApp, spawn_app};

/// Years chrono reads but no order can mean, and the first days past the
/// portal's range (2000-01-01 to 2100-12-31).
const EXTREME: [&str; 5] = [
    "+262142-12-31",
    "262142-12-31",
    "-0001-12-31",
    "9999-12-31",
    "2101-01-01",
];

#[tokio::test]
async fn extreme_dates_are_field_errors_in_the_kpi_period_and_the_forecast() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let staff = app.client_for(&cast.staff.email, PASSWORD).await;
    let factory = app.client_for(&cast.supplier.email, PASSWORD).await;
    for extreme in EXTREME {
        for field in ["from", "to"] {
            let (status, body) = app
                .call(&staff, "workspace/kpis", &[(field, extreme)])
                .await;
            assert_eq!(status, 422, "{field}={extreme}: {body}");
            assert!(body.to_string().contains(field), "{body}");
        }
        let (status, body) = app
            .call(
                &factory,
                "progress/post",
                &[
                    ("id", &cast.po_line_a.to_string()),
                    ("version", "1"),
                    ("milestone", "in_production"),
                    ("quantity_done", "20"),
                    ("forecast", extreme),
                    ("reason", "A later date"),
                ],
            )
            .await;
        assert_eq!(status, 422, "forecast={extreme}: {body}");
        assert!(body.to_string().contains("forecast"), "{body}");
    }
    // Nothing was written: the line still takes a report at version 1.
    let (status, body) = app
        .call(
            &factory,
            "progress/post",
            &[
                ("id", &cast.po_line_a.to_string()),
                ("version", "1"),
                ("milestone", "in_production"),
                ("quantity_done", "25"),
            ],
        )
        .await;
    assert_eq!(status, 200, "{body}");
}

/// Search text and the number of lines in one bulk report are bounded before
/// any query runs.
#[tokio::test]
async fn long_searches_and_oversized_bulk_reports_are_refused() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let customer = app.client_for(&cast.customer.email, PASSWORD).await;
    let factory = app.client_for(&cast.supplier.email, PASSWORD).await;
    let long = "x".repeat(101);
    let (status, body) = app
        .call(&customer, "orders/list", &[("query", &long)])
        .await;
    assert_eq!(status, 422, "{body}");
    assert!(body.to_string().contains("query"), "{body}");
    let (status, body) = app
        .call(&customer, "orders/list", &[("query", &"x".repeat(100))])
        .await;
    assert_eq!(status, 200, "a hundred characters are fine: {body}");
    let (status, body) = app
        .call(&factory, "progress/lines", &[("query", &long)])
        .await;
    assert_eq!(status, 422, "{body}");

    let fields: Vec<(String, String)> = (0..201)
        .map(|i| (format!("line_ids[{i}]"), (100_000 + i).to_string()))
        .chain([("milestone".to_string(), "packed".to_string())])
        .collect();
    let pairs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let (status, body) = app.call(&factory, "progress/bulk", &pairs).await;
    assert_eq!(status, 422, "{body}");
    assert!(body.to_string().contains("200"), "{body}");
}

async fn version_of(app: &TestApp, client: &reqwest::Client, order_id: i32) -> String {
    let (status, body) = app
        .call(client, "orders/get", &[("id", &order_id.to_string())])
        .await;
    assert_eq!(status, 200, "{body}");
    body["version"].to_string()
}

/// An order line's date, a payment's, a purchase order's ready date and a
/// shipment's departure: each extreme date is a field error (never a 500 or
/// a dropped connection), nothing is written, and the portal answers as
/// before afterwards.
/// An endpoint, its fields, and the field the refusal must name.
type Asked<'a> = (&'a str, &'a [(&'a str, &'a str)], &'a str);

#[tokio::test]
async fn extreme_dates_on_orders_payments_and_shipments_are_field_errors() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let staff = app.client_for(&cast.staff.email, PASSWORD).await;
    let ready = create_order(&app, cast.customer_a, "SO-BOUNDS", OrderStatus::Ready).await;
    let (customer_id, order_a, ready_id) = (
        cast.customer_a.to_string(),
        cast.order_a.to_string(),
        ready.to_string(),
    );
    let supplier_id = cast.supplier_a.to_string();
    let version_a = version_of(&app, &staff, cast.order_a).await;
    let version_ready = version_of(&app, &staff, ready).await;
    for extreme in EXTREME {
        let asked: [Asked; 4] = [
            (
                "orders/create",
                &[
                    ("customer_id", &customer_id),
                    ("currency", "EUR"),
                    ("incoterm", "FOB"),
                    ("payment_terms", "30 days"),
                    ("ship_to", "Quay 1"),
                    ("lines[0][product_code]", "MUG-1"),
                    ("lines[0][description]", "Stoneware mug"),
                    ("lines[0][hs_code]", "6912.00"),
                    ("lines[0][quantity]", "10"),
                    ("lines[0][unit]", "pcs"),
                    ("lines[0][unit_price]", "2.50"),
                    ("lines[0][requested]", extreme),
                ],
                "lines[0].requested",
            ),
            (
                "orders/pay",
                &[
                    ("order_id", &order_a),
                    ("version", &version_a),
                    ("received_on", extreme),
                    ("amount", "10.00"),
                    ("reference", "TT 1"),
                ],
                "received_on",
            ),
            (
                "orders/place-po",
                &[
                    ("order_id", &order_a),
                    ("version", &version_a),
                    ("supplier_id", &supplier_id),
                    ("ready_by", extreme),
                    ("line_nos[0]", "1"),
                ],
                "ready_by",
            ),
            (
                "shipping/plan",
                &[
                    ("order_id", &ready_id),
                    ("version", &version_ready),
                    ("shipment[carrier]", "Carrier"),
                    ("shipment[vessel]", "Vessel"),
                    ("shipment[etd]", extreme),
                    ("shipment[eta]", extreme),
                ],
                "etd",
            ),
        ];
        for (endpoint, fields, field) in asked {
            let (status, body) = app.call(&staff, endpoint, fields).await;
            assert_eq!(status, 422, "{endpoint} with {extreme}: {body}");
            assert!(
                body.to_string().contains(&format!("\"{field}\"")),
                "{endpoint} with {extreme} not on {field}: {body}"
            );
        }
    }
    // Nothing was written: both orders are at the version they were, and
    // the portal still takes a payment dated today.
    assert_eq!(version_of(&app, &staff, cast.order_a).await, version_a);
    assert_eq!(version_of(&app, &staff, ready).await, version_ready);
    let today = app.day(0);
    let (status, body) = app
        .call(
            &staff,
            "orders/pay",
            &[
                ("order_id", &order_a),
                ("version", &version_a),
                ("received_on", &today),
                ("amount", "10.00"),
                ("reference", "TT 2"),
            ],
        )
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(app.get("/healthz").await.status(), 200);
}
