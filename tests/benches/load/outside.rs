//! `--outside N`: pages measured the way browsers meet them. The portal runs
//! as its own process (this benchmark with `--serve`) over a book of N order
//! lines, so the client never shares its process or runtime; the client
//! keeps `CONCURRENCY` HTTP/1.1 connections open, each asking for one page
//! after another and reading every answer to its last byte. Besides the
//! rates and times, the server's and the client's own CPU time per page
//! (from `/proc`) tell whether the server or the client was the limit.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;

use reqwest::header::{
    ACCEPT, ACCEPT_ENCODING, CONTENT_TYPE, COOKIE, HeaderMap, HeaderValue, SET_COOKIE,
};
use tokio::time::Instant;

use super::contracts::{QUOTE_EVERY, keep_quoting};
use super::measure::gathered;
use super::people::{ENROL_EVERY, PEOPLE_EVERY, keep_enrolling, keep_inviting};
use super::process::{Server, cpu_ticks};
use super::writers::{
    EVERYDAY_EVERY, MESSAGE_EVERY, SAVE_EVERY, SETTINGS_EVERY, SIGN_IN_EVERY, UPLOAD_EVERY, Writes,
    draft_for_another_customer, keep_costing, keep_going_about, keep_messaging, keep_reporting,
    keep_setting, keep_signing_in, keep_uploading,
};
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
pub(super) fn keep_alive(cookie: &str) -> reqwest::Client {
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
pub(super) fn cookies_set(response: &reqwest::Response) -> String {
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
pub(super) async fn answered(request: reqwest::RequestBuilder) -> bool {
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

/// One book size: generated, served from its own process, measured page by
/// page, the server killed at the end.
pub(super) async fn run_outside(lines: usize, store: &Store) -> OutsideRow {
    let (url, _dir) = store.fresh(&format!("outside_{lines}")).await;
    let (db, book) = generate_into(&url, lines, 42).await;
    db.close().await.unwrap();
    let mut pages = Vec::new();
    // Every page as people meet it (reads kept between writes), then each
    // page as the first visit after a write to what it shows.
    for keep_reads in [true, false] {
        measure_server(&url, lines, &book, keep_reads, &mut pages).await;
    }
    measure_after_a_report(&url, lines, &book, &mut pages).await;
    OutsideRow { lines, pages }
}

/// Order pages in a fixed random order.
fn order_picks(lines: usize, book: &super::Book) -> Arc<Vec<i32>> {
    assert!(
        !book.customer_orders.is_empty(),
        "a book of {lines} lines gives the customer no orders"
    );
    let mut rng = Lcg(7);
    Arc::new(
        (0..4096)
            .map(|_| book.customer_orders[rng.next(book.customer_orders.len() as u64) as usize])
            .collect(),
    )
}

/// The customer's order pages, each served as the first visit after a
/// factory's report on its order (the write an order sees most).
async fn measure_after_a_report(
    url: &str,
    lines: usize,
    book: &super::Book,
    pages: &mut Vec<Measured>,
) {
    let server = Server::start_with(url, Some("--after-a-report"));
    server.settle().await;
    let customer = session_cookie(&server.base, &book.customer_email).await;
    let (base, ids) = (server.base.clone(), order_picks(lines, book));
    let load = drive(&server, &customer, move |c, n| {
        c.get(format!("{base}/customer/orders/{}", ids[n % ids.len()]))
            .header(ACCEPT, "text/html")
    })
    .await;
    let page = "customer order page `GET /customer/orders/{id}` (HTML); \
                each page after a factory's report on its order";
    eprintln!("{lines} lines, {page}: {load:?}");
    pages.push(Measured {
        page: page.to_string(),
        load,
        quiet_p99_ms: None,
    });
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
    let picks = order_picks(lines, book);
    let kept = if keep_reads {
        "reads kept"
    } else {
        "each page after a write to it"
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

    // Reads while a third customer's inquiries are taken to contracts, a
    // step every `QUOTE_EVERY`.
    let buyer = session_cookie(&server.base, &book.third_customer_email).await;
    let quoting = session_cookie(&server.base, &book.quoting_email).await;
    let approver = session_cookie(&server.base, &book.approver_email).await;
    let (base, quoted) = (server.base.clone(), book.quoted_factory);
    let (contracting, steps) = order_pages_while(&server, &customer, &picks, |stop| {
        keep_quoting(buyer, quoting, approver, base, quoted, stop)
    })
    .await;
    let what = "the house quotes, approves and sends another customer's inquiries, \
                and the customer accepts them";
    let page = beside(what, &steps, "steps sent", "accepted");
    note(page.as_str(), contracting, Some(order.p99_ms));

    // Reads while an administrator invites people and deactivates them, one
    // every `PEOPLE_EVERY`.
    let admin = session_cookie(&server.base, &book.people_admin_email).await;
    let (base, company) = (server.base.clone(), book.third_customer_company);
    let (inviting, changes) = order_pages_while(&server, &customer, &picks, |stop| {
        keep_inviting(admin, base, company, stop)
    })
    .await;
    let what = "the house's administrator invites people and deactivates them";
    let page = beside(what, &changes, "writes sent", "accepted");
    note(page.as_str(), inviting, Some(order.p99_ms));

    // Reads while house people set up two-factor sign-in, a step every
    // `ENROL_EVERY`; each server has half of the book's people to enrol.
    let half = book.enrolling_emails.len() / 2;
    let people = if keep_reads {
        book.enrolling_emails[..half].to_vec()
    } else {
        book.enrolling_emails[half..].to_vec()
    };
    let base = server.base.clone();
    let (enrolling, steps) = order_pages_while(&server, &customer, &picks, |stop| {
        keep_enrolling(base, people, stop)
    })
    .await;
    let what = "house people sign in and set up two-factor sign-in";
    let page = beside(what, &steps, "steps sent", "accepted");
    note(page.as_str(), enrolling, Some(order.p99_ms));

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
         the next while the house writes in the conversation of another customer's order, one message every {} ms; \
         the next while another customer's buyer sends inquiries and changes alert choices and the house's sales person \
         chooses a language and a time zone, one write every {} ms in turn; the next while the house's administrator \
         changes its rules, a customer's credit, a staff level and the complaint clocks, one every {} ms in turn; \
         the next while a third customer's inquiries are taken to contracts (the house opens, costs, submits and sends \
         each quotation, an administrator approves each step it needs, the customer accepts it), a step every {} ms; \
         the next while an administrator invites a buyer and then deactivates them, a write every {} ms; \
         the next while house people, one after another, sign in on a fresh browser, start two-factor sign-in and \
         confirm it with the code an app shows, a step every {} ms. The last two rows ask for order pages while the factory posts \
         progress reports one after another on a connection of its own, each a real change the portal accepts \
         and writes (it names the line's current version and a larger quantity done), the last also while the \
         slippage scan runs in the server pass after pass (started and stopped by the benchmark through the \
         server's standard input, each pass as the portal's own job runs it); their p99 stands next to \
         the quiet one, and their server CPU includes the reports and the scan. Every row is measured twice, each time with a server of its \
         own: as configured by default, with page reads and sessions kept until the next write (\"reads \
         kept\"), and with each page served as the first visit after a write to what it shows (\"each page \
         after a write to it\": before each request the server drops what it kept for the order the request \
         opens and for its viewer's company, as a write to that order does; the session and the navigation stay \
         kept, and the parts of one page share a read). The last row asks for order pages from a third server, \
         each page served as the first visit after a factory's report on its order (\"each page after a factory's \
         report on its order\": the server drops what such a report drops, the order's production and its \
         customer's view; the order's shipping and conversation stay kept).\n\n{}\n",
        heading(store),
        store.name(),
        WARM_UP.as_secs(),
        OUTSIDE_RUN_FOR.as_secs(),
        SIGN_IN_EVERY.as_millis(),
        UPLOAD_EVERY.as_millis(),
        SAVE_EVERY.as_millis(),
        MESSAGE_EVERY.as_millis(),
        EVERYDAY_EVERY.as_millis(),
        SETTINGS_EVERY.as_millis(),
        QUOTE_EVERY.as_millis(),
        PEOPLE_EVERY.as_millis(),
        ENROL_EVERY.as_millis(),
        table(rows),
    )
}
