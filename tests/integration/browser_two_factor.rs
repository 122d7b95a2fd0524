//! In the browser: a staff member, and a customer (whose account pages are
//! islands), set up two-factor sign-in on the account page (reading the key
//! off the page, as they would type it into an app), sign out, and sign in
//! again with the password and then a code.

use integration_tests::browser::Browser;
use integration_tests::people::{PASSWORD, create_cast};
use integration_tests::{TestApp, spawn_app};
use std::time::Duration;

use integration_tests::two_factor::code_at;

const WAIT: Duration = Duration::from_secs(30);

/// Types `text` into the field matching `css`.
async fn type_into(browser: &Browser, css: &str, text: &str) {
    browser
        .element(css, WAIT)
        .await
        .send_keys(text)
        .await
        .unwrap_or_else(|e| panic!("type into {css}: {e}"));
}

/// Waits until the browser shows `path`.
async fn wait_for_path(browser: &Browser, path: &str) {
    let deadline = std::time::Instant::now() + WAIT;
    loop {
        let url = browser.client.current_url().await.unwrap();
        if url.path() == path {
            return;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "still at {url}, not {path}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test]
async fn staff_set_up_two_factor_sign_in_and_sign_in_with_a_code() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    set_up_and_sign_in_with_a_code(&app, &cast.staff.email, "/staff").await;
}

#[tokio::test]
async fn a_customer_sets_up_two_factor_sign_in_and_signs_in_with_a_code() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    set_up_and_sign_in_with_a_code(&app, &cast.customer.email, "/customer").await;
}

/// The person with `email` sets it up, signs out, and signs in again,
/// landing on `home`.
async fn set_up_and_sign_in_with_a_code(app: &TestApp, email: &str, home: &str) {
    let person = Browser::launch(1280, 900).await;
    person.sign_in_and_wait(&app.address, email, PASSWORD).await;

    // From the account page to setting it up.
    person.open_hydrated(&app.url("/account")).await;
    person.click("#two-factor-link").await;
    person
        .wait_for_text("#two-factor-state", WAIT, |t| t.contains("is off"))
        .await;
    person.click("#two-factor-start").await;
    let secret = person
        .element("#two-factor-secret", WAIT)
        .await
        .attr("data-secret")
        .await
        .unwrap()
        .expect("the key in full");
    let shown = person
        .wait_for_text("#two-factor-secret", WAIT, |t| !t.is_empty())
        .await;
    assert_eq!(shown.replace(' ', ""), secret, "the key as shown to type");
    let url = person
        .wait_for_text("#two-factor-url", WAIT, |t| t.starts_with("otpauth://"))
        .await;
    assert!(url.contains(&format!("secret={secret}")), "{url}");
    type_into(
        &person,
        "#two-factor-confirm-form input[name=code]",
        &code_at(&secret, app.state.now()),
    )
    .await;
    person.click("#two-factor-confirm").await;
    let codes = person
        .wait_for_text("#recovery-codes", WAIT, |t| t.matches('-').count() >= 30)
        .await;
    assert!(codes.contains("recovery codes"), "{codes}");
    person
        .wait_for_text("#two-factor-state", WAIT, |t| t.contains("is on"))
        .await;
    person
        .screenshot(&format!("two-factor-set-up{}", home.replace('/', "-")))
        .await;

    // Signing out, and in again: the password, then the code.
    person.click("#sign-out").await;
    person
        .wait_for_text(".site-nav", WAIT, |t| t.contains("Sign in"))
        .await;
    // The code of the step the set-up used is spent; the app shows the
    // next one half a minute later.
    app.clock.advance(chrono::Duration::seconds(30));
    person.sign_in(&app.address, email, PASSWORD).await;
    wait_for_path(&person, "/login/two-factor").await;
    person
        .element("[data-hydrated='true'] #two-factor-form", WAIT)
        .await;
    person
        .wait_for_text("#two-factor-sign-in", WAIT, |t| t.contains("Sign-in code"))
        .await;
    type_into(
        &person,
        "#two-factor-form input[name=code]",
        &code_at(&secret, app.state.now()),
    )
    .await;
    person.click("#two-factor-form button[type=submit]").await;
    wait_for_path(&person, home).await;
    person
        .wait_for_text(".site-nav", WAIT, |t| t.contains("Sign out"))
        .await;
    person
        .screenshot(&format!("two-factor-signed-in{}", home.replace('/', "-")))
        .await;
    person.close().await;
}
