//! The writes `--outside` sends beside a row's reads, each at its own pace
//! on connections of its own: progress reports, sign-ins, QC photos,
//! quotation saves, messages, everyday choices and the house's settings.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use reqwest::header::{CONTENT_TYPE, LOCATION, ORIGIN};
use tokio::time::Instant;

use super::PASSWORD;
use super::outside::{answered, cookies_set, keep_alive};

/// The writes sent beside a row's reads (progress reports, sign-ins,
/// uploads).
pub(super) struct Writes {
    /// The writes sent: progress reports answered at all (accepted or
    /// refused), sign-in pairs, uploads and quotation saves sent.
    answered: usize,
    /// Of those, the ones it accepted.
    accepted: usize,
    per_second: f64,
}

impl Writes {
    /// How many were sent (`sent` names them), at what rate, and how many
    /// the portal accepted (`accepted` says how): "49 saves sent, 4/s; 49
    /// accepted".
    pub(super) fn counted(&self, sent: &str, accepted: &str) -> String {
        format!(
            "{} {sent}, {:.0}/s; {} {accepted}",
            self.answered, self.per_second, self.accepted
        )
    }

    /// `answered` and `accepted` of the writes sent since `started`.
    fn since(started: Instant, answered: usize, accepted: usize) -> Writes {
        Writes {
            answered,
            accepted,
            per_second: answered as f64 / started.elapsed().as_secs_f64().max(1e-9),
        }
    }
}

/// Progress reports from the factory, one after another on one connection
/// of their own, until `stop`. Each is a real change: it names the line's
/// current version and a larger quantity done, so the portal accepts it and
/// writes; after a refusal the line's version is read again.
pub(super) async fn keep_reporting(
    cookie: String,
    base: String,
    lines: Vec<i32>,
    stop: Arc<AtomicBool>,
) -> Writes {
    let factory = keep_alive(&cookie);
    let started = Instant::now();
    let (mut answered, mut accepted) = (0usize, 0usize);
    let mut versions: std::collections::HashMap<i32, i64> = std::collections::HashMap::new();
    let mut n = 0usize;
    // A refused report is sent again once at the version read back (the
    // line may have been reported on by an earlier run over the same book).
    let mut again = false;
    while !lines.is_empty() && !stop.load(Ordering::Relaxed) {
        let line = lines[n % lines.len()];
        let version = *versions.entry(line).or_insert(1);
        let done = (10 + version * 3).min(990);
        let sent = factory
            .post(format!("{base}/api/progress/post"))
            .form(&[
                ("id", line.to_string()),
                ("version", version.to_string()),
                ("milestone", "qc_passed".into()),
                ("quantity_done", done.to_string()),
            ])
            .send()
            .await;
        let Ok(response) = sent else {
            n += 1;
            continue;
        };
        answered += 1;
        let ok = response.status().is_success();
        let _ = response.bytes().await;
        if ok {
            accepted += 1;
            versions.insert(line, version + 1);
        } else if let Some(now) = line_version(&factory, &base, line).await {
            versions.insert(line, now);
            if !again && now != version {
                again = true;
                continue;
            }
        }
        again = false;
        n += 1;
    }
    Writes::since(started, answered, accepted)
}

/// One write every `every` until `stop`: `write(n)` sends the n-th, the
/// first being 1, and answers whether the portal accepted it. A write
/// counts as sent when its turn comes, whether or not it could be sent.
async fn paced<F, Fut>(every: Duration, stop: Arc<AtomicBool>, mut write: F) -> Writes
where
    F: FnMut(usize) -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let started = Instant::now();
    let (mut sent, mut accepted) = (0usize, 0usize);
    let mut next = Instant::now();
    while !stop.load(Ordering::Relaxed) {
        tokio::time::sleep_until(next).await;
        next += every;
        sent += 1;
        accepted += usize::from(write(sent).await);
    }
    Writes::since(started, sent, accepted)
}

/// `paced` writes of `kinds` kinds taken in turn: `request(kind, round)`
/// builds the write of that kind for its `round` (the kind's n-th, from
/// 0); a write counts as accepted when the portal answered it with success.
async fn in_turn<F>(every: Duration, stop: Arc<AtomicBool>, kinds: usize, mut request: F) -> Writes
where
    F: FnMut(usize, usize) -> reqwest::RequestBuilder,
{
    paced(every, stop, |n| answered(request(n % kinds, n / kinds))).await
}

