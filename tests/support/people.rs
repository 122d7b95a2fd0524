//! Known people for tests: two companies of each outside kind, each with a
//! user, and the trading house with an admin and a staff member. All share
//! one password.

use app::domain::account::{DisplayName, Email, Role};
use app::domain::company::{CompanyKind, CountryCode};
use app::ssr::auth::password;
use app::ssr::repo::companies::{self, NewCompany};
use app::ssr::repo::users::{self, NewUser};
use sea_orm::DatabaseConnection;

pub const PASSWORD: &str = "a perfectly long test password";

#[derive(Debug, Clone)]
pub struct Person {
    pub id: i32,
    pub company_id: i32,
    pub email: String,
    pub role: Role,
}

#[derive(Debug, Clone)]
pub struct Cast {
    pub house: i32,
    pub customer_a: i32,
    pub customer_b: i32,
    pub supplier_a: i32,
    pub supplier_b: i32,
    pub admin: Person,
    pub staff: Person,
    pub customer: Person,
    pub customer_b_user: Person,
    pub supplier: Person,
    pub supplier_b_user: Person,
}

impl Cast {
    /// One user per role, all in "company A" (or the house).
    pub fn by_role(&self, role: Role) -> &Person {
        match role {
            Role::Admin => &self.admin,
            Role::Staff => &self.staff,
            Role::Customer => &self.customer,
            Role::Supplier => &self.supplier,
        }
    }
}

pub async fn create_cast(db: &DatabaseConnection) -> Cast {
    let now = chrono::Utc::now();
    let company = |kind, name: &'static str| NewCompany {
        kind,
        name,
        country: CountryCode::parse("DE").unwrap(),
        city: "Testville",
    };
    let house = companies::insert(db, company(CompanyKind::House, "House"))
        .await
        .unwrap()
        .id;
    let customer_a = companies::insert(db, company(CompanyKind::Customer, "Customer A"))
        .await
        .unwrap()
        .id;
    let customer_b = companies::insert(db, company(CompanyKind::Customer, "Customer B"))
        .await
        .unwrap()
        .id;
    let supplier_a = companies::insert(db, company(CompanyKind::Supplier, "Supplier A"))
        .await
        .unwrap()
        .id;
    let supplier_b = companies::insert(db, company(CompanyKind::Supplier, "Supplier B"))
        .await
        .unwrap()
        .id;
    let hash = password::hash(PASSWORD.to_string()).await.unwrap();
    let person = async |company_id: i32, role: Role, email: &str| {
        let email = Email::parse(email).unwrap();
        let user = users::insert(
            db,
            NewUser {
                company_id,
                email: &email,
                display_name: &DisplayName::parse("Test Person").unwrap(),
                role,
                password_hash: Some(hash.clone()),
                locale: "en",
                time_zone: "UTC",
            },
            now,
        )
        .await
        .unwrap();
        Person {
            id: user.id,
            company_id,
            email: user.email,
            role,
        }
    };
    let admin = person(house, Role::Admin, "admin@house.test").await;
    let staff = person(house, Role::Staff, "staff@house.test").await;
    let customer = person(customer_a, Role::Customer, "buyer@customer-a.test").await;
    let customer_b_user = person(customer_b, Role::Customer, "buyer@customer-b.test").await;
    let supplier = person(supplier_a, Role::Supplier, "factory@supplier-a.test").await;
    let supplier_b_user = person(supplier_b, Role::Supplier, "factory@supplier-b.test").await;
    Cast {
        house,
        customer_a,
        customer_b,
        supplier_a,
        supplier_b,
        admin,
        staff,
        customer,
        customer_b_user,
        supplier,
        supplier_b_user,
    }
}
