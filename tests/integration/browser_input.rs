//! In a real browser: a customer halfway through a change request while the
//! factory reports progress. The page shows the new progress, and what was
//! typed, the focus and the cursor stay; the form says the order moved on,
//! and the server still refuses the request made against the old version.

use app::domain::order_status::OrderStatus;
use app::domain::progress::Milestone;
use app::i18n::Locale;
use fantoccini::Locator;
use integration_tests::browser::Browser;
use integration_tests::people::{Cast, PASSWORD, create_cast};
use integration_tests::{TestApp, spawn_app};
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(20);
const QUANTITY: &str = "#request-change-form input[name='lines[0][quantity]']";
const NOTE: &str = "#request-change-form textarea[name=note]";
const TYPED_NOTE: &str = "Please make line 1 a larger batch.";
/// Where the customer left the cursor in the note, away from its end.
const CURSOR: i64 = 6;

/// Runs a script in the page and returns what it returned.
async fn page_says(
    browser: &Browser,
    script: &str,
    args: Vec<serde_json::Value>,
) -> serde_json::Value {
    browser
        .client
        .execute(script, args)
        .await
        .unwrap_or_else(|e| panic!("run {script}: {e}"))
}

async fn value_of(browser: &Browser, css: &str) -> String {
    page_says(
        browser,
        "return document.querySelector(arguments[0]).value;",
        vec![css.into()],
    )
    .await
    .as_str()
    .unwrap_or_default()
    .to_string()
}

async fn type_in(browser: &Browser, css: &str, text: &str, clear: bool) {
    let field = browser
        .client
        .find(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("{css}: {e}"));
    if clear {
        field.clear().await.expect("clear the field");
    }
    field.send_keys(text).await.expect("type in the field");
}

/// The cast's customer, signed in, on its first order's page with the
/// order confirmed (every change to a line open), the page hydrated.
async fn customer_on_confirmed_order(app: &TestApp, cast: &Cast) -> Browser {
    {
        use sea_orm::{ActiveModelTrait, Set};
        app::ssr::entities::order::ActiveModel {
            id: Set(cast.order_a),
            status: Set(OrderStatus::Confirmed),
            ..Default::default()
        }
        .update(&app.db)
        .await
        .unwrap();
    }
    let customer = Browser::launch(1280, 900).await;
    customer
        .sign_in_and_wait(&app.address, &cast.customer.email, PASSWORD)
        .await;
    customer
        .open_hydrated(&app.url(&format!("/customer/orders/{}", cast.order_a)))
        .await;
    customer
}

#[tokio::test]
async fn typed_change_request_survives_the_factory_s_progress() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    // Confirmed, so the factory's report moves the order into production:
    // a new version of the order under the open form.
    let customer = customer_on_confirmed_order(&app, &cast).await;
    let factory = app.client_for(&cast.supplier.email, PASSWORD).await;
    let customer_api = app.client_for(&cast.customer.email, PASSWORD).await;
    customer
        .wait_for_text("#order-status", WAIT, |t| {
            t == OrderStatus::Confirmed.label()
        })
        .await;
    customer.mark_page().await;

    // The customer starts a change: a new quantity and a note, typed.
    customer.click("#request-change summary").await;
    type_in(&customer, QUANTITY, "120", true).await;
    type_in(&customer, NOTE, TYPED_NOTE, false).await;
    let focused = page_says(
        &customer,
        "const e = document.querySelector(arguments[0]); e.setSelectionRange(arguments[1], arguments[1]); \
         return document.activeElement === e;",
        vec![NOTE.into(), CURSOR.into()],
    )
    .await;
    assert_eq!(
        focused,
        serde_json::Value::Bool(true),
        "the note has the focus"
    );

    // The factory reports on the PO line that fills line 1.
    let (status, body) = app
        .call(
            &factory,
            "progress/post",
            &[
                ("id", &cast.po_line_a.to_string()),
                ("version", "1"),
                ("milestone", "qc_passed"),
                ("quantity_done", "60"),
                ("reason", "Glaze batch failed, re-firing"),
                ("note", "Kiln 2 down until Monday"),
            ],
        )
        .await;
    assert_eq!(status, 200, "{body}");

    // The page shows the progress and the order's new status...
    customer
        .wait_for_text("tr[data-line='1'] .milestone", WAIT, |t| {
            t == Milestone::QcPassed.label()
        })
        .await;
    customer
        .wait_for_text("#order-status", WAIT, |t| {
            t == OrderStatus::InProduction.label()
        })
        .await;
    // ...the form says the order moved on...
    customer
        .wait_for_text("#form-stale-notice", WAIT, |t| {
            t == Locale::En.t("order-form-stale")
        })
        .await;
    // ...and what was typed, the focus and the cursor are where they were.
    assert_eq!(value_of(&customer, QUANTITY).await, "120");
    assert_eq!(value_of(&customer, NOTE).await, TYPED_NOTE);
    let caret = page_says(
        &customer,
        "const e = document.querySelector(arguments[0]); \
         return [document.activeElement === e, e.selectionStart, e.selectionEnd];",
        vec![NOTE.into()],
    )
    .await;
    assert_eq!(caret, serde_json::json!([true, CURSOR, CURSOR]));
    customer.assert_not_reloaded().await;
    customer
        .screenshot("change-request-kept-through-progress")
        .await;

    // Sending was made against the old version: the server refuses it, the
    // form says why and keeps the input, and no request is recorded.
    customer.click("#send-change").await;
    customer
        .wait_for_text("#request-change-form .form-error", WAIT, |t| {
            !t.trim().is_empty()
        })
        .await;
    assert_eq!(value_of(&customer, QUANTITY).await, "120");
    assert_eq!(value_of(&customer, NOTE).await, TYPED_NOTE);
    let (status, order) = app
        .call(
            &customer_api,
            "orders/get",
            &[("id", &cast.order_a.to_string())],
        )
        .await;
    assert_eq!(status, 200, "{order}");
    assert_eq!(order["changes"], serde_json::json!([]), "{order}");
    customer.assert_not_reloaded().await;
    customer.close().await;
}

/// A refused row shows its field's message under that row, in the reader's
/// language, and keeps what was typed; the other rows show none.
#[tokio::test]
async fn a_refused_line_of_a_change_request_is_told_under_that_line() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    // Confirmed: every change to a line is open.
    let customer = customer_on_confirmed_order(&app, &cast).await;
    customer.mark_page().await;
    customer.click("#request-change summary").await;
    type_in(&customer, QUANTITY, "many", true).await;
    customer.click("#send-change").await;
    let expected = Locale::En.t("input-quantity-unreadable");
    let shown = customer
        .wait_for_text(
            "#request-change-form fieldset[data-line='1'] .field-error[data-field='lines[0].quantity']",
            WAIT,
            |t| !t.trim().is_empty(),
        )
        .await;
    assert_eq!(shown, expected);
    assert_eq!(value_of(&customer, QUANTITY).await, "many");
    let messages = page_says(
        &customer,
        "return [...document.querySelectorAll('#request-change-form .field-error')]\
         .map(e => e.dataset.field);",
        vec![],
    )
    .await;
    assert_eq!(messages, serde_json::json!(["lines[0].quantity"]));
    customer.assert_not_reloaded().await;
    customer.close().await;
}