/// How often the house person of the sign-in row signs in and out again.
pub(super) const SIGN_IN_EVERY: Duration = Duration::from_millis(250);

/// The house's sales person signing in on a fresh browser and out again,
/// one pair every `SIGN_IN_EVERY`, until `stop`: `answered` counts the
/// pairs sent, `accepted` those whose sign-in and sign-out both succeeded.
pub(super) async fn keep_signing_in(base: String, email: String, stop: Arc<AtomicBool>) -> Writes {
    paced(SIGN_IN_EVERY, stop, |_| {
        let (base, email) = (base.clone(), email.clone());
        async move {
            let signed_in = keep_alive("")
                .post(format!("{base}/api/auth/login"))
                .form(&[("email", email.as_str()), ("password", PASSWORD)])
                .send()
                .await;
            let Ok(response) = signed_in else {
                return false;
            };
            let cookie = cookies_set(&response);
            if !response.status().is_success() || cookie.is_empty() {
                return false;
            }
            let signed_out = keep_alive(&cookie)
                .post(format!("{base}/api/auth/logout"))
                .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
                .body("");
            answered(signed_out).await
        }
    })
    .await
}

/// How often the factory of the upload row puts a photo on one of its lines.
pub(super) const UPLOAD_EVERY: Duration = Duration::from_millis(250);

/// The factory putting a QC photo on its lines, each in turn, one every
/// `UPLOAD_EVERY`, until `stop`, through the upload form a phone posts:
/// `accepted` counts the uploads the portal stored (it sends the browser
/// back without a `file_error`).
pub(super) async fn keep_uploading(
    cookie: String,
    base: String,
    lines: Vec<i32>,
    stop: Arc<AtomicBool>,
) -> Writes {
    if lines.is_empty() {
        return Writes::since(Instant::now(), 0, 0);
    }
    let factory = keep_alive(&cookie);
    paced(UPLOAD_EVERY, stop, |n| {
        let line = lines[(n - 1) % lines.len()];
        let form = reqwest::multipart::Form::new()
            .text("owner_kind", "po_line")
            .text("owner_id", line.to_string())
            .text("return_to", "/supplier")
            .part(
                "file",
                reqwest::multipart::Part::bytes(integration_tests::PNG).file_name("QC carton.png"),
            );
        let upload = factory
            .post(format!("{base}/files"))
            .header(ORIGIN, &base)
            .multipart(form);
        async move {
            let Ok(response) = upload.send().await else {
                return false;
            };
            let stored = response.status() == reqwest::StatusCode::SEE_OTHER
                && response
                    .headers()
                    .get(LOCATION)
                    .and_then(|l| l.to_str().ok())
                    .is_some_and(|l| !l.contains("file_error"));
            let _ = response.bytes().await;
            stored
        }
    })
    .await
}

/// How often the house saves the other customer's quotation draft.
pub(super) const SAVE_EVERY: Duration = Duration::from_millis(250);

/// A customer's buyer asking for a quotation of one product (an inquiry,
/// which mails the house).
fn inquiry(buyer: &reqwest::Client, base: &str, description: &str) -> reqwest::RequestBuilder {
    buyer.post(format!("{base}/api/inquiries/create")).form(&[
        ("destination", "Hamburg"),
        ("incoterm", "FOB"),
        ("currency", "EUR"),
        ("lines[0][product_code]", "MUG-1"),
        ("lines[0][description]", description),
        ("lines[0][quantity]", "1000"),
        ("lines[0][unit]", "pcs"),
    ])
}

/// A quotation draft for another customer than the measured one: its buyer
/// (signed in as `buyer`) asks for one product, and the house's sales
/// person (`sales`) opens a draft for the inquiry. Answers the draft's id.
pub(super) async fn draft_for_another_customer(base: &str, buyer: &str, sales: &str) -> i32 {
    let asked = inquiry(&keep_alive(buyer), base, "Stoneware mug, blue")
        .send()
        .await
        .unwrap();
    assert!(asked.status().is_success(), "inquiry: {}", asked.status());
    let inquiry: i64 = asked.json().await.unwrap();
    let started = keep_alive(sales)
        .post(format!("{base}/api/quotations/start"))
        .form(&[("inquiry_id", inquiry.to_string())])
        .send()
        .await
        .unwrap();
    assert!(
        started.status().is_success(),
        "quotation: {}",
        started.status()
    );
    started.json::<i64>().await.unwrap() as i32
}

