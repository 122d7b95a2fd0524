//! The demo's people: the house's administrator and a person per staff
//! level, a buyer per customer and a contact per factory, each in their own
//! language and time zone.

use app::domain::account::{DisplayName, Email, Role};
use app::domain::approval::StaffLevel;
use app::ssr::auth::password;
use app::ssr::repo::companies;
use app::ssr::repo::users::{self, NewUser};
use sea_orm::{ActiveModelTrait, DatabaseTransaction, DbErr, Set};

use super::{DEMO_PASSWORD, Demo, DemoLogin};

/// Whose account a demo person holds.
#[derive(Clone, Copy)]
enum Of {
    House,
    /// Index into `Demo::customers`.
    Customer(usize),
    /// Index into `Demo::suppliers`.
    Supplier(usize),
}

/// One demo account.
struct Person {
    of: Of,
    role: Role,
    /// Only the house's staff have a level; it decides which approvals
    /// they take.
    level: Option<StaffLevel>,
    email: &'static str,
    name: &'static str,
    locale: &'static str,
    time_zone: &'static str,
}

/// The house's administrator and a person per staff level, a buyer per
/// customer (in the order of `Demo::customers`) and a contact per factory.
const PEOPLE: [Person; 9] = [
    Person {
        of: Of::House,
        role: Role::Admin,
        level: None,
        email: "admin@harbourbridge.example",
        name: "Grace Ho",
        locale: "en",
        time_zone: "Asia/Hong_Kong",
    },
    Person {
        of: Of::House,
        role: Role::Staff,
        level: Some(StaffLevel::Sales),
        email: "sales@harbourbridge.example",
        name: "Daniel Chan",
        locale: "en",
        time_zone: "Asia/Hong_Kong",
    },
    Person {
        of: Of::House,
        role: Role::Staff,
        level: Some(StaffLevel::SalesManager),
        email: "manager@harbourbridge.example",
        name: "Mei Lin",
        locale: "zh",
        time_zone: "Asia/Hong_Kong",
    },
    Person {
        of: Of::House,
        role: Role::Staff,
        level: Some(StaffLevel::CostAccountant),
        email: "costs@harbourbridge.example",
        name: "Kevin Lau",
        locale: "en",
        time_zone: "Asia/Hong_Kong",
    },
    Person {
        of: Of::House,
        role: Role::Staff,
        level: Some(StaffLevel::CommercialDirector),
        email: "director@harbourbridge.example",
        name: "Helen Wong",
        locale: "zh",
        time_zone: "Asia/Hong_Kong",
    },
    Person {
        of: Of::Customer(0),
        role: Role::Customer,
        level: None,
        email: "einkauf@nordlicht.example",
        name: "Anna Schmidt",
        locale: "en",
        time_zone: "Europe/Berlin",
    },
    Person {
        of: Of::Customer(1),
        role: Role::Customer,
        level: None,
        email: "buying@maplepine.example",
        name: "Olivia Tremblay",
        locale: "en",
        time_zone: "America/Vancouver",
    },
    Person {
        of: Of::Supplier(0),
        role: Role::Supplier,
        level: None,
        email: "orders@everbright.example",
        name: "Li Wei",
        locale: "zh",
        time_zone: "Asia/Shanghai",
    },
    Person {
        of: Of::Supplier(1),
        role: Role::Supplier,
        level: None,
        email: "sales@greenleaf.example",
        name: "Chen Jing",
        locale: "zh",
        time_zone: "Asia/Shanghai",
    },
];

pub(super) async fn seed_users(tx: &DatabaseTransaction, demo: &mut Demo) -> Result<String, DbErr> {
    let hash = password::hash(DEMO_PASSWORD.to_string())
        .await
        .map_err(DbErr::Custom)?;
    for person in &PEOPLE {
        let company_id = match person.of {
            Of::House => demo.house,
            Of::Customer(i) => demo.customers[i],
            Of::Supplier(i) => demo.suppliers[i],
        };
        let email = Email::parse(person.email).expect("demo e-mails are valid");
        let display_name = DisplayName::parse(person.name).expect("demo names are valid");
        let user = users::insert(
            tx,
            NewUser {
                company_id,
                email: &email,
                display_name: &display_name,
                role: person.role,
                // Each account gets the same hash: salts differ per hash, not per
                // user, and a demo needs only one known password.
                password_hash: Some(hash.clone()),
                locale: person.locale,
                time_zone: person.time_zone,
            },
            demo.now,
        )
        .await?;
        if let Some(level) = person.level {
            app::ssr::entities::user::ActiveModel {
                id: Set(user.id),
                staff_level: Set(Some(level)),
                ..Default::default()
            }
            .update(tx)
            .await?;
            demo.staff.push((level, user.id));
            if level == StaffLevel::Sales {
                demo.sales_owner = Some(user.id);
            }
        }
        if person.role == Role::Customer {
            demo.buyers.push(user.id);
        }
        let company = companies::find(tx, company_id)
            .await?
            .map(|c| c.name)
            .unwrap_or_default();
        demo.logins.push(DemoLogin {
            email: email.to_string(),
            role: person.role,
            company,
        });
    }
    Ok(format!(
        "users: {} demo accounts, one per role per company kind and one per staff level",
        demo.logins.len()
    ))
}
