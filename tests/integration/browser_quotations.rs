//! From inquiry to contract in real browsers: the customer sends an inquiry
//! through its form; sales prepare and cost the quotation and submit it; the
//! sales manager and the cost accountant (an 11 % margin needs both) approve
//! their steps; sales send it; the customer accepts it in one tab while its
//! order list, open in another, shows the new confirmed order without a
//! reload.

use app::domain::approval::StaffLevel;
use fantoccini::Locator;
use integration_tests::browser::Browser;
use integration_tests::people::{
    PASSWORD, Person, add_house_person, add_sales_manager, create_cast,
};
use integration_tests::{TestApp, spawn_app};
use std::time::{Duration, Instant};

const WAIT: Duration = Duration::from_secs(20);

async fn sign_in(browser: &Browser, base: &str, email: &str) {
    browser.sign_in_and_wait(base, email, PASSWORD).await;
}

async fn sign_out(browser: &Browser) {
    browser.click("#sign-out").await;
    browser
        .wait_for_text(".site-nav", WAIT, |t| t.contains("Sign in"))
        .await;
}

/// Fills fields of the form `form` by name.
async fn fill(browser: &Browser, form: &str, fields: &[(&str, String)]) {
    for (name, value) in fields {
        browser
            .set_value(&format!("{form} [name='{name}']"), value)
            .await;
    }
}

