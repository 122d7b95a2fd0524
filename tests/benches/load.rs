//! The portal's benchmark: fills a fresh SQLite database with a deterministic
//! book of orders (customers, factories, orders with lines, linked PO lines,
//! progress), serves it, and measures at a fixed concurrency the customer's
//! order list and order pages (server-rendered HTML), a factory's progress
//! report (POST), and — as the ceiling — a bare axum handler returning the
//! same rows as JSON. Also times a full slippage scan and reports the size
//! of the browser bundle. Results go to stdout and, with `--write`, to
//! `BENCHMARKS.md`.
//!
//! `cargo bench -p integration-tests --bench load -- --lines 1000,100000 --write`

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use app::domain::account::{DisplayName, Email, Role};
use app::domain::company::{CompanyKind, CountryCode};
use app::ssr::entities::{order, order_line, po_line, po_line_link, purchase_order};
use app::ssr::repo::companies::{self, NewCompany};
use app::ssr::repo::users::{self, NewUser};
use chrono::{Duration as Days, Utc};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, TransactionTrait,
};
use server::config::Config;
use server::startup::Application;

const PASSWORD: &str = "benchmark password 2026";
const CONCURRENCY: usize = 8;
const RUN_FOR: Duration = Duration::from_secs(5);
const LINES_PER_ORDER: usize = 4;

/// A tiny deterministic generator (same book for the same seed).
struct Lcg(u64);
impl Lcg {
    fn next(&mut self, below: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % below.max(1)
    }
}

struct Book {
    staff_email: String,
    customer_email: String,
    customer_orders: Vec<i32>,
    supplier_email: String,
    supplier_lines: Vec<i32>,
    customer_company: i32,
}

