//! In real browsers: a customer complains about a shipped order from its
//! order page; staff answer within the hour and pass it to the factory; the
//! factory gives its root cause on its phone; staff propose a credit note
//! and the customer accepts it. Each sees the clock; the customer never sees
//! the factory. A customer adds a photo of the problem on its complaint's
//! page and finds it listed there, and pages back through its closed ones.

use integration_tests::browser::Browser;
use integration_tests::people::{PASSWORD, create_cast};
use integration_tests::spawn_app;
use sea_orm::{ConnectionTrait, Statement};
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(20);

/// Fills fields of a form by name and submits it, in one script run: a
/// live refresh of the page cannot replace the form between the filling
/// and the click.
async fn submit(browser: &Browser, form: &str, fields: &[(&str, &str)], button: &str) {
    let pairs: Vec<serde_json::Value> = fields
        .iter()
        .map(|(name, value)| serde_json::json!([name, value]))
        .collect();
    browser
        .client
        .execute(
            "const form = document.querySelector(arguments[0]); \
             for (const [name, value] of arguments[1]) { \
               const e = form.querySelector(`[name='${name}']`); \
               e.value = value; \
               e.dispatchEvent(new Event('input', {bubbles: true})); \
               e.dispatchEvent(new Event('change', {bubbles: true})); \
             } \
             form.querySelector(arguments[2]).click();",
            vec![form.into(), pairs.into(), button.into()],
        )
        .await
        .unwrap_or_else(|e| panic!("submit {form}: {e}"));
}

async fn take_step(browser: &Browser, step: &str, fields: &[(&str, &str)]) {
    let form = format!("form.step-form[data-step={step}]");
    browser.element(&form, WAIT).await;
    submit(browser, &form, fields, "button.step-submit").await;
}

