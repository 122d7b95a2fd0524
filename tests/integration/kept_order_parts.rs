//! A factory's report writes an order's production only (its lines' dates,
//! its status and timeline): the order page's shipping panel and
//! conversation stay kept through it, and the panel still shows what the
//! report moved, from the order's lines read again. A write of the whole
//! order drops them. Rows added behind the portal's back show which reads
//! were made again.

use app::ssr::entities::letter_of_credit;
use chrono::{Duration, Utc};
use integration_tests::people::{PASSWORD, create_cast};
use integration_tests::spawn_app;
use sea_orm::{ActiveModelTrait, Set};

use crate::glance::instalment_due;
use crate::kept_parts::{house_message_behind_the_portal, page, report, thread_of};
use crate::shipping::shipping as shipping_of;

#[tokio::test]
async fn a_report_keeps_its_order_s_shipping_and_conversation_and_shows_its_dates() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let customer = app.client_for(&cast.customer.email, PASSWORD).await;
    let factory = app.client_for(&cast.supplier.email, PASSWORD).await;
    let today = app.today();
    // A letter of credit whose latest shipment the lines' forecasts meet
    // (the later line is forecast 32 days out, two more to the port).
    letter_of_credit::ActiveModel {
        order_id: Set(cast.order_a),
        number: Set("LC-KEPT-1".into()),
        issuing_bank: Set("Bank of the Test".into()),
        currency: Set("EUR".into()),
        amount_minor: Set(250_000),
        tolerance_bp: Set(500),
        expiry: Set(today + Duration::days(90)),
        latest_shipment: Set(today + Duration::days(60)),
        presentation_days: Set(21),
        partial_shipments: Set(true),
        transhipment: Set(false),
        goods_description: Set("Test product".into()),
        days_to_port: Set(2),
        presented_on: Set(None),
        risk_alerted: Set(0),
        updated_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap();
    let order_url = app.url(&format!("/customer/orders/{}", cast.order_a));
    assert!(!page(&customer, &order_url).await.contains("QC passed"));
    let before = shipping_of(&app, &customer, cast.order_a).await;
    assert_eq!(before["lc"]["risk_level"], "clear", "{before}");
    assert_eq!(before["schedule"].as_array().unwrap().len(), 0, "{before}");
    let hidden = "Deposit reminder written behind the portal";
    assert!(
        !thread_of(&app, &customer, cast.order_a)
            .await
            .contains(hidden)
    );

    // Behind the portal: an instalment and a message on the order.
    instalment_due(&app, cast.order_a, 10, 0).await;
    house_message_behind_the_portal(&app, cast.order_a, cast.staff.id, hidden).await;

    // The factory puts line 1 past what the letter of credit allows.
    let late = (today + Duration::days(70)).to_string();
    report(&app, &factory, cast.po_line_a, &late).await;

    // The page shows the report at once; its panel the moved forecast.
    assert!(page(&customer, &order_url).await.contains("QC passed"));
    let after = shipping_of(&app, &customer, cast.order_a).await;
    assert_eq!(
        after["lc"]["risk_level"], "will_miss",
        "the panel did not show the forecast the report moved: {after}"
    );
    assert_eq!(
        after["schedule"].as_array().unwrap().len(),
        0,
        "the report dropped what was kept of the order's shipping: {after}"
    );
    assert!(
        !thread_of(&app, &customer, cast.order_a)
            .await
            .contains(hidden),
        "the report dropped the order's conversation"
    );

    // A message writes the whole order: both are read again.
    app.post_message(&customer, "order", cast.order_a, "When does it sail?")
        .await;
    let written = shipping_of(&app, &customer, cast.order_a).await;
    assert_eq!(
        written["schedule"].as_array().unwrap().len(),
        1,
        "{written}"
    );
    assert_eq!(written["lc"]["risk_level"], "will_miss", "{written}");
    assert!(
        thread_of(&app, &customer, cast.order_a)
            .await
            .contains(hidden)
    );
}
