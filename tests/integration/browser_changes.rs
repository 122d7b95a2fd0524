//! A customer asks for an earlier delivery date; a sales person approves it
//! in another browser, seeing the impact first; the customer's open order
//! page shows the new committed date without a reload, and the factory finds
//! the change to acknowledge in its area.

use integration_tests::browser::Browser;
use integration_tests::people::{PASSWORD, create_cast};
use integration_tests::spawn_app;
use std::time::Duration;

async fn sign_in(browser: &Browser, base: &str, email: &str) {
    browser.sign_in_and_wait(base, email, PASSWORD).await;
}

#[tokio::test]
async fn an_approved_date_change_reaches_the_customer_live_and_the_factory() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let customer = Browser::launch(1280, 900).await;
    let staff = Browser::launch(1280, 900).await;
    sign_in(&customer, &app.address, &cast.customer.email).await;
    sign_in(&staff, &app.address, &cast.staff.email).await;

    // Line 1 is committed 30 days out; the factory is due 10 days before.
    let today = app.today();
    let committed = today + chrono::Duration::days(30);
    let wanted = today + chrono::Duration::days(15);
    customer
        .open_hydrated(&app.url(&format!("/customer/orders/{}", cast.order_a)))
        .await;
    customer
        .wait_for_text(
            "tr[data-line='1'] .committed",
            Duration::from_secs(10),
            |t| t == committed.to_string(),
        )
        .await;
    customer.click("#request-change summary").await;
    customer
        .set_value(
            "#request-change-form input[name='lines[0][requested]']",
            &wanted.to_string(),
        )
        .await;
    customer
        .set_value(
            "#request-change-form textarea[name=note]",
            "Our season opens earlier this year.",
        )
        .await;
    customer.click("#send-change").await;
    customer
        .wait_for_text(
            "#change-requests .change-card",
            Duration::from_secs(10),
            |t| t.contains("Waiting for a decision") && t.contains(&wanted.to_string()),
        )
        .await;
    customer.mark_page().await;
    customer.screenshot("customer-asks-for-a-change").await;

    staff.open_hydrated(&app.url("/staff/changes")).await;
    staff
        .wait_for_text("#change-inbox", Duration::from_secs(10), |t| {
            t.contains("SO-A-1") && t.contains("Line 1 delivery date")
        })
        .await;
    staff.click("#change-inbox a").await;
    let impact = staff
        .wait_for_text("#change-impact", Duration::from_secs(10), |t| {
            t.contains("PO-A-1")
        })
        .await;
    assert!(impact.contains("would start late"), "{impact}");
    staff.screenshot("staff-decides-a-change").await;
    staff.click("#send-decision").await;
    staff
        .wait_for_text("#change-status", Duration::from_secs(10), |t| {
            t == "Approved"
        })
        .await;

    customer
        .wait_for_text(
            "tr[data-line='1'] .committed",
            Duration::from_secs(5),
            |t| t == wanted.to_string(),
        )
        .await;
    customer
        .wait_for_text("#change-requests", Duration::from_secs(5), |t| {
            t.contains("Approved") && t.contains("Revision 1")
        })
        .await;
    customer.assert_not_reloaded().await;
    let page = customer.main_text().await;
    assert!(
        !page.contains("PO-A-1") && !page.contains("Supplier A"),
        "{page}"
    );
    customer
        .screenshot("customer-sees-the-approved-change")
        .await;
    customer.close().await;
    staff.close().await;

    let factory = Browser::launch(390, 844).await;
    sign_in(&factory, &app.address, &cast.supplier.email).await;
    factory.open_hydrated(&app.url("/supplier")).await;
    let asked = factory
        .wait_for_text("#factory-changes", Duration::from_secs(10), |t| {
            t.contains("PO-A-1")
        })
        .await;
    assert!(asked.contains(&wanted.to_string()), "{asked}");
    factory.screenshot("factory-sees-the-change").await;
    factory
        .click("#factory-changes button[data-acknowledge]")
        .await;
    factory
        .wait_for_text("main", Duration::from_secs(10), |t| {
            !t.contains("Changes to acknowledge")
        })
        .await;
    factory.close().await;
}
