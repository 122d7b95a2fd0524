//! In real browsers: a customer writes on its order page while the house's
//! answer arrives live, and what it was typing stays; a factory writes on
//! its line page and checks for the house's answer.

use fantoccini::Locator;
use integration_tests::browser::Browser;
use integration_tests::people::{PASSWORD, create_cast};
use integration_tests::spawn_app;
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(20);
const BODY: &str = "#message-form textarea[name=body]";

/// What the message field holds now.
async fn typed(browser: &Browser) -> String {
    browser
        .client
        .execute(
            "return document.querySelector(arguments[0]).value;",
            vec![BODY.into()],
        )
        .await
        .expect("read the message field")
        .as_str()
        .unwrap_or_default()
        .to_string()
}

async fn type_in(browser: &Browser, text: &str) {
    browser
        .client
        .find(Locator::Css(BODY))
        .await
        .expect("the message field")
        .send_keys(text)
        .await
        .expect("type the message");
}

#[tokio::test]
async fn a_live_answer_keeps_what_the_customer_is_typing() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let staff = app.client_for(&cast.staff.email, PASSWORD).await;
    let customer = Browser::launch(1280, 900).await;
    customer
        .sign_in_and_wait(&app.address, &cast.customer.email, PASSWORD)
        .await;
    customer
        .open_hydrated(&app.url(&format!("/customer/orders/{}", cast.order_a)))
        .await;
    customer
        .wait_for_text("#messages", WAIT, |t| t.contains("No messages yet."))
        .await;
    customer.mark_page().await;
    type_in(&customer, "Could line 2 come a week").await;

    // The house writes meanwhile; the customer's open page shows it.
    app.post_message(
        &staff,
        "order",
        cast.order_a,
        "Good morning from the house.",
    )
    .await;
    customer
        .wait_for_text("#message-list", WAIT, |t| {
            t.contains("Good morning from the house.")
        })
        .await;
    assert_eq!(typed(&customer).await, "Could line 2 come a week");
    let house_items = customer
        .client
        .find_all(Locator::Css("#message-list li[data-side=house]"))
        .await
        .unwrap();
    assert_eq!(house_items.len(), 1);

    // The customer finishes and sends: the message shows, the field empties.
    type_in(&customer, " earlier?").await;
    customer.click("#send-message").await;
    customer
        .wait_for_text("#message-list li[data-side=customer]", WAIT, |t| {
            t.contains("Could line 2 come a week earlier?")
        })
        .await;
    for _ in 0..100 {
        if typed(&customer).await.is_empty() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(typed(&customer).await, "");
    customer.assert_not_reloaded().await;
    customer.screenshot("messages-customer-order").await;
    customer.close().await;
}

#[tokio::test]
async fn a_factory_writes_on_its_line_and_checks_for_the_answer() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let staff = app.client_for(&cast.staff.email, PASSWORD).await;
    let factory = Browser::launch(390, 844).await;
    factory
        .sign_in_and_wait(&app.address, &cast.supplier.email, PASSWORD)
        .await;
    factory
        .open_hydrated(&app.url(&format!("/supplier/lines/{}", cast.po_line_a)))
        .await;
    factory
        .wait_for_text("#messages", WAIT, |t| t.contains("No messages yet."))
        .await;
    type_in(&factory, "The glaze arrives on Monday.").await;
    factory.click("#send-message").await;
    factory
        .wait_for_text("#message-list li[data-side=factory]", WAIT, |t| {
            t.contains("The glaze arrives on Monday.")
        })
        .await;

    // The house answers; the factory's page has no live stream, and checks.
    let po = {
        use app::ssr::entities::po_line;
        use sea_orm::EntityTrait;
        po_line::Entity::find_by_id(cast.po_line_a)
            .one(&app.db)
            .await
            .unwrap()
            .unwrap()
            .purchase_order_id
    };
    app.post_message(&staff, "purchase_order", po, "Thank you, noted.")
        .await;
    factory.click("#refresh-messages").await;
    factory
        .wait_for_text("#message-list li[data-side=house]", WAIT, |t| {
            t.contains("Thank you, noted.")
        })
        .await;
    factory.screenshot("messages-factory-line").await;
    factory.close().await;
}
