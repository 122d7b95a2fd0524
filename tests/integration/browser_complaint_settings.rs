//! In a real browser: an administrator sets the first-answer target on the
//! admin page (a wrong one is answered under its field first) and adds a
//! root cause of the house's own; after a reload the page shows both.

use integration_tests::browser::Browser;
use integration_tests::people::{PASSWORD, create_cast};
use integration_tests::spawn_app;
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(20);

const FIRST_ANSWER: &str = "#complaint-clocks-form [name='first_answer']";

/// The value of an input, once it is on the page.
async fn value_of(browser: &Browser, css: &str) -> String {
    browser
        .element(css, WAIT)
        .await
        .prop("value")
        .await
        .unwrap_or_else(|e| panic!("{css}: {e}"))
        .unwrap_or_default()
}

#[tokio::test]
async fn an_admin_sets_the_first_answer_target_and_adds_a_root_cause() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let admin = Browser::launch(1280, 900).await;
    admin
        .sign_in_and_wait(&app.address, &cast.admin.email, PASSWORD)
        .await;
    admin.open_hydrated(&app.url("/admin")).await;
    assert_eq!(value_of(&admin, FIRST_ANSWER).await, "1");

    // A target that is no duration is answered under its field.
    admin.set_value(FIRST_ANSWER, "1.5").await;
    admin.click("#save-complaint-settings").await;
    admin
        .wait_for_text(".field-error[data-field=first_answer]", WAIT, |t| {
            t.contains("1:30")
        })
        .await;

    admin.set_value(FIRST_ANSWER, "2:30").await;
    admin.click("#save-complaint-settings").await;
    admin
        .wait_for_text("#complaint-settings-saved", WAIT, |t| t.contains("Saved"))
        .await;

    admin
        .set_value("#add-root-cause-form [name='label']", "Kiln firing curve")
        .await;
    admin.click("#add-root-cause").await;
    admin
        .wait_for_text("#root-causes", WAIT, |t| t.contains("Kiln firing curve"))
        .await;
    admin.screenshot("admin-sets-complaint-clocks").await;

    // A fresh page load shows what was saved.
    admin.open_hydrated(&app.url("/admin")).await;
    assert_eq!(value_of(&admin, FIRST_ANSWER).await, "2:30");
    let causes = admin
        .wait_for_text("#root-causes", WAIT, |t| t.contains("Kiln firing curve"))
        .await;
    assert!(causes.contains("Material"), "{causes}");
    admin.close().await;

    let client = app.client_for(&cast.admin.email, PASSWORD).await;
    let (status, settings) = app.call(&client, "complaints/settings", &[]).await;
    assert_eq!(status, 200, "{settings}");
    assert_eq!(settings["first_answer_minutes"], 150, "{settings}");
}
