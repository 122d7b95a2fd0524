//! In a real browser: each role signs in through the form and sees only its own area.

use fantoccini::Locator;
use integration_tests::browser::Browser;
use integration_tests::people::{PASSWORD, create_cast};
use integration_tests::spawn_app;
use std::time::Duration;

async fn sign_in(browser: &Browser, base: &str, email: &str) {
    browser.sign_in(base, email, PASSWORD).await;
}

async fn nav_text(browser: &Browser) -> String {
    browser
        .client
        .find(Locator::Css(".site-nav"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
}

#[tokio::test]
async fn a_customer_signs_in_and_sees_only_the_customer_area() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let browser = Browser::launch(1280, 900).await;
    sign_in(&browser, &app.address, &cast.customer.email).await;

    browser
        .wait_for_text(".area-company", Duration::from_secs(10), |t| {
            t == "Customer A"
        })
        .await;
    assert!(browser.client.current_url().await.unwrap().path() == "/customer");
    let nav = nav_text(&browser).await;
    assert!(
        nav.contains("My orders") && nav.contains("Sign out"),
        "{nav}"
    );
    assert!(
        !nav.contains("People") && !nav.contains("Sales desk") && !nav.contains("purchase orders"),
        "{nav}"
    );
    browser.screenshot("customer-area").await;

    browser.open_hydrated(&app.url("/supplier")).await;
    browser
        .wait_for_text("#forbidden h1", Duration::from_secs(5), |t| {
            t == "Not allowed"
        })
        .await;
    browser.close().await;
}

#[tokio::test]
async fn a_supplier_signs_in_and_sees_only_the_supplier_area_then_signs_out() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let browser = Browser::launch(390, 844).await;
    sign_in(&browser, &app.address, &cast.supplier.email).await;

    let lines = browser
        .wait_for_text("#po-lines", Duration::from_secs(10), |t| {
            t.contains("PO-A-1")
        })
        .await;
    assert!(!lines.contains("PO-B-1"), "{lines}");
    let nav = nav_text(&browser).await;
    assert!(
        nav.contains("My purchase orders") && nav.contains("Supplier A"),
        "{nav}"
    );
    assert!(
        !nav.contains("My orders") && !nav.contains("People"),
        "{nav}"
    );
    browser.screenshot("supplier-area").await;

    browser.open_hydrated(&app.url("/customer")).await;
    browser
        .wait_for_text("#forbidden h1", Duration::from_secs(5), |t| {
            t == "Not allowed"
        })
        .await;

    browser
        .client
        .find(Locator::Css("#sign-out"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    browser
        .wait_for_text(".site-nav", Duration::from_secs(10), |t| {
            t.contains("Sign in")
        })
        .await;
    assert!(app.whoami(&app.client).await.is_null());
    browser.close().await;
}
