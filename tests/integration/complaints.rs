//! A complaint from filing to closing, each side seeing only its part, and
//! the clocks reminding the owner and then the sales managers, once each.

use integration_tests::people::{PASSWORD, add_sales_manager, create_cast};
use integration_tests::{TestApp, spawn_app};
use sea_orm::{ConnectionTrait, EntityTrait, Statement};

/// The order left today, as shipping it records (its lines take the day
/// from it).
pub(crate) async fn mark_shipped(app: &TestApp, order: i32) {
    let today = app.state.today();
    app.db
        .execute_raw(Statement::from_string(
            app.db.get_database_backend(),
            format!(
                "UPDATE orders SET status = 'shipped', shipped_on = '{today}' WHERE id = {order}"
            ),
        ))
        .await
        .unwrap();
}

/// A complaint's fields as a customer fills them in: twelve mugs cracked,
/// a credit note asked for.
pub(crate) const CRACKED_GLAZE: &[(&str, &str)] = &[
    ("category", "quality"),
    ("description", "Twelve mugs arrived with cracked glaze."),
    ("quantity", "12"),
    ("remedy", "credit_note"),
    ("amount", "150.00"),
];

pub(crate) async fn file(
    app: &TestApp,
    client: &reqwest::Client,
    order: i32,
    line: Option<i32>,
    fields: &[(&str, &str)],
) -> (u16, serde_json::Value) {
    let order = order.to_string();
    let line = line.map(|l| l.to_string());
    let mut all = vec![("order_id", order.as_str())];
    if let Some(line) = &line {
        all.push(("order_line_id", line.as_str()));
    }
    let named: Vec<(String, &str)> = fields
        .iter()
        .map(|(k, v)| (format!("complaint[{k}]"), *v))
        .collect();
    all.extend(named.iter().map(|(k, v)| (k.as_str(), *v)));
    app.call(client, "complaints/file", &all).await
}

pub(crate) async fn step(
    app: &TestApp,
    client: &reqwest::Client,
    id: i64,
    fields: &[(&str, &str)],
) -> (u16, serde_json::Value) {
    let (_, seen) = app
        .call(client, "complaints/get", &[("id", &id.to_string())])
        .await;
    let version = seen["version"].to_string();
    let id = id.to_string();
    let mut all = vec![("id", id.as_str()), ("version", version.as_str())];
    all.extend_from_slice(fields);
    app.call(client, "complaints/step", &all).await
}

pub(crate) async fn line_of(app: &TestApp, order: i32, line_no: i32) -> i32 {
    use app::ssr::entities::order_line;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    order_line::Entity::find()
        .filter(order_line::Column::OrderId.eq(order))
        .filter(order_line::Column::LineNo.eq(line_no))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .id
}

