//! Two browsers: sales staff move an order's status in one; the customer's
//! already-open order page shows it without a reload. And the staff's order
//! desk: a purchase order placed and payments recorded from the page, with
//! a colleague's change arriving live while the next purchase order is
//! being filled in.

use app::i18n::Locale;
use fantoccini::Locator;
use integration_tests::browser::Browser;
use integration_tests::people::{PASSWORD, create_cast};
use integration_tests::spawn_app;
use std::time::{Duration, Instant};

async fn sign_in(browser: &Browser, base: &str, email: &str) {
    browser.sign_in_and_wait(base, email, PASSWORD).await;
}

#[tokio::test]
async fn the_customer_sees_a_status_change_live() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
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
    customer.mark_page().await;

    staff
        .open_hydrated(&app.url(&format!("/staff/orders/{}", cast.order_a)))
        .await;
    // The page has loaded everything it shows (shipping and messages load
    // beside the order) before the click, so the button clicked is the one
    // that stays.
    for part in ["section#shipping", "section#messages"] {
        staff.element(part, Duration::from_secs(10)).await;
    }
    staff.click("button[data-move-to=ready]").await;
    let clicked = Instant::now();
    staff
        .wait_for_text("#order-status", Duration::from_secs(10), |t| t == "Ready")
        .await;

    customer
        .wait_for_text("#order-status", Duration::from_secs(10), |t| t == "Ready")
        .await;
    let elapsed = clicked.elapsed();
    customer.assert_not_reloaded().await;
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

#[tokio::test]
async fn timeline_times_are_shown_in_the_viewers_time_zone() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    // Times follow the zone the person chose, whatever the browser's.
    app::ssr::repo::users::set_time_zone(&app.db, cast.staff.id, "Asia/Shanghai")
        .await
        .unwrap();
    let shanghai = Browser::launch_in_time_zone(1280, 900, "Asia/Shanghai").await;
    sign_in(&shanghai, &app.address, &cast.staff.email).await;
    // Moving the order writes a timeline entry stamped now (UTC).
    shanghai
        .open_hydrated(&app.url(&format!("/staff/orders/{}", cast.order_a)))
        .await;
    shanghai.click("button[data-move-to=ready]").await;
    let text = shanghai
        .wait_for_text(
            "#order-timeline li:first-child",
            Duration::from_secs(20),
            |t| t.contains("Status changed to Ready"),
        )
        .await;
    let stamp = shanghai
        .client
        .find(Locator::Css("#order-timeline li:first-child time"))
        .await
        .unwrap();
    let utc: chrono::DateTime<chrono::Utc> = stamp
        .attr("datetime")
        .await
        .unwrap()
        .expect("a machine-readable instant")
        .parse()
        .unwrap();
    let expected = (utc + chrono::Duration::hours(8)).format("%Y-%m-%d %H:%M UTC+08:00");
    assert!(
        text.contains(&expected.to_string()),
        "{text} lacks {expected}"
    );
    shanghai.close().await;
}

