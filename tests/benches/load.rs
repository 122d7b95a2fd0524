//! The portal's benchmark: fills a fresh SQLite database with a deterministic
//! book of orders (customers, factories, orders with lines, linked PO lines,
//! progress, shipments and instalments), serves it, and measures at a fixed
//! concurrency the customer's order list and order pages (server-rendered
//! HTML), a factory's progress report (POST), and — as the ceiling — a bare
//! axum handler returning the same rows as JSON. Also times a full slippage
//! scan and reports the size of the browser bundle. Results go to stdout
//! and, with `--write`, to `BENCHMARKS.md`.
//!
//! The book is written by `load/book.rs`. `--lines` serves the portal inside
//! this process, with the clients on the same runtime (`load/measure.rs`);
//! `--live` holds event streams open (`load/live.rs`); `--serve` serves a
//! book for another process to measure (`load/serve.rs`). `--outside` (in `load/outside.rs`) runs the portal as its
//! own process and measures pages from outside it: keep-alive connections,
//! whole bodies read, the server's and the client's CPU time per page.
//!
//! `cargo bench -p integration-tests --bench load -- --lines 1000,100000 --write`
//! `cargo bench -p integration-tests --bench load -- --outside 1000,100000 --write`
//! `cargo bench -p integration-tests --bench load -- --phone 1000` (`load/phone.rs`:
//! what a phone downloads before a page works; printed, not written)

/// As in the portal's own binary, so `--serve` measures what ships.
#[global_allocator]
static ALLOCATOR: server::Allocator = server::ALLOCATOR;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use app::domain::account::{DisplayName, Email, Role};
use app::domain::company::{CompanyKind, CountryCode};
use app::domain::progress::Milestone;
use app::domain::shipping::shipment::CustomsStatus;
use app::ssr::entities::{
    instalment, order, order_line, outbox, po_line, po_line_link, purchase_order, shipment,
};
use app::ssr::repo::companies::{self, NewCompany};
use app::ssr::repo::users::{self, NewUser};
use chrono::{Duration as Days, Utc};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, TransactionTrait,
};
use server::config::Config;
use server::startup::Application;

// Not `mod outside;`: from the crate root that would be
// `benches/outside.rs`, which Cargo would take for a bench of its own.
#[path = "load/book.rs"]
mod book;
#[path = "load/contracts.rs"]
mod contracts;
#[path = "load/grievances.rs"]
mod grievances;
#[path = "load/live.rs"]
mod live;
#[path = "load/measure.rs"]
mod measure;
#[path = "load/outside.rs"]
mod outside;
#[path = "load/people.rs"]
mod people;
#[path = "load/phone.rs"]
mod phone;
#[path = "load/process.rs"]
mod process;
#[path = "load/serve.rs"]
mod serve;
#[path = "load/writers.rs"]
mod writers;

use book::{Book, Lcg, generate_into};
use live::{LiveRow, run_live};
use measure::{Stats, client, measure, report_progress, sign_in};
use phone::bundle;
use serve::serve;

const PASSWORD: &str = "benchmark password 2026";
const CONCURRENCY: usize = 8;
const RUN_FOR: Duration = Duration::from_secs(5);
const LINES_PER_ORDER: usize = 4;

/// The ceiling: the same rows as the order list, as JSON from a bare handler.
async fn ceiling(db: DatabaseConnection, customer: i32) -> String {
    use axum::{Json, Router, extract::State, routing::get};
    async fn rows(
        State((db, customer)): State<(DatabaseConnection, i32)>,
    ) -> Json<serde_json::Value> {
        let orders = order::Entity::find()
            .filter(order::Column::CustomerCompanyId.eq(customer))
            .order_by_desc(order::Column::Id)
            .limit(50)
            .all(&db)
            .await
            .unwrap();
        let lines = order_line::Entity::find()
            .filter(order_line::Column::OrderId.is_in(orders.iter().map(|o| o.id)))
            .all(&db)
            .await
            .unwrap();
        Json(serde_json::json!(
            orders
                .iter()
                .map(|o| serde_json::json!({
                    "id": o.id, "number": o.number, "status": o.status,
                    "lines": lines.iter().filter(|l| l.order_id == o.id).map(|l| serde_json::json!({
                        "product": l.product_code, "quantity": l.quantity,
                        "committed": l.committed_date, "forecast": l.forecast_date,
                    })).collect::<Vec<_>>(),
                }))
                .collect::<Vec<_>>()
        ))
    }
    let router = Router::new()
        .route("/json", get(rows))
        .with_state((db, customer));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, router).await });
    format!("http://{addr}/json")
}

