use integration_tests::browser::Browser;
use integration_tests::{SpawnOptions, spawn_app_with};
use server::seed::DEMO_PASSWORD;
use std::time::Duration;

#[tokio::test]
async fn landing_page_hydrates_and_calls_the_server() {
    let app = spawn_app_with(SpawnOptions {
        demo_data: true,
        ..Default::default()
    })
    .await;
    let browser = Browser::launch(1280, 900).await;
    // Visitors see no status panel; the people of the portal do.
    browser.open_hydrated(&app.url("/")).await;
    assert!(
        browser
            .client
            .find(fantoccini::Locator::Css("#check-status"))
            .await
            .is_err(),
        "a visitor sees no status panel"
    );
    browser
        .sign_in_and_wait(&app.address, "sales@harbourbridge.example", DEMO_PASSWORD)
        .await;
    browser.open_hydrated(&app.url("/")).await;

    // Before the click the server-rendered placeholder is shown.
    browser
        .wait_for_text("#status-result", Duration::from_secs(5), |t| {
            t.contains("Not checked yet")
        })
        .await;
    browser
        .client
        .find(fantoccini::Locator::Css("#check-status"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    // Only the hydrated app can turn the click into a server-function call.
    browser
        .wait_for_text("#fact-customers", Duration::from_secs(10), |t| t == "2")
        .await;
    let house = browser
        .wait_for_text("#fact-house", Duration::from_secs(5), |t| !t.is_empty())
        .await;
    assert_eq!(house, "Harbour Bridge Trading Co.");
    let suppliers = browser
        .wait_for_text("#fact-suppliers", Duration::from_secs(5), |t| !t.is_empty())
        .await;
    assert_eq!(suppliers, "2");

    browser
        .client
        .execute(
            "document.getElementById('status-result').scrollIntoView()",
            vec![],
        )
        .await
        .unwrap();
    let shot = browser.screenshot("landing-hydrated").await;
    assert!(std::fs::metadata(&shot).unwrap().len() > 10_000);
    browser.close().await;
}
