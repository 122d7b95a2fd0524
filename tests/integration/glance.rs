//! The customer's first page at a glance: its open orders counted by the
//! order list's badges, what ships next and what waits for it, and nothing
//! of another customer.

use app::domain::change_request::ChangeStatus;
use app::domain::order_status::OrderStatus;
use app::domain::shipping::shipment::CustomsStatus;
use app::ssr::entities::{change_request, instalment, order, order_line, shipment};
use app::ssr::repo::orders::{self, NewLine, NewOrder};
use chrono::{DateTime, Duration, Utc};
use integration_tests::people::{Cast, PASSWORD, create_cast, create_order};
use integration_tests::{TestApp, quotes, spawn_app};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set,
    TransactionTrait,
};

/// An order in production with one line whose forecast lies `slip` days
/// after its commitment (0 on track, 1 at risk, 2 late).
pub(crate) async fn order_slipping(app: &TestApp, customer: i32, number: &str, slip: i64) -> i32 {
    order_with_slipping_lines(app, customer, number, slip, 1).await
}

/// An order in production of `lines` lines, each committed 30 days out and
/// forecast `slip` days later, written in one transaction.
pub(crate) async fn order_with_slipping_lines(
    app: &TestApp,
    customer: i32,
    number: &str,
    slip: i64,
    lines: i32,
) -> i32 {
    order_committed_for(app, customer, number, 30, slip, lines).await
}

/// An order in production of `lines` lines, each committed `days` days from
/// today (before it if negative) and forecast `slip` days later.
async fn order_committed_for(
    app: &TestApp,
    customer: i32,
    number: &str,
    days: i64,
    slip: i64,
    lines: i32,
) -> i32 {
    let now = app.state.now();
    let txn = app.db.begin().await.unwrap();
    let order = orders::insert_order(
        &txn,
        NewOrder {
            number,
            customer_company_id: customer,
            sales_owner_id: None,
            currency: "EUR",
            incoterm: "FOB",
            payment_terms: "30 days",
            ship_to: "Hamburg",
            status: OrderStatus::InProduction,
        },
        now,
    )
    .await
    .unwrap();
    let committed = app.today() + Duration::days(days);
    for line_no in 1..=lines {
        orders::insert_line(&txn, slipping_line(order.id, line_no, committed, slip))
            .await
            .unwrap();
    }
    txn.commit().await.unwrap();
    order.id
}

/// Line `line_no` of order `order_id`, committed on `committed` and
/// forecast `slip` days later.
pub(crate) fn slipping_line(
    order_id: i32,
    line_no: i32,
    committed: chrono::NaiveDate,
    slip: i64,
) -> NewLine<'static> {
    NewLine {
        order_id,
        line_no,
        product_code: "MUG-1",
        description: "Mug",
        hs_code: "691200",
        quantity: 100,
        unit: "pcs",
        unit_price_minor: 900,
        requested: committed,
        committed: Some(committed),
        forecast: Some(committed + Duration::days(slip)),
    }
}

/// A second line on `order`, not committed yet.
/// Moves an order on to `status` without the portal's rules.
async fn set_status(db: &DatabaseConnection, order: i32, status: OrderStatus) {
    use sea_orm::EntityTrait;
    let found = app::ssr::entities::order::Entity::find_by_id(order)
        .one(db)
        .await
        .unwrap()
        .unwrap();
    let mut row: app::ssr::entities::order::ActiveModel = found.into();
    row.status = Set(status);
    row.update(db).await.unwrap();
}

async fn uncommitted_line(app: &TestApp, order: i32) {
    let db = &app.db;
    let requested = app.today() + Duration::days(40);
    orders::insert_line(
        db,
        NewLine {
            order_id: order,
            line_no: 2,
            product_code: "MUG-2",
            description: "Mug, blue",
            hs_code: "691200",
            quantity: 50,
            unit: "pcs",
            unit_price_minor: 950,
            requested,
            committed: None,
            forecast: None,
        },
    )
    .await
    .unwrap();
}

