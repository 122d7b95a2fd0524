//! `--outside N`: pages measured the way browsers meet them. The portal runs
//! as its own process (this benchmark with `--serve`) over a book of N order
//! lines, so the client never shares its process or runtime; the client
//! keeps `CONCURRENCY` HTTP/1.1 connections open, each asking for one page
//! after another and reading every answer to its last byte. Besides the
//! rates and times, the server's and the client's own CPU time per page
//! (from `/proc`) tell whether the server or the client was the limit.

use std::io::BufRead;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;

use reqwest::header::{
    ACCEPT, ACCEPT_ENCODING, CONTENT_TYPE, COOKIE, HeaderMap, HeaderValue, LOCATION, ORIGIN,
    SET_COOKIE,
};
use tokio::time::Instant;

use super::measure::gathered;
use super::{CONCURRENCY, Lcg, PASSWORD, Store, generate_into};

/// Asked for but not counted: connections opened, caches and pools filled.
const WARM_UP: Duration = Duration::from_secs(2);
/// How long each row is counted, after the warm-up.
pub(super) const OUTSIDE_RUN_FOR: Duration = Duration::from_secs(10);

/// What one row measured over `OUTSIDE_RUN_FOR`.
#[derive(Debug, Clone, Copy)]
struct Load {
    per_second: f64,
    p50_ms: f64,
    p99_ms: f64,
    errors: usize,
    /// The server process's user + system time per answered request.
    server_cpu_ms: f64,
    /// This process's (the client's) user + system time per request.
    client_cpu_ms: f64,
}

/// One page's row of the table.
struct Measured {
    page: String,
    load: Load,
    /// The same page's p99 with nothing else going on, for a row measured
    /// while something else was.
    quiet_p99_ms: Option<f64>,
}

/// The rows of one book size.
pub(super) struct OutsideRow {
    lines: usize,
    pages: Vec<Measured>,
}

/// The portal in its own process; killed when dropped, so every size ends
/// with its server gone even when a row panics.
pub(super) struct Server {
    child: std::process::Child,
    pub(super) base: String,
    /// The server's `/proc/<pid>/stat`.
    stat: String,
    /// Clock ticks per second, the unit of the CPU times in `stat`.
    tick: f64,
    /// What the server prints after its address (the scan's passes).
    stdout: std::io::BufReader<std::process::ChildStdout>,
    /// Where the benchmark tells the server to start and stop scanning.
    stdin: std::process::ChildStdin,
}

impl Server {
    /// Starts this binary with `--serve url` (and `--no-kept-reads` unless
    /// `keep_reads`) and waits for the address it prints.
    pub(super) fn start(url: &str, keep_reads: bool) -> Server {
        let mut args = vec!["--serve", url];
        if !keep_reads {
            args.push("--no-kept-reads");
        }
        let mut child = std::process::Command::new(std::env::current_exe().unwrap())
            .args(args)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let stdin = child.stdin.take().unwrap();
        let mut stdout = std::io::BufReader::new(child.stdout.take().unwrap());
        let mut addr = String::new();
        let read = stdout.read_line(&mut addr);
        if read.is_err() || addr.trim().is_empty() {
            let _ = child.kill();
            let _ = child.wait();
            panic!("the server printed no address ({read:?})");
        }
        let stat = format!("/proc/{}/stat", child.id());
        let base = format!("http://{}", addr.trim());
        Server {
            child,
            base,
            stat,
            tick: ticks_per_second(),
            stdout,
            stdin,
        }
    }

    /// Starts the slippage scan in the server, pass after pass.
    fn start_scanning(&mut self) {
        use std::io::Write;
        writeln!(self.stdin, "scan").unwrap();
    }

    /// Stops the scan; answers how many passes ran, their mean time and how
    /// many alerts they queued.
    fn stop_scanning(&mut self) -> (usize, u64, u64) {
        use std::io::Write;
        writeln!(self.stdin, "stop").unwrap();
        let mut line = String::new();
        self.stdout.read_line(&mut line).unwrap();
        let mut words = line
            .split_whitespace()
            .map(|w| w.parse::<u64>().unwrap_or(0));
        (
            words.next().unwrap_or(0) as usize,
            words.next().unwrap_or(0),
            words.next().unwrap_or(0),
        )
    }

