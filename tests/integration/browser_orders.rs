//! Two browsers: sales staff move an order's status in one; the customer's
//! already-open order page shows it without a reload.

use fantoccini::Locator;
use integration_tests::browser::Browser;
use integration_tests::people::{PASSWORD, create_cast};
use integration_tests::spawn_app;
use std::time::{Duration, Instant};

async fn sign_in(browser: &Browser, base: &str, email: &str) {
    browser.sign_in(base, email, PASSWORD).await;
    browser
        .wait_for_text(".site-nav", Duration::from_secs(10), |t| {
            t.contains("Sign out")
        })
        .await;
}

#[tokio::test]
async fn the_customer_sees_a_status_change_live() {
    let app = spawn_app().await;
    let cast = create_cast(&app.db).await;
    let customer = Browser::launch(1280, 900).await;
    let staff = Browser::launch(1280, 900).await;
    sign_in(&customer, &app.address, &cast.customer.email).await;
    sign_in(&staff, &app.address, &cast.staff.email).await;

    customer
        .open_hydrated(&app.url(&format!("/customer/orders/{}", cast.order_a)))
        .await;
    customer
        .wait_for_text("#order-status", Duration::from_secs(10), |t| {
            t == "In production"
        })
        .await;
    // A mark in the page that a reload would wipe out.
    customer
        .client
        .execute("window.__stillTheSamePage = true;", vec![])
        .await
        .unwrap();

    staff
        .open_hydrated(&app.url(&format!("/staff/orders/{}", cast.order_a)))
        .await;
    staff
        .client
        .wait()
        .at_most(Duration::from_secs(10))
        .for_element(Locator::Css("button[data-move-to=ready]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let clicked = Instant::now();

    customer
        .wait_for_text("#order-status", Duration::from_secs(5), |t| t == "Ready")
        .await;
    let elapsed = clicked.elapsed();
    let same_page = customer
        .client
        .execute("return window.__stillTheSamePage === true;", vec![])
        .await
        .unwrap();
    assert_eq!(
        same_page,
        serde_json::Value::Bool(true),
        "the page was reloaded"
    );
    let timeline = customer
        .client
        .find(Locator::Css("#order-timeline"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(timeline.contains("Status changed to Ready"), "{timeline}");
    customer.screenshot("customer-order-live").await;
    println!("status change visible to the customer after {elapsed:?}");
    customer.close().await;
    staff.close().await;
}