async fn generate(db: &DatabaseConnection, lines: usize, seed: u64) -> Book {
    let mut rng = Lcg(seed);
    let now = Utc::now();
    let today = now.date_naive();
    let company = |kind, name: String| NewCompany {
        kind,
        name: Box::leak(name.into_boxed_str()),
        country: CountryCode::parse("DE").unwrap(),
        city: "Benchtown",
    };
    let house_id = companies::insert(db, company(CompanyKind::House, "House".into()))
        .await
        .unwrap()
        .id;
    let mut customers = Vec::new();
    for i in 0..20 {
        customers.push(
            companies::insert(db, company(CompanyKind::Customer, format!("Customer {i}")))
                .await
                .unwrap()
                .id,
        );
    }
    let mut suppliers = Vec::new();
    for i in 0..10 {
        suppliers.push(
            companies::insert(db, company(CompanyKind::Supplier, format!("Factory {i}")))
                .await
                .unwrap()
                .id,
        );
    }
    let hash = app::ssr::auth::password::hash(PASSWORD.to_string())
        .await
        .unwrap();
    let person = async |company_id: i32, role: Role, email: &str| {
        users::insert(
            db,
            NewUser {
                company_id,
                email: &Email::parse(email).unwrap(),
                display_name: &DisplayName::parse("Bench Person").unwrap(),
                role,
                password_hash: Some(hash.clone()),
                locale: "en",
                time_zone: "UTC",
            },
            now,
        )
        .await
        .unwrap();
    };
    person(customers[0], Role::Customer, "buyer@customer-0.bench").await;
    person(house_id, Role::Staff, "sales@house.bench").await;
    person(suppliers[0], Role::Supplier, "factory@factory-0.bench").await;

    let orders = lines.div_ceil(LINES_PER_ORDER);
    let statuses = [
        "confirmed",
        "in_production",
        "in_production",
        "ready",
        "shipped",
    ];
    let batch = 500;
    let mut next_line_id = 1;
    let mut next_po_line_id = 1;
    for chunk_start in (0..orders).step_by(batch) {
        let chunk = chunk_start..(chunk_start + batch).min(orders);
        let tx = db.begin().await.unwrap();
        let mut order_rows = Vec::new();
        let mut line_rows = Vec::new();
        let mut po_rows = Vec::new();
        let mut po_line_rows = Vec::new();
        let mut links = Vec::new();
        for o in chunk.clone() {
            let id = o as i32 + 1;
            // The measured customer holds a quarter of the book, so its list
            // is a full page at every size.
            let customer = if rng.next(4) == 0 {
                customers[0]
            } else {
                customers[rng.next(customers.len() as u64) as usize]
            };
            let status = statuses[rng.next(statuses.len() as u64) as usize];
            // Confirmed within the last four months; shipped ones left three
            // to eight weeks later, so a 90-day period holds a realistic share.
            let confirmed = today - Days::days(rng.next(120) as i64);
            let shipped = (status == "shipped")
                .then(|| (confirmed + Days::days(21 + rng.next(35) as i64)).min(today));
            order_rows.push(order::ActiveModel {
                id: Set(id),
                number: Set(format!("SO-B-{id:07}")),
                customer_company_id: Set(customer),
                sales_owner_id: Set(None),
                currency: Set("EUR".into()),
                incoterm: Set("FOB".into()),
                payment_terms: Set("30 days".into()),
                ship_to: Set("Hamburg".into()),
                status: Set(status.into()),
                version: Set(1),
                revision: Set(0),
                confirmed_on: Set(Some(confirmed)),
                shipped_on: Set(shipped),
                created_at: Set(now),
                updated_at: Set(now),
            });
            let supplier = suppliers[rng.next(suppliers.len() as u64) as usize];
            po_rows.push(purchase_order::ActiveModel {
                id: Set(id),
                number: Set(format!("PO-B-{id:07}")),
                supplier_company_id: Set(supplier),
                status: Set("open".into()),
                version: Set(1),
                created_at: Set(now),
            });
            for l in 0..LINES_PER_ORDER {
                // Shipped lines were committed around their shipping day
                // (some late); open ones lie ahead.
                let committed = match shipped {
                    Some(day) => day + Days::days(rng.next(12) as i64 - 3),
                    None => today + Days::days(20 + rng.next(90) as i64),
                };
                let ready_by = committed - Days::days(10);
                let slip = if rng.next(10) == 0 {
                    rng.next(12) as i64
                } else {
                    0
                };
                line_rows.push(order_line::ActiveModel {
                    id: Set(next_line_id),
                    order_id: Set(id),
                    line_no: Set(l as i32 + 1),
                    product_code: Set(format!("P-{:05}", rng.next(20_000))),
                    description: Set("Stoneware mug 350 ml, reactive glaze".into()),
                    hs_code: Set("691200".into()),
                    quantity: Set(100 + rng.next(5000) as i64),
                    unit: Set("pcs".into()),
                    unit_price_minor: Set(100 + rng.next(5000) as i64),
                    requested_date: Set(committed),
                    committed_date: Set(Some(committed)),
                    forecast_date: Set(Some(committed + Days::days(slip))),
                    alert_level: Set(0),
                    overdue_alerted: Set(false),
                });
                po_line_rows.push(po_line::ActiveModel {
                    id: Set(next_po_line_id),
                    purchase_order_id: Set(id),
                    line_no: Set(l as i32 + 1),
                    product_code: Set("P".into()),
                    description: Set("Stoneware mug".into()),
                    quantity: Set(1000),
                    quantity_done: Set(0),
                    committed_ready_date: Set(ready_by),
                    forecast_ready_date: Set(Some(ready_by + Days::days(slip))),
                    milestone: Set(match status {
                        "ready" => "ready_to_ship",
                        "shipped" => "shipped",
                        _ => "in_production",
                    }
                    .into()),
                    ready_on: Set(matches!(status, "ready" | "shipped")
                        .then(|| (ready_by + Days::days(slip)).min(today))),
                    last_progress_at: Set(Some(now)),
                    version: Set(1),
                    alert_level: Set(0),
                    cancelled: Set(false),
                });
                links.push(po_line_link::ActiveModel {
                    po_line_id: Set(next_po_line_id),
                    order_line_id: Set(next_line_id),
                });
                next_line_id += 1;
                next_po_line_id += 1;
            }
        }
        order::Entity::insert_many(order_rows)
            .exec(&tx)
            .await
            .unwrap();
        for rows in line_rows.chunks(200) {
            order_line::Entity::insert_many(rows.to_vec())
                .exec(&tx)
                .await
                .unwrap();
        }
        purchase_order::Entity::insert_many(po_rows)
            .exec(&tx)
            .await
            .unwrap();
        for rows in po_line_rows.chunks(200) {
            po_line::Entity::insert_many(rows.to_vec())
                .exec(&tx)
                .await
                .unwrap();
        }
        for rows in links.chunks(400) {
            po_line_link::Entity::insert_many(rows.to_vec())
                .exec(&tx)
                .await
                .unwrap();
        }
        tx.commit().await.unwrap();
    }
    let customer_orders: Vec<i32> = order::Entity::find()
        .filter(order::Column::CustomerCompanyId.eq(customers[0]))
        .order_by_desc(order::Column::Id)
        .limit(200)
        .all(db)
        .await
        .unwrap()
        .into_iter()
        .map(|o| o.id)
        .collect();
    let supplier_pos: Vec<i32> = purchase_order::Entity::find()
        .filter(purchase_order::Column::SupplierCompanyId.eq(suppliers[0]))
        .all(db)
        .await
        .unwrap()
        .into_iter()
        .map(|p| p.id)
        .collect();
    let supplier_lines = po_line::Entity::find()
        .filter(po_line::Column::PurchaseOrderId.is_in(supplier_pos))
        .all(db)
        .await
        .unwrap()
        .into_iter()
        .map(|l| l.id)
        .collect();
    Book {
        staff_email: "sales@house.bench".into(),
        customer_email: "buyer@customer-0.bench".into(),
        customer_orders,
        supplier_email: "factory@factory-0.bench".into(),
        supplier_lines,
        customer_company: customers[0],
    }
}