/// The house's sales person costing another customer's quotation: the
/// draft `quotation` saved with a new selling price every `SAVE_EVERY`,
/// against the version read just before, until `stop`; `accepted` counts
/// the saves the portal wrote.
pub(super) async fn keep_costing(
    cookie: String,
    base: String,
    quotation: i32,
    stop: Arc<AtomicBool>,
) -> Writes {
    use integration_tests::quotes::{Costed, draft_fields};
    let sales = keep_alive(&cookie);
    paced(SAVE_EVERY, stop, |n| {
        let (sales, base) = (sales.clone(), base.clone());
        async move {
            let Some(version) = quotation_version(&sales, &base, quotation).await else {
                return false;
            };
            let selling = format!("{}.{:02}", 12 + n % 5, n % 100);
            let costed = Costed {
                supplier: None,
                purchase: "8.10",
                selling: &selling,
                deposit: "30",
            };
            let save = sales
                .post(format!("{base}/api/quotations/save"))
                .form(&draft_fields(quotation, &version.to_string(), &costed));
            answered(save).await
        }
    })
    .await
}

/// How often the house writes in the other customer's order conversation:
/// each message mails the other side, and the portal lets one person send
/// 20 such writes at once, then one a minute (`WriteRates::MAIL`), so 20
/// messages span the row's warm-up and counted seconds.
pub(super) const MESSAGE_EVERY: Duration = Duration::from_millis(600);

/// The house's sales person writing in the conversation of another
/// customer's order, one message every `MESSAGE_EVERY`, until `stop`;
/// `accepted` counts the messages the portal wrote (each also mails the
/// other customer's buyer and puts it on their list).
pub(super) async fn keep_messaging(
    cookie: String,
    base: String,
    order: i32,
    stop: Arc<AtomicBool>,
) -> Writes {
    let sales = keep_alive(&cookie);
    paced(MESSAGE_EVERY, stop, |n| {
        answered(sales.post(format!("{base}/api/messages/post")).form(&[
            ("kind", "order".to_string()),
            ("id", order.to_string()),
            ("body", format!("Carton marks, revision {n}.")),
        ]))
    })
    .await
}

/// How often one of the writes of the everyday-writes row is sent; every
/// fourth is an inquiry, which mails the house, so the row's 12 seconds
/// stay within the 20 mail-sending writes a person may send at once.
pub(super) const EVERYDAY_EVERY: Duration = Duration::from_millis(250);

/// Another customer's buyer and the house's sales person going about their
/// own business, one write every `EVERYDAY_EVERY` in turn, until `stop`:
/// the buyer asks for a quotation (an inquiry) and changes their alert
/// choices, the sales person chooses a language and a time zone.
/// `accepted` counts the writes the portal accepted.
pub(super) async fn keep_going_about(
    buyer: String,
    sales: String,
    base: String,
    stop: Arc<AtomicBool>,
) -> Writes {
    let (buyer, sales) = (keep_alive(&buyer), keep_alive(&sales));
    in_turn(EVERYDAY_EVERY, stop, 4, |kind, round| match kind {
        0 => inquiry(&buyer, &base, &format!("Stoneware mug, batch {round}")),
        1 => {
            let kind = ["back_on_track", "order_arrived"][round % 2];
            buyer
                .post(format!("{base}/api/alerts/choose"))
                .form(&[("kinds[0]", kind)])
        }
        2 => {
            let locale = ["de", "en"][round % 2];
            sales
                .post(format!("{base}/api/auth/locale"))
                .form(&[("locale", locale)])
        }
        _ => {
            let zone = ["Europe/Berlin", "Asia/Shanghai"][round % 2];
            sales
                .post(format!("{base}/api/auth/time-zone"))
                .form(&[("time_zone", zone)])
        }
    })
    .await
}

/// How often the administrator of the house-settings row changes one of
/// the house's settings.
pub(super) const SETTINGS_EVERY: Duration = Duration::from_millis(250);

