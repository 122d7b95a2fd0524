//! In the browser: a person changes which alerts they get and turns alerts
//! off for one order; staff see mail that could not be delivered.

use integration_tests::browser::Browser;
use integration_tests::people::{PASSWORD, create_cast};
use integration_tests::spawn_app;
use std::time::Duration;

#[tokio::test]
async fn alert_choices_and_order_mutes_stick() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let staff = Browser::launch(1280, 900).await;
    staff
        .sign_in(&app.address, &cast.staff.email, PASSWORD)
        .await;
    staff
        .wait_for_text(".site-nav", Duration::from_secs(10), |t| {
            t.contains("Sign out")
        })
        .await;

    staff.open_hydrated(&app.url("/account")).await;
    staff
        .click("#alert-choices input[value=supplier_slip]")
        .await;
    staff.click("#alert-choices input[name=digest]").await;
    staff.click("#alert-choices button[type=submit]").await;
    staff
        .wait_for_text("#alert-choices", Duration::from_secs(5), |t| {
            t.contains("Saved.")
        })
        .await;
    let (_, choices) = {
        let client = app.client_for(&cast.staff.email, PASSWORD).await;
        app.call(&client, "alerts/choices", &[]).await
    };
    assert_eq!(
        choices["chosen"],
        serde_json::json!([
            "customer_slip",
            "back_on_track",
            "overdue",
            "message_received"
        ])
    );
    assert_eq!(choices["digest"], true);

    staff
        .open_hydrated(&app.url(&format!("/staff/orders/{}", cast.order_a)))
        .await;
    staff.click("#mute-order").await;
    staff
        .wait_for_text("#mute-order", Duration::from_secs(5), |t| {
            t.contains("turn on")
        })
        .await;

    staff.open_hydrated(&app.url("/staff/mail")).await;
    staff
        .wait_for_text("#no-dead-letters", Duration::from_secs(5), |t| {
            t.contains("Every mail was delivered")
        })
        .await;
    staff.close().await;
}