struct Row {
    lines: usize,
    kpi_page: Sequential,
    board_page: Sequential,
    list: Stats,
    detail: Stats,
    post: Stats,
    json: Stats,
    first_scan: Duration,
    scan: Duration,
    scanned: usize,
}

/// Where a run keeps its book: a SQLite file in a temporary folder, or a
/// fresh database on a PostgreSQL server.
enum Store {
    Sqlite,
    Postgres(String),
}

impl Store {
    /// An empty database for `name`, and the folder to keep while it is used.
    async fn fresh(&self, name: &str) -> (String, Option<tempfile::TempDir>) {
        match self {
            Store::Sqlite => {
                let dir = tempfile::tempdir().unwrap();
                let url = format!(
                    "sqlite://{}?mode=rwc",
                    dir.path().join(format!("{name}.db")).display()
                );
                (url, Some(dir))
            }
            Store::Postgres(server) => {
                let admin = sea_orm::Database::connect(server.as_str()).await.unwrap();
                let db = format!("portal_bench_{name}");
                admin
                    .execute_unprepared(&format!("DROP DATABASE IF EXISTS {db} WITH (FORCE)"))
                    .await
                    .unwrap();
                admin
                    .execute_unprepared(&format!("CREATE DATABASE {db}"))
                    .await
                    .unwrap();
                admin.close().await.unwrap();
                let base = server.rsplit_once('/').map(|(b, _)| b).unwrap_or(server);
                (format!("{base}/{db}"), None)
            }
        }
    }

    fn name(&self) -> &'static str {
        match self {
            Store::Sqlite => "SQLite",
            Store::Postgres(_) => "PostgreSQL",
        }
    }
}

