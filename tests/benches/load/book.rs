//! The benchmark's book: a deterministic set of customers, factories,
//! orders with lines, linked PO lines, progress, shipments, instalments
//! and complaints, written straight into a migrated database.

use super::grievances::{Arrived, Grievances};
use super::*;
use app::domain::approval::StaffLevel;
use app::domain::slip::AlertKind;
use app::ssr::entities::user;
use sea_orm::ActiveModelTrait;

/// A tiny deterministic generator (same book for the same seed).
pub(crate) struct Lcg(pub(crate) u64);
impl Lcg {
    pub(crate) fn next(&mut self, below: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % below.max(1)
    }
}

pub(crate) struct Book {
    pub(crate) staff_email: String,
    /// The house's sales person (`staff_email`), whose level the
    /// administrator sets.
    pub(crate) staff_id: i32,
    /// The house's administrator, who changes the house's settings.
    pub(crate) admin_email: String,
    pub(crate) customer_email: String,
    pub(crate) customer_orders: Vec<i32>,
    pub(crate) supplier_email: String,
    pub(crate) supplier_lines: Vec<i32>,
    pub(crate) customer_company: i32,
    /// A buyer of another customer, whose quotation the house costs.
    pub(crate) other_customer_email: String,
    /// The other customer's newest order, in whose conversation the house
    /// writes.
    pub(crate) other_customer_order: i32,
    /// The other customer's company, whose credit the house sets.
    pub(crate) other_customer_company: i32,
    /// A buyer of a third customer, whose inquiries the house takes to
    /// contracts.
    pub(crate) third_customer_email: String,
    /// The third customer's company, to which the house invites people.
    pub(crate) third_customer_company: i32,
    /// The house's sales person who quotes the third customer.
    pub(crate) quoting_email: String,
    /// The factory that makes what the third customer is quoted.
    pub(crate) quoted_factory: i32,
    /// An administrator who approves the third customer's quotations.
    pub(crate) approver_email: String,
    /// An administrator who invites people and deactivates them.
    pub(crate) people_admin_email: String,
    /// House people who set up two-factor sign-in, each once: the first
    /// half while reads are kept, the second while each page is served as
    /// after a write to it.
    pub(crate) enrolling_emails: Vec<String>,
}

/// House people in the book who set up two-factor sign-in: more than the
/// two-factor row's two runs reach at its pace (three steps a person).
const ENROLLING_PEOPLE: usize = 40;

async fn generate(db: &DatabaseConnection, lines: usize, seed: u64) -> Book {
    let mut rng = Lcg(seed);
    let mut grievances = Grievances::new(seed);
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
        .unwrap()
        .id
    };
    // A buyer at every customer, who files its complaints.
    let mut buyers = Vec::new();
    for (i, customer) in customers.iter().enumerate() {
        let email = format!("buyer@customer-{i}.bench");
        buyers.push(person(*customer, Role::Customer, &email).await);
    }
    let staff_id = person(house_id, Role::Staff, "sales@house.bench").await;
    person(house_id, Role::Admin, "admin@house.bench").await;
    person(suppliers[0], Role::Supplier, "factory@factory-0.bench").await;
    person(house_id, Role::Staff, "quotes@house.bench").await;
    person(house_id, Role::Admin, "approver@house.bench").await;
    person(house_id, Role::Admin, "people@house.bench").await;
    let enrolling_emails: Vec<String> = (0..ENROLLING_PEOPLE)
        .map(|i| format!("member-{i}@house.bench"))
        .collect();
    // Cost accountants, who look after no orders: they hear of messages
    // only, as such colleagues would choose, and payment reminders go to the
    // sales people. Otherwise every slip and every overdue payment in the
    // book would tell each of them, and the portal would still be sending
    // those mails while the pages are measured.
    for email in &enrolling_emails {
        let id = person(house_id, Role::Staff, email).await;
        users::set_alert_choices(db, id, AlertKind::Message.as_str(), false)
            .await
            .unwrap();
        user::ActiveModel {
            id: Set(id),
            staff_level: Set(Some(StaffLevel::CostAccountant)),
            ..Default::default()
        }
        .update(db)
        .await
        .unwrap();
    }

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
            let customer_at = if rng.next(4) == 0 {
                0
            } else {
                rng.next(customers.len() as u64) as usize
            };
            let customer = customers[customer_at];
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
            let arrived = shipped
                .map(|day| day + Days::days(28))
                .filter(|on| status != "shipped" && *on <= today);
            if let Some(on) = arrived {
                let arrived = Arrived {
                    order: id,
                    first_line: next_line_id - LINES_PER_ORDER as i32,
                    customer,
                    buyer: buyers[customer_at],
                    factory: supplier,
                    on,
                };
                grievances.draw(&arrived, now);
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
        grievances.write(&tx).await;
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
    let other_customer_order = order::Entity::find()
        .filter(order::Column::CustomerCompanyId.eq(customers[1]))
        .order_by_desc(order::Column::Id)
        .one(db)
        .await
        .unwrap()
        .expect("the other customer holds an order")
        .id;
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
        staff_id,
        admin_email: "admin@house.bench".into(),
        customer_email: "buyer@customer-0.bench".into(),
        customer_orders,
        supplier_email: "factory@factory-0.bench".into(),
        supplier_lines,
        customer_company: customers[0],
        other_customer_email: "buyer@customer-1.bench".into(),
        other_customer_order,
        other_customer_company: customers[1],
        third_customer_email: "buyer@customer-2.bench".into(),
        third_customer_company: customers[2],
        quoting_email: "quotes@house.bench".into(),
        quoted_factory: suppliers[0],
        approver_email: "approver@house.bench".into(),
        people_admin_email: "people@house.bench".into(),
        enrolling_emails,
    }
}

/// Generates a book into a migrated database; on PostgreSQL the id
/// sequences are moved past the rows written with explicit ids.
pub(crate) async fn generate_into(
    url: &str,
    lines: usize,
    seed: u64,
) -> (DatabaseConnection, Book) {
    let db = server::db::connect_and_migrate(url).await.unwrap();
    let started = Instant::now();
    let book = generate(&db, lines, seed).await;
    if db.get_database_backend() == sea_orm::DatabaseBackend::Postgres {
        for table in [
            "orders",
            "order_lines",
            "purchase_orders",
            "po_lines",
            "complaints",
        ] {
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