/// The house's administrator changing the house's settings, one every
/// `SETTINGS_EVERY` in turn, until `stop`: the quotation rules, another
/// customer's credit score, the sales person's staff level and the
/// complaint clocks, each back and forth between two values. `accepted`
/// counts the changes the portal accepted.
pub(super) async fn keep_setting(
    admin: String,
    base: String,
    staff: i32,
    other_customer: i32,
    stop: Arc<AtomicBool>,
) -> Writes {
    let admin = keep_alive(&admin);
    in_turn(SETTINGS_EVERY, stop, 4, |kind, round| match kind {
        0 => admin.post(format!("{base}/api/rules/set")).form(&[
            ("form[manager_always]", "on"),
            ("form[step_target_hours]", ["4", "6"][round % 2]),
            ("form[credit_threshold]", "60"),
            ("form[normal_deposit]", "30"),
            ("form[low_credit_deposit]", "50"),
        ]),
        1 => admin.post(format!("{base}/api/credit/set")).form(&[
            ("customer_id", other_customer.to_string()),
            ("score", ["40", "80"][round % 2].to_string()),
        ]),
        2 => admin.post(format!("{base}/api/admin/staff-level")).form(&[
            ("user_id", staff.to_string()),
            ("level", ["sales_manager", "sales"][round % 2].to_string()),
        ]),
        _ => admin
            .post(format!("{base}/api/complaints/save-settings"))
            .form(&[
                ("first_answer", ["1", "2"][round % 2]),
                ("remedy", "24"),
                ("zone_offset", "+08:00"),
                ("start", "09:00"),
                ("end", "18:00"),
                ("days[0]", "mon"),
                ("days[1]", "fri"),
            ]),
    })
    .await
}

/// How often the quotation row takes its next step; each inquiry, sending
/// and acceptance mails the other side, a few times in the row's seconds.
pub(super) const QUOTE_EVERY: Duration = Duration::from_millis(250);

/// Where the quotation row stands with its current quotation.
#[derive(Debug, Clone, Copy)]
enum Quoting {
    Inquire,
    Start {
        inquiry: i32,
    },
    Save(i32),
    Submit(i32),
    /// Approving each step it needs, then sending it.
    Approve(i32),
    Accept(i32),
}

/// People of the quotation row, each on a connection of their own.
struct QuotingPeople {
    buyer: reqwest::Client,
    sales: reqwest::Client,
    approver: reqwest::Client,
    base: String,
    /// The factory each quotation's line is costed with.
    factory: i32,
}

/// A third customer's inquiry taken to a contract, one step every
/// `QUOTE_EVERY`, until `stop`: its buyer asks, the house's sales person
/// opens, costs (with `factory`), submits and sends the quotation, an administrator
/// approves each step it needs, and the buyer accepts it (the portal makes
/// the contract), then asks again. A refused step starts over with a new
/// inquiry. `accepted` counts the steps the portal accepted.
pub(super) async fn keep_quoting(
    buyer: String,
    sales: String,
    approver: String,
    base: String,
    factory: i32,
    stop: Arc<AtomicBool>,
) -> Writes {
    let people = Arc::new(QuotingPeople {
        buyer: keep_alive(&buyer),
        sales: keep_alive(&sales),
        approver: keep_alive(&approver),
        base,
        factory,
    });
    let at = Arc::new(tokio::sync::Mutex::new(Quoting::Inquire));
    paced(QUOTE_EVERY, stop, |n| {
        let (people, at) = (people.clone(), at.clone());
        async move {
            let mut at = at.lock().await;
            let (next, ok) = people.step(*at, n).await;
            *at = if ok { next } else { Quoting::Inquire };
            ok
        }
    })
    .await
}

