//! An order's page shows the newest entries of its timeline and leads to
//! the whole timeline, read a page at a time, newest first, every entry
//! once.

use std::time::Duration;

use app::domain::paging::TIMELINE_SHOWN;
use app::ssr::entities::order_event;
use chrono::Utc;
use integration_tests::browser::Browser;
use integration_tests::people::{PASSWORD, create_cast};
use integration_tests::plain_sql::ints;
use integration_tests::{TestApp, spawn_app};
use sea_orm::{EntityTrait, Set};

/// Entries added to an order's timeline: two full pages and some.
const ADDED: usize = 2 * TIMELINE_SHOWN + 7;

/// Adds `ADDED` entries ("Entry 1" … "Entry ADDED", oldest first) to the
/// order's timeline; returns the ids of all its entries, newest first.
async fn long_timeline(app: &TestApp, order: i32) -> Vec<i32> {
    let now = Utc::now();
    let entries = (1..=ADDED).map(|n| order_event::ActiveModel {
        order_id: Set(order),
        at: Set(now - chrono::Duration::minutes((ADDED - n) as i64)),
        actor_user_id: Set(None),
        kind: Set("forecast".into()),
        summary: Set(format!("Entry {n}")),
        before: Set(None),
        after: Set(None),
        ..Default::default()
    });
    order_event::Entity::insert_many(entries)
        .exec(&app.db)
        .await
        .unwrap();
    ints(
        &app.db,
        &format!("SELECT id FROM order_events WHERE order_id = {order} ORDER BY id DESC"),
    )
    .await
}

fn ids(events: &serde_json::Value) -> Vec<i32> {
    events
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_i64().unwrap() as i32)
        .collect()
}

#[tokio::test]
async fn the_order_page_has_the_newest_entries_and_the_timeline_every_entry_once() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let all = long_timeline(&app, cast.order_a).await;
    let order_id = cast.order_a.to_string();
    for email in [&cast.customer.email, &cast.staff.email] {
        let client = app.client_for(email, PASSWORD).await;
        let (status, order) = app.call(&client, "orders/get", &[("id", &order_id)]).await;
        assert_eq!(status, 200, "{order}");
        // Oldest first: the newest shown and one more, as there are older.
        let mut newest = all[..=TIMELINE_SHOWN].to_vec();
        newest.reverse();
        assert_eq!(ids(&order["events"]), newest);

        let mut seen = Vec::new();
        let mut before: Option<i32> = None;
        loop {
            let mut fields = vec![("id", order_id.clone())];
            fields.extend(before.map(|b| ("before", b.to_string())));
            let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
            let (status, page) = app.call(&client, "orders/timeline", &fields).await;
            assert_eq!(status, 200, "{page}");
            assert_eq!(page["number"], order["number"]);
            let shown = ids(&page["events"]);
            assert!(shown.len() <= TIMELINE_SHOWN, "{}", shown.len());
            seen.extend(shown);
            match page["older"].as_i64() {
                Some(older) => {
                    assert_eq!(Some(&(older as i32)), seen.last());
                    before = Some(older as i32);
                }
                None => break,
            }
        }
        assert_eq!(seen, all, "every entry once, newest first");
    }
}

#[tokio::test]
async fn the_customer_reads_a_long_timeline_from_the_order_page() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let all = long_timeline(&app, cast.order_a).await;
    let browser = Browser::launch(1280, 900).await;
    browser
        .sign_in_and_wait(&app.address, &cast.customer.email, PASSWORD)
        .await;
    let wait = Duration::from_secs(10);
    browser
        .open_hydrated(&app.url(&format!("/customer/orders/{}", cast.order_a)))
        .await;
    browser.element("#timeline-newest", wait).await;
    assert_eq!(browser.count("#order-timeline li").await, TIMELINE_SHOWN);
    browser
        .wait_for_text("#order-timeline li", wait, |t| {
            t.contains(&format!("Entry {ADDED}"))
        })
        .await;

    browser.click("#timeline-all").await;
    browser.element("h1", wait).await;
    browser
        .wait_for_text("h1", wait, |t| t.starts_with("Timeline of order"))
        .await;
    assert_eq!(browser.count("#order-timeline li").await, TIMELINE_SHOWN);
    assert_eq!(browser.count("#timeline-newest-page").await, 0);

    browser.click("#timeline-older").await;
    browser.element("#timeline-newest-page", wait).await;
    let first = format!("Entry {}", ADDED - TIMELINE_SHOWN);
    browser
        .wait_for_text("#order-timeline li", wait, |t| t.contains(&first))
        .await;
    assert_eq!(browser.count("#order-timeline li").await, TIMELINE_SHOWN);

    browser.click("#timeline-older").await;
    let last_page = all.len() - 2 * TIMELINE_SHOWN;
    let first = format!("Entry {}", ADDED - 2 * TIMELINE_SHOWN);
    browser
        .wait_for_text("#order-timeline li", wait, |t| t.contains(&first))
        .await;
    assert_eq!(browser.count("#order-timeline li").await, last_page);
    assert_eq!(browser.count("#timeline-older").await, 0);
    browser.screenshot("customer-order-timeline").await;

    browser.click("#timeline-order").await;
    browser.element("#order-status", wait).await;
    browser.close().await;
}