#[derive(Debug, Clone, Copy)]
struct Stats {
    per_second: f64,
    p50_ms: f64,
    p99_ms: f64,
    errors: usize,
}

/// Runs `request` from `CONCURRENCY` clients for `RUN_FOR`; a request that
/// answers `None` has nothing left to do and ends its client.
async fn measure<F, Fut>(request: F) -> Stats
where
    F: Fn(usize) -> Fut + Send + Sync + 'static,
    Fut: std::future::Future<Output = Option<bool>> + Send,
{
    let request = Arc::new(request);
    let counter = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let deadline = started + RUN_FOR;
    let mut tasks = Vec::new();
    for _ in 0..CONCURRENCY {
        let request = request.clone();
        let counter = counter.clone();
        tasks.push(tokio::spawn(async move {
            let mut times = Vec::new();
            let mut errors = 0;
            while Instant::now() < deadline {
                let n = counter.fetch_add(1, Ordering::Relaxed);
                let t = Instant::now();
                match request(n).await {
                    None => break,
                    Some(false) => errors += 1,
                    Some(true) => {}
                }
                times.push(t.elapsed());
            }
            (times, errors)
        }));
    }
    let mut all = Vec::new();
    let mut errors = 0;
    for task in tasks {
        let (times, e) = task.await.unwrap();
        all.extend(times);
        errors += e;
    }
    let elapsed = started.elapsed().as_secs_f64();
    all.sort();
    let pick = |q: f64| all[((all.len() as f64 - 1.0) * q) as usize].as_secs_f64() * 1000.0;
    Stats {
        per_second: all.len() as f64 / elapsed,
        p50_ms: pick(0.50),
        p99_ms: pick(0.99),
        errors,
    }
}

fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

async fn sign_in(base: &str, email: &str) -> reqwest::Client {
    let client = client();
    let response = client
        .post(format!("{base}/api/auth/login"))
        .form(&[("email", email), ("password", PASSWORD)])
        .send()
        .await
        .unwrap();
    assert!(response.status().is_success(), "sign-in failed");
    client
}

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

