//! An order's page shows its newest factory reports, not all of them: a
//! line reported on every day for months would otherwise fill the page
//! (and make it slower to read and send with every report). It says when
//! older reports are left out. A factory line's own page shows them a page
//! at a time, newest first, with a way to the older ones.

use app::domain::progress::REPORTS_SHOWN;
use integration_tests::browser::Browser;
use integration_tests::people::{Cast, PASSWORD, create_cast};
use integration_tests::{TestApp, spawn_app};
use std::time::Duration;

/// Reports number `from..=to` on supplier A's line of order A, each with
/// its number in the note (which only the house sees).
async fn report(app: &TestApp, cast: &Cast, from: i64, to: i64) {
    let factory = app.client_for(&cast.supplier.email, PASSWORD).await;
    for n in from..=to {
        let (status, body) = app
            .call(
                &factory,
                "progress/post",
                &[
                    ("id", &cast.po_line_a.to_string()),
                    // The line starts at version 1; each report moves it on.
                    ("version", &n.to_string()),
                    ("milestone", "in_production"),
                    ("quantity_done", &(20 + n).to_string()),
                    ("note", &format!("report {n}")),
                ],
            )
            .await;
        assert_eq!(status, 200, "report {n}: {body}");
    }
}

async fn order(app: &TestApp, email: &str, id: i32) -> serde_json::Value {
    let client = app.client_for(email, PASSWORD).await;
    let (status, body) = app
        .call(&client, "orders/get", &[("id", &id.to_string())])
        .await;
    assert_eq!(status, 200, "{body}");
    body
}

fn notes(order: &serde_json::Value) -> Vec<String> {
    order["production"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["note"].as_str().unwrap_or_default().to_string())
        .collect()
}

#[tokio::test]
async fn an_order_shows_its_newest_reports_and_says_when_older_ones_are_left_out() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let shown = REPORTS_SHOWN as i64;
    report(&app, &cast, 1, shown).await;
    let house = order(&app, &cast.staff.email, cast.order_a).await;
    let all: Vec<String> = (1..=shown).rev().map(|n| format!("report {n}")).collect();
    assert_eq!(notes(&house), all, "every report, newest first");
    assert_eq!(house["more_production"], false);

    report(&app, &cast, shown + 1, shown + 2).await;
    let house = order(&app, &cast.staff.email, cast.order_a).await;
    let newest: Vec<String> = (3..=shown + 2)
        .rev()
        .map(|n| format!("report {n}"))
        .collect();
    assert_eq!(notes(&house), newest, "the newest reports, newest first");
    assert_eq!(house["more_production"], true);

    // The customer sees as many, without the factory's notes.
    let customer = order(&app, &cast.customer.email, cast.order_a).await;
    assert_eq!(
        customer["production"].as_array().unwrap().len(),
        REPORTS_SHOWN
    );
    assert_eq!(customer["more_production"], true);
    assert!(!customer.to_string().contains("report 1"), "{customer}");
}

/// The notes of one page of the line's reports as the factory reads it,
/// and where the next, older page starts.
async fn line_page(app: &TestApp, cast: &Cast, before: Option<i64>) -> (Vec<String>, Option<i64>) {
    let factory = app.client_for(&cast.supplier.email, PASSWORD).await;
    let id = cast.po_line_a.to_string();
    let before = before.map(|b| b.to_string());
    let mut form = vec![("id", id.as_str())];
    if let Some(before) = &before {
        form.push(("before", before.as_str()));
    }
    let (status, line) = app.call(&factory, "progress/line", &form).await;
    assert_eq!(status, 200, "{line}");
    let notes = line["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["note"].as_str().unwrap_or_default().to_string())
        .collect();
    (notes, line["older"].as_i64())
}

#[tokio::test]
async fn a_lines_page_shows_its_reports_a_page_at_a_time() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let shown = REPORTS_SHOWN as i64;
    report(&app, &cast, 1, shown).await;
    let (notes, older) = line_page(&app, &cast, None).await;
    assert_eq!(notes.len(), REPORTS_SHOWN);
    assert_eq!(older, None, "no older page");

    report(&app, &cast, shown + 1, 2 * shown + 3).await;
    let mut seen = Vec::new();
    let mut before = None;
    let mut pages = 0;
    loop {
        let (notes, older) = line_page(&app, &cast, before).await;
        assert!(notes.len() <= REPORTS_SHOWN);
        seen.extend(notes);
        pages += 1;
        match older {
            Some(id) => before = Some(id),
            None => break,
        }
    }
    // 43 reports: 20, 20 and 3, each once, newest first.
    assert_eq!(pages, 3);
    let all: Vec<String> = (1..=2 * shown + 3)
        .rev()
        .map(|n| format!("report {n}"))
        .collect();
    assert_eq!(seen, all);
}