async fn run(lines: usize, store: &Store) -> Row {
    let (url, _dir) = store.fresh(&format!("book_{lines}")).await;
    let (db, book) = generate_into(&url, lines, 42).await;
    let mut config = Config::for_database(url.clone(), integration_tests::site_root());
    config.slip_scan_seconds = 86_400;
    // One factory posts from eight clients as fast as it can: measured, not
    // stopped by the per-person write limit.
    config.requests.writes_per_minute = 1_000_000;
    // Every page computed from the database: what pages cost when nothing
    // is kept (kept reads are measured from outside, `--outside`).
    config.requests.read_cache_entries = 0;
    let app = Application::build(&config).await.unwrap();
    let base = format!("http://{}", app.addr());
    let state = app.state().clone();
    // The first scan after the import alerts every slip in the book at once;
    // later scans only look for changes. Both are timed before the portal's
    // jobs start, so its own start-up pass finds nothing new; the clients
    // wait until that pass is surely done (three times a later scan's time:
    // the job rests between its batches), as nothing should be measured
    // behind it.
    let timed_scan = async || {
        let t = Instant::now();
        let report = app::ssr::alerts::scan_and_commit(&state).await.unwrap();
        (report, t.elapsed())
    };
    let (report, first_scan) = timed_scan().await;
    let (_, scan) = timed_scan().await;
    tokio::spawn(app.run_until_stopped());
    tokio::time::sleep(scan * 3 + Duration::from_millis(100)).await;
    // The first scan queued an alert for every slip of the book; the
    // outbox worker sends them once the jobs run. Nothing is measured
    // until it is done.
    let give_up = Instant::now() + Duration::from_secs(600);
    loop {
        let waiting = outbox::Entity::find()
            .filter(outbox::Column::SentAt.is_null())
            .filter(outbox::Column::Dead.eq(false))
            .count(&db)
            .await
            .unwrap();
        if waiting == 0 || Instant::now() > give_up {
            break;
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }

    let customer = sign_in(&base, &book.customer_email).await;
    let html = |client: reqwest::Client, url: String| async move {
        client
            .get(url)
            .header("accept", "text/html")
            .send()
            .await
            .map(|r| r.status().is_success())
            .ok()
            .or(Some(false))
    };
    let (c, b) = (customer.clone(), base.clone());
    let list = measure(move |_| html(c.clone(), format!("{b}/customer"))).await;
    let (c, b, ids) = (customer.clone(), base.clone(), book.customer_orders.clone());
    let detail = measure(move |n| {
        html(
            c.clone(),
            format!("{b}/customer/orders/{}", ids[n % ids.len()]),
        )
    })
    .await;
    // The ceiling reads through the same kind of pool as the list page.
    let reads = server::db::connect_reports(&url, &db).await.unwrap();
    let json_url = ceiling(reads, book.customer_company).await;
    let plain = client();
    let json = measure(move |_| {
        let (plain, url) = (plain.clone(), json_url.clone());
        async move {
            plain
                .get(url)
                .send()
                .await
                .map(|r| r.status().is_success())
                .ok()
                .or(Some(false))
        }
    })
    .await;
    let factory = sign_in(&base, &book.supplier_email).await;
    let (b, factory_lines) = (base.clone(), Arc::new(book.supplier_lines.clone()));
    let post = measure(move |n| {
        let (factory, url, lines) = (factory.clone(), b.clone(), factory_lines.clone());
        async move {
            // Each line is reported once (at version 1); the run ends when
            // the factory's lines are used up.
            let id = lines.get(n)?;
            report_progress(&factory, &url, *id)
                .await
                .map(|r| r.status().is_success())
                .ok()
                .or(Some(false))
        }
    })
    .await;
    let staff = sign_in(&base, &book.staff_email).await;
    let kpi_page = sequential(&staff, &format!("{base}/staff/kpis")).await;
    let board_page = sequential(&staff, &format!("{base}/staff/board")).await;
    Row {
        lines,
        kpi_page,
        board_page,
        list,
        detail,
        post,
        json,
        first_scan,
        scan,
        scanned: report.po_lines,
    }
}

/// One page asked for again and again by one client: how long a person
/// waits for it.
#[derive(Debug, Clone, Copy)]
struct Sequential {
    p50_ms: f64,
    max_ms: f64,
}

async fn sequential(client: &reqwest::Client, url: &str) -> Sequential {
    let mut times = Vec::new();
    for _ in 0..7 {
        let t = Instant::now();
        let response = client
            .get(url)
            .header("accept", "text/html")
            .send()
            .await
            .unwrap();
        assert!(
            response.status().is_success(),
            "{url}: {}",
            response.status()
        );
        response.text().await.unwrap();
        times.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(f64::total_cmp);
    Sequential {
        p50_ms: times[times.len() / 2],
        max_ms: times[times.len() - 1],
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let value = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    if let Some(url) = value("--serve") {
        let flag = |name: &str| args.iter().any(|a| a == name);
        let reads = if flag("--no-kept-reads") {
            serve::Reads::NoneKept
        } else if flag("--after-a-write") {
            serve::Reads::AfterAWrite
        } else if flag("--after-a-report") {
            serve::Reads::AfterAReport
        } else {
            serve::Reads::Kept
        };
        runtime.block_on(serve(url, reads));
        return;
    }
    if let Some(lines) = value("--generate") {
        // `--generate N --into URL`: a book of N order lines in an empty
        // (or new SQLite) database, for looking at by hand.
        let url = value("--into").expect("--generate N --into DATABASE_URL");
        let lines = lines
            .parse()
            .expect("--generate takes a number of order lines");
        let seed = value("--seed").map_or(42, |s| s.parse().expect("--seed takes a number"));
        runtime.block_on(generate_into(&url, lines, seed));
        return;
    }
    let store = match value("--postgres") {
        Some(server) => Store::Postgres(server),
        None => Store::Sqlite,
    };
    let self_store_name = store.name();
    let sizes: Vec<usize> = args
        .iter()
        .position(|a| a == "--lines")
        .and_then(|i| args.get(i + 1))
        .map(|s| s.split(',').filter_map(|n| n.parse().ok()).collect())
        .unwrap_or_default();
    let write = args.iter().any(|a| a == "--write");
    let live_sizes: Vec<usize> = args
        .iter()
        .position(|a| a == "--live")
        .and_then(|i| args.get(i + 1))
        .map(|s| s.split(',').filter_map(|n| n.parse().ok()).collect())
        .unwrap_or_default();
    let outside_sizes: Vec<usize> = args
        .iter()
        .position(|a| a == "--outside")
        .and_then(|i| args.get(i + 1))
        .map(|s| s.split(',').filter_map(|n| n.parse().ok()).collect())
        .unwrap_or_default();
    let rows: Vec<Row> = sizes
        .iter()
        .map(|n| runtime.block_on(run(*n, &store)))
        .collect();
    let live: Vec<LiveRow> = live_sizes
        .iter()
        .map(|n| runtime.block_on(run_live(*n)))
        .collect();
    let outside_rows: Vec<outside::OutsideRow> = outside_sizes
        .iter()
        .map(|n| runtime.block_on(outside::run_outside(*n, &store)))
        .collect();
    let phone_rows: Vec<phone::PhoneRow> = args
        .iter()
        .position(|a| a == "--phone")
        .and_then(|i| args.get(i + 1))
        .and_then(|n| n.parse().ok())
        .map(|n| runtime.block_on(phone::run_phone(n, &store)))
        .unwrap_or_default();
    let mut live_table = String::from(
        "| open streams | deliveries | delivery p50 | delivery p99 | server memory (RSS) before → with the streams open |\n|---|---|---|---|---|\n",
    );
    for r in &live {
        live_table.push_str(&format!(
            "| {} | {} of {} | {:.1} ms | {:.1} ms | {:.0} MB → {:.0} MB |\n",
            r.clients,
            r.deliveries,
            r.expected,
            r.p50_ms,
            r.p99_ms,
            r.rss_before_mb,
            r.rss_after_mb
        ));
    }
    let fmt = |s: &Stats| {
        format!(
            "{:.0} req/s, p50 {:.1} ms, p99 {:.1} ms{}",
            s.per_second,
            s.p50_ms,
            s.p99_ms,
            if s.errors > 0 {
                format!(", {} errors", s.errors)
            } else {
                String::new()
            }
        )
    };
    let mut table = String::from(
        "| order lines | order list page (HTML) | order page (HTML) | progress report (POST) | bare JSON ceiling | list / ceiling | slippage scan: first (alerting the whole book) / later |\n|---|---|---|---|---|---|---|\n",
    );
    for r in &rows {
        table.push_str(&format!(
            "| {} | {} | {} | {} | {} | {:.2} | {:.0} ms / {:.0} ms ({} PO lines late, alerted or quiet: looked at) |\n",
            r.lines,
            fmt(&r.list),
            fmt(&r.detail),
            fmt(&r.post),
            fmt(&r.json),
            r.list.per_second / r.json.per_second,
            r.first_scan.as_secs_f64() * 1000.0,
            r.scan.as_secs_f64() * 1000.0,
            r.scanned
        ));
    }
    let mut workspace = String::from(
        "| order lines | KPI page, last 90 days (HTML) | at-risk board (HTML) |\n|---|---|---|\n",
    );
    for r in &rows {
        workspace.push_str(&format!(
            "| {} | p50 {:.0} ms, slowest {:.0} ms | p50 {:.0} ms, slowest {:.0} ms |\n",
            r.lines, r.kpi_page.p50_ms, r.kpi_page.max_ms, r.board_page.p50_ms, r.board_page.max_ms
        ));
    }
    let bundle = bundle();
    let today = Utc::now().format("%Y-%m-%d");
    let bundle_rows = bundle
        .as_deref()
        .unwrap_or("| (no release bundle in `target/site/pkg`) | | | |\n");
    println!(
        "{table}\n{workspace}\n{live_table}\n| file | raw | gzip | brotli (as sent) |\n|---|---|---|---|\n{bundle_rows}"
    );
    if !outside_rows.is_empty() {
        println!("\n{}", outside::table(&outside_rows));
    }
    if !phone_rows.is_empty() {
        println!("\n{}", phone::table(&phone_rows));
    }
    if write {
        let machine = std::process::Command::new("sh")
            .arg("-c")
            .arg("nproc; grep -m1 'model name' /proc/cpuinfo | cut -d: -f2; free -g | awk '/Mem/{print $2\" GiB\"}'")
            .output()
            .map(|o| String::from_utf8_lossy(&o.stdout).split('\n').map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join(" · "))
            .unwrap_or_default();
        let path = integration_tests::workspace_root().join("BENCHMARKS.md");
        let old = std::fs::read_to_string(&path).unwrap_or_default();
        // A section is rewritten when this run measured it; otherwise the
        // last measured one stays, and so does the hand-written reading of
        // the figures ("Against the targets").
        let keep = |heading: &str| section(&old, heading).unwrap_or_default();
        // Each database has its own pair of sections.
        let pages_for = |store: &Store| {
            let (pages, staff) = match store {
                Store::Sqlite => ("Pages and reports", "Staff workspace"),
                Store::Postgres(_) => (
                    "Pages and reports on PostgreSQL",
                    "Staff workspace on PostgreSQL",
                ),
            };
            if rows.is_empty() || store.name() != self_store_name {
                keep(pages) + &keep(staff)
            } else {
                format!(
                    "## {pages}\n\nMeasured {today} with `--lines` on {}: {CONCURRENCY} concurrent clients for {}s per row; \
                     the measured customer holds about a quarter of the book, a full page at every size; \
                     every read from the database (no reads kept). \
                     The two slippage scans are timed first, before the portal's jobs start; the pages after its own start-up pass and once the alerts are sent.\n\n{table}\n\
                     \"list / ceiling\" is the order list page's rate over the bare JSON handler returning the same rows.\n\n\
                     ## {staff}\n\nOne sales person loading the page seven times in a row (the whole HTML, figures computed).\n\n{workspace}\n",
                    store.name(),
                    RUN_FOR.as_secs(),
                )
            }
        };
        let pages = pages_for(&Store::Sqlite) + &pages_for(&Store::Postgres(String::new()));
        let outside_for = |store: &Store| {
            if outside_rows.is_empty() || store.name() != self_store_name {
                keep(outside::heading(store))
            } else {
                outside::markdown(store, &outside_rows, &today)
            }
        };
        let outside_sections =
            outside_for(&Store::Sqlite) + &outside_for(&Store::Postgres(String::new()));
        let live_section = if live.is_empty() {
            keep("Live updates")
        } else {
            format!(
                "## Live updates\n\nMeasured {today} with `--live`: that many event streams of one customer open at once; the customer's factory posts 20 progress reports, one after the other; \
                 a delivery is a stream's first event after a report, timed from the moment the report was sent. \
                 The portal runs as its own process over a 40,000-line book; memory is that process's resident set.\n\n{live_table}\n"
            )
        };
        let bundle_section = match &bundle {
            Some(rows) => format!(
                "## Browser bundle\n\nAs built in `target/site/pkg` when the benchmark ran, {today} (`scripts/run.sh --release` builds the release bundle and its compressed copies; the portal sends the brotli or gzip copy to browsers that accept it).\n\n\
                 | file | raw | gzip | brotli (as sent) |\n|---|---|---|---|\n{rows}\n"
            ),
            None => keep("Browser bundle"),
        };
        let doc = format!(
            "# Benchmarks\n\nRun: `cargo bench -p integration-tests --bench load -- --lines 1000,100000,1000000 --live 100,1000 --outside 1000,100000,1000000 --write` \
             (release build; SQLite in a temporary folder; data from a fixed seed). `--lines`, `--live` and `--outside` can be run apart; \
             each rewrites only its own sections. With `--postgres postgres://user@host/db` the `--lines` and `--outside` sizes run on \
             PostgreSQL instead (a fresh database per size on that server). `--generate N --into DATABASE_URL` only writes \
             a book of N order lines.\n\n\
             Machine: {machine} (cores · CPU · memory).\n\n{pages}{outside_sections}{live_section}{bundle_section}{}",
            keep("Against the targets"),
        );
        std::fs::write(path, doc).unwrap();
    }
}

/// The section under `## {heading}` of a Markdown file, up to the next
/// section, heading included.
fn section(doc: &str, heading: &str) -> Option<String> {
    let start = doc.find(&format!("\n## {heading}\n"))? + 1;
    let rest = &doc[start..];
    let end = rest[3..].find("\n## ").map(|i| i + 4).unwrap_or(rest.len());
    Some(rest[..end].to_string())
}