impl QuotingPeople {
    /// Takes the step `at` (the row's n-th write); answers the step after it
    /// and whether the portal accepted this one.
    async fn step(&self, at: Quoting, n: usize) -> (Quoting, bool) {
        let base = &self.base;
        match at {
            Quoting::Inquire => {
                let asked = inquiry(&self.buyer, base, &format!("Stoneware mug, contract {n}"));
                match id_of(asked).await {
                    Some(inquiry) => (Quoting::Start { inquiry }, true),
                    None => (at, false),
                }
            }
            Quoting::Start { inquiry } => {
                let start = self
                    .sales
                    .post(format!("{base}/api/quotations/start"))
                    .form(&[("inquiry_id", inquiry.to_string())]);
                match id_of(start).await {
                    Some(quotation) => (Quoting::Save(quotation), true),
                    None => (at, false),
                }
            }
            Quoting::Save(id) => {
                use integration_tests::quotes::{Costed, draft_fields};
                let Some(version) = quotation_version(&self.sales, base, id).await else {
                    return (at, false);
                };
                let costed = Costed {
                    supplier: Some(self.factory),
                    purchase: "8.10",
                    selling: "12.40",
                    deposit: "30",
                };
                let save = self
                    .sales
                    .post(format!("{base}/api/quotations/save"))
                    .form(&draft_fields(id, &version.to_string(), &costed));
                (Quoting::Submit(id), answered(save).await)
            }
            Quoting::Submit(id) => (Quoting::Approve(id), self.house_step(id, "submit").await),
            Quoting::Approve(id) => match self.step_to_decide(id).await {
                Some(position) => {
                    let decide = self
                        .approver
                        .post(format!("{base}/api/quotations/decide"))
                        .form(&[
                            ("id", id.to_string()),
                            ("position", position.to_string()),
                            ("approve", "true".into()),
                        ]);
                    (at, answered(decide).await)
                }
                // Every step approved: this turn sends it.
                None => (Quoting::Accept(id), self.house_step(id, "send").await),
            },
            Quoting::Accept(id) => {
                let accept = self
                    .buyer
                    .post(format!("{base}/api/quotations/respond"))
                    .form(&[
                        ("id", id.to_string()),
                        ("revision", "1".into()),
                        ("accept", "true".into()),
                    ]);
                (Quoting::Inquire, id_of(accept).await.is_some())
            }
        }
    }

    /// The sales person's step `what` (`submit`, `send`) at the quotation's
    /// current version; whether the portal took it.
    async fn house_step(&self, id: i32, what: &str) -> bool {
        let Some(version) = quotation_version(&self.sales, &self.base, id).await else {
            return false;
        };
        let step = self
            .sales
            .post(format!("{}/api/quotations/{what}", self.base))
            .form(&[("id", id.to_string()), ("version", version.to_string())]);
        answered(step).await
    }

    /// The approval step the approver may decide now, if any.
    async fn step_to_decide(&self, id: i32) -> Option<i64> {
        let response = self
            .approver
            .post(format!("{}/api/quotations/get", self.base))
            .form(&[("id", id.to_string())])
            .send()
            .await
            .ok()?;
        let body: serde_json::Value = response.json().await.ok()?;
        body["approvals"]
            .as_array()?
            .iter()
            .find(|step| step["can_decide"] == true)
            .and_then(|step| step["position"].as_i64())
    }
}

/// Sends a request that answers an id (or an optional one), reading the
/// whole answer; the id when the portal accepted it.
async fn id_of(request: reqwest::RequestBuilder) -> Option<i32> {
    let response = request.send().await.ok()?;
    if !response.status().is_success() {
        let _ = response.bytes().await;
        return None;
    }
    let id: Option<i64> = response.json().await.ok()?;
    id.map(|id| id as i32)
}

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
    let response = admin
        .post(format!("{base}/api/admin/people"))
        .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body("")
        .send()
        .await
        .ok()?;
    let body: serde_json::Value = response.json().await.ok()?;
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
            let response = keep_alive(&cookie)
                .post(format!("{base}/api/two-factor/start"))
                .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
                .body("")
                .send()
                .await
                .ok()?;
            let setup: serde_json::Value = response.json().await.ok()?;
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

/// The quotation's current version, as the house's quotation page reads it.
async fn quotation_version(sales: &reqwest::Client, base: &str, quotation: i32) -> Option<i64> {
    let response = sales
        .post(format!("{base}/api/quotations/get"))
        .form(&[("id", quotation.to_string())])
        .send()
        .await
        .ok()?;
    let body: serde_json::Value = response.json().await.ok()?;
    body["version"].as_i64()
}

/// The line's current version, as the factory's line page reads it.
async fn line_version(factory: &reqwest::Client, base: &str, line: i32) -> Option<i64> {
    let response = factory
        .post(format!("{base}/api/progress/line"))
        .form(&[("id", line.to_string())])
        .send()
        .await
        .ok()?;
    let body: serde_json::Value = response.json().await.ok()?;
    body["line"]["version"].as_i64()
}
