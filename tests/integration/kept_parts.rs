//! A factory's progress report drops only what was kept for the parts of
//! the book it wrote (its own lines, the orders they fill and those orders'
//! customers); the rest stays kept. One that raised an alert drops
//! everything. Behind-the-back edits (straight into the database, so the
//! portal is not told) show which pages were rendered again and which were
//! answered from memory. The slippage scan keeps everything when it alerted
//! nobody.

use std::time::Duration;

use app::domain::order_status::OrderStatus;
use app::ssr::entities::{order, po_line};
use integration_tests::people::{Cast, PASSWORD, create_cast, create_order};
use integration_tests::{TestApp, eventually, get_with, spawn_app, two_instances};
use sea_orm::{ActiveModelTrait, EntityTrait, Set};

async fn page(client: &reqwest::Client, url: &str) -> String {
    let response = get_with(client, url).await;
    assert_eq!(response.status(), 200, "{url}");
    response.text().await.unwrap()
}

/// Renames an order without telling the portal.
async fn rename_order(app: &TestApp, id: i32, number: &str) {
    let found = order::Entity::find_by_id(id).one(&app.db).await.unwrap();
    let mut row: order::ActiveModel = found.unwrap().into();
    row.number = Set(number.into());
    row.update(&app.db).await.unwrap();
}

/// Factory A moves its line (line 1 of order A) to QC passed; with a
/// forecast, one that makes it late.
async fn report(app: &TestApp, factory: &reqwest::Client, line: i32, forecast: &str) {
    let (status, body) = app
        .call(
            factory,
            "progress/post",
            &[
                ("id", line.to_string().as_str()),
                ("version", "1"),
                ("milestone", "qc_passed"),
                ("quantity_done", "60"),
                ("forecast", forecast),
                ("reason", "Kiln re-firing"),
            ],
        )
        .await;
    assert_eq!(status, 200, "{body}");
}

/// The portal with the cast, another order of customer A (not filled by
/// factory A), and customer A and factory A signed in.
async fn setup() -> (TestApp, Cast, i32, reqwest::Client, reqwest::Client) {
    let app = spawn_app().await;
    let cast = create_cast(&app.db).await;
    let other = create_order(
        &app.db,
        cast.customer_a,
        "SO-A-OTHER",
        OrderStatus::InProduction,
    )
    .await;
    let customer = app.client_for(&cast.customer.email, PASSWORD).await;
    let factory_a = app.client_for(&cast.supplier.email, PASSWORD).await;
    (app, cast, other, customer, factory_a)
}

#[tokio::test]
async fn a_report_drops_what_shows_its_orders_and_keeps_the_rest() {
    let (app, cast, other, customer, factory_a) = setup().await;
    let factory_b = app.client_for(&cast.supplier_b_user.email, PASSWORD).await;
    let order_a_url = app.url(&format!("/customer/orders/{}", cast.order_a));
    let other_url = app.url(&format!("/customer/orders/{other}"));
    let first_url = app.url("/customer");
    let lines_url = app.url("/supplier");

    let order_a_before = page(&customer, &order_a_url).await;
    assert!(!order_a_before.contains("QC passed"), "{order_a_before}");
    assert!(page(&customer, &other_url).await.contains("SO-A-OTHER"));
    assert!(page(&customer, &first_url).await.contains("SO-A-OTHER"));
    let b_before = page(&factory_b, &lines_url).await;
    assert!(b_before.contains("PO-B-1"), "{b_before}");

    // Edits the portal does not hear of.
    rename_order(&app, other, "SO-A-RENAMED").await;
    let b_line = po_line::Entity::find_by_id(cast.po_line_b)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let mut b_line: po_line::ActiveModel = b_line.into();
    b_line.description = Set("Edited behind the portal".into());
    b_line.update(&app.db).await.unwrap();

    report(&app, &factory_a, cast.po_line_a, "").await;

    // The report's own order shows it at once, to the customer.
    let order_a_after = page(&customer, &order_a_url).await;
    assert!(
        order_a_after.contains("QC passed"),
        "the order's kept page was served after the report"
    );
    // The customer's first page shows all its orders: rendered again.
    let first_after = page(&customer, &first_url).await;
    assert!(first_after.contains("SO-A-RENAMED"), "{first_after}");
    // Another order's page and another factory's list stay kept.
    let other_after = page(&customer, &other_url).await;
    assert!(
        other_after.contains("SO-A-OTHER") && !other_after.contains("SO-A-RENAMED"),
        "another order's page was rendered again"
    );
    let b_after = page(&factory_b, &lines_url).await;
    assert!(
        !b_after.contains("Edited behind the portal"),
        "another factory's list was rendered again"
    );
    // Factory A's own list shows its report.
    let (_, lines) = app.call(&factory_a, "progress/lines", &[]).await;
    assert!(lines.to_string().contains("qc_passed"), "{lines}");

    // A write that names nothing drops everything.
    app.state.read_cache.bump();
    assert!(page(&customer, &other_url).await.contains("SO-A-RENAMED"));
    assert!(
        page(&factory_b, &lines_url)
            .await
            .contains("Edited behind the portal")
    );
}