#[tokio::test]
async fn a_complaint_goes_from_the_customer_through_the_factory_to_an_accepted_remedy() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    mark_shipped(&app, cast.order_a).await;
    let buyer = app.client_for(&cast.customer.email, PASSWORD).await;
    let staff = app.client_for(&cast.staff.email, PASSWORD).await;
    let factory_b = app.client_for(&cast.supplier_b_user.email, PASSWORD).await;
    let factory_a = app.client_for(&cast.supplier.email, PASSWORD).await;
    let other_buyer = app.client_for(&cast.customer_b_user.email, PASSWORD).await;
    // Line 2 of order A is made by supplier B.
    let line = line_of(&app, cast.order_a, 2).await;

    // Bad input: each field says what is wrong, nothing is filed.
    let (status, body) = file(
        &app,
        &buyer,
        cast.order_a,
        Some(line),
        &[
            ("category", "smell"),
            ("description", "bad"),
            ("quantity", "100000"),
            ("remedy", "replacement"),
            ("amount", "50.00"),
        ],
    )
    .await;
    assert_eq!(status, 422, "{body}");
    let text = body.to_string();
    for field in ["category", "description", "quantity", "amount"] {
        assert!(text.contains(&format!("\"{field}\"")), "{field}: {text}");
    }
    let (status, body) = file(&app, &buyer, cast.order_a, Some(line), CRACKED_GLAZE).await;
    assert_eq!(status, 200, "{body}");
    let id = body.as_i64().unwrap();
    let id_text = id.to_string();
    let filed = app.wait_for_mails(1).await;
    assert!(
        filed
            .iter()
            .any(|m| m.to == cast.staff.email && m.kind == "complaint_filed")
    );

    // Counted on the scorecard of the factory behind the line, which has
    // not seen it yet, and on no other factory's.
    assert_eq!(own_complaints(&app, &factory_b).await, 1);
    assert_eq!(own_complaints(&app, &factory_a).await, 0);

    // Nobody else's: another customer and the factories know nothing yet.
    for client in [&other_buyer, &factory_a, &factory_b] {
        let (status, _) = app
            .call(client, "complaints/get", &[("id", &id_text)])
            .await;
        assert_eq!(status, 404);
    }

    // The house answers within the hour, and passes it to the factory.
    let (status, body) = step(
        &app,
        &staff,
        id,
        &[("step", "acknowledge"), ("message", "Sorry. We are on it.")],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let (status, body) = step(&app, &staff, id, &[("step", "investigate")]).await;
    assert_eq!(status, 200, "{body}");
    let (status, body) = step(
        &app,
        &staff,
        id,
        &[
            ("step", "pass"),
            ("message", "Please check the glaze batch."),
        ],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let seen = app
        .call(&staff, "complaints/get", &[("id", &id_text)])
        .await
        .1;
    assert_eq!(seen["first_answer"]["level"], "met");
    assert_eq!(seen["factory_name"], "Supplier B");

    // The factory behind the line sees it, without customer or money.
    let (status, theirs) = app
        .call(&factory_b, "complaints/get", &[("id", &id_text)])
        .await;
    assert_eq!(status, 200, "{theirs}");
    let text = theirs.to_string();
    for secret in ["Customer A", "SO-A-1", "150.00", "Sorry. We are on it."] {
        assert!(!text.contains(secret), "the factory read {secret}: {text}");
    }
    assert!(text.contains("Please check the glaze batch."), "{text}");
    let (status, _) = app
        .call(&factory_a, "complaints/get", &[("id", &id_text)])
        .await;
    assert_eq!(status, 404, "not the factory behind the line");
    let (status, body) = step(
        &app,
        &factory_b,
        id,
        &[
            ("step", "answer"),
            ("root_cause", "material"),
            (
                "message",
                "Glaze batch 0412 fired too cold; kiln curve fixed.",
            ),
        ],
    )
    .await;
    assert_eq!(status, 200, "{body}");

    // The house proposes a credit note; the customer never reads the
    // factory's name, its root cause or its words.
    let (status, body) = step(
        &app,
        &staff,
        id,
        &[
            ("step", "propose"),
            ("remedy", "credit_note"),
            ("amount", "150.00"),
            ("message", "A credit note for the twelve mugs."),
        ],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let (status, mine) = app
        .call(&buyer, "complaints/get", &[("id", &id_text)])
        .await;
    assert_eq!(status, 200);
    let text = mine.to_string();
    for secret in [
        "Supplier B",
        "kiln",
        "Please check the glaze",
        "complaint-cause",
    ] {
        assert!(!text.contains(secret), "the customer read {secret}: {text}");
    }
    assert_eq!(mine["remedy_amount"], "150.00");
    assert_eq!(mine["currency"], "EUR");
    assert!(mine["steps"].to_string().contains("accept"), "{mine}");
    let (status, body) = step(&app, &buyer, id, &[("step", "accept")]).await;
    assert_eq!(status, 200, "{body}");
    let (status, body) = step(&app, &staff, id, &[("step", "close")]).await;
    assert_eq!(status, 200, "{body}");
    let seen = app
        .call(&staff, "complaints/get", &[("id", &id_text)])
        .await
        .1;
    assert_eq!(seen["status"], "closed");
    assert_eq!(seen["root_cause_key"], "complaint-cause-material");
    // A step out of turn is refused.
    let (status, _) = step(&app, &buyer, id, &[("step", "accept")]).await;
    assert_eq!(status, 422);

    // The figures count it: answered and remedied within target, its cost,
    // and against the factory behind the line on its scorecard.
    let (status, kpis) = app.call(&staff, "workspace/kpis", &[]).await;
    assert_eq!(status, 200, "{kpis}");
    let figures = &kpis["complaints"];
    assert_eq!(figures["rate"]["hits"], 1, "{figures}");
    assert_eq!(figures["first_answer"]["hits"], 1, "{figures}");
    assert_eq!(figures["remedy"]["hits"], 1, "{figures}");
    assert_eq!(figures["remedy_costs"][0][1], "150.00", "{figures}");
    let product = app::ssr::entities::order_line::Entity::find_by_id(line)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .product_code;
    let by_product = figures["by_product"].as_array().unwrap();
    assert_eq!(by_product.len(), 1, "only the line's product: {figures}");
    assert_eq!(by_product[0]["name"], product, "{figures}");
    assert_eq!(by_product[0]["late"], 1, "one complaint: {figures}");
    let card = kpis["scorecards"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "Supplier B")
        .unwrap()
        .clone();
    assert_eq!(card["complaints"]["hits"], 1, "{card}");
    // Passed to factory B: still on its own scorecard alone.
    assert_eq!(own_complaints(&app, &factory_b).await, 1);
    assert_eq!(own_complaints(&app, &factory_a).await, 0);
}

/// The complaints on the signed-in factory's own scorecard.
async fn own_complaints(app: &TestApp, factory: &reqwest::Client) -> u64 {
    let (status, card) = app.call(factory, "workspace/scorecard", &[]).await;
    assert_eq!(status, 200, "{card}");
    card["complaints"]["hits"].as_u64().expect("a count")
}

#[tokio::test]
async fn a_late_answer_reminds_the_owner_then_tells_the_sales_managers_once_each() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let manager = add_sales_manager(&app.db, cast.house).await;
    mark_shipped(&app, cast.order_a).await;
    let buyer = app.client_for(&cast.customer.email, PASSWORD).await;
    let (status, body) = file(
        &app,
        &buyer,
        cast.order_a,
        None,
        &[
            ("category", "damage"),
            ("description", "Three cartons were crushed on arrival."),
            ("quantity", "3"),
            ("remedy", "replacement"),
        ],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let filed = app.wait_for_mails(1).await.len();
    let sweep = async || app::usecases::complaints::sweep(&app.state).await.unwrap();
    assert_eq!(sweep().await, Default::default(), "an hour is ahead");

    // 50 minutes in: the owner (sales) is reminded, once.
    app.clock.advance(chrono::Duration::minutes(50));
    assert_eq!(sweep().await.reminders, 1);
    assert_eq!(sweep().await.reminders, 0);
    let mails = app.wait_for_mails(filed + 1).await;
    assert!(
        mails
            .iter()
            .any(|m| m.to == cast.staff.email && m.kind == "complaint_clock_reminder")
    );

    // Past the hour: the sales manager hears of it, once.
    app.clock.advance(chrono::Duration::minutes(20));
    assert_eq!(sweep().await.breaches, 1);
    assert_eq!(sweep().await.breaches, 0);
    let mails = app.wait_for_mails(filed + 2).await;
    assert!(
        mails
            .iter()
            .any(|m| m.to == manager.email && m.kind == "complaint_clock_breached")
    );
    let seen = app
        .call(
            &app.client_for(&cast.customer.email, PASSWORD).await,
            "complaints/list",
            &[],
        )
        .await
        .1;
    assert_eq!(seen["complaints"][0]["first_answer"]["level"], "overdue");
}