#[tokio::test]
async fn a_customer_complains_the_house_and_factory_answer_and_the_customer_accepts() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    app.db
        .execute_raw(Statement::from_string(
            app.db.get_database_backend(),
            format!(
                "UPDATE orders SET status = 'shipped' WHERE id = {}",
                cast.order_a
            ),
        ))
        .await
        .unwrap();

    // The customer complains from its order page.
    let customer = Browser::launch(1280, 900).await;
    customer
        .sign_in_and_wait(&app.address, &cast.customer.email, PASSWORD)
        .await;
    customer
        .open_hydrated(&app.url(&format!("/customer/orders/{}", cast.order_a)))
        .await;
    // The link loads the complaints page anew (the order page is written as
    // islands); its form is sent by the page once it is live.
    customer.click("#file-complaint").await;
    let moved = integration_tests::eventually(WAIT, || async {
        customer.client.current_url().await.unwrap().path() == "/customer/complaints"
    })
    .await;
    assert!(moved, "the complaints page opens");
    customer.wait_hydrated().await;
    customer.element("form#complaint-form", WAIT).await;
    submit(
        &customer,
        "form#complaint-form",
        &[
            ("complaint[category]", "quality"),
            ("complaint[quantity]", "12"),
            (
                "complaint[description]",
                "Twelve mugs arrived with cracked glaze.",
            ),
            ("complaint[remedy]", "credit_note"),
            ("complaint[amount]", "150.00"),
        ],
        "#send-complaint",
    )
    .await;
    let clock = customer
        .wait_for_text("#first-answer-clock", WAIT, |t| t.contains("left"))
        .await;
    assert!(clock.contains("min"), "{clock}");
    let path = customer
        .client
        .current_url()
        .await
        .unwrap()
        .path()
        .to_string();
    let id: i32 = path.rsplit('/').next().unwrap().parse().unwrap();
    customer.screenshot("customer-files-a-complaint").await;

    // Staff answer within the clock and pass it to the factory.
    let staff = Browser::launch(1280, 900).await;
    staff
        .sign_in_and_wait(&app.address, &cast.staff.email, PASSWORD)
        .await;
    staff
        .open_hydrated(&app.url(&format!("/staff/complaints/{id}")))
        .await;
    take_step(
        &staff,
        "acknowledge",
        &[("message", "Sorry. We are checking the batch.")],
    )
    .await;
    staff
        .wait_for_text("#first-answer-clock", WAIT, |t| t.contains("Met on time"))
        .await;
    take_step(&staff, "investigate", &[]).await;
    // The next step is offered from the page as the investigation left it.
    staff
        .element("#complaint-status[data-status=investigating]", WAIT)
        .await;
    take_step(
        &staff,
        "pass",
        &[("message", "Please check the glaze batch.")],
    )
    .await;
    staff
        .wait_for_text("#complaint-factory", WAIT, |t| t.contains("Supplier"))
        .await;

    // The factory gives its root cause from a phone.
    let factory = Browser::launch(390, 844).await;
    let maker = if staff.main_text().await.contains("Supplier B") {
        &cast.supplier_b_user
    } else {
        &cast.supplier
    };
    factory
        .sign_in_and_wait(&app.address, &maker.email, PASSWORD)
        .await;
    factory
        .open_hydrated(&app.url(&format!("/supplier/complaints/{id}")))
        .await;
    let seen = factory.main_text().await;
    assert!(
        !seen.contains("Customer A"),
        "the factory read the customer: {seen}"
    );
    take_step(
        &factory,
        "answer",
        &[
            ("root_cause", "material"),
            (
                "message",
                "Glaze batch 0412 fired too cold; kiln curve fixed.",
            ),
        ],
    )
    .await;
    factory
        .wait_for_text("#root-cause", WAIT, |t| t.contains("kiln"))
        .await;
    factory.screenshot("factory-gives-its-root-cause").await;
    factory.close().await;

    // Staff propose a credit note.
    staff
        .wait_for_text("#root-cause", WAIT, |t| t.contains("kiln"))
        .await;
    take_step(
        &staff,
        "propose",
        &[
            ("remedy", "credit_note"),
            ("amount", "150.00"),
            ("message", "A credit note for the twelve mugs."),
        ],
    )
    .await;
    staff
        .wait_for_text("#proposed-remedy", WAIT, |t| t.contains("150.00"))
        .await;
    staff.close().await;

    // The customer's open page shows the remedy; it accepts.
    customer
        .wait_for_text("#proposed-remedy", WAIT, |t| t.contains("150.00"))
        .await;
    let page = customer.main_text().await;
    for secret in ["Supplier A", "Supplier B", "kiln", "Please check the glaze"] {
        assert!(
            !page.contains(secret),
            "the customer read {secret:?}: {page}"
        );
    }
    take_step(&customer, "accept", &[]).await;
    customer
        .element("#complaint-status[data-status=accepted]", WAIT)
        .await;
    customer.screenshot("customer-accepts-the-remedy").await;
    customer.close().await;
}

