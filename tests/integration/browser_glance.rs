//! The customer's first page in a real browser: the glance counts its open
//! orders as the list below badges them, and a quotation waiting for its
//! answer links to the quotation's page.

use crate::glance::{order_slipping, sent_quotation};
use integration_tests::browser::Browser;
use integration_tests::people::{PASSWORD, create_cast};
use integration_tests::spawn_app;
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(20);

#[tokio::test]
async fn the_customer_sees_its_glance_and_opens_a_waiting_quotation() {
    let app = spawn_app().await;
    let cast = create_cast(&app.db).await;
    // Beside SO-A-1 from the cast, which has a line two days late.
    order_slipping(&app.db, cast.customer_a, "SO-A-TRACK", 0).await;
    let buyer = app.client_for(&cast.customer.email, PASSWORD).await;
    let quote = sent_quotation(&app, &cast, &buyer, cast.supplier_a, "A glance mug").await;

    let browser = Browser::launch(1280, 900).await;
    browser
        .sign_in_and_wait(&app.address, &cast.customer.email, PASSWORD)
        .await;
    browser.open_hydrated(&app.url("/customer")).await;
    browser
        .wait_for_text("#glance-on-track", WAIT, |t| t == "One order on track")
        .await;
    browser
        .wait_for_text("#glance-at-risk", WAIT, |t| t == "None at risk")
        .await;
    browser
        .wait_for_text("#glance-late", WAIT, |t| t == "One late")
        .await;
    let link = format!("#customer-glance a[href='/customer/quotations/{quote}']");
    browser
        .wait_for_text(&link, WAIT, |t| t.contains("to accept or decline"))
        .await;
    browser.screenshot("customer-glance").await;
    browser.click(&link).await;
    browser
        .wait_for_text("#quote-total", WAIT, |t| t.contains("EUR"))
        .await;
    browser.close().await;
}
