//! New passwords are checked against the shipped list of common and
//! breached passwords, and must not hold their owner's name or address, on
//! every way a password is set: a change, a reset and an invitation.

use app::i18n::Locale;
use integration_tests::people::{PASSWORD, create_cast};
use integration_tests::{TestApp, link_token, new_client, spawn_app};
use serde_json::Value;

/// Long enough for the length rule, and on the list once lower-cased and
/// stripped of its digits.
const COMMON: &str = "Password1234";

/// Asserts a 422 naming `new_password` with the catalogue's message `key`.
fn refused_with(status: u16, body: &Value, locale: Locale, key: &str) {
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["fields"][0]["field"], "new_password", "{body}");
    assert_eq!(body["fields"][0]["message"], locale.t(key), "{body}");
}

async fn change(app: &TestApp, client: &reqwest::Client, new: &str) -> (u16, Value) {
    app.call(
        client,
        "auth/change-password",
        &[("current_password", PASSWORD), ("new_password", new)],
    )
    .await
}

#[tokio::test]
async fn a_password_change_refuses_common_personal_and_repetitive_passwords() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    // buyer@customer-a.test, named "Test Person".
    let buyer = app.client_for(&cast.customer.email, PASSWORD).await;
    for (new, key) in [
        (COMMON, "password-common"),
        ("P@ssw0rd2024!", "password-common"),
        ("iloveyouiloveyou", "password-common"),
        ("the buyer of blue mugs", "password-personal"),
        ("Person of the year 2026", "password-personal"),
        ("zyxwvutsrqponm", "password-repetitive"),
    ] {
        let (status, body) = change(&app, &buyer, new).await;
        refused_with(status, &body, Locale::En, key);
    }
    // Nothing changed: the old password still signs in.
    app.client_for(&cast.customer.email, PASSWORD).await;

    // The refusal is in the person's language.
    let (status, body) = app.call(&buyer, "auth/locale", &[("locale", "zh")]).await;
    assert_eq!(status, 200, "{body}");
    let (status, body) = change(&app, &buyer, COMMON).await;
    refused_with(status, &body, Locale::Zh, "password-common");

    let (status, body) = change(&app, &buyer, "a lantern by the river at dusk").await;
    assert_eq!(status, 200, "{body}");
}

#[tokio::test]
async fn a_reset_refuses_a_common_password_and_the_link_stays_usable() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let (status, body) = app
        .call(
            &new_client(),
            "auth/request-reset",
            &[("email", &cast.supplier.email)],
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let mails = app.wait_for_mails(1).await;
    let token = link_token(&mails[0].body_text, "/reset-password/");
    let reset = async |new: &str| {
        app.call(
            &new_client(),
            "auth/reset",
            &[("token", token.as_str()), ("new_password", new)],
        )
        .await
    };
    let (status, body) = reset(COMMON).await;
    refused_with(status, &body, Locale::En, "password-common");
    // factory@supplier-a.test
    let (status, body) = reset("the factory floor at night").await;
    refused_with(status, &body, Locale::En, "password-personal");
    let (status, body) = reset("kilns cooling slowly by the sea").await;
    assert_eq!(status, 200, "{body}");
    app.client_for(&cast.supplier.email, "kilns cooling slowly by the sea")
        .await;
}

#[tokio::test]
async fn an_invitation_refuses_a_common_password_or_the_invitees_name() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let staff = app.client_for(&cast.staff.email, PASSWORD).await;
    let (status, body) = app
        .call(
            &staff,
            "admin/invite",
            &[
                ("company_id", &cast.customer_a.to_string()),
                ("email", "marta.kowalski@customer-a.test"),
                ("display_name", "Marta Kowalski"),
                ("role", "customer"),
            ],
        )
        .await;
    assert_eq!(status, 200, "{body}");
    // The invitation, and the notice to customer A's people.
    let mails = app.wait_for_mails(2).await;
    let invitation = mails
        .iter()
        .find(|m| m.kind == "invitation")
        .expect("the invitation");
    let token = link_token(&invitation.body_text, "/invitation/");
    let invitee = new_client();
    let accept = async |name: &str, new: &str| {
        app.call(
            &invitee,
            "auth/accept-invitation",
            &[
                ("token", token.as_str()),
                ("display_name", name),
                ("new_password", new),
            ],
        )
        .await
    };
    let (status, body) = accept("Marta Kowalski", COMMON).await;
    refused_with(status, &body, Locale::En, "password-common");
    let (status, body) = accept("Marta Kowalski", "kowalski family business").await;
    refused_with(status, &body, Locale::En, "password-personal");
    // The name the invitee chooses counts as well as the one they were
    // invited with.
    let (status, body) = accept("Magda", "magda buys the glazes").await;
    refused_with(status, &body, Locale::En, "password-personal");
    let (status, body) = accept("Marta Kowalski", "bamboo lantern river 42").await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body, "/customer");
}
