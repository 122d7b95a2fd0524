//! The house's people changes that `--outside` sends beside a row's reads:
//! invitations and deactivations, and two-factor sign-in set up.

use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::time::Duration;

use reqwest::header::CONTENT_TYPE;

use super::PASSWORD;
use super::outside::{answered, cookies_set, keep_alive};
use super::writers::{Writes, json_of, paced};

/// How often the people row invites someone or deactivates them: each
/// invitation mails the invitee, a dozen in the row's seconds.
pub(super) const PEOPLE_EVERY: Duration = Duration::from_millis(500);

/// The house's administrator inviting a new buyer to `company` and then
/// deactivating them, one write every `PEOPLE_EVERY` in turn, until
/// `stop`. Each run's invitees have addresses of their own, so a book
/// measured again still takes them. `accepted` counts the invitations and
/// deactivations the portal accepted.
pub(super) async fn keep_inviting(
    admin: String,
    base: String,
    company: i32,
    stop: Arc<AtomicBool>,
) -> Writes {
    let admin = keep_alive(&admin);
    let run = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis());
    paced(PEOPLE_EVERY, stop, |n| {
        let (admin, base) = (admin.clone(), base.clone());
        // The n-th write and the one after it are about the same person.
        let email = format!("guest-{run}-{}@invited.bench", (n - 1) / 2);
        async move {
            if n % 2 == 1 {
                let invite = admin.post(format!("{base}/api/admin/invite")).form(&[
                    ("company_id", company.to_string()),
                    ("email", email),
                    ("display_name", "Invited Buyer".into()),
                    ("role", "customer".into()),
                ]);
                return answered(invite).await;
            }
            let Some(id) = person_id(&admin, &base, &email).await else {
                return false;
            };
            let deactivate = admin
                .post(format!("{base}/api/admin/deactivate"))
                .form(&[("user_id", id.to_string())]);
            answered(deactivate).await
        }
    })
    .await
}

/// The id of the person with `email`, as the administrator's people page
/// reads it.
async fn person_id(admin: &reqwest::Client, base: &str, email: &str) -> Option<i64> {
    let body = json_of(
        admin
            .post(format!("{base}/api/admin/people"))
            .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(""),
    )
    .await?;
    body["companies"]
        .as_array()?
        .iter()
        .flat_map(|company| company["people"].as_array().into_iter().flatten())
        .find(|person| person["email"] == email)
        .and_then(|person| person["id"].as_i64())
}

/// How often the two-factor row takes its next step.
pub(super) const ENROL_EVERY: Duration = Duration::from_millis(250);

/// Where the two-factor row stands with its current person.
#[derive(Debug, Clone)]
enum Enrolling {
    SignIn,
    Start { cookie: String },
    Confirm { cookie: String, secret: String },
}

/// House people, one after another, each signing in on a fresh browser,
/// starting two-factor sign-in and confirming it with the code an app
/// shows, one step every `ENROL_EVERY`, until `stop` or until `people` run
/// out. A refused step goes on with the next person. `accepted` counts the
/// steps the portal accepted.
pub(super) async fn keep_enrolling(
    base: String,
    people: Vec<String>,
    stop: Arc<AtomicBool>,
) -> Writes {
    let at = Arc::new(tokio::sync::Mutex::new((0usize, Enrolling::SignIn)));
    paced(ENROL_EVERY, stop, |_| {
        let (base, people, at) = (base.clone(), people.clone(), at.clone());
        async move {
            let mut at = at.lock().await;
            let (person, step) = &mut *at;
            let Some(email) = people.get(*person) else {
                return false;
            };
            let next = enrol_step(&base, email, step.clone()).await;
            let ok = next.is_some();
            *step = next.unwrap_or(Enrolling::SignIn);
            if matches!(step, Enrolling::SignIn) {
                *person += 1;
            }
            ok
        }
    })
    .await
}

/// Takes the two-factor row's step `at` for the person `email`; the step
/// after it when the portal accepted this one.
async fn enrol_step(base: &str, email: &str, at: Enrolling) -> Option<Enrolling> {
    match at {
        Enrolling::SignIn => {
            let response = keep_alive("")
                .post(format!("{base}/api/auth/login"))
                .form(&[("email", email), ("password", PASSWORD)])
                .send()
                .await
                .ok()?;
            let cookie = cookies_set(&response);
            (response.status().is_success() && !cookie.is_empty())
                .then_some(Enrolling::Start { cookie })
        }
        Enrolling::Start { cookie } => {
            let setup = json_of(
                keep_alive(&cookie)
                    .post(format!("{base}/api/two-factor/start"))
                    .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
                    .body(""),
            )
            .await?;
            let secret = setup["secret"].as_str()?.to_string();
            Some(Enrolling::Confirm { cookie, secret })
        }
        Enrolling::Confirm { cookie, secret } => {
            let code = integration_tests::two_factor::code_at(&secret, chrono::Utc::now());
            let confirm = keep_alive(&cookie)
                .post(format!("{base}/api/two-factor/confirm"))
                .form(&[("code", code)]);
            answered(confirm).await.then_some(Enrolling::SignIn)
        }
    }
}
