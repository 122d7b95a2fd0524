//! In the browser: a visitor reads the portal in the language the browser
//! asks for; a customer who chose German reads the customer area in German,
//! dates and amounts written the German way, before and after the page is
//! live; the house's staff read their workspace in Chinese; a browser
//! downloads its reader's catalogue alone, and the live page speaks it.

use app::domain::order_status::OrderStatus;
use app::i18n::Locale;
use fantoccini::Locator;
use integration_tests::browser::Browser;
use integration_tests::people::{PASSWORD, create_cast, create_order};
use integration_tests::{get_with, spawn_app};
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(20);

/// The text of `css` once it can be read: an element found just before the
/// page re-renders it is read again from the page.
async fn text_of(browser: &Browser, css: &str) -> String {
    browser.wait_for_text(css, WAIT, |_| true).await
}

#[tokio::test]
async fn a_german_customer_reads_the_customer_area_in_german() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let order = create_order(&app, cast.customer_a, "SO-DE", OrderStatus::Confirmed).await;
    let requested = app.today() + chrono::Duration::days(30);

    // Before signing in: the browser asks for German, the page is German.
    let browser = Browser::launch_in_language(1280, 900, "de-DE,de").await;
    browser.open_hydrated(&app.url("/login")).await;
    assert_eq!(
        text_of(&browser, "main h1").await,
        Locale::De.t("login-title")
    );
    let lang = browser
        .client
        .execute("return document.documentElement.lang;", vec![])
        .await
        .unwrap();
    assert_eq!(lang, "de");

    // The customer chose German on the account page.
    let client = app.client_for(&cast.customer.email, PASSWORD).await;
    let (status, body) = app.call(&client, "auth/locale", &[("locale", "de")]).await;
    assert_eq!(status, 200, "{body}");
    browser
        .sign_in_and_wait(&app.address, &cast.customer.email, PASSWORD)
        .await;
    assert_eq!(
        text_of(&browser, "#sign-out").await,
        Locale::De.t("nav-sign-out")
    );

    // The order page as the server wrote it, before any script ran ...
    let path = format!("/customer/orders/{order}");
    let html = get_with(&client, &app.url(&path))
        .await
        .text()
        .await
        .unwrap();
    let german_day = Locale::De.date(requested);
    assert!(german_day.contains('.'), "{german_day}");
    assert!(html.contains(&german_day), "no {german_day} in the page");
    assert!(html.contains(&Locale::De.t("order-col-committed")));

    // ... and once it is live.
    browser.open_hydrated(&app.url(&path)).await;
    let committed = text_of(&browser, "td.committed").await;
    assert_eq!(committed, german_day);
    let main = browser.main_text().await;
    assert!(
        main.contains(&Locale::De.t("order-col-committed")),
        "{main}"
    );
    assert!(
        !main.contains(&Locale::En.t("order-col-committed")),
        "{main}"
    );
    browser.screenshot("customer-area-in-german").await;
    browser.close().await;
}

#[tokio::test]
async fn the_staff_workspace_in_chinese() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let client = app.client_for(&cast.staff.email, PASSWORD).await;
    let (status, body) = app.call(&client, "auth/locale", &[("locale", "zh")]).await;
    assert_eq!(status, 200, "{body}");

    let browser = Browser::launch(1280, 900).await;
    browser
        .sign_in_and_wait(&app.address, &cast.staff.email, PASSWORD)
        .await;
    for (path, key) in [
        ("/staff", "nav-sales-desk"),
        ("/staff/board", "ws-board-title"),
        ("/staff/kpis", "kpi-title"),
    ] {
        browser.open_hydrated(&app.url(path)).await;
        let heading = text_of(&browser, "main h1").await;
        assert_eq!(heading, Locale::Zh.t(key), "{path}");
        let nav = text_of(&browser, ".site-nav").await;
        assert!(nav.contains(&Locale::Zh.t("nav-sign-out")), "{nav}");
        assert!(!nav.contains(&Locale::En.t("nav-sign-out")), "{nav}");
    }
    browser.screenshot("staff-workspace-in-chinese").await;
    browser.close().await;
}

#[tokio::test]
async fn a_browser_downloads_its_readers_language_alone() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let client = app.client_for(&cast.supplier.email, PASSWORD).await;
    let (status, body) = app.call(&client, "auth/locale", &[("locale", "zh")]).await;
    assert_eq!(status, 200, "{body}");

    let browser = Browser::launch_in_language(1280, 900, "de-DE,de").await;
    browser
        .sign_in_and_wait(&app.address, &cast.supplier.email, PASSWORD)
        .await;
    browser.open_hydrated(&app.url("/account")).await;
    let fetched = browser
        .client
        .execute(
            "return performance.getEntriesByType('resource').map(e => e.name)\
             .filter(n => n.includes('/pkg/messages/'));",
            vec![],
        )
        .await
        .unwrap();
    let fetched: Vec<String> = serde_json::from_value(fetched).unwrap();
    assert_eq!(fetched.len(), 1, "{fetched:?}");
    let expected = app.url(Locale::Zh.catalogue_path());
    assert_eq!(fetched[0], expected);

    // The strength hint is written in the browser alone, from the
    // catalogue it fetched.
    let field = browser
        .client
        .find(Locator::Css(
            "#change-password-form input[name=new_password]",
        ))
        .await
        .unwrap();
    field.send_keys("aaaa").await.unwrap();
    assert_eq!(
        text_of(&browser, ".password-hint").await,
        Locale::Zh.t("password-strength-weak")
    );
    browser.close().await;
}