/// A browser of `width` × `height` signed in as the cast's person `who`
/// names, on the page `path` names, once `reports` reports are made on
/// supplier A's line.
async fn opened_after_reports(
    reports: i64,
    (width, height): (u32, u32),
    who: impl Fn(&Cast) -> &str,
    path: impl Fn(&Cast) -> String,
) -> (TestApp, Browser) {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    report(&app, &cast, 1, reports).await;
    let browser = Browser::launch(width, height).await;
    browser
        .sign_in_and_wait(&app.address, who(&cast), PASSWORD)
        .await;
    browser.open_hydrated(&app.url(&path(&cast))).await;
    (app, browser)
}

/// The factory's phone on supplier A's line, once two reports more than a
/// page holds are made.
async fn factorys_phone_on_its_line() -> (TestApp, Browser) {
    opened_after_reports(
        REPORTS_SHOWN as i64 + 2,
        (390, 844),
        |cast| &cast.supplier.email,
        |cast| format!("/supplier/lines/{}", cast.po_line_a),
    )
    .await
}

#[tokio::test]
async fn the_factorys_line_page_leads_to_its_older_reports() {
    let (_app, browser) = factorys_phone_on_its_line().await;
    let wait = Duration::from_secs(10);
    browser
        .wait_for_text("#history-older", wait, |t| t == "Older reports")
        .await;
    assert_eq!(browser.count("#progress-history li").await, REPORTS_SHOWN);

    browser.click("#history-older").await;
    browser
        .wait_for_text("#history-older-page", wait, |t| {
            t == "Earlier reports, newest first."
        })
        .await;
    let older = browser.element("#progress-history", wait).await;
    let older = older.text().await.unwrap();
    assert!(
        older.contains("report 2") && older.contains("report 1"),
        "{older}"
    );
    assert!(!older.contains("report 3"), "{older}");
    assert_eq!(browser.count("#progress-history li").await, 2);
    assert_eq!(browser.count("#history-older").await, 0, "nothing older");
    browser.screenshot("line-older-reports").await;

    browser.click("#history-newest").await;
    browser
        .wait_for_text("#history-older", wait, |t| t == "Older reports")
        .await;
    assert_eq!(browser.count("#history-older-page").await, 0);
    browser.close().await;
}

#[tokio::test]
async fn a_report_made_on_a_page_of_older_reports_shows_among_the_newest() {
    let (_app, browser) = factorys_phone_on_its_line().await;
    let wait = Duration::from_secs(10);
    browser.click("#history-older").await;
    browser
        .wait_for_text("#history-older-page", wait, |t| !t.is_empty())
        .await;
    browser.wait_hydrated().await;
    browser
        .type_into(
            "#progress-form textarea[name=note]",
            "made on an older page",
        )
        .await;
    browser.click("#progress-form button[type=submit]").await;
    // The newest page, with the new report first.
    let first = browser
        .wait_for_text("#progress-history li", wait, |t| {
            t.contains("made on an older page")
        })
        .await;
    assert!(!first.contains("report "), "{first}");
    assert_eq!(browser.count("#history-older-page").await, 0);
    let address = browser.client.current_url().await.unwrap();
    assert_eq!(address.query(), None, "{address}");
    browser.close().await;
}

#[tokio::test]
async fn the_houses_line_page_leads_to_older_reports_without_reloading() {
    let (_app, browser) = opened_after_reports(
        REPORTS_SHOWN as i64 + 1,
        (1280, 900),
        |cast| &cast.staff.email,
        |cast| format!("/staff/po-lines/{}", cast.po_line_a),
    )
    .await;
    let wait = Duration::from_secs(10);
    browser
        .wait_for_text("#history-older", wait, |t| t == "Older reports")
        .await;
    // The house's pages move within the page: the older reports are read
    // and shown in place.
    browser.mark_page().await;
    browser.click("#history-older").await;
    browser
        .wait_for_text("#history-older-page", wait, |t| {
            t == "Earlier reports, newest first."
        })
        .await;
    assert_eq!(browser.count("#progress-history li").await, 1);
    browser.click("#history-newest").await;
    browser
        .wait_for_text("#history-older", wait, |t| t == "Older reports")
        .await;
    assert_eq!(browser.count("#progress-history li").await, REPORTS_SHOWN);
    browser.assert_not_reloaded().await;
    browser.close().await;
}

#[tokio::test]
async fn the_customers_order_page_says_older_reports_are_left_out() {
    let (_app, browser) = opened_after_reports(
        REPORTS_SHOWN as i64 + 1,
        (1280, 900),
        |cast| &cast.customer.email,
        |cast| format!("/customer/orders/{}", cast.order_a),
    )
    .await;
    browser
        .wait_for_text("#production-newest", Duration::from_secs(10), |t| {
            t == format!(
                "The newest {REPORTS_SHOWN} reports are shown; every milestone reached stays on \
                 the timeline."
            )
        })
        .await;
    assert_eq!(browser.count("#production li").await, REPORTS_SHOWN);
    browser.screenshot("order-newest-reports").await;
    browser.close().await;
}