async fn run(lines: usize) -> Row {
    let dir = tempfile::tempdir().unwrap();
    let url = format!(
        "sqlite://{}?mode=rwc",
        dir.path().join("bench.db").display()
    );
    let db = server::db::connect_and_migrate(&url).await.unwrap();
    let started = Instant::now();
    let book = generate(&db, lines, 42).await;
    eprintln!("{lines} lines generated in {:?}", started.elapsed());
    let mut config = Config::for_database(url, integration_tests::site_root());
    config.slip_scan_seconds = 86_400;
    let app = Application::build(&config).await.unwrap();
    let base = format!("http://{}", app.addr());
    let state = app.state().clone();
    tokio::spawn(app.run_until_stopped());

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
    let json_url = ceiling(db.clone(), book.customer_company).await;
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
        let (factory, url, lines) = (
            factory.clone(),
            format!("{b}/api/progress/post"),
            factory_lines.clone(),
        );
        async move {
            // Each line is reported once (at version 1); the run ends when
            // the factory's lines are used up.
            let id = lines.get(n)?;
            factory
                .post(url)
                .form(&[
                    ("id", id.to_string()),
                    ("version", "1".into()),
                    ("milestone", "qc_passed".into()),
                    ("quantity_done", "10".into()),
                ])
                .send()
                .await
                .map(|r| r.status().is_success())
                .ok()
                .or(Some(false))
        }
    })
    .await;
    // The first scan after the import alerts every slip in the book at once;
    // later scans only look for changes.
    let t = Instant::now();
    let tx = state.db.begin().await.unwrap();
    let report = app::ssr::alerts::scan(&tx, &state.alert_context())
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let first_scan = t.elapsed();
    let t = Instant::now();
    let tx = state.db.begin().await.unwrap();
    app::ssr::alerts::scan(&tx, &state.alert_context())
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let scan = t.elapsed();
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

fn bundle() -> String {
    let pkg = integration_tests::site_root().join("pkg");
    let mut out = String::new();
    for file in ["portal.wasm", "portal.js"] {
        let path = pkg.join(file);
        let raw = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
        let gzip = std::process::Command::new("sh")
            .arg("-c")
            .arg(format!("gzip -9 -c '{}' | wc -c", path.display()))
            .output()
            .ok()
            .and_then(|o| String::from_utf8(o.stdout).ok())
            .and_then(|s| s.trim().parse::<u64>().ok())
            .unwrap_or(0);
        out.push_str(&format!(
            "| `{file}` | {} KB | {} KB |\n",
            raw / 1024,
            gzip / 1024
        ));
    }
    out
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let sizes: Vec<usize> = args
        .iter()
        .position(|a| a == "--lines")
        .and_then(|i| args.get(i + 1))
        .map(|s| s.split(',').filter_map(|n| n.parse().ok()).collect())
        .unwrap_or_else(|| vec![1_000]);
    let write = args.iter().any(|a| a == "--write");
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    let rows: Vec<Row> = sizes.iter().map(|n| runtime.block_on(run(*n))).collect();
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
    println!("{table}\n{workspace}\n| file | raw | gzip |\n|---|---|---|\n{bundle}");
    if write {
        let machine = std::process::Command::new("sh")
            .arg("-c")
            .arg("nproc; grep -m1 'model name' /proc/cpuinfo | cut -d: -f2; free -g | awk '/Mem/{print $2\" GiB\"}'")
            .output()
            .map(|o| String::from_utf8_lossy(&o.stdout).split('\n').map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join(" · "))
            .unwrap_or_default();
        let doc = format!(
            "# Benchmarks\n\nRun: `cargo bench -p integration-tests --bench load -- --lines 1000,100000 --write` \
             (release build; SQLite in a temporary folder; {CONCURRENCY} concurrent clients for {}s per row; \
             the measured customer holds about a quarter of the book, a full page at every size; data from a fixed seed).\n\n\
             Machine: {machine} (cores · CPU · memory). Measured {}.\n\n## Pages and reports\n\n{table}\n\
             \"list / ceiling\" is the order list page's rate over the bare JSON handler returning the same rows.\n\n\
             ## Staff workspace\n\nOne sales person loading the page seven times in a row (the whole HTML, figures computed).\n\n{workspace}\n\
             ## Browser bundle\n\nAs built in `target/site/pkg` when the benchmark ran (`scripts/run.sh` builds the release bundle).\n\n\
             | file | raw | gzip |\n|---|---|---|\n{bundle}\n\
             ## Not measured yet\n\n- Live-update delivery latency and memory with 100 and 1,000 open event streams.\n\
             - PostgreSQL figures.\n",
            RUN_FOR.as_secs(),
            Utc::now().format("%Y-%m-%d")
        );
        // The hand-written reading of the figures, from its heading on, stays.
        let path = integration_tests::workspace_root().join("BENCHMARKS.md");
        let kept = std::fs::read_to_string(&path)
            .ok()
            .and_then(|old| {
                old.find("\n## Against the targets")
                    .map(|i| old[i..].to_string())
            })
            .unwrap_or_default();
        std::fs::write(path, format!("{doc}{kept}")).unwrap();
    }
}
