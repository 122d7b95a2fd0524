//! Dates a request carries are bounded before any arithmetic touches them:
//! an extreme year is a field error, never a failed request.

use integration_tests::people::{PASSWORD, create_cast};
use integration_tests::spawn_app;

const EXTREME: [&str; 3] = ["+262142-12-31", "262142-12-31", "9999-12-31"];

#[tokio::test]
async fn extreme_dates_are_field_errors_in_the_kpi_period_and_the_forecast() {
    let app = spawn_app().await;
    let cast = create_cast(&app.db).await;
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
    let cast = create_cast(&app.db).await;
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