/// The current value of a form field, once `check` holds for it.
async fn wait_for_value(browser: &Browser, css: &str, check: impl Fn(&str) -> bool) -> String {
    let deadline = Instant::now() + WAIT;
    let mut last = None;
    while Instant::now() < deadline {
        if let Ok(element) = browser.client.find(Locator::Css(css)).await
            && let Ok(value) = element.prop("value").await
        {
            let value = value.unwrap_or_default();
            if check(&value) {
                return value;
            }
            last = Some(value);
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("{css} never held the expected value; last seen: {last:?}");
}

async fn attribute(browser: &Browser, css: &str, name: &str) -> String {
    browser
        .element(css, WAIT)
        .await
        .attr(name)
        .await
        .unwrap()
        .unwrap_or_else(|| panic!("{css} has no {name}"))
}

/// The customer sends an inquiry for 1000 mugs through the form, which
/// empties again for the next one.
async fn send_inquiry(customer: &Browser, app: &TestApp) {
    let requested = app.today() + chrono::Duration::days(90);
    customer
        .open_hydrated(&app.url("/customer/inquiries"))
        .await;
    fill(
        customer,
        "#new-inquiry",
        &[
            ("destination", "Hamburg".to_string()),
            ("incoterm", "FOB".to_string()),
            ("currency", "EUR".to_string()),
            ("requested", requested.to_string()),
            ("note", "For the spring range".to_string()),
            ("lines[0][product_code]", "MUG-1".to_string()),
            ("lines[0][description]", "Stoneware mug, blue".to_string()),
            ("lines[0][quantity]", "1000".to_string()),
            ("lines[0][unit]", "pcs".to_string()),
            ("lines[0][target_price]", "9.50".to_string()),
        ],
    )
    .await;
    customer.click("#send-inquiry").await;
    let list = customer
        .wait_for_text("#inquiries", WAIT, |t| t.contains("INQ-"))
        .await;
    assert!(list.contains("Hamburg"), "{list}");
    wait_for_value(customer, "#new-inquiry [name='destination']", str::is_empty).await;
    customer.screenshot("customer-sends-an-inquiry").await;
}

/// Sales open the inquiry, prepare its quotation, cost the line (Supplier A
/// at 8.90, sold at 10.00: an 11 % margin) and submit it; returns the
/// quotation's id.
async fn quote_and_submit(staff: &Browser, app: &TestApp, factory: i32) -> String {
    staff.open_hydrated(&app.url("/staff/inquiries")).await;
    staff
        .wait_for_text("#inquiries", WAIT, |t| {
            t.contains("Customer A") && t.contains("Hamburg")
        })
        .await;
    staff.click("#inquiries tbody a").await;
    staff
        .wait_for_text("#inquiry-lines", WAIT, |t| {
            t.contains("MUG-1") && t.contains("9.50")
        })
        .await;
    staff.click("#prepare-quotation").await;
    staff
        .wait_for_text("#quote-status", WAIT, |t| t == "Draft")
        .await;
    let id = attribute(staff, "#quotation-header", "data-quotation").await;
    let first = "#quotation-form [name='lines[0][product_code]']";
    wait_for_value(staff, first, |v| v == "MUG-1").await;
    fill(
        staff,
        "#quotation-form",
        &[
            ("lines[0][supplier_id]", factory.to_string()),
            ("lines[0][hs_code]", "6912.00".to_string()),
            ("lines[0][purchase_price]", "8.90".to_string()),
            ("lines[0][lead_time_days]", "45".to_string()),
            ("lines[0][selling_price]", "10.00".to_string()),
        ],
    )
    .await;
    staff.click("#save-quotation").await;
    staff
        .wait_for_text("#margin-percent", WAIT, |t| t == "11.0 %")
        .await;
    staff.screenshot("sales-cost-a-quotation").await;
    staff.click("#submit-quotation").await;
    staff
        .wait_for_text("#quote-status", WAIT, |t| t == "In approval")
        .await;
    let steps = staff
        .wait_for_text("#approvals", WAIT, |t| t.contains("Sales manager"))
        .await;
    assert!(steps.contains("Cost accountant"), "{steps}");
    id
}

/// Each approver in turn finds the quotation in their inbox and approves
/// their step, in one browser that signs out between them.
async fn approve_in_turn(app: &TestApp, approvers: &[(&Person, &str)]) {
    let browser = Browser::launch(1280, 900).await;
    for (person, level) in approvers {
        sign_in(&browser, &app.address, &person.email).await;
        browser.open_hydrated(&app.url("/staff/approvals")).await;
        browser
            .wait_for_text("#approval-inbox", WAIT, |t| t.contains("Customer A"))
            .await;
        browser.click("#approval-inbox tbody a").await;
        let step = format!("#approvals tr[data-level={level}]");
        browser.click(&format!("{step} + tr .approve-step")).await;
        browser
            .wait_for_text(&step, WAIT, |t| t.contains("Approved"))
            .await;
        browser.screenshot(&format!("{level}-approves")).await;
        sign_out(&browser).await;
    }
    browser.close().await;
}

/// The customer opens the sent quotation from its inquiries in a second tab,
/// reads no cost or factory in it, and accepts; returns the link to the new
/// order, back on the first tab.
async fn accept(app: &TestApp, browser: &Browser, id: &str) -> String {
    let first_tab = browser.open_tab().await;
    browser.open_hydrated(&app.url("/customer/inquiries")).await;
    // The link loads the quotation anew (both pages are written as
    // islands); its buttons answer once the page is live.
    let path = format!("/customer/quotations/{id}");
    browser.click(&format!("#inquiries a[href='{path}']")).await;
    let moved = integration_tests::eventually(WAIT, || async {
        browser.client.current_url().await.unwrap().path() == path
    })
    .await;
    assert!(moved, "the quotation opens");
    browser.wait_hydrated().await;
    browser
        .wait_for_text("#quote-total", WAIT, |t| t.contains("10,000.00 EUR"))
        .await;
    let page = browser.main_text().await;
    for secret in ["8.90", "Supplier A", "Margin", "Cost accountant"] {
        assert!(
            !page.contains(secret),
            "the customer read {secret:?}: {page}"
        );
    }
    browser.screenshot("customer-reads-a-quotation").await;
    browser.click("#accept-quotation").await;
    browser
        .wait_for_text("#quote-status", WAIT, |t| t == "Accepted")
        .await;
    let order = attribute(browser, "#contract-link", "href").await;
    assert!(order.starts_with("/customer/orders/"), "{order}");
    browser.close_tab(first_tab).await;
    order
}

#[tokio::test]
async fn an_inquiry_becomes_a_confirmed_order_the_customer_sees_live() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let manager = add_sales_manager(&app.db, cast.house).await;
    let accountant = add_house_person(
        &app.db,
        cast.house,
        "costs@house.test",
        StaffLevel::CostAccountant,
    )
    .await;
    let customer = Browser::launch(1280, 900).await;
    sign_in(&customer, &app.address, &cast.customer.email).await;
    send_inquiry(&customer, &app).await;
    // The inquiries page stays open while the house works on it.
    customer.mark_page().await;

    let staff = Browser::launch(1280, 900).await;
    sign_in(&staff, &app.address, &cast.staff.email).await;
    let id = quote_and_submit(&staff, &app, cast.supplier_a).await;
    approve_in_turn(
        &app,
        &[
            (&manager, "sales_manager"),
            (&accountant, "cost_accountant"),
        ],
    )
    .await;

    // Sales send the approved quotation.
    staff
        .open_hydrated(&app.url(&format!("/staff/quotations/{id}")))
        .await;
    staff
        .wait_for_text("#quote-status", WAIT, |t| t == "Approved")
        .await;
    staff.click("#send-quotation").await;
    staff
        .wait_for_text("#quote-status", WAIT, |t| t == "Sent")
        .await;
    staff.close().await;

    // The customer's open inquiries page shows the quotation, live.
    let link = format!("#inquiries a[href='/customer/quotations/{id}']");
    customer.wait_for_text(&link, WAIT, |t| !t.is_empty()).await;
    customer.assert_not_reloaded().await;

    // The customer keeps its order list open in one tab and accepts in another.
    customer.open_hydrated(&app.url("/customer")).await;
    customer
        .wait_for_text(".orders-table", WAIT, |t| t.contains("SO-A-1"))
        .await;
    customer.mark_page().await;
    let order = accept(&app, &customer, &id).await;

    // The open list shows the new confirmed order, without a reload.
    let row = format!(".orders-table tr:has(a[href='{order}'])");
    let text = customer
        .wait_for_text(&row, WAIT, |t| t.contains("Confirmed"))
        .await;
    assert!(text.contains("Customer A"), "{text}");
    customer.assert_not_reloaded().await;
    customer.screenshot("customer-sees-the-new-order").await;

    // The order page links to the confirmation of what was agreed.
    customer.open_hydrated(&app.url(&order)).await;
    customer.click("#confirmation-link").await;
    let schedule = customer
        .wait_for_text("#confirmation-schedule", WAIT, |t| t.contains("Deposit"))
        .await;
    assert!(schedule.contains("3,000.00 EUR"), "{schedule}");
    assert!(schedule.contains("Balance"), "{schedule}");
    customer
        .wait_for_text("#confirmation-total", WAIT, |t| t == "10,000.00 EUR")
        .await;
    // Made for print, it has no island of its own: it loads anew and wakes
    // (its shell) from the customer's smallest bundle.
    customer.wait_hydrated().await;
    assert_eq!(
        customer.loaded_bundles().await,
        ["/pkg/portal-customer.wasm"]
    );
    customer
        .screenshot("customer-prints-the-confirmation")
        .await;
    customer.close().await;
}
