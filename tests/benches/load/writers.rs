//! The writes `--outside` sends beside a row's reads, each at its own pace
//! on connections of its own: progress reports, sign-ins, QC photos,
//! quotation saves, messages, everyday choices and the house's settings.
//! The steps from inquiry to contract are in `contracts.rs`, invitations
//! and two-factor set-ups in `people.rs`.

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
pub(super) async fn paced<F, Fut>(every: Duration, stop: Arc<AtomicBool>, mut write: F) -> Writes
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
pub(super) fn inquiry(
    buyer: &reqwest::Client,
    base: &str,
    description: &str,
) -> reqwest::RequestBuilder {
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
                .form(&draft_fields(
                    chrono::Utc::now().date_naive(),
                    quotation,
                    &version.to_string(),
                    &costed,
                ));
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

/// Sends a request and reads its answer as JSON, whatever its status.
pub(super) async fn json_of(request: reqwest::RequestBuilder) -> Option<serde_json::Value> {
    request.send().await.ok()?.json().await.ok()
}

/// The quotation as the house's quotation page reads it.
pub(super) async fn read_quotation(
    house: &reqwest::Client,
    base: &str,
    quotation: i32,
) -> Option<serde_json::Value> {
    json_of(
        house
            .post(format!("{base}/api/quotations/get"))
            .form(&[("id", quotation.to_string())]),
    )
    .await
}

/// The quotation's current version, as the house's quotation page reads it.
pub(super) async fn quotation_version(
    sales: &reqwest::Client,
    base: &str,
    quotation: i32,
) -> Option<i64> {
    read_quotation(sales, base, quotation).await?["version"].as_i64()
}

/// The line's current version, as the factory's line page reads it.
async fn line_version(factory: &reqwest::Client, base: &str, line: i32) -> Option<i64> {
    let body = json_of(
        factory
            .post(format!("{base}/api/progress/line"))
            .form(&[("id", line.to_string())]),
    )
    .await?;
    body["line"]["version"].as_i64()
}
