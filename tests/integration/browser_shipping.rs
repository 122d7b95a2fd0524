//! In real browsers: staff attach the copy of the bill of lading to a
//! shipment's checklist and send it; the customer, on its order page, sees
//! the document ready and downloads it. The customer's open page also
//! shows a moved arrival date without a reload.

use app::domain::order_status::OrderStatus;
use fantoccini::Locator;
use integration_tests::browser::Browser;
use integration_tests::people::{PASSWORD, create_cast, create_order};
use integration_tests::{TestApp, spawn_app};
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(20);

/// Plans a shipment of both lines through the server function the plan
/// form calls; returns its id.
async fn plan(app: &TestApp, staff: &reqwest::Client, order: i32, eta: &str) -> i64 {
    let lines: Vec<i32> = {
        use app::ssr::entities::order_line;
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
        order_line::Entity::find()
            .filter(order_line::Column::OrderId.eq(order))
            .order_by_asc(order_line::Column::LineNo)
            .all(&app.db)
            .await
            .unwrap()
            .into_iter()
            .map(|l| l.id)
            .collect()
    };
    let today = app.day(0);
    let mut fields = vec![
        ("order_id".to_string(), order.to_string()),
        ("version".to_string(), "1".to_string()),
        ("shipment[carrier]".to_string(), "Maersk".to_string()),
        (
            "shipment[vessel]".to_string(),
            "Maersk Kinloss 451W".to_string(),
        ),
        ("shipment[etd]".to_string(), today),
        ("shipment[eta]".to_string(), eta.to_string()),
    ];
    for (i, line) in lines.iter().enumerate() {
        fields.push((
            format!("shipment[lines][{i}][order_line_id]"),
            line.to_string(),
        ));
        fields.push((format!("shipment[lines][{i}][quantity]"), "100".to_string()));
    }
    let pairs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let (status, body) = app.call(staff, "shipping/plan", &pairs).await;
    assert_eq!(status, 200, "{body}");
    body.as_i64().unwrap()
}