/// The house answered a change request on `order` with a counter-proposal.
async fn countered(db: &DatabaseConnection, order: i32, by: i32) {
    change_request::ActiveModel {
        order_id: Set(order),
        requested_by: Set(by),
        base_version: Set(1),
        status: Set(ChangeStatus::Countered),
        items: Set("[]".into()),
        note: Set("Later, please".into()),
        counter_items: Set(Some("[]".into())),
        answer: Set(Some("Two weeks later instead?".into())),
        created_at: Set(Utc::now()),
        decided_at: Set(Some(Utc::now())),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap();
}

/// A booked shipment of `order` leaving in `days` on `vessel`.
async fn booked(app: &TestApp, order: i32, vessel: &str, days: i64) {
    let db = &app.db;
    let today = app.today();
    shipment::ActiveModel {
        order_id: Set(order),
        etd: Set(today + Duration::days(days)),
        carrier: Set("Maersk".to_string()),
        vessel: Set(vessel.to_string()),
        bl_number: Set(String::new()),
        eta: Set(Some(today + Duration::days(days + 28))),
        created_at: Set(app.state.now()),
        booking_no: Set(format!("BK-{order}-{days}")),
        port_of_loading: Set("Ningbo".to_string()),
        port_of_discharge: Set("Hamburg".to_string()),
        atd: Set(None),
        ata: Set(None),
        customs_status: Set(CustomsStatus::Declared),
        customs_on: Set(None),
        check_override: Set(None),
        check_override_by: Set(None),
        check_override_at: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap();
}

/// An instalment of `order` due in `days`, `paid` of 1,000.00 paid.
pub(crate) async fn instalment_due(app: &TestApp, order: i32, days: i64, paid: i64) {
    let db = &app.db;
    instalment::ActiveModel {
        order_id: Set(order),
        position: Set(1),
        kind: Set("balance".to_string()),
        amount_minor: Set(100_000),
        due_date: Set(Some(app.today() + Duration::days(days))),
        due_event: Set(None),
        due_offset_days: Set(0),
        paid_minor: Set(paid),
        paid_at: Set(None),
        reminder_level: Set(0),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap();
}

/// A quotation for `buyer`'s inquiry, costed, approved and sent; its id.
pub(crate) async fn sent_quotation(
    app: &TestApp,
    cast: &Cast,
    buyer: &reqwest::Client,
    supplier: i32,
    what: &str,
) -> i32 {
    let staff = app.client_for(&cast.staff.email, PASSWORD).await;
    let admin = app.client_for(&cast.admin.email, PASSWORD).await;
    let inquiry = quotes::inquire(app, buyer, what).await;
    let quote = quotes::cost(app, &staff, inquiry, supplier, "8.00", "10.00", "30").await;
    assert_eq!(quotes::step(app, &staff, quote, "submit").await.0, 200);
    assert_eq!(quotes::decide(app, &admin, quote, 1, true, "").await.0, 200);
    let (status, body) = quotes::step(app, &staff, quote, "send").await;
    assert_eq!(status, 200, "{body}");
    quote
}

fn kinds_and_paths(glance: &serde_json::Value) -> Vec<(String, String)> {
    glance["waiting"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| {
            (
                w["kind"].as_str().unwrap().to_string(),
                w["path"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[tokio::test]
async fn the_customer_sees_its_orders_counted_its_sailings_and_what_waits() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    // SO-A-1 (from the cast) has a line two days late.
    let on_track = order_slipping(&app, cast.customer_a, "SO-A-TRACK", 0).await;
    let at_risk = order_slipping(&app, cast.customer_a, "SO-A-RISK", 1).await;
    // Expected early is on track; a slip of any size from two days on is
    // late, and so is a commitment passed, whatever the forecast says.
    order_slipping(&app, cast.customer_a, "SO-A-EARLY", -3).await;
    order_slipping(&app, cast.customer_a, "SO-A-FAR", 9).await;
    order_committed_for(&app, cast.customer_a, "SO-A-PAST", -1, -2, 2).await;
    // A line without a commitment beside one on track: counted nowhere.
    let mixed = order_slipping(&app, cast.customer_a, "SO-A-MIXED", 0).await;
    uncommitted_line(&app, mixed).await;
    // Delivered orders count by their lines alone, their dates no longer
    // matter: a shipped one whose line slipped is on track, an arrived one
    // with a line without a commitment is counted nowhere.
    let shipped = order_slipping(&app, cast.customer_a, "SO-A-SHIPPED", 5).await;
    set_status(&app.db, shipped, OrderStatus::Shipped).await;
    let arrived = order_slipping(&app, cast.customer_a, "SO-A-ARRIVED", 0).await;
    uncommitted_line(&app, arrived).await;
    set_status(&app.db, arrived, OrderStatus::Arrived).await;
    // A shipped order without lines is counted nowhere either.
    let empty = create_order(&app, cast.customer_a, "SO-A-EMPTY", OrderStatus::Shipped).await;
    order_line::Entity::delete_many()
        .filter(order_line::Column::OrderId.eq(empty))
        .exec(&app.db)
        .await
        .unwrap();
    // Finished and not-yet-confirmed orders are not counted.
    create_order(&app, cast.customer_a, "SO-A-DONE", OrderStatus::Settled).await;
    create_order(&app, cast.customer_a, "SO-A-NEW", OrderStatus::Quoted).await;
    // Customer B's orders never count for A.
    let order_b_late = order_slipping(&app, cast.customer_b, "SO-B-LATE", 5).await;
    order_slipping(&app, cast.customer_b, "SO-B-TRACK", 0).await;

    countered(&app.db, on_track, cast.customer.id).await;
    countered(&app.db, order_b_late, cast.customer_b_user.id).await;
    booked(&app, on_track, "MV Glance Alpha", 6).await;
    booked(&app, order_b_late, "MV Secret Bravo", 2).await;
    // A shipment that has arrived no longer sails.
    booked(&app, shipped, "MV Arrived Charlie", -30).await;
    let mut arrived_shipment: shipment::ActiveModel = shipment::Entity::find()
        .filter(shipment::Column::OrderId.eq(shipped))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .into();
    arrived_shipment.ata = Set(Some(app.today() - Duration::days(2)));
    arrived_shipment.update(&app.db).await.unwrap();
    // Only an instalment still owed and due soon waits: not one paid in
    // full, not one due far ahead, never another customer's.
    instalment_due(&app, at_risk, 3, 40_000).await;
    instalment_due(&app, mixed, 2, 100_000).await;
    instalment_due(&app, shipped, 60, 0).await;
    instalment_due(&app, order_b_late, 1, 0).await;

    let buyer = app.client_for(&cast.customer.email, PASSWORD).await;
    let buyer_b = app.client_for(&cast.customer_b_user.email, PASSWORD).await;
    let quote_a = sent_quotation(&app, &cast, &buyer, cast.supplier_a, "A's mug").await;
    let quote_b = sent_quotation(&app, &cast, &buyer_b, cast.supplier_b, "B's mug").await;

    let (status, glance) = app.call(&buyer, "orders/glance", &[]).await;
    assert_eq!(status, 200, "{glance}");
    assert_eq!(glance["counts"]["on_track"], 3, "{glance}");
    assert_eq!(glance["counts"]["at_risk"], 1, "{glance}");
    assert_eq!(glance["counts"]["late"], 3, "{glance}");

    // The counts agree with the badges of the order list.
    let (_, list) = app.call(&buyer, "orders/list", &[]).await;
    let badges: Vec<(&str, &str)> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|o| (o["number"].as_str().unwrap(), o["badge"].as_str().unwrap()))
        .collect();
    for (number, badge) in [
        ("SO-A-TRACK", "on_track"),
        ("SO-A-RISK", "at_risk"),
        ("SO-A-1", "late"),
        ("SO-A-EARLY", "on_track"),
        ("SO-A-FAR", "late"),
        ("SO-A-PAST", "late"),
        ("SO-A-MIXED", "unconfirmed"),
        ("SO-A-SHIPPED", "on_track"),
        ("SO-A-ARRIVED", "unconfirmed"),
    ] {
        assert!(badges.contains(&(number, badge)), "{number}: {badges:?}");
    }

    let sailings = glance["sailings"].as_array().unwrap();
    assert_eq!(sailings.len(), 1, "{glance}");
    assert_eq!(sailings[0]["order_number"], "SO-A-TRACK");
    assert_eq!(sailings[0]["vessel"], "MV Glance Alpha");
    assert_eq!(sailings[0]["departed"], false);

    let waiting = kinds_and_paths(&glance);
    assert!(
        waiting.contains(&(
            "quotation".to_string(),
            format!("/customer/quotations/{quote_a}")
        )),
        "{glance}"
    );
    assert!(
        waiting.contains(&(
            "counter_proposal".to_string(),
            format!("/customer/orders/{on_track}")
        )),
        "{glance}"
    );
    assert!(
        waiting.contains(&(
            "instalment".to_string(),
            format!("/customer/orders/{at_risk}")
        )),
        "{glance}"
    );
    assert_eq!(waiting.len(), 3, "nothing else waits: {glance}");
    assert_eq!(glance["waiting_more"], 0, "{glance}");

    // Nothing of customer B's shows, and B sees only its own.
    let text = glance.to_string();
    for foreign in ["SO-B-", "MV Secret Bravo"] {
        assert!(!text.contains(foreign), "{foreign} leaked: {text}");
    }
    assert!(
        !text.contains(&format!("/customer/quotations/{quote_b}")),
        "{text}"
    );
    assert!(
        !text.contains(&format!("/customer/orders/{order_b_late}")),
        "{text}"
    );
    let (status, glance_b) = app.call(&buyer_b, "orders/glance", &[]).await;
    assert_eq!(status, 200, "{glance_b}");
    assert_eq!(glance_b["counts"]["on_track"], 1, "{glance_b}");
    assert_eq!(glance_b["counts"]["late"], 1, "{glance_b}");
    assert!(!glance_b.to_string().contains("SO-A-"), "{glance_b}");
}

/// A shipment of `order` on `vessel` that left two days ago, arriving in
/// `eta` days if known.
async fn at_sea(app: &TestApp, order: i32, vessel: &str, eta: Option<i64>) {
    let db = &app.db;
    booked(app, order, vessel, -2).await;
    let today = app.today();
    let mut row: shipment::ActiveModel = shipment::Entity::find()
        .filter(shipment::Column::Vessel.eq(vessel))
        .one(db)
        .await
        .unwrap()
        .unwrap()
        .into();
    row.atd = Set(Some(today - Duration::days(2)));
    row.eta = Set(eta.map(|days| today + Duration::days(days)));
    row.update(db).await.unwrap();
}

#[tokio::test]
async fn of_many_sailings_and_payments_the_soonest_are_named() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let first = order_slipping(&app, cast.customer_a, "SO-A-FIRST", 0).await;
    let second = order_slipping(&app, cast.customer_a, "SO-A-SECOND", 0).await;
    let third = order_slipping(&app, cast.customer_a, "SO-A-THIRD", 0).await;
    booked(&app, first, "MV Later", 20).await;
    booked(&app, second, "MV Soon", 4).await;
    booked(&app, third, "MV Soon Too", 4).await;
    // A departure overdue is still the next thing to happen.
    booked(&app, first, "MV Delayed", -3).await;
    at_sea(&app, second, "MV Arriving", Some(1)).await;
    // At sea without an ETA there is nothing to announce.
    at_sea(&app, third, "MV Unknown Arrival", None).await;
    // Twelve payments due, the most pressing first.
    for (days, order) in (-6..6).zip([first, second, third].into_iter().cycle()) {
        instalment_due(&app, order, days, 0).await;
    }

    let buyer = app.client_for(&cast.customer.email, PASSWORD).await;
    let (status, glance) = app.call(&buyer, "orders/glance", &[]).await;
    assert_eq!(status, 200, "{glance}");
    let sailings: Vec<(&str, &str, bool)> = glance["sailings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["vessel"].as_str().unwrap(),
                s["order_number"].as_str().unwrap(),
                s["departed"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        sailings,
        [
            ("MV Delayed", "SO-A-FIRST", false),
            ("MV Arriving", "SO-A-SECOND", true),
            ("MV Soon", "SO-A-SECOND", false),
        ],
        "{glance}"
    );

    let waiting = glance["waiting"].as_array().unwrap();
    assert_eq!(waiting.len(), 10, "{glance}");
    assert_eq!(glance["waiting_more"], 2, "{glance}");
    let today = app.today();
    for (shown, (days, number)) in waiting.iter().zip(
        (-6i64..).zip(
            ["SO-A-FIRST", "SO-A-SECOND", "SO-A-THIRD"]
                .into_iter()
                .cycle(),
        ),
    ) {
        assert_eq!(shown["kind"], "instalment", "{glance}");
        assert_eq!(shown["number"], number, "{glance}");
        assert_eq!(
            shown["due"],
            (today + Duration::days(days)).to_string(),
            "{glance}"
        );
        assert_eq!(shown["overdue"], days < 0, "{glance}");
    }
}

#[tokio::test]
async fn only_customers_have_a_glance() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    for person in [&cast.staff, &cast.admin, &cast.supplier] {
        let client = app.client_for(&person.email, PASSWORD).await;
        let (status, body) = app.call(&client, "orders/glance", &[]).await;
        assert_eq!(status, 403, "{:?}: {body}", person.role);
    }
    let (status, _) = app
        .call(&integration_tests::new_client(), "orders/glance", &[])
        .await;
    assert_eq!(status, 401);
}

/// A file row named `name` on `order` of `customer`, shared with it and
/// uploaded `at` by the house (the bytes are not needed to show or guard
/// it); answers its id.
pub(crate) async fn shared_file(
    app: &TestApp,
    (customer, order): (i32, i32),
    name: &str,
    at: DateTime<Utc>,
) -> i32 {
    app::ssr::entities::file::ActiveModel {
        owner_kind: Set("order".into()),
        owner_id: Set(order),
        order_id: Set(Some(order)),
        purchase_order_id: Set(None),
        customer_company_id: Set(Some(customer)),
        factory_company_id: Set(None),
        shared_with_customer: Set(true),
        shared_with_factory: Set(false),
        name: Set(name.into()),
        content_type: Set("application/pdf".into()),
        size_bytes: Set(1),
        sha256: Set("0".repeat(64)),
        storage_key: Set(format!("files/tests/{order}/{name}")),
        uploaded_by: Set(None),
        uploaded_at: Set(at),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap()
    .id
}

#[tokio::test]
async fn a_proposed_remedy_and_a_shared_document_wait_for_their_customer_only() {
    use app::domain::complaints::ComplaintStatus;
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let now = app.state.now();
    let complaint = async |status, hours_ago| {
        crate::complaint_list::complaint_at(
            &app,
            (cast.customer_a, cast.customer.id, cast.order_a),
            Some(cast.supplier_a),
            status,
            now - Duration::hours(hours_ago),
        )
        .await
    };
    let remedy = complaint(ComplaintStatus::RemedyProposed, 3).await;
    // Being looked into, and so waiting for the house, not the customer.
    complaint(ComplaintStatus::Investigating, 2).await;
    shared_file(
        &app,
        (cast.customer_a, cast.order_a),
        "packing-list-a.pdf",
        now - Duration::days(1),
    )
    .await;
    // Shared too long ago to be news.
    shared_file(
        &app,
        (cast.customer_b, cast.order_b),
        "packing-list-b.pdf",
        now - Duration::days(40),
    )
    .await;

    let buyer = app.client_for(&cast.customer.email, PASSWORD).await;
    let (status, glance) = app.call(&buyer, "orders/glance", &[]).await;
    assert_eq!(status, 200, "{glance}");
    let mut waiting = kinds_and_paths(&glance);
    waiting.sort();
    assert_eq!(
        waiting,
        [
            (
                "document".to_string(),
                format!("/customer/orders/{}", cast.order_a)
            ),
            (
                "remedy".to_string(),
                format!("/customer/complaints/{remedy}")
            ),
        ],
        "{glance}"
    );
    // The document names its order, which nothing else on the page reads.
    let number = order::Entity::find_by_id(cast.order_a)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .number;
    let document = glance["waiting"]
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["kind"] == "document")
        .unwrap();
    assert_eq!(document["number"], number.as_str(), "{glance}");

    let buyer_b = app.client_for(&cast.customer_b_user.email, PASSWORD).await;
    let (status, glance_b) = app.call(&buyer_b, "orders/glance", &[]).await;
    assert_eq!(status, 200, "{glance_b}");
    assert!(kinds_and_paths(&glance_b).is_empty(), "{glance_b}");
}