#[tokio::test]
async fn a_customer_attaches_a_photo_on_its_complaint_page() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    app.db
        .execute_raw(Statement::from_string(
            app.db.get_database_backend(),
            format!(
                "UPDATE orders SET status = 'shipped' WHERE id = {}",
                cast.order_a
            ),
        ))
        .await
        .unwrap();
    let buyer = app.client_for(&cast.customer.email, PASSWORD).await;
    let (status, body) = app
        .call(
            &buyer,
            "complaints/file",
            &[
                ("order_id", &cast.order_a.to_string()),
                ("complaint[category]", "damage"),
                (
                    "complaint[description]",
                    "Three cartons were crushed on arrival.",
                ),
                ("complaint[quantity]", "3"),
                ("complaint[remedy]", "replacement"),
            ],
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let id = body.as_i64().unwrap();

    let customer = Browser::launch(1280, 900).await;
    customer
        .sign_in_and_wait(&app.address, &cast.customer.email, PASSWORD)
        .await;
    let page = format!("/customer/complaints/{id}");
    customer.open_hydrated(&app.url(&page)).await;
    customer
        .wait_for_text("#complaint-files", WAIT, |t| t.contains("No files yet."))
        .await;
    let photo = tempfile::Builder::new()
        .prefix("crushed carton ")
        .suffix(".png")
        .tempfile()
        .unwrap();
    std::fs::write(photo.path(), crate::files::PNG).unwrap();
    let listed = "#complaint-files ul.files a.download";
    // The page may refresh on its live tick just as the file is chosen:
    // choose it and submit its own form in one go, and try again if the
    // form was replaced in between.
    let mut attached = false;
    for _ in 0..3 {
        let input = customer
            .element("#complaint-files input[type=file]", WAIT)
            .await;
        if input
            .send_keys(&photo.path().to_string_lossy())
            .await
            .is_err()
        {
            continue;
        }
        let element = serde_json::to_value(&input).unwrap();
        if customer
            .client
            .execute("arguments[0].form.requestSubmit();", vec![element])
            .await
            .is_err()
        {
            continue;
        }
        if customer.appears(listed, WAIT).await.is_ok() {
            attached = true;
            break;
        }
    }
    if !attached {
        customer.screenshot("customer-photo-failed").await;
        let url = customer.client.current_url().await.unwrap();
        let text = customer.main_text().await;
        panic!("the photo is not listed; at {url}: {text}");
    }
    let name = customer
        .wait_for_text(listed, WAIT, |t| t.starts_with("crushed carton"))
        .await;
    assert!(name.ends_with(".png"), "{name}");
    // Back on its own complaint page, the photo marked as its own.
    let url = customer.client.current_url().await.unwrap();
    assert_eq!(url.path(), page);
    customer
        .wait_for_text("#complaint-files .uploaded-by", WAIT, |t| {
            t.contains("Uploaded by your company")
        })
        .await;
    customer.screenshot("customer-attaches-a-photo").await;
    customer.close().await;
}

/// The rows of the complaint list on the open page.
const ROWS: &str = "#complaints tbody tr";

#[tokio::test]
async fn a_customer_pages_through_its_closed_complaints() {
    use app::domain::complaints::ComplaintStatus;
    use app::wire::complaints::CLOSED_PAGE;
    use chrono::{Duration as Days, Utc};
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let a = (cast.customer_a, cast.customer.id, cast.order_a);
    let start = Utc::now() - Days::days(1);
    let mut ids = Vec::new();
    for i in 0..=CLOSED_PAGE as i64 {
        let filed = start - Days::minutes(i);
        let status = ComplaintStatus::Closed;
        ids.push(crate::complaint_list::complaint_at(&app, a, None, status, filed).await);
    }
    let (newest, oldest) = (ids[0], ids[CLOSED_PAGE as usize]);

    let customer = Browser::launch(1280, 900).await;
    customer
        .sign_in_and_wait(&app.address, &cast.customer.email, PASSWORD)
        .await;
    customer
        .open_hydrated(&app.url("/customer/complaints"))
        .await;
    customer
        .element(&format!("tr[data-id='{newest}']"), WAIT)
        .await;
    assert_eq!(customer.count(ROWS).await, CLOSED_PAGE as usize);
    customer.click("#older-complaints").await;
    customer
        .element(&format!("tr[data-id='{oldest}']"), WAIT)
        .await;
    customer.element("#newest-complaints", WAIT).await;
    assert_eq!(customer.count(ROWS).await, 1);
    assert!(
        customer
            .appears("#older-complaints", Duration::ZERO)
            .await
            .is_err()
    );
    customer.click("#newest-complaints").await;
    customer
        .element(&format!("tr[data-id='{newest}']"), WAIT)
        .await;
    assert_eq!(customer.count(ROWS).await, CLOSED_PAGE as usize);
    customer.close().await;
}
