//! In a real browser: the house writes on a customer's order; the
//! customer's navigation counts it unread, the notification list shows it,
//! and opening it leads to the order and clears the count.

use fantoccini::Locator;
use integration_tests::browser::Browser;
use integration_tests::people::{PASSWORD, create_cast};
use integration_tests::spawn_app;
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(20);

#[tokio::test]
async fn the_customer_opens_a_notification_from_the_navigation() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let staff = app.client_for(&cast.staff.email, PASSWORD).await;
    app.post_message(&staff, "order", cast.order_a, "Your cartons are printed.")
        .await;

    let customer = Browser::launch(1280, 900).await;
    customer
        .sign_in_and_wait(&app.address, &cast.customer.email, PASSWORD)
        .await;
    customer.open_hydrated(&app.url("/customer")).await;
    // The house's message, and any delay alert the start-up scan sent.
    let before: u32 = customer
        .wait_for_text("#unread-count", WAIT, |t| {
            t.trim().parse::<u32>().is_ok_and(|n| n >= 1)
        })
        .await
        .trim()
        .parse()
        .unwrap();
    customer.click("#nav-notifications").await;
    customer
        .wait_for_text(".notification-list", WAIT, |t| t.contains("SO-A-1"))
        .await;
    let unread = customer
        .client
        .find_all(Locator::Css(".notification-list li.unread"))
        .await
        .expect("the list");
    assert_eq!(unread.len() as u32, before);

    customer
        .click(".notification-list li.unread[data-kind=message_received] a")
        .await;
    customer
        .wait_for_text("#messages", WAIT, |t| {
            t.contains("Your cartons are printed.")
        })
        .await;
    let url = customer.client.current_url().await.expect("the address");
    assert!(
        url.path()
            .ends_with(&format!("/customer/orders/{}", cast.order_a)),
        "{url}"
    );
    // Read now: one fewer in the navigation.
    for _ in 0..80 {
        let counts = customer
            .client
            .find_all(Locator::Css("#unread-count"))
            .await
            .expect("look for the count");
        let now = match counts.first() {
            Some(count) => count
                .text()
                .await
                .unwrap_or_default()
                .trim()
                .parse()
                .unwrap_or(0),
            None => 0,
        };
        if now == before - 1 {
            customer.close().await;
            return;
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    panic!("the unread count did not drop after the notification was opened");
}
