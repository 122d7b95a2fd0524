//! A factory on a phone (390 px wide, in Chinese) posts "QC passed" with a
//! later ready date; the customer's already-open order page shows the new
//! forecast and a slip badge without a reload.

use fantoccini::Locator;
use integration_tests::browser::Browser;
use integration_tests::people::{PASSWORD, create_cast};
use integration_tests::spawn_app;
use std::time::Duration;

async fn sign_in(browser: &Browser, base: &str, email: &str) {
    browser.sign_in_and_wait(base, email, PASSWORD).await;
}

/// The page is no wider than the screen: nothing to scroll sideways.
async fn assert_fits_the_screen(browser: &Browser, what: &str) {
    let widths = browser
        .client
        .execute(
            "return [document.documentElement.scrollWidth, window.innerWidth];",
            vec![],
        )
        .await
        .unwrap();
    let scroll = widths[0].as_i64().unwrap();
    let screen = widths[1].as_i64().unwrap();
    assert!(screen <= 400, "not a phone-sized window: {screen}");
    assert!(
        scroll <= screen,
        "{what} scrolls sideways: {scroll} > {screen}"
    );
}

#[tokio::test]
async fn a_factory_reports_from_a_phone_and_the_customer_sees_the_slip_live() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let customer = Browser::launch(1280, 900).await;
    let factory = Browser::launch(390, 844).await;
    sign_in(&customer, &app.address, &cast.customer.email).await;
    sign_in(&factory, &app.address, &cast.supplier.email).await;

    customer
        .open_hydrated(&app.url(&format!("/customer/orders/{}", cast.order_a)))
        .await;
    customer
        .wait_for_text(
            "tr[data-line='1'] .forecast",
            Duration::from_secs(10),
            |t| !t.is_empty(),
        )
        .await;
    customer.mark_page().await;

    factory.open_hydrated(&app.url("/supplier")).await;
    factory.click("button[data-locale=zh]").await;
    factory
        .wait_for_text(".supplier-area h1", Duration::from_secs(10), |t| {
            t == "我的采购订单"
        })
        .await;
    factory
        .wait_for_text("#po-lines", Duration::from_secs(10), |t| {
            t.contains("PO-A-1") && t.contains("生产中")
        })
        .await;
    assert_fits_the_screen(&factory, "the line list").await;
    factory.screenshot("factory-phone-list").await;

    factory
        .click(&format!(
            "li[data-po-line='{}'] a.update-link",
            cast.po_line_a
        ))
        .await;
    factory
        .wait_for_text("#progress-form", Duration::from_secs(10), |t| {
            t.contains("提交更新")
        })
        .await;
    // The line page loads anew, and its form answers once it has woken.
    factory.wait_hydrated().await;
    assert_fits_the_screen(&factory, "the update form").await;
    let later = app.today() + chrono::Duration::days(23);
    factory
        .set_value("#progress-form select[name=milestone]", "qc_passed")
        .await;
    factory
        .set_value("#progress-form input[name=forecast]", &later.to_string())
        .await;
    factory
        .client
        .find(Locator::Css("#progress-form input[name=reason]"))
        .await
        .unwrap()
        .send_keys("釉料批次不合格，重新烧制")
        .await
        .unwrap();
    factory.click("#progress-form button[type=submit]").await;
    factory
        .wait_for_text("#progress-history", Duration::from_secs(10), |t| {
            t.contains("质检通过") && t.contains("釉料批次不合格")
        })
        .await;
    factory
        .wait_for_text("#line-forecast", Duration::from_secs(5), |t| {
            t == later.to_string()
        })
        .await;
    factory.screenshot("factory-phone-posted").await;

    // The customer line is committed 10 days after the factory's date.
    let customer_forecast = later + chrono::Duration::days(10);
    customer
        .wait_for_text("tr[data-line='1'] .forecast", Duration::from_secs(5), |t| {
            t == customer_forecast.to_string()
        })
        .await;
    let badge = customer
        .wait_for_text("tr[data-line='1'] .badge", Duration::from_secs(5), |t| {
            t == "Late"
        })
        .await;
    assert_eq!(badge, "Late");
    customer
        .wait_for_text(
            "tr[data-line='1'] .milestone",
            Duration::from_secs(5),
            |t| t == "QC passed",
        )
        .await;
    customer.assert_not_reloaded().await;
    let page = customer.main_text().await;
    assert!(
        !page.contains("釉料") && !page.contains("Supplier A"),
        "{page}"
    );
    customer.screenshot("customer-sees-factory-slip").await;
    customer.close().await;
    factory.close().await;
}

/// The cards in the factory's list.
const CARDS: &str = "#po-lines li.po-line-card";

#[tokio::test]
async fn a_factory_with_many_lines_sees_a_page_and_asks_for_more() {
    use app::ssr::repo::purchase_orders::{self, NewPoLine};
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    // 59 more open lines on one purchase order: 60 with the cast's own.
    let now = chrono::Utc::now();
    let po = purchase_orders::insert_po(&app.db, "PO-A-MANY", cast.supplier_a, now)
        .await
        .unwrap();
    for line_no in 1..=59 {
        purchase_orders::insert_po_line(
            &app.db,
            NewPoLine {
                purchase_order_id: po.id,
                line_no,
                product_code: "MUG",
                description: "Stoneware mug",
                quantity: 100,
                quantity_done: 0,
                committed_ready: now.date_naive() + chrono::Duration::days(30 + i64::from(line_no)),
                forecast_ready: None,
                milestone: app::domain::progress::Milestone::InProduction,
                last_progress_at: Some(now),
            },
            &[],
        )
        .await
        .unwrap();
    }
    // Over HTTP: a page unless more is asked for.
    let client = app.client_for(&cast.supplier.email, PASSWORD).await;
    let (_, first) = app.call(&client, "progress/lines", &[]).await;
    assert_eq!(first.as_array().unwrap().len(), 50);
    let (_, all) = app
        .call(&client, "progress/lines", &[("shown", "100")])
        .await;
    assert_eq!(all.as_array().unwrap().len(), 60);

    let factory = Browser::launch(390, 844).await;
    sign_in(&factory, &app.address, &cast.supplier.email).await;
    factory.open_hydrated(&app.url("/supplier")).await;
    factory
        .wait_for_text("#po-lines", Duration::from_secs(10), |t| {
            t.contains("PO-A-1")
        })
        .await;
    assert_eq!(factory.count(CARDS).await, 50, "the first page");
    factory.click("#lines-more").await;
    let give_up = tokio::time::Instant::now() + Duration::from_secs(10);
    while factory.count(CARDS).await != 60 {
        assert!(
            tokio::time::Instant::now() < give_up,
            "showing more never showed all 60 lines"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let more = factory
        .client
        .find_all(Locator::Css("#lines-more"))
        .await
        .unwrap();
    assert!(more.is_empty(), "a button for more when all are shown");
    // Late lines stay first: the cast's line is late.
    let first_card = factory
        .client
        .find(Locator::Css("#po-lines li.po-line-card"))
        .await
        .unwrap()
        .attr("data-po-line")
        .await
        .unwrap();
    assert_eq!(first_card, Some(cast.po_line_a.to_string()));
    factory.close().await;
}
