//! Demo data for a fresh installation. Runs only on an empty database (no
//! companies yet) and writes everything in one transaction, so a demo is either
//! complete or absent. Each area of the portal adds its own step to `STEPS`.

use app::domain::account::Role;
use app::domain::approval::StaffLevel;
use app::domain::company::{CompanyKind, CountryCode};
use app::ssr::repo::companies::{self, NewCompany};
use chrono::{DateTime, Utc};
use sea_orm::{DatabaseConnection, DatabaseTransaction, DbErr, TransactionTrait};
use std::future::Future;
use std::pin::Pin;

mod changes;
mod complaint_history;
mod complaints;
mod messages;
mod orders;
mod people;
mod quotations;
mod shipping;

/// Every demo account signs in with this password.
pub const DEMO_PASSWORD: &str = "portal-demo-2026";

/// What seeding did, for the start-up log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SeedOutcome {
    /// The database already held data; nothing was written.
    AlreadyHasData,
    Seeded(SeedReport),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeedReport {
    /// One line per step.
    pub summary: Vec<String>,
    pub logins: Vec<DemoLogin>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoLogin {
    pub email: String,
    pub role: Role,
    pub company: String,
}

/// Ids of the demo rows, filled in step by step so later steps can refer to
/// earlier ones (users of a company, orders of a customer, ...).
#[derive(Debug)]
pub struct Demo {
    pub now: DateTime<Utc>,
    pub house: i32,
    pub customers: Vec<i32>,
    pub suppliers: Vec<i32>,
    pub logins: Vec<DemoLogin>,
    /// The house's sales staff member, owner of the demo orders.
    pub sales_owner: Option<i32>,
    /// The house's staff by level, who take the approvals.
    pub staff: Vec<(StaffLevel, i32)>,
    /// Each customer's buyer, in the order of `customers`.
    pub buyers: Vec<i32>,
    /// Where the demo's documents are stored.
    pub files: std::sync::Arc<app::ssr::storage::FileStore>,
}

type StepFuture<'a> = Pin<Box<dyn Future<Output = Result<String, DbErr>> + Send + 'a>>;
type Step = for<'a> fn(&'a DatabaseTransaction, &'a mut Demo) -> StepFuture<'a>;

/// The seeding steps in order; each returns a one-line summary.
const STEPS: &[Step] = &[
    |tx, demo| Box::pin(seed_companies(tx, demo)),
    |tx, demo| Box::pin(people::seed_users(tx, demo)),
    |tx, demo| Box::pin(orders::seed_orders(tx, demo)),
    |tx, demo| Box::pin(quotations::seed_quotations(tx, demo)),
    |tx, demo| Box::pin(shipping::seed_back_half(tx, demo)),
    |tx, demo| Box::pin(complaints::seed_complaints(tx, demo)),
    |tx, demo| Box::pin(messages::seed_conversations(tx, demo)),
    |tx, demo| Box::pin(changes::seed_change_requests(tx, demo)),
];

pub async fn seed_demo_if_empty(
    db: &DatabaseConnection,
    files: &std::sync::Arc<app::ssr::storage::FileStore>,
    now: DateTime<Utc>,
) -> Result<SeedOutcome, DbErr> {
    if companies::count_all(db).await? > 0 {
        return Ok(SeedOutcome::AlreadyHasData);
    }
    let tx = db.begin().await?;
    // Checked again inside the transaction: two instances starting together on
    // one PostgreSQL database must not both seed (the unique company names make
    // the loser's transaction fail rather than duplicate the demo).
    if companies::count_all(&tx).await? > 0 {
        return Ok(SeedOutcome::AlreadyHasData);
    }
    let mut demo = Demo {
        now,
        house: 0,
        customers: Vec::new(),
        suppliers: Vec::new(),
        logins: Vec::new(),
        sales_owner: None,
        staff: Vec::new(),
        buyers: Vec::new(),
        files: files.clone(),
    };
    let mut summary = Vec::with_capacity(STEPS.len());
    for step in STEPS {
        summary.push(step(&tx, &mut demo).await?);
    }
    tx.commit().await?;
    Ok(SeedOutcome::Seeded(SeedReport {
        summary,
        logins: demo.logins,
    }))
}

async fn seed_companies(tx: &DatabaseTransaction, demo: &mut Demo) -> Result<String, DbErr> {
    let company = |kind, name, country: &str, city| NewCompany {
        kind,
        name,
        country: CountryCode::parse(country).expect("demo country codes are valid"),
        city,
    };
    demo.house = companies::insert(
        tx,
        company(
            CompanyKind::House,
            "Harbour Bridge Trading Co.",
            "HK",
            "Hong Kong",
        ),
    )
    .await?
    .id;
    for (name, country, city) in [
        ("Nordlicht Haushaltswaren GmbH", "DE", "Hamburg"),
        ("Maple & Pine Home Goods Inc.", "CA", "Vancouver"),
    ] {
        let id = companies::insert(tx, company(CompanyKind::Customer, name, country, city))
            .await?
            .id;
        demo.customers.push(id);
    }
    for (name, country, city) in [
        ("Ningbo Everbright Kitchenware Factory", "CN", "Ningbo"),
        ("Foshan Greenleaf Ceramics Co., Ltd.", "CN", "Foshan"),
    ] {
        let id = companies::insert(tx, company(CompanyKind::Supplier, name, country, city))
            .await?
            .id;
        demo.suppliers.push(id);
    }
    Ok(format!(
        "companies: 1 trading house, {} customers, {} suppliers",
        demo.customers.len(),
        demo.suppliers.len()
    ))
}

/// Where each customer's goods go, in the order of `Demo::customers`.
const SHIP_TO: [&str; 2] = [
    "Nordlicht Haushaltswaren GmbH, Lagerhaus 4, Am Sandtorkai 12, 20457 Hamburg, Germany",
    "Maple & Pine Home Goods Inc., Unit 7, 1550 Cliveden Ave, Delta BC V3M 6J8, Canada",
];