#[tokio::test]
async fn staff_upload_a_bill_of_lading_copy_and_the_customer_downloads_it() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let order = create_order(&app, cast.customer_a, "SO-BL", OrderStatus::Ready).await;
    let house = app.client_for(&cast.staff.email, PASSWORD).await;
    let eta = app.day(30);
    let shipment = plan(&app, &house, order, &eta).await;

    // The customer keeps its order page open.
    let customer = Browser::launch(1280, 900).await;
    customer
        .sign_in_and_wait(&app.address, &cast.customer.email, PASSWORD)
        .await;
    customer
        .open_hydrated(&app.url(&format!("/customer/orders/{order}")))
        .await;
    let bl_row = "table.checklist tr[data-kind=bill_of_lading]";
    customer
        .wait_for_text(&format!("{bl_row} .doc-kind"), WAIT, |t| !t.is_empty())
        .await;
    assert!(
        customer
            .client
            .find(Locator::Css(&format!("{bl_row} a.download")))
            .await
            .is_err(),
        "nothing to download before the house sends it"
    );
    customer.mark_page().await;

    // Staff attach the scanned copy to the checklist row ...
    let staff = Browser::launch(1280, 900).await;
    staff
        .sign_in_and_wait(&app.address, &cast.staff.email, PASSWORD)
        .await;
    staff
        .open_hydrated(&app.url(&format!("/staff/orders/{order}")))
        .await;
    let scan = tempfile::Builder::new()
        .prefix("BL copy MAEU123456789 ")
        .suffix(".pdf")
        .tempfile()
        .unwrap();
    let content = b"%PDF-1.4\n% bill of lading copy MAEU-123456789\n%%EOF\n";
    std::fs::write(scan.path(), content).unwrap();
    // The panel may still be refreshing just after the page opened: choose
    // the file and submit its own form in one go, and try again if the
    // row was replaced in between.
    let mut received = false;
    let mut reloaded = false;
    for _ in 0..3 {
        let field = format!("{bl_row} input[type=file]");
        let input = match staff.appears(&field, WAIT).await {
            Ok(input) => input,
            Err(e) if !reloaded => {
                // Say what the page showed instead, then give it one
                // more load: the next failure will show the server's log.
                let text = staff.main_text().await;
                eprintln!("no file field on the staff order page ({e}); it showed: {text}");
                reloaded = true;
                staff
                    .open_hydrated(&app.url(&format!("/staff/orders/{order}")))
                    .await;
                continue;
            }
            Err(e) => panic!("the checklist row's file field: {e}"),
        };
        if input
            .send_keys(&scan.path().to_string_lossy())
            .await
            .is_err()
        {
            continue;
        }
        let element = serde_json::to_value(&input).unwrap();
        if staff
            .client
            .execute("arguments[0].form.requestSubmit();", vec![element])
            .await
            .is_err()
        {
            continue;
        }
        if staff
            .appears(&format!("{bl_row}[data-state=received]"), WAIT)
            .await
            .is_ok()
        {
            received = true;
            break;
        }
    }
    if !received {
        staff.screenshot("staff-attach-failed").await;
        let url = staff.client.current_url().await.unwrap();
        let text = staff.main_text().await;
        panic!("the B/L copy is not received; at {url}: {text}");
    }
    staff.screenshot("staff-attach-a-bl-copy").await;
    // ... and send it to the customer. The panel may be rebuilt under the
    // click (the order's live stream opening, the upload's own refresh), or
    // the click may meet the version from before the upload and be told to
    // try again, as a person would: so click again while it is not sent.
    let sent = format!("{bl_row}[data-state=sent]");
    for _ in 0..3 {
        if let Ok(button) = staff
            .client
            .find(Locator::Css(&format!("{bl_row} button.mark-sent")))
            .await
        {
            button.click().await.ok();
        }
        if staff.appears(&sent, WAIT / 3).await.is_ok() {
            break;
        }
    }
    staff.element(&sent, WAIT / 3).await;
    staff.close().await;

    // The customer's open page shows it ready, live, with its download.
    let link = customer
        .element(&format!("{bl_row} a.download"), WAIT)
        .await;
    customer.assert_not_reloaded().await;
    let href = link.attr("href").await.unwrap().unwrap();
    customer.screenshot("customer-sees-the-bl-copy").await;
    // The customer's browser fetches it with its own session.
    let fetched = customer
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1];\
             fetch(arguments[0]).then(async r => done([r.status, \
               r.headers.get('content-disposition') || '', \
               r.headers.get('x-content-type-options') || '', \
               (await r.text())]));",
            vec![href.clone().into()],
        )
        .await
        .expect("fetch the file");
    assert_eq!(fetched[0], 200, "{fetched}");
    assert!(
        fetched[1].as_str().unwrap().starts_with("attachment;"),
        "{fetched}"
    );
    assert_eq!(fetched[2], "nosniff");
    assert_eq!(fetched[3].as_str().unwrap().as_bytes(), content);

    // A moved arrival date shows on the open page without a reload.
    let moved = app.day(37);
    let (_, view) = app
        .call(&house, "shipping/get", &[("order_id", &order.to_string())])
        .await;
    let version = view["version"].to_string();
    let today = app.day(0);
    let fields = [
        ("order_id", order.to_string()),
        ("version", version),
        ("shipment_id", shipment.to_string()),
        ("shipment[carrier]", "Maersk".to_string()),
        ("shipment[vessel]", "Maersk Kinloss 451W".to_string()),
        ("shipment[etd]", today),
        ("shipment[eta]", moved.clone()),
        (
            "shipment[lines][0][order_line_id]",
            view["shipments"][0]["lines"][0]["order_line_id"].to_string(),
        ),
        ("shipment[lines][0][quantity]", "100".to_string()),
        (
            "shipment[lines][1][order_line_id]",
            view["shipments"][0]["lines"][1]["order_line_id"].to_string(),
        ),
        ("shipment[lines][1][quantity]", "100".to_string()),
    ];
    let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (status, body) = app.call(&house, "shipping/update", &pairs).await;
    assert_eq!(status, 200, "{body}");
    customer
        .wait_for_text("article.shipment .eta", WAIT, |t| t.contains(&moved))
        .await;
    customer.assert_not_reloaded().await;
    customer.close().await;
}