#[tokio::test]
async fn staff_place_a_purchase_order_and_record_a_payment_from_the_order_page() {
    use app::domain::order_status::OrderStatus;
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let id = integration_tests::people::create_order(
        &app,
        cast.customer_a,
        "SO-DESK",
        OrderStatus::Confirmed,
    )
    .await;
    let staff = Browser::launch(1280, 900).await;
    sign_in(&staff, &app.address, &cast.staff.email).await;
    staff
        .open_hydrated(&app.url(&format!("/staff/orders/{id}")))
        .await;
    staff
        .wait_for_text(
            "#place-po-form select[name=supplier_id]",
            Duration::from_secs(10),
            |t| t.contains("Supplier B"),
        )
        .await;
    staff.click("#place-po-form input[value='2']").await;
    staff
        .set_value(
            "#place-po-form select[name=supplier_id]",
            &cast.supplier_b.to_string(),
        )
        .await;
    let ready_by = app.today() + chrono::Duration::days(15);
    staff
        .set_value("#place-po-form input[name=ready_by]", &ready_by.to_string())
        .await;
    staff.click("#place-po-form button[type=submit]").await;
    let placed = staff
        .wait_for_text("#purchasing table", Duration::from_secs(20), |t| {
            t.contains("Supplier B")
        })
        .await;
    assert!(placed.contains(&ready_by.to_string()), "{placed}");
    staff
        .wait_for_text("#order-timeline", Duration::from_secs(20), |t| {
            t.contains("Production ordered for line(s) 2")
        })
        .await;
    line_one_kept_through_a_colleague_s_change(&app, &staff, &cast, id).await;

    // The shipping panel, which holds the payment form, is rebuilt when the
    // placement is announced; each payment is filled and sent in one script
    // run, so a rebuild cannot come between the filling and the click.
    // A fresh load holds the order's version after the placement, whenever
    // its announcement arrives.
    open_payment_form(&staff, &app.url(&format!("/staff/orders/{id}"))).await;
    let today = app.day(0);
    pay(&staff, &today, "9999.00", "TT 0815").await;
    let message = staff
        .wait_for_text("#payment-form .field-error", Duration::from_secs(20), |t| {
            !t.is_empty()
        })
        .await;
    assert!(message.contains("2500.00"), "{message}");
    pay(&staff, &today, "750", "TT 0815").await;
    staff
        .wait_for_text("#outstanding", Duration::from_secs(20), |t| {
            t.contains("1,750.00")
        })
        .await;
    staff.screenshot("staff-order-desk").await;
    staff.close().await;
}

/// Half-way through placing line 1 as well, a colleague changes the order's
/// ship-to address. The page shows the new address; what was chosen in the
/// purchase order form, and the focus, stay; the form says the order moved
/// on, and the server refuses the placement made against the old version.
async fn line_one_kept_through_a_colleague_s_change(
    app: &integration_tests::TestApp,
    staff: &Browser,
    cast: &integration_tests::people::Cast,
    id: i32,
) {
    const WAIT: Duration = Duration::from_secs(20);
    const READY_BY: &str = "#place-po-form input[name=ready_by]";
    // The form offers only line 1 once the placement of line 2 is in.
    staff
        .wait_for_text("#place-po-form fieldset", WAIT, |t| {
            t.contains("SECRET-PRODUCT-1") && !t.contains("SECRET-PRODUCT-2")
        })
        .await;
    staff.mark_page().await;
    staff
        .click("#place-po-form input[type=checkbox][value='1']")
        .await;
    let supplier = cast.supplier_b.to_string();
    staff
        .set_value("#place-po-form select[name=supplier_id]", &supplier)
        .await;
    let ready_by = app.day(12);
    staff.set_value(READY_BY, &ready_by).await;
    let focused = staff
        .client
        .execute(
            "const e = document.querySelector(arguments[0]); e.focus(); \
             return document.activeElement === e;",
            vec![READY_BY.into()],
        )
        .await
        .expect("focus the ready-by date");
    assert_eq!(
        focused,
        serde_json::Value::Bool(true),
        "the date has the focus"
    );

    let colleague = app.client_for(&cast.staff.email, PASSWORD).await;
    let id_text = id.to_string();
    let (status, order) = app
        .call(&colleague, "orders/get", &[("id", &id_text)])
        .await;
    assert_eq!(status, 200, "{order}");
    let version = order["version"].to_string();
    let moved_to = "Hamburg, Gate 4";
    let (status, body) = app
        .call(
            &colleague,
            "orders/update",
            &[
                ("id", &id_text),
                ("version", &version),
                ("currency", "EUR"),
                ("incoterm", "FOB"),
                ("payment_terms", "30 days"),
                ("ship_to", moved_to),
            ],
        )
        .await;
    assert_eq!(status, 200, "{body}");

    // The page shows the change...
    staff
        .wait_for_text("section[data-order-id] dl.facts", WAIT, |t| {
            t.contains(moved_to)
        })
        .await;
    // ...the form says the order moved on...
    staff
        .wait_for_text("#place-po-form .form-stale", WAIT, |t| {
            t == Locale::En.t("order-form-stale")
        })
        .await;
    // ...and what was chosen, and the focus, are where they were.
    let script = "const f = document.querySelector('#place-po-form'); \
                  const date = f.querySelector('input[name=ready_by]'); \
                  return [f.querySelector(\"input[type=checkbox][value='1']\").checked, \
                          f.querySelector('select[name=supplier_id]').value, \
                          date.value, document.activeElement === date];";
    let kept = staff
        .client
        .execute(script, vec![])
        .await
        .expect("read the form");
    assert_eq!(kept, serde_json::json!([true, supplier, ready_by, true]));
    staff.assert_not_reloaded().await;
    staff.screenshot("staff-order-desk-kept").await;

    // Sent against the version it was built from, the placement is
    // refused; the form keeps what was chosen, and nothing is placed.
    staff.click("#place-po-form button[type=submit]").await;
    staff
        .wait_for_text("#place-po-form .form-error", WAIT, |t| {
            t.contains(&Locale::En.t("err-order-stale"))
        })
        .await;
    let kept = staff
        .client
        .execute(script, vec![])
        .await
        .expect("read the form");
    let kept = kept.as_array().cloned().unwrap_or_default();
    let chosen: [serde_json::Value; 3] = [true.into(), supplier.into(), ready_by.into()];
    assert_eq!(kept[..3], chosen);
    let (status, order) = app
        .call(&colleague, "orders/get", &[("id", &id_text)])
        .await;
    assert_eq!(status, 200, "{order}");
    assert_eq!(order["placed"].as_array().map(Vec::len), Some(1), "{order}");
    staff.assert_not_reloaded().await;
}