#[tokio::test]
async fn a_report_that_raises_an_alert_drops_everything() {
    let (app, cast, other, customer, factory_a) = setup().await;
    let other_url = app.url(&format!("/customer/orders/{other}"));
    assert!(page(&customer, &other_url).await.contains("SO-A-OTHER"));
    rename_order(&app, other, "SO-A-RENAMED").await;
    // Three days past the factory's commitment: the house is alerted, and
    // whoever is told sees a new count in every page's navigation.
    let late = (chrono::Utc::now().date_naive() + chrono::Duration::days(23)).to_string();
    report(&app, &factory_a, cast.po_line_a, &late).await;
    assert!(
        page(&customer, &other_url).await.contains("SO-A-RENAMED"),
        "a report that alerted kept other pages"
    );
}

#[tokio::test]
async fn a_report_through_one_instance_reaches_the_kept_reads_of_another() {
    let Some((app, second, cast)) = two_instances().await else {
        return;
    };
    let customer = second.client_for(&cast.customer.email, PASSWORD).await;
    let factory_a = app.client_for(&cast.supplier.email, PASSWORD).await;
    let id = cast.order_a.to_string();
    let (_, before) = second.call(&customer, "orders/get", &[("id", &id)]).await;
    assert!(!before.to_string().contains("QC passed"), "{before}");
    report(&app, &factory_a, cast.po_line_a, "").await;
    let heard = eventually(Duration::from_secs(5), || async {
        let (_, after) = second.call(&customer, "orders/get", &[("id", &id)]).await;
        after.to_string().contains("QC passed")
    })
    .await;
    assert!(
        heard,
        "the second instance kept serving the order as it was"
    );
}

#[tokio::test]
async fn a_scan_that_alerts_nobody_keeps_everything_and_one_that_alerts_drops_it() {
    use app::ssr::alerts::scan_and_commit;
    let (app, cast, other, customer, _factory_a) = setup().await;
    // The first scan alerts whatever the cast starts with.
    scan_and_commit(&app.state).await.unwrap();
    let other_url = app.url(&format!("/customer/orders/{other}"));
    assert!(page(&customer, &other_url).await.contains("SO-A-OTHER"));
    rename_order(&app, other, "SO-A-RENAMED").await;

    let quiet = scan_and_commit(&app.state).await.unwrap();
    assert_eq!(quiet.mails, 0, "{quiet:?}");
    let kept = page(&customer, &other_url).await;
    assert!(
        kept.contains("SO-A-OTHER") && !kept.contains("SO-A-RENAMED"),
        "a scan that alerted nobody dropped what was kept"
    );

    // Factory A's line slips (written behind the portal): the next scan
    // finds it, alerts, and drops everything kept.
    let line = po_line::Entity::find_by_id(cast.po_line_a)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let late = line.committed_ready_date + chrono::Duration::days(9);
    let mut line: po_line::ActiveModel = line.into();
    line.forecast_ready_date = Set(Some(late));
    line.update(&app.db).await.unwrap();
    let loud = scan_and_commit(&app.state).await.unwrap();
    assert!(loud.mails > 0, "{loud:?}");
    assert!(
        page(&customer, &other_url).await.contains("SO-A-RENAMED"),
        "a scan that alerted kept what it had"
    );
}
