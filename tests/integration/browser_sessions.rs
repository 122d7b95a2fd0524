//! In the browser: a person signed in on two browsers sees both on the
//! account page and signs the other one out; that browser finds itself
//! signed out on its next page load.

use integration_tests::browser::Browser;
use integration_tests::people::{PASSWORD, create_cast};
use integration_tests::spawn_app;
use std::time::{Duration, Instant};

/// How many elements match `css` on the open page.
async fn count(browser: &Browser, css: &str) -> u64 {
    browser
        .client
        .execute(
            "return document.querySelectorAll(arguments[0]).length;",
            vec![css.into()],
        )
        .await
        .expect("count elements")
        .as_u64()
        .expect("a number")
}

/// Waits until `count(css)` is `wanted`.
async fn wait_for_count(browser: &Browser, css: &str, wanted: u64) {
    let deadline = Instant::now() + Duration::from_secs(10);
    let mut seen = count(browser, css).await;
    while seen != wanted && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(100)).await;
        seen = count(browser, css).await;
    }
    assert_eq!(seen, wanted, "{css}");
}

#[tokio::test]
async fn a_person_signs_out_their_other_browser_from_the_account_page() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let office = Browser::launch(1280, 900).await;
    let home = Browser::launch(1280, 900).await;
    for browser in [&office, &home] {
        browser
            .sign_in_and_wait(&app.address, &cast.customer.email, PASSWORD)
            .await;
    }

    office.open_hydrated(&app.url("/account")).await;
    wait_for_count(&office, "#sessions li.session", 2).await;
    wait_for_count(&office, "#sessions li.session.current", 1).await;
    office
        .wait_for_text("#sessions", Duration::from_secs(5), |t| {
            t.contains("This device") && t.contains("127.0.0.1")
        })
        .await;
    office.click("#sessions .session-end").await;
    wait_for_count(&office, "#sessions li.session", 1).await;
    wait_for_count(&office, "#sessions .session-end", 0).await;
    office.screenshot("sessions-after-sign-out").await;

    // The other browser learns of it with its next page.
    home.open_hydrated(&app.url("/account")).await;
    home.wait_for_text(".site-nav", Duration::from_secs(10), |t| {
        t.contains("Sign in")
    })
    .await;
    let url = home.client.current_url().await.expect("the address");
    assert_eq!(url.path(), "/login", "{url}");

    // This browser is still signed in.
    office.open_hydrated(&app.url("/account")).await;
    office
        .wait_for_text("#sessions", Duration::from_secs(10), |t| {
            t.contains("This device")
        })
        .await;
    office.close().await;
    home.close().await;
}
