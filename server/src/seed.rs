//! Demo data for a fresh installation. Runs only on an empty database (no
//! companies yet) and writes everything in one transaction, so a demo is either
//! complete or absent. Each area of the portal adds its own step to `STEPS`.

use app::domain::company::{CompanyKind, CountryCode};
use app::ssr::repo::companies::{self, NewCompany};
use sea_orm::{DatabaseConnection, DatabaseTransaction, DbErr, TransactionTrait};
use std::future::Future;
use std::pin::Pin;

/// What seeding did, for the start-up log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SeedOutcome {
    /// The database already held data; nothing was written.
    AlreadyHasData,
    /// Demo rows were written; one line per step for the log.
    Seeded(Vec<String>),
}

/// Ids of the demo rows, filled in step by step so later steps can refer to
/// earlier ones (users of a company, orders of a customer, ...).
#[derive(Debug, Default)]
pub struct Demo {
    pub house: i32,
    pub customers: Vec<i32>,
    pub suppliers: Vec<i32>,
}

type StepFuture<'a> = Pin<Box<dyn Future<Output = Result<String, DbErr>> + Send + 'a>>;
type Step = for<'a> fn(&'a DatabaseTransaction, &'a mut Demo) -> StepFuture<'a>;

/// The seeding steps in order; each returns a one-line summary.
const STEPS: &[Step] = &[|tx, demo| Box::pin(seed_companies(tx, demo))];

pub async fn seed_demo_if_empty(db: &DatabaseConnection) -> Result<SeedOutcome, DbErr> {
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
    let mut demo = Demo::default();
    let mut summary = Vec::with_capacity(STEPS.len());
    for step in STEPS {
        summary.push(step(&tx, &mut demo).await?);
    }
    tx.commit().await?;
    Ok(SeedOutcome::Seeded(summary))
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