    /// Waits until the server's start-up work (its first slippage scan,
    /// which alerts the whole book) is done: half a second in which it used
    /// at most two clock ticks.
    pub(super) async fn settle(&self) {
        let give_up = Instant::now() + Duration::from_secs(300);
        let mut last = cpu_ticks(&self.stat);
        while Instant::now() < give_up {
            tokio::time::sleep(Duration::from_millis(500)).await;
            let now = cpu_ticks(&self.stat);
            if now.saturating_sub(last) <= 2 {
                return;
            }
            last = now;
        }
        eprintln!("the server was still busy after five minutes; measuring anyway");
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Clock ticks per second (`getconf CLK_TCK`, nearly always 100).
fn ticks_per_second() -> f64 {
    std::process::Command::new("getconf")
        .arg("CLK_TCK")
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .and_then(|s| s.trim().parse::<f64>().ok())
        .filter(|t| *t > 0.0)
        .unwrap_or(100.0)
}

/// A process's user + system time so far, in clock ticks: fields 14 and 15
/// of its `/proc/<pid>/stat`. The name (field 2) is in parentheses and may
/// hold spaces, so fields are counted from its closing parenthesis, after
/// which field 3 comes first.
fn cpu_ticks(stat: &str) -> u64 {
    std::fs::read_to_string(stat)
        .ok()
        .and_then(|s| {
            let fields: Vec<&str> = s[s.rfind(')')? + 1..].split_whitespace().collect();
            let utime = fields.get(14 - 3)?.parse::<u64>().ok()?;
            let stime = fields.get(15 - 3)?.parse::<u64>().ok()?;
            Some(utime + stime)
        })
        .unwrap_or(0)
}

/// A client for the measured pages: as [`keep_alive`], and sending
/// `Accept-Encoding` as `BENCH_ACCEPT_ENCODING` says (none when unset:
/// answers come uncompressed; a browser sends `gzip, deflate, br, zstd`).
/// A compressed body is read whole, not unpacked.
fn reader(cookie: &str) -> reqwest::Client {
    let mut headers = HeaderMap::new();
    if let Ok(accepted) = std::env::var("BENCH_ACCEPT_ENCODING") {
        headers.insert(
            ACCEPT_ENCODING,
            HeaderValue::from_str(&accepted).expect("an Accept-Encoding header"),
        );
    }
    keep_alive_with(cookie, headers)
}

/// A client on one keep-alive HTTP/1.1 connection (at most one idle in its
/// pool; requests from one task go one after another), sending `cookie`
/// (none when empty) with every request.
fn keep_alive(cookie: &str) -> reqwest::Client {
    keep_alive_with(cookie, HeaderMap::new())
}

fn keep_alive_with(cookie: &str, mut headers: HeaderMap) -> reqwest::Client {
    if !cookie.is_empty() {
        headers.insert(
            COOKIE,
            HeaderValue::from_str(cookie).expect("a cookie header"),
        );
    }
    reqwest::Client::builder()
        .default_headers(headers)
        .pool_max_idle_per_host(1)
        .http1_only()
        .no_proxy()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

/// Signs in as `email` (as `sign_in` does) and returns the `Cookie` header
/// value the answer set, for clients that have no cookie store.
async fn session_cookie(base: &str, email: &str) -> String {
    let response = keep_alive("")
        .post(format!("{base}/api/auth/login"))
        .form(&[("email", email), ("password", PASSWORD)])
        .send()
        .await
        .unwrap();
    assert!(
        response.status().is_success(),
        "sign-in of {email}: {}",
        response.status()
    );
    let cookie = cookies_set(&response);
    assert!(!cookie.is_empty(), "the sign-in of {email} set no cookie");
    cookie
}

/// The `Cookie` header value for the cookies `response` set.
fn cookies_set(response: &reqwest::Response) -> String {
    response
        .headers()
        .get_all(SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .filter_map(|v| v.split(';').next())
        .map(str::trim)
        // A cookie being cleared has no value.
        .filter(|pair| !pair.is_empty() && !pair.ends_with('='))
        .collect::<Vec<_>>()
        .join("; ")
}

/// Sends a request and reads its whole body; whether it answered 2xx.
async fn answered(request: reqwest::RequestBuilder) -> bool {
    match request.send().await {
        Ok(response) => {
            let ok = response.status().is_success();
            response.bytes().await.is_ok() && ok
        }
        Err(_) => false,
    }
}

/// Asks `CONCURRENCY` keep-alive connections (each signed in with `cookie`)
/// for `ask(client, n)` one request after another: `WARM_UP` uncounted,
/// then `OUTSIDE_RUN_FOR` counted. A request counts when it was sent and
/// answered (body read) within the counted window; CPU times are read from
/// `/proc` as the window opens and closes.
async fn drive<F>(server: &Server, cookie: &str, ask: F) -> Load
where
    F: Fn(&reqwest::Client, usize) -> reqwest::RequestBuilder + Send + Sync + 'static,
{
    let ask = Arc::new(ask);
    let counter = Arc::new(AtomicUsize::new(0));
    let start = Instant::now() + WARM_UP;
    let end = start + OUTSIDE_RUN_FOR;
    let mut tasks = Vec::new();
    for _ in 0..CONCURRENCY {
        let (client, ask, counter) = (reader(cookie), ask.clone(), counter.clone());
        tasks.push(tokio::spawn(async move {
            let mut times = Vec::new();
            let mut errors = 0usize;
            loop {
                let n = counter.fetch_add(1, Ordering::Relaxed);
                let sent = Instant::now();
                let ok = answered(ask(&client, n)).await;
                let done = Instant::now();
                if done > end {
                    break;
                }
                if sent >= start {
                    times.push(done.duration_since(sent));
                    errors += usize::from(!ok);
                }
            }
            (times, errors)
        }));
    }
    tokio::time::sleep_until(start).await;
    let server_before = cpu_ticks(&server.stat);
    let client_before = cpu_ticks("/proc/self/stat");
    tokio::time::sleep_until(end).await;
    let server_after = cpu_ticks(&server.stat);
    let client_after = cpu_ticks("/proc/self/stat");
    let (all, errors) = gathered(tasks).await;
    let pick = |q: f64| {
        all.get(((all.len().max(1) - 1) as f64 * q) as usize)
            .map_or(f64::NAN, |d| d.as_secs_f64() * 1000.0)
    };
    let requests = all.len().max(1) as f64;
    let cpu_ms = |before: u64, after: u64| {
        after.saturating_sub(before) as f64 / server.tick * 1000.0 / requests
    };
    Load {
        per_second: all.len() as f64 / OUTSIDE_RUN_FOR.as_secs_f64(),
        p50_ms: pick(0.50),
        p99_ms: pick(0.99),
        errors,
        server_cpu_ms: cpu_ms(server_before, server_after),
        client_cpu_ms: cpu_ms(client_before, client_after),
    }
}

/// The name of a row of order pages read while `what` ran beside them,
/// with how many of its writes were sent and accepted.
fn beside(what: &str, writes: &Writes, sent: &str, accepted: &str) -> String {
    format!(
        "customer order page while {what} ({})",
        writes.counted(sent, accepted)
    )
}

/// The writes sent beside a row's reads (progress reports, sign-ins,
/// uploads).
struct Writes {
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
    fn counted(&self, sent: &str, accepted: &str) -> String {
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
async fn keep_reporting(
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
const SIGN_IN_EVERY: Duration = Duration::from_millis(250);

/// The house's sales person signing in on a fresh browser and out again,
/// one pair every `SIGN_IN_EVERY`, until `stop`: `answered` counts the
/// pairs sent, `accepted` those whose sign-in and sign-out both succeeded.
async fn keep_signing_in(base: String, email: String, stop: Arc<AtomicBool>) -> Writes {
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
const UPLOAD_EVERY: Duration = Duration::from_millis(250);

/// The factory putting a QC photo on its lines, each in turn, one every
/// `UPLOAD_EVERY`, until `stop`, through the upload form a phone posts:
/// `accepted` counts the uploads the portal stored (it sends the browser
/// back without a `file_error`).
async fn keep_uploading(
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
const SAVE_EVERY: Duration = Duration::from_millis(250);

/// A quotation draft for another customer than the measured one: its buyer
/// (signed in as `buyer`) asks for one product, and the house's sales
/// person (`sales`) opens a draft for the inquiry. Answers the draft's id.
async fn draft_for_another_customer(base: &str, buyer: &str, sales: &str) -> i32 {
    let asked = keep_alive(buyer)
        .post(format!("{base}/api/inquiries/create"))
        .form(&[
            ("destination", "Hamburg"),
            ("incoterm", "FOB"),
            ("currency", "EUR"),
            ("lines[0][product_code]", "MUG-1"),
            ("lines[0][description]", "Stoneware mug, blue"),
            ("lines[0][quantity]", "1000"),
            ("lines[0][unit]", "pcs"),
        ])
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
async fn keep_costing(
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
const MESSAGE_EVERY: Duration = Duration::from_millis(600);

/// The house's sales person writing in the conversation of another
/// customer's order, one message every `MESSAGE_EVERY`, until `stop`;
/// `accepted` counts the messages the portal wrote (each also mails the
/// other customer's buyer and puts it on their list).
async fn keep_messaging(cookie: String, base: String, order: i32, stop: Arc<AtomicBool>) -> Writes {
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
const EVERYDAY_EVERY: Duration = Duration::from_millis(250);

/// Another customer's buyer and the house's sales person going about their
/// own business, one write every `EVERYDAY_EVERY` in turn, until `stop`:
/// the buyer asks for a quotation (an inquiry) and changes their alert
/// choices, the sales person chooses a language and a time zone.
/// `accepted` counts the writes the portal accepted.
async fn keep_going_about(
    buyer: String,
    sales: String,
    base: String,
    stop: Arc<AtomicBool>,
) -> Writes {
    let (buyer, sales) = (keep_alive(&buyer), keep_alive(&sales));
    in_turn(EVERYDAY_EVERY, stop, 4, |kind, round| match kind {
        0 => buyer.post(format!("{base}/api/inquiries/create")).form(&[
            ("destination", "Hamburg".to_string()),
            ("incoterm", "FOB".into()),
            ("currency", "EUR".into()),
            ("lines[0][product_code]", "MUG-1".into()),
            (
                "lines[0][description]",
                format!("Stoneware mug, batch {round}"),
            ),
            ("lines[0][quantity]", "1000".into()),
            ("lines[0][unit]", "pcs".into()),
        ]),
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
const SETTINGS_EVERY: Duration = Duration::from_millis(250);

/// The house's administrator changing the house's settings, one every
/// `SETTINGS_EVERY` in turn, until `stop`: the quotation rules, another
/// customer's credit score, the sales person's staff level and the
/// complaint clocks, each back and forth between two values. `accepted`
/// counts the changes the portal accepted.
async fn keep_setting(
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

/// One book size: generated, served from its own process, measured page by
/// page, the server killed at the end.
pub(super) async fn run_outside(lines: usize, store: &Store) -> OutsideRow {
    let (url, _dir) = store.fresh(&format!("outside_{lines}")).await;
    let (db, book) = generate_into(&url, lines, 42).await;
    db.close().await.unwrap();
    let mut pages = Vec::new();
    // Every page as people meet it (reads kept between writes), then with
    // every read going to the database, as the first visit after a write.
    for keep_reads in [true, false] {
        measure_server(&url, lines, &book, keep_reads, &mut pages).await;
    }
    OutsideRow { lines, pages }
}

/// The rows of one server, started over the book at `url`.
async fn measure_server(
    url: &str,
    lines: usize,
    book: &super::Book,
    keep_reads: bool,
    pages: &mut Vec<Measured>,
) {
    let mut server = Server::start(url, keep_reads);
    server.settle().await;
    let customer = session_cookie(&server.base, &book.customer_email).await;
    let factory = session_cookie(&server.base, &book.supplier_email).await;
    assert!(
        !book.customer_orders.is_empty(),
        "a book of {lines} lines gives the customer no orders"
    );
    // Order pages in a fixed random order.
    let mut rng = Lcg(7);
    let picks: Arc<Vec<i32>> = Arc::new(
        (0..4096)
            .map(|_| book.customer_orders[rng.next(book.customer_orders.len() as u64) as usize])
            .collect(),
    );
    let kept = if keep_reads {
        "reads kept"
    } else {
        "every read from the database"
    };
    let mut note = |page: &str, load: Load, quiet_p99_ms: Option<f64>| {
        let page = format!("{page}; {kept}");
        eprintln!("{lines} lines, {page}: {load:?}");
        pages.push(Measured {
            page,
            load,
            quiet_p99_ms,
        });
    };

    let base = server.base.clone();
    let list = drive(&server, &customer, move |c, _| {
        c.get(format!("{base}/customer"))
            .header(ACCEPT, "text/html")
    })
    .await;
    note("customer order list `GET /customer` (HTML)", list, None);

    let (base, ids) = (server.base.clone(), picks.clone());
    let order = drive(&server, &customer, move |c, n| {
        c.get(format!("{base}/customer/orders/{}", ids[n % ids.len()]))
            .header(ACCEPT, "text/html")
    })
    .await;
    note(
        "customer order page `GET /customer/orders/{id}` (HTML)",
        order,
        None,
    );

    let base = server.base.clone();
    let supplier = drive(&server, &factory, move |c, _| {
        c.get(format!("{base}/supplier"))
            .header(ACCEPT, "text/html")
    })
    .await;
    note("factory's line list `GET /supplier` (HTML)", supplier, None);

    let base = server.base.clone();
    let me = drive(&server, &customer, move |c, _| {
        c.post(format!("{base}/api/auth/me"))
            .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body("")
    })
    .await;
    note(
        "ceiling: session check `POST /api/auth/me` (small JSON)",
        me,
        None,
    );

    let base = server.base.clone();
    let health = drive(&server, "", move |c, _| c.get(format!("{base}/healthz"))).await;
    note(
        "reference: `GET /healthz` (no session, one database ping)",
        health,
        None,
    );

    // Reads while the house's sales person signs in and out on fresh
    // browsers, a pair every `SIGN_IN_EVERY`.
    let (base, staff) = (server.base.clone(), book.staff_email.clone());
    let (signing, pairs) = order_pages_while(&server, &customer, &picks, |stop| {
        keep_signing_in(base, staff, stop)
    })
    .await;
    let page = beside(
        "a house person signs in and out",
        &pairs,
        "pairs sent",
        "both accepted",
    );
    note(page.as_str(), signing, Some(order.p99_ms));

    // Reads while the factory puts a QC photo on one of its lines every
    // `UPLOAD_EVERY`.
    let (base, lines) = (server.base.clone(), book.supplier_lines.clone());
    let photos = factory.clone();
    let (uploading, uploads) = order_pages_while(&server, &customer, &picks, |stop| {
        keep_uploading(photos, base, lines, stop)
    })
    .await;
    let page = beside("the factory uploads QC photos", &uploads, "sent", "stored");
    note(page.as_str(), uploading, Some(order.p99_ms));

    // Reads while the house costs another customer's quotation, a save
    // every `SAVE_EVERY`.
    let other = session_cookie(&server.base, &book.other_customer_email).await;
    let sales = session_cookie(&server.base, &book.staff_email).await;
    let quotation = draft_for_another_customer(&server.base, &other, &sales).await;
    let base = server.base.clone();
    let (costing, saves) = order_pages_while(&server, &customer, &picks, |stop| {
        keep_costing(sales.clone(), base, quotation, stop)
    })
    .await;
    let what = "the house costs another customer's quotation";
    let page = beside(what, &saves, "saves sent", "accepted");
    note(page.as_str(), costing, Some(order.p99_ms));

    // Reads while the house writes in another customer's order
    // conversation, a message every `MESSAGE_EVERY`.
    let (base, other_order) = (server.base.clone(), book.other_customer_order);
    let (messaging, messages) = order_pages_while(&server, &customer, &picks, |stop| {
        keep_messaging(sales, base, other_order, stop)
    })
    .await;
    let what = "the house writes in another customer's order conversation";
    let page = beside(what, &messages, "messages sent", "accepted");
    note(page.as_str(), messaging, Some(order.p99_ms));

    // Reads while another customer's buyer and the house's sales person go
    // about their own business: inquiries, alert choices, a language and a
    // time zone, a write every `EVERYDAY_EVERY`.
    let sales = session_cookie(&server.base, &book.staff_email).await;
    let (base, buyer) = (server.base.clone(), other.clone());
    let (everyday, writes) = order_pages_while(&server, &customer, &picks, |stop| {
        keep_going_about(buyer, sales, base, stop)
    })
    .await;
    let what = "another customer sends inquiries and changes alert choices, \
                and the house chooses a language and a time zone";
    let page = beside(what, &writes, "writes sent", "accepted");
    note(page.as_str(), everyday, Some(order.p99_ms));

    // Reads while the house's administrator changes the house's settings,
    // one every `SETTINGS_EVERY`.
    let admin = session_cookie(&server.base, &book.admin_email).await;
    let (base, staff, other) = (
        server.base.clone(),
        book.staff_id,
        book.other_customer_company,
    );
    let (setting, changes) = order_pages_while(&server, &customer, &picks, |stop| {
        keep_setting(admin, base, staff, other, stop)
    })
    .await;
    let what = "the house's administrator changes its rules, a customer's credit, \
                a staff level and the complaint clocks";
    let page = beside(what, &changes, "changes sent", "accepted");
    note(page.as_str(), setting, Some(order.p99_ms));

    // Reads while writing: the order page again, with the factory reporting
    // progress all along; then again with the slippage scan running pass
    // after pass in the server beside the reports.
    let (busy, writes) =
        order_pages_while_reporting(&server, &customer, &factory, book, &picks).await;
    let page = beside(
        "the factory reports progress",
        &writes,
        "reports answered",
        "accepted",
    );
    note(page.as_str(), busy, Some(order.p99_ms));

    server.start_scanning();
    let (scanning, writes) =
        order_pages_while_reporting(&server, &customer, &factory, book, &picks).await;
    let (passes, mean_ms, alerts) = server.stop_scanning();
    let page = format!(
        "customer order page while the slippage scan runs pass after pass ({passes} passes, {mean_ms} ms each on average, \
         {alerts} alerts queued) \
         and the factory reports progress ({})",
        writes.counted("reports answered", "accepted")
    );
    note(page.as_str(), scanning, Some(order.p99_ms));
    drop(server);
}

/// The customer's order pages (`picks`, in turn) asked for while the
/// factory posts progress reports on a connection of its own.
async fn order_pages_while_reporting(
    server: &Server,
    customer: &str,
    factory: &str,
    book: &super::Book,
    picks: &Arc<Vec<i32>>,
) -> (Load, Writes) {
    let (factory, base) = (factory.to_string(), server.base.clone());
    let lines = book.supplier_lines.clone();
    order_pages_while(server, customer, picks, |stop| {
        keep_reporting(factory, base, lines, stop)
    })
    .await
}

/// The customer's order pages (`picks`, in turn) asked for while `write`
/// runs beside them until told to stop.
async fn order_pages_while<W>(
    server: &Server,
    customer: &str,
    picks: &Arc<Vec<i32>>,
    write: impl FnOnce(Arc<AtomicBool>) -> W,
) -> (Load, Writes)
where
    W: Future<Output = Writes> + Send + 'static,
{
    let stop = Arc::new(AtomicBool::new(false));
    let writer = tokio::spawn(write(stop.clone()));
    let (base, ids) = (server.base.clone(), picks.clone());
    let load = drive(server, customer, move |c, n| {
        c.get(format!("{base}/customer/orders/{}", ids[n % ids.len()]))
            .header(ACCEPT, "text/html")
    })
    .await;
    stop.store(true, Ordering::Relaxed);
    (load, writer.await.unwrap())
}

/// The rows as a Markdown table.
pub(super) fn table(rows: &[OutsideRow]) -> String {
    let mut out = String::from(
        "| order lines | page | pages/s | p50 | p99 | server CPU per page | client CPU per page | errors |\n\
         |---|---|---|---|---|---|---|---|\n",
    );
    for row in rows {
        for m in &row.pages {
            let l = &m.load;
            let p99 = match m.quiet_p99_ms {
                Some(quiet) => format!("{:.1} ms (quiet: {quiet:.1} ms)", l.p99_ms),
                None => format!("{:.1} ms", l.p99_ms),
            };
            out.push_str(&format!(
                "| {} | {} | {:.0} | {:.1} ms | {p99} | {:.2} ms | {:.2} ms | {} |\n",
                row.lines,
                m.page,
                l.per_second,
                l.p50_ms,
                l.server_cpu_ms,
                l.client_cpu_ms,
                l.errors
            ));
        }
    }
    out
}

/// The heading of the section a store's `--outside` rows go under.
pub(super) fn heading(store: &Store) -> &'static str {
    match store {
        Store::Sqlite => "Pages measured from outside",
        Store::Postgres(_) => "Pages measured from outside on PostgreSQL",
    }
}

/// The section for BENCHMARKS.md: heading, method, table.
pub(super) fn markdown(
    store: &Store,
    rows: &[OutsideRow],
    today: &impl std::fmt::Display,
) -> String {
    format!(
        "## {}\n\nMeasured {today} with `--outside` on {}. The portal runs as its own process (this benchmark \
         with `--serve`) over a fresh book, and is measured once its start-up work (the first slippage scan) is \
         done, so the client never shares its process or runtime. The client keeps {CONCURRENCY} HTTP/1.1 \
         connections open, each asking for one page after another and reading every answer to its last byte \
         before its clock stops; it warms up for {}s, then counts {}s. An answer other than 2xx is an error. \
         CPU per page is a process's user + system time (from `/proc/<pid>/stat`) over the counted seconds, \
         divided by the pages answered in them: the server's, and the client's own, so a client that was the \
         limit shows (on PostgreSQL the database's own processes are not in the server's figure). Order pages \
         are picked at random among the customer's 200 latest orders. The session check answering a small \
         JSON is the ceiling for a signed-in request. The row after the reference asks for order pages while the house's \
         sales person signs in on a fresh browser and out again, a pair every {} ms; the next while the factory \
         uploads a QC photo (a 1×1 PNG, through the upload form) to one of its lines after another, one every {} ms; \
         the next while the house saves another customer's quotation draft with a new selling price, one save every {} ms; \
         the next while the house writes in the conversation of another customer's order, one message every {} ms. The last two rows ask for order pages while the factory posts \
         progress reports one after another on a connection of its own, each a real change the portal accepts \
         and writes (it names the line's current version and a larger quantity done), the last also while the \
         slippage scan runs in the server pass after pass (started and stopped by the benchmark through the \
         server's standard input, each pass as the portal's own job runs it); their p99 stands next to \
         the quiet one, and their server CPU includes the reports and the scan. Every row is measured twice, each time with a server of its \
         own: as configured by default, with page reads and sessions kept until the next write (\"reads \
         kept\"), and with `PORTAL_READ_CACHE_ENTRIES=0` (\"every read from the database\"), which is what the \
         first visit after any write costs.\n\n{}\n",
        heading(store),
        store.name(),
        WARM_UP.as_secs(),
        OUTSIDE_RUN_FOR.as_secs(),
        SIGN_IN_EVERY.as_millis(),
        UPLOAD_EVERY.as_millis(),
        SAVE_EVERY.as_millis(),
        MESSAGE_EVERY.as_millis(),
        table(rows),
    )
}
