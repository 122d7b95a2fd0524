//! The portal's benchmark: fills a fresh SQLite database with a deterministic
//! book of orders (customers, factories, orders with lines, linked PO lines,
//! progress, shipments and instalments), serves it, and measures at a fixed
//! concurrency the customer's order list and order pages (server-rendered
//! HTML), a factory's progress report (POST), and — as the ceiling — a bare
//! axum handler returning the same rows as JSON. Also times a full slippage
//! scan and reports the size of the browser bundle. Results go to stdout
//! and, with `--write`, to `BENCHMARKS.md`.
//!
//! `--lines` serves the portal inside this process, with the clients on the
//! same runtime. `--outside` (in `load/outside.rs`) runs the portal as its
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
#[path = "load/outside.rs"]
mod outside;
#[path = "load/phone.rs"]
mod phone;

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
    // Shipments and payments draw from their own generator, so the orders
    // and lines stay those of books generated before they were added.
    let mut money = Lcg(seed ^ 0x5eed_5eed);
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
    // A tenth of the book is the last two months' work, at every stage;
    // the rest is four years of history, shipped and mostly settled.
    let recent_statuses = [
        "confirmed",
        "in_production",
        "in_production",
        "ready",
        "shipped",
    ];
    let past_statuses = ["shipped", "arrived", "settled", "settled"];
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
        let mut shipment_rows = Vec::new();
        let mut instalment_rows = Vec::new();
        for o in chunk.clone() {
            let id = o as i32 + 1;
            // The measured customer holds a quarter of the book, so its list
            // is a full page at every size.
            let customer = if rng.next(4) == 0 {
                customers[0]
            } else {
                customers[rng.next(customers.len() as u64) as usize]
            };
            let (status, age) = if rng.next(10) == 0 {
                (
                    recent_statuses[rng.next(recent_statuses.len() as u64) as usize],
                    rng.next(60),
                )
            } else {
                (
                    past_statuses[rng.next(past_statuses.len() as u64) as usize],
                    61 + rng.next(1400),
                )
            };
            let confirmed = today - Days::days(age as i64);
            // Shipped three to eight weeks after confirmation.
            let left = matches!(status, "shipped" | "arrived" | "settled");
            let shipped =
                left.then(|| (confirmed + Days::days(21 + rng.next(35) as i64)).min(today));
            order_rows.push(order::ActiveModel {
                id: Set(id),
                number: Set(format!("SO-B-{id:07}")),
                customer_company_id: Set(customer),
                sales_owner_id: Set(None),
                currency: Set("EUR".into()),
                incoterm: Set("FOB".into()),
                payment_terms: Set("30 days".into()),
                ship_to: Set("Hamburg".into()),
                status: Set(
                    app::domain::order_status::OrderStatus::parse(status).expect("a known status")
                ),
                version: Set(1),
                revision: Set(0),
                confirmed_on: Set(Some(confirmed)),
                shipped_on: Set(shipped),
                created_at: Set(now),
                updated_at: Set(now),
                quotation_id: Set(None),
                penalty_bp_per_day: Set(None),
                latest_shipment: Set(None),
            });
            // Every order that left has its shipment, arrived four weeks
            // later; a deposit paid at confirmation and a balance due a
            // month after shipping, paid except on a few recent orders and
            // one old order in fifty.
            if let Some(day) = shipped {
                let arrival = day + Days::days(28);
                shipment_rows.push(shipment::ActiveModel {
                    order_id: Set(id),
                    etd: Set(day),
                    carrier: Set("Maersk".into()),
                    vessel: Set(format!("MV Bench {}", money.next(40))),
                    bl_number: Set(format!("BL-{id:07}")),
                    eta: Set(Some(arrival)),
                    created_at: Set(now),
                    booking_no: Set(format!("BK-{id:07}")),
                    port_of_loading: Set("Ningbo".into()),
                    port_of_discharge: Set("Hamburg".into()),
                    atd: Set(Some(day)),
                    ata: Set((arrival <= today).then_some(arrival)),
                    customs_status: Set(CustomsStatus::Released),
                    customs_on: Set(Some(day)),
                    check_override: Set(None),
                    check_override_by: Set(None),
                    check_override_at: Set(None),
                    ..Default::default()
                });
            }
            let total = 1_000_000 + money.next(9_000_000) as i64;
            let deposit = total * 3 / 10;
            let balance_due = shipped.map(|day| day + Days::days(30));
            let balance_paid = status == "settled"
                || balance_due.is_some_and(|due| due + Days::days(20) < today)
                    && money.next(50) != 0;
            for (position, kind, amount, due, paid) in [
                (1, "deposit", deposit, Some(confirmed), true),
                (2, "balance", total - deposit, balance_due, balance_paid),
            ] {
                instalment_rows.push(instalment::ActiveModel {
                    order_id: Set(id),
                    position: Set(position),
                    kind: Set(kind.into()),
                    amount_minor: Set(amount),
                    due_date: Set(due),
                    due_event: Set(due.is_none().then(|| "shipment".into())),
                    due_offset_days: Set(if due.is_none() { 30 } else { 0 }),
                    paid_minor: Set(if paid { amount } else { 0 }),
                    paid_at: Set(paid.then_some(now)),
                    reminder_level: Set(0),
                    ..Default::default()
                });
            }
            let supplier = suppliers[rng.next(suppliers.len() as u64) as usize];
            po_rows.push(purchase_order::ActiveModel {
                id: Set(id),
                number: Set(format!("PO-B-{id:07}")),
                supplier_company_id: Set(supplier),
                status: Set(app::domain::order_status::PurchaseOrderStatus::Open),
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
                        "ready" => Milestone::ReadyToShip,
                        "shipped" | "arrived" | "settled" => Milestone::Shipped,
                        _ => Milestone::InProduction,
                    }),
                    ready_on: Set((left || status == "ready")
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
        for rows in shipment_rows.chunks(200) {
            shipment::Entity::insert_many(rows.to_vec())
                .exec(&tx)
                .await
                .unwrap();
        }
        for rows in instalment_rows.chunks(300) {
            instalment::Entity::insert_many(rows.to_vec())
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
    // Lines still in production take a "QC passed" report.
    let supplier_lines = po_line::Entity::find()
        .filter(po_line::Column::PurchaseOrderId.is_in(supplier_pos))
        .filter(po_line::Column::Milestone.eq("in_production"))
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

/// A factory's "QC passed" report on one of its lines (at version 1), as the
/// progress form sends it to the portal at `base`.
async fn report_progress(
    factory: &reqwest::Client,
    base: &str,
    line: i32,
) -> reqwest::Result<reqwest::Response> {
    factory
        .post(format!("{base}/api/progress/post"))
        .form(&[
            ("id", line.to_string()),
            ("version", "1".into()),
            ("milestone", "qc_passed".into()),
            ("quantity_done", "10".into()),
        ])
        .send()
        .await
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

/// Generates a book into a migrated database; on PostgreSQL the id
/// sequences are moved past the rows written with explicit ids.
async fn generate_into(url: &str, lines: usize, seed: u64) -> (DatabaseConnection, Book) {
    let db = server::db::connect_and_migrate(url).await.unwrap();
    let started = Instant::now();
    let book = generate(&db, lines, seed).await;
    if db.get_database_backend() == sea_orm::DatabaseBackend::Postgres {
        for table in ["orders", "order_lines", "purchase_orders", "po_lines"] {
            db.execute_unprepared(&format!(
                "SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT MAX(id) FROM {table}))"
            ))
            .await
            .unwrap();
        }
        // What autovacuum does in a running database: planner statistics,
        // and the visibility map that lets index-only scans skip the table.
        db.execute_unprepared("VACUUM ANALYZE").await.unwrap();
    }
    eprintln!("{lines} lines generated in {:?}", started.elapsed());
    (db, book)
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
    // wait until that pass is surely done (twice a later scan's time), as
    // nothing should be measured behind it.
    let timed_scan = async || {
        let t = Instant::now();
        let report = app::ssr::alerts::scan_and_commit(&state).await.unwrap();
        (report, t.elapsed())
    };
    let (report, first_scan) = timed_scan().await;
    let (_, scan) = timed_scan().await;
    tokio::spawn(app.run_until_stopped());
    tokio::time::sleep(scan * 2 + Duration::from_millis(100)).await;
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

/// What the live-update run measured.
struct LiveRow {
    clients: usize,
    deliveries: usize,
    expected: usize,
    p50_ms: f64,
    p99_ms: f64,
    rss_before_mb: f64,
    rss_after_mb: f64,
}

/// A process's resident memory, in MB, from its `/proc/…/status`.
fn rss_mb(status: &str) -> f64 {
    std::fs::read_to_string(status)
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .unwrap_or(0.0)
        / 1024.0
}

/// `clients` open event streams of one customer; the customer's factory
/// reports progress `POSTS` times; each stream's delay from the report being
/// sent to its first event arriving is one delivery.
async fn run_live(clients: usize) -> LiveRow {
    const POSTS: usize = 20;
    let (url, _dir) = Store::Sqlite.fresh("live").await;
    let (db, book) = generate_into(&url, 40_000, 7).await;
    // The portal runs as its own process (this binary with `--serve`), so
    // its memory is measured apart from the clients'.
    let mut server = std::process::Command::new(std::env::current_exe().unwrap())
        .args(["--serve", &url])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut addr = String::new();
    std::io::BufRead::read_line(
        &mut std::io::BufReader::new(server.stdout.take().unwrap()),
        &mut addr,
    )
    .unwrap();
    let base = format!("http://{}", addr.trim());
    let server_rss = || rss_mb(&format!("/proc/{}/status", server.id()));
    let customer = sign_in(&base, &book.customer_email).await;
    let factory = sign_in(&base, &book.supplier_email).await;
    // Factory lines filling this customer's orders: each report reaches its streams.
    let lines: Vec<i32> = {
        use app::ssr::entities::po_line_link;
        let orders: Vec<i32> = order::Entity::find()
            .filter(order::Column::CustomerCompanyId.eq(book.customer_company))
            .all(&db)
            .await
            .unwrap()
            .into_iter()
            .map(|o| o.id)
            .collect();
        let order_lines: Vec<i32> = order_line::Entity::find()
            .filter(order_line::Column::OrderId.is_in(orders))
            .all(&db)
            .await
            .unwrap()
            .into_iter()
            .map(|l| l.id)
            .collect();
        po_line_link::Entity::find()
            .filter(po_line_link::Column::OrderLineId.is_in(order_lines))
            .all(&db)
            .await
            .unwrap()
            .into_iter()
            .map(|l| l.po_line_id)
            .collect()
    };
    let factory_lines: Vec<i32> = lines
        .into_iter()
        .filter(|id| book.supplier_lines.contains(id))
        .collect();
    assert!(
        factory_lines.len() >= POSTS,
        "the book has {} factory lines for the customer",
        factory_lines.len()
    );
    let rss_before = server_rss();
    let epoch = Instant::now();
    // Nanoseconds since `epoch` when the current report was sent, and its number.
    let sent_at = Arc::new(std::sync::atomic::AtomicU64::new(0));
    let round = Arc::new(AtomicUsize::new(0));
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<f64>();
    let ready = Arc::new(AtomicUsize::new(0));
    let mut streams = Vec::new();
    for _ in 0..clients {
        let (customer, base, sent_at, round, tx, ready) = (
            customer.clone(),
            base.clone(),
            sent_at.clone(),
            round.clone(),
            tx.clone(),
            ready.clone(),
        );
        streams.push(tokio::spawn(async move {
            let mut response = customer
                .get(format!("{base}/api/live"))
                .header("accept", "text/event-stream")
                .send()
                .await
                .unwrap();
            ready.fetch_add(1, Ordering::Relaxed);
            let mut seen_round = 0;
            while let Ok(Some(chunk)) = response.chunk().await {
                let now = epoch.elapsed().as_nanos() as u64;
                let current = round.load(Ordering::Acquire);
                if current > seen_round && String::from_utf8_lossy(&chunk).contains("data:") {
                    seen_round = current;
                    let sent = sent_at.load(Ordering::Acquire);
                    let _ = tx.send((now.saturating_sub(sent)) as f64 / 1e6);
                }
            }
        }));
    }
    drop(tx);
    while ready.load(Ordering::Relaxed) < clients {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    // Let the streams settle (the first keep-alives, the catch-up).
    tokio::time::sleep(Duration::from_millis(500)).await;
    let mut latencies = Vec::new();
    for (n, id) in factory_lines.iter().take(POSTS).enumerate() {
        sent_at.store(epoch.elapsed().as_nanos() as u64, Ordering::Release);
        round.store(n + 1, Ordering::Release);
        let answer = report_progress(&factory, &base, *id).await.unwrap();
        assert!(
            answer.status().is_success(),
            "report {n}: {}",
            answer.status()
        );
        // Wait for this round's deliveries (or give up after two seconds).
        let deadline = Instant::now() + Duration::from_secs(2);
        let mut got = 0;
        while got < clients && Instant::now() < deadline {
            match tokio::time::timeout(Duration::from_millis(100), rx.recv()).await {
                Ok(Some(ms)) => {
                    latencies.push(ms);
                    got += 1;
                }
                Ok(None) => break,
                Err(_) => {}
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let rss_after = server_rss();
    for stream in streams {
        stream.abort();
    }
    server.kill().unwrap();
    server.wait().unwrap();
    latencies.sort_by(f64::total_cmp);
    let pick = |q: f64| {
        latencies
            .get(((latencies.len().max(1) - 1) as f64 * q) as usize)
            .copied()
            .unwrap_or(f64::NAN)
    };
    LiveRow {
        clients,
        deliveries: latencies.len(),
        expected: clients * POSTS,
        p50_ms: pick(0.5),
        p99_ms: pick(0.99),
        rss_before_mb: rss_before,
        rss_after_mb: rss_after,
    }
}

/// The bundle's rows, or `None` when `target/site/pkg` holds no release
/// bundle (only the release build writes the brotli copies): a debug
/// bundle's size says nothing of what browsers download.
fn bundle() -> Option<String> {
    let pkg = integration_tests::site_root().join("pkg");
    if !pkg.join("portal.wasm.br").exists() {
        return None;
    }
    let mut out = String::new();
    for file in [
        "portal.wasm",
        "portal.js",
        "portal-partners.wasm",
        "portal-partners.js",
    ] {
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
        // What the portal sends a browser that accepts brotli (built with
        // the release bundle when the `brotli` tool is installed).
        let brotli = std::fs::metadata(pkg.join(format!("{file}.br")))
            .map_or("—".to_string(), |m| format!("{} KB", m.len() / 1024));
        out.push_str(&format!(
            "| `{file}` | {} KB | {} KB | {brotli} |\n",
            raw / 1024,
            gzip / 1024
        ));
    }
    Some(out)
}

/// `--serve URL [--no-kept-reads]`: the portal alone on a free port over an
/// existing book; prints its address, then serves until killed.
async fn serve(url: String, keep_reads: bool) {
    let mut config = Config::for_database(url, integration_tests::site_root());
    config.slip_scan_seconds = 86_400;
    config.requests.writes_per_minute = 1_000_000;
    if !keep_reads {
        config.requests.read_cache_entries = 0;
    }
    let app = Application::build(&config).await.unwrap();
    println!("{}", app.addr());
    tokio::spawn(scan_on_command(app.state().clone()));
    app.run_until_stopped().await.unwrap();
}

/// In the served portal: the line `scan` on standard input starts passes
/// of the slippage scan, one after the other (each as the portal's own job
/// runs it), until the line `stop`; then it prints how many passes ran and
/// how long they took on average. The job itself runs once a day here, so
/// the outside benchmark decides when the scan runs beside its clients.
async fn scan_on_command(state: app::ssr::AppState) {
    use std::io::BufRead;
    use std::sync::atomic::AtomicBool;
    let (lines, mut input) = tokio::sync::mpsc::unbounded_channel::<String>();
    std::thread::spawn(move || {
        for line in std::io::stdin().lock().lines().map_while(Result::ok) {
            if lines.send(line).is_err() {
                break;
            }
        }
    });
    let running = Arc::new(AtomicBool::new(false));
    let mut passes: Option<tokio::task::JoinHandle<(usize, Duration)>> = None;
    while let Some(line) = input.recv().await {
        match line.trim() {
            "scan" if passes.is_none() => {
                running.store(true, Ordering::SeqCst);
                let (state, running) = (state.clone(), running.clone());
                passes = Some(tokio::spawn(async move {
                    let (mut count, started) = (0usize, Instant::now());
                    while running.load(Ordering::SeqCst) {
                        app::ssr::alerts::scan_and_commit(&state).await.unwrap();
                        count += 1;
                    }
                    (count, started.elapsed() / count.max(1) as u32)
                }));
            }
            "stop" => {
                running.store(false, Ordering::SeqCst);
                let (count, mean) = match passes.take() {
                    Some(task) => task.await.unwrap(),
                    None => (0, Duration::ZERO),
                };
                println!("{count} {}", mean.as_millis());
            }
            _ => {}
        }
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
        let keep_reads = !args.iter().any(|a| a == "--no-kept-reads");
        runtime.block_on(serve(url, keep_reads));
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
