//! In the browser: a person still on the default zone is offered the
//! browser's, takes it with one click, and from then on reads times in it;
//! the text the server sent before any script ran stays as it is once the
//! page is live.

use app::ssr::live::LiveEvent;
use chrono::{TimeZone, Utc};
use fantoccini::Locator;
use integration_tests::browser::Browser;
use integration_tests::people::{PASSWORD, create_cast};
use integration_tests::{get_with, spawn_app};
use std::time::{Duration, Instant};

use crate::time_zones::event_at;

const SHOWN: &str = "2027-03-01 16:05 UTC+08:00";

/// The times the open order page's timeline shows.
async fn timeline_times(browser: &Browser) -> Vec<String> {
    let texts = browser
        .client
        .execute(
            "return [...document.querySelectorAll('#order-timeline time')].map(t => t.textContent);",
            vec![],
        )
        .await
        .unwrap();
    serde_json::from_value(texts).unwrap()
}

#[tokio::test]
async fn the_browsers_zone_is_offered_and_times_stay_as_the_server_wrote_them() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let first = Utc.with_ymd_and_hms(2027, 3, 1, 8, 5, 0).unwrap();
    event_at(&app, cast.order_a, first).await;

    let browser = Browser::launch_in_time_zone(1280, 900, "Asia/Shanghai").await;
    browser
        .sign_in_and_wait(&app.address, &cast.customer.email, PASSWORD)
        .await;
    browser.open_hydrated(&app.url("/account")).await;
    browser
        .wait_for_text("#time-zone-suggestion", Duration::from_secs(10), |t| {
            t.contains("Asia/Shanghai")
        })
        .await;
    browser.click("#time-zone-suggestion button").await;
    // The page loads afresh with the zone chosen.
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let chosen = browser
            .client
            .execute(
                "const s = document.querySelector('#time-zone-form select'); \
                 return s ? s.value : null;",
                vec![],
            )
            .await
            .ok();
        let offered = browser
            .client
            .find(Locator::Css("#time-zone-suggestion"))
            .await
            .is_ok();
        if chosen == Some(serde_json::json!("Asia/Shanghai")) && !offered {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the zone was not saved: {chosen:?}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }

    // What the server sends, before any script runs.
    let page = app.url(&format!("/customer/orders/{}", cast.order_a));
    let client = app.client_for(&cast.customer.email, PASSWORD).await;
    let html = get_with(&client, &page).await.text().await.unwrap();
    assert!(html.contains(SHOWN), "{html}");

    // The same text once the page is live.
    browser.open_hydrated(&page).await;
    let texts = timeline_times(&browser).await;
    assert!(texts.iter().any(|t| t == SHOWN), "{texts:?}");
    assert!(
        texts.iter().all(|t| t.ends_with("UTC+08:00")),
        "every time in the chosen zone: {texts:?}"
    );

    // Written anew by the page in the browser (the order page is an
    // island there, which knows no signed-in person): a new entry arrives
    // by the live stream, and every time still reads in the chosen zone.
    let second = Utc.with_ymd_and_hms(2027, 3, 2, 1, 30, 0).unwrap();
    event_at(&app, cast.order_a, second).await;
    app.state.read_cache.bump();
    let deadline = Instant::now() + Duration::from_secs(15);
    let texts = loop {
        app.state.live.publish(LiveEvent {
            event_id: 1_000_000,
            order_id: cast.order_a,
            customer_company_id: cast.customer_a,
        });
        let texts = timeline_times(&browser).await;
        if texts
            .iter()
            .any(|t| t == "2027-03-02 09:30 UTC+08:00" || t.starts_with("2027-03-02 01:30"))
        {
            break texts;
        }
        assert!(
            Instant::now() < deadline,
            "the new entry did not arrive: {texts:?}"
        );
        tokio::time::sleep(Duration::from_millis(300)).await;
    };
    assert!(
        texts.iter().all(|t| t.ends_with("UTC+08:00")),
        "every time written in the browser in the chosen zone: {texts:?}"
    );
    browser.close().await;
}