/// Loads the order page and opens its payment form once, as soon as the
/// form is there (as a person on a slow line would, before the page has
/// woken). The form stays open as the page wakes and as the panel around
/// it is rebuilt when the live stream opens (its first refetch).
async fn open_payment_form(browser: &Browser, url: &str) {
    browser.client.goto(url).await.expect("open the order page");
    browser
        .element("#record-payment", Duration::from_secs(20))
        .await;
    browser
        .client
        .execute(
            "document.querySelector('#record-payment').open = true;",
            vec![],
        )
        .await
        .expect("open the payment form");
    browser.wait_hydrated().await;
    // The live stream opens, and the panel is rebuilt, soon after waking.
    for _ in 0..30 {
        assert!(payment_form_open(browser).await, "the payment form closed");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn payment_form_open(browser: &Browser) -> bool {
    browser
        .client
        .execute(
            "return document.querySelector('#record-payment').open;",
            vec![],
        )
        .await
        .expect("read the payment form")
        == serde_json::Value::Bool(true)
}

/// Fills the payment form and sends it in one script run, so a rebuild of
/// the panel cannot come between the filling and the click. The form must
/// already be open (see [`open_payment_form`]).
async fn pay(browser: &Browser, day: &str, amount: &str, reference: &str) {
    assert!(payment_form_open(browser).await, "the payment form is open");
    browser
        .client
        .execute(
            "const form = document.querySelector('#payment-form'); \
             for (const [name, value] of [['received_on', arguments[0]], \
                                          ['amount', arguments[1]], \
                                          ['reference', arguments[2]]]) { \
               const e = form.querySelector(`input[name=${name}]`); \
               e.value = value; \
               e.dispatchEvent(new Event('input', {bubbles: true})); \
             } \
             form.querySelector('button[type=submit]').click();",
            vec![day.into(), amount.into(), reference.into()],
        )
        .await
        .expect("send the payment");
}
