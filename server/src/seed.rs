//! Demo data for a fresh installation. Runs only on an empty database (no
//! companies yet) and writes everything in one transaction, so a demo is either
//! complete or absent. Each area of the portal adds its own step to `STEPS`.

use app::domain::account::{DisplayName, Email, Role};
use app::domain::company::{CompanyKind, CountryCode};
use app::ssr::auth::password;
use app::ssr::repo::companies::{self, NewCompany};
use app::ssr::repo::users::{self, NewUser};
use chrono::{DateTime, Utc};
use sea_orm::{DatabaseConnection, DatabaseTransaction, DbErr, TransactionTrait};
use std::future::Future;
use std::pin::Pin;

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
}

type StepFuture<'a> = Pin<Box<dyn Future<Output = Result<String, DbErr>> + Send + 'a>>;
type Step = for<'a> fn(&'a DatabaseTransaction, &'a mut Demo) -> StepFuture<'a>;

/// The seeding steps in order; each returns a one-line summary.
const STEPS: &[Step] = &[
    |tx, demo| Box::pin(seed_companies(tx, demo)),
    |tx, demo| Box::pin(seed_users(tx, demo)),
];

pub async fn seed_demo_if_empty(
    db: &DatabaseConnection,
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

async fn seed_users(tx: &DatabaseTransaction, demo: &mut Demo) -> Result<String, DbErr> {
    let hash = password::hash(DEMO_PASSWORD.to_string())
        .await
        .map_err(DbErr::Custom)?;
    let people: [(i32, Role, &str, &str, &str, &str); 6] = [
        (
            demo.house,
            Role::Admin,
            "admin@harbourbridge.example",
            "Grace Ho",
            "en",
            "Asia/Hong_Kong",
        ),
        (
            demo.house,
            Role::Staff,
            "sales@harbourbridge.example",
            "Daniel Chan",
            "en",
            "Asia/Hong_Kong",
        ),
        (
            demo.customers[0],
            Role::Customer,
            "einkauf@nordlicht.example",
            "Anna Schmidt",
            "en",
            "Europe/Berlin",
        ),
        (
            demo.customers[1],
            Role::Customer,
            "buying@maplepine.example",
            "Olivia Tremblay",
            "en",
            "America/Vancouver",
        ),
        (
            demo.suppliers[0],
            Role::Supplier,
            "orders@everbright.example",
            "Li Wei",
            "zh",
            "Asia/Shanghai",
        ),
        (
            demo.suppliers[1],
            Role::Supplier,
            "sales@greenleaf.example",
            "Chen Jing",
            "zh",
            "Asia/Shanghai",
        ),
    ];
    for (company_id, role, email, name, locale, time_zone) in people {
        let email = Email::parse(email).expect("demo e-mails are valid");
        let display_name = DisplayName::parse(name).expect("demo names are valid");
        users::insert(
            tx,
            NewUser {
                company_id,
                email: &email,
                display_name: &display_name,
                role,
                // Each account gets the same hash: salts differ per hash, not per
                // user, and a demo needs only one known password.
                password_hash: Some(hash.clone()),
                locale,
                time_zone,
            },
            demo.now,
        )
        .await?;
        let company = companies::find(tx, company_id)
            .await?
            .map(|c| c.name)
            .unwrap_or_default();
        demo.logins.push(DemoLogin {
            email: email.to_string(),
            role,
            company,
        });
    }
    Ok(format!(
        "users: {} demo accounts, one per role per company kind",
        demo.logins.len()
    ))
}
