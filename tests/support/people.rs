//! Known people for tests: two companies of each outside kind, each with a
//! user, and the trading house with an admin and a staff member. All share
//! one password.

use app::domain::account::{DisplayName, Email, Role};
use app::domain::company::{CompanyKind, CountryCode};
use app::domain::order_status::OrderStatus;
use app::ssr::auth::password;
use app::ssr::repo::companies::{self, NewCompany};
use app::ssr::repo::orders::{self, NewLine, NewOrder};
use app::ssr::repo::purchase_orders::{self, NewPoLine};
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
    /// An order of customer A, in production.
    pub order_a: i32,
    /// An order of customer B, quoted.
    pub order_b: i32,
    /// Supplier A's PO line filling line 1 of order A (on time, in production).
    pub po_line_a: i32,
    /// Supplier B's PO line (PO-B-1) filling line 2 of order A (two days late).
    pub po_line_b: i32,
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

/// The cast in `app`'s database, written at the portal's time.
pub async fn create_cast(app: &crate::TestApp) -> Cast {
    cast_at(&app.db, app.state.now(), app.today()).await
}

/// The cast written `now`, its orders' dates counted from `today`.
pub async fn cast_at(
    db: &DatabaseConnection,
    now: chrono::DateTime<chrono::Utc>,
    today: chrono::NaiveDate,
) -> Cast {
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
        insert_person(db, company_id, role, email, hash.clone(), now).await
    };
    let admin = person(house, Role::Admin, "admin@house.test").await;
    let staff = person(house, Role::Staff, "staff@house.test").await;
    let customer = person(customer_a, Role::Customer, "buyer@customer-a.test").await;
    let customer_b_user = person(customer_b, Role::Customer, "buyer@customer-b.test").await;
    let supplier = person(supplier_a, Role::Supplier, "factory@supplier-a.test").await;
    let supplier_b_user = person(supplier_b, Role::Supplier, "factory@supplier-b.test").await;
    let order_a = order_at(
        db,
        now,
        today,
        customer_a,
        "SO-A-1",
        OrderStatus::InProduction,
    )
    .await;
    let order_b = order_at(db, now, today, customer_b, "SO-B-1", OrderStatus::Quoted).await;
    let lines = orders::lines_of(db, &[order_a]).await.unwrap();
    let place =
        async |supplier: i32, number: &str, line: &app::ssr::entities::order_line::Model| {
            let po = purchase_orders::insert_po(db, number, supplier, now)
                .await
                .unwrap();
            let committed = line.committed_date.unwrap() - chrono::Duration::days(10);
            let slip = line.forecast_date.unwrap() - line.committed_date.unwrap();
            purchase_orders::insert_po_line(
                db,
                NewPoLine {
                    purchase_order_id: po.id,
                    line_no: 1,
                    product_code: &line.product_code,
                    description: &line.description,
                    quantity: line.quantity,
                    quantity_done: 20,
                    committed_ready: committed,
                    forecast_ready: Some(committed + slip),
                    milestone: app::domain::progress::Milestone::InProduction,
                    last_progress_at: Some(now),
                },
                &[line.id],
            )
            .await
            .unwrap()
            .id
        };
    let po_line_a = place(supplier_a, "PO-A-1", &lines[0]).await;
    let po_line_b = place(supplier_b, "PO-B-1", &lines[1]).await;
    Cast {
        po_line_a,
        po_line_b,
        order_a,
        order_b,
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

/// An order with two lines; committed dates (and a forecast two days late on
/// line 2) once the status is past quoting.
pub async fn create_order(
    app: &crate::TestApp,
    customer: i32,
    number: &str,
    status: OrderStatus,
) -> i32 {
    order_at(
        &app.db,
        app.state.now(),
        app.today(),
        customer,
        number,
        status,
    )
    .await
}

/// An order as [`create_order`] writes it, written `now` with its dates
/// counted from `today`.
async fn order_at(
    db: &DatabaseConnection,
    now: chrono::DateTime<chrono::Utc>,
    today: chrono::NaiveDate,
    customer: i32,
    number: &str,
    status: OrderStatus,
) -> i32 {
    let order = orders::insert_order(
        db,
        NewOrder {
            number,
            customer_company_id: customer,
            sales_owner_id: None,
            currency: "EUR",
            incoterm: "FOB",
            payment_terms: "30 days",
            ship_to: "Secret Warehouse of that customer",
            status,
        },
        now,
    )
    .await
    .unwrap();
    let frozen = status.commitments_frozen();
    for (line_no, product, slip) in [(1, "SECRET-PRODUCT-1", 0), (2, "SECRET-PRODUCT-2", 2)] {
        let requested = today + chrono::Duration::days(30);
        orders::insert_line(
            db,
            NewLine {
                order_id: order.id,
                line_no,
                product_code: product,
                description: "Test product",
                hs_code: "732393",
                quantity: 100,
                unit: "pcs",
                unit_price_minor: 1250,
                requested,
                committed: frozen.then_some(requested),
                forecast: frozen.then(|| requested + chrono::Duration::days(slip)),
            },
        )
        .await
        .unwrap();
    }
    order.id
}

/// One more person of `company_id` in `role`, with the shared password.
pub async fn add_person(
    db: &DatabaseConnection,
    company_id: i32,
    role: Role,
    email: &str,
) -> Person {
    let hash = password::hash(PASSWORD.to_string()).await.unwrap();
    insert_person(db, company_id, role, email, hash, chrono::Utc::now()).await
}

async fn insert_person(
    db: &DatabaseConnection,
    company_id: i32,
    role: Role,
    email: &str,
    hash: String,
    now: chrono::DateTime<chrono::Utc>,
) -> Person {
    let email = Email::parse(email).unwrap();
    let user = users::insert(
        db,
        NewUser {
            company_id,
            email: &email,
            display_name: &DisplayName::parse("Test Person").unwrap(),
            role,
            password_hash: Some(hash),
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
}

/// The house's sales manager (`manager@house.test`), who approves
/// quotations and hears of late complaints.
pub async fn add_sales_manager(db: &DatabaseConnection, house: i32) -> Person {
    add_house_person(
        db,
        house,
        "manager@house.test",
        app::domain::approval::StaffLevel::SalesManager,
    )
    .await
}

/// A member of the house at a staff level (sales manager, cost accountant,
/// commercial director), signed in with the shared password.
pub async fn add_house_person(
    db: &DatabaseConnection,
    house: i32,
    email: &str,
    level: app::domain::approval::StaffLevel,
) -> Person {
    use sea_orm::{ActiveModelTrait, Set};
    let hash = password::hash(PASSWORD.to_string()).await.unwrap();
    let address = Email::parse(email).unwrap();
    let user = users::insert(
        db,
        NewUser {
            company_id: house,
            email: &address,
            display_name: &DisplayName::parse(
                &app::i18n::Locale::En.t(&format!("staff-level-{}", level.as_str())),
            )
            .unwrap(),
            role: Role::Staff,
            password_hash: Some(hash),
            locale: "en",
            time_zone: "UTC",
        },
        chrono::Utc::now(),
    )
    .await
    .unwrap();
    app::ssr::entities::user::ActiveModel {
        id: Set(user.id),
        staff_level: Set(Some(level)),
        ..Default::default()
    }
    .update(db)
    .await
    .unwrap();
    Person {
        id: user.id,
        company_id: house,
        email: user.email,
        role: Role::Staff,
    }
}
