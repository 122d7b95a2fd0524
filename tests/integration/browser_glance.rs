//! The customer's first page in a real browser: the glance counts its open
//! orders as the list below badges them, and a quotation waiting for its
//! answer links to the quotation's page. Past ten waiting items, the most
//! pressing are named and the rest counted.

use crate::glance::{instalment_due, order_slipping, sent_quotation};
use integration_tests::browser::Browser;
use integration_tests::people::{PASSWORD, create_cast};
use integration_tests::spawn_app;
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(20);

#[tokio::test]
async fn the_customer_sees_its_glance_and_opens_a_waiting_quotation() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    // Beside SO-A-1 from the cast, which has a line two days late.
    let on_track = order_slipping(&app, cast.customer_a, "SO-A-TRACK", 0).await;
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

    // Eleven payments due soon beside the quotation: the ten due soonest
    // are named, two more counted.
    for days in 1..=11 {
        instalment_due(&app, on_track, days, 0).await;
    }
    // Written around the portal, so it is told, as its own writes tell it.
    app.state.read_cache.bump();
    browser.open_hydrated(&app.url("/customer")).await;
    browser
        .wait_for_text("#glance-waiting-more", WAIT, |t| t == "2 more items wait.")
        .await;
    let text = browser.main_text().await;
    assert_eq!(
        text.matches("A payment on order SO-A-TRACK").count(),
        10,
        "{text}"
    );
    assert!(!text.contains("to accept or decline"), "{text}");
    browser.close().await;
}
