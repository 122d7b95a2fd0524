//! The complaint list: every complaint still open on its first page, then
//! the closed ones newest first, a page at a time, each side seeing only
//! its own on every page.

use app::domain::complaints::ComplaintStatus;
use app::ssr::entities::complaint;
use app::wire::complaints::CLOSED_PAGE;
use std::sync::atomic::{AtomicU32, Ordering};

use chrono::{DateTime, Duration, Timelike, Utc};
use integration_tests::people::{Cast, PASSWORD, create_cast};
use integration_tests::{TestApp, spawn_app};
use sea_orm::{ActiveModelTrait, ActiveValue::Set};

static NUMBER: AtomicU32 = AtomicU32::new(1);

/// A complaint of `customer` about `order`, at `status`, filed at `filed`
/// by `by` and passed to `factory`; its id.
pub(crate) async fn complaint_at(
    app: &TestApp,
    (customer, by, order): (i32, i32, i32),
    factory: Option<i32>,
    status: ComplaintStatus,
    filed: DateTime<Utc>,
) -> i32 {
    let row = complaint::ActiveModel {
        number: Set(format!("C-LIST-{}", NUMBER.fetch_add(1, Ordering::Relaxed))),
        order_id: Set(order),
        order_line_id: Set(None),
        customer_company_id: Set(customer),
        filed_by: Set(by),
        owner_id: Set(None),
        category: Set("quality".into()),
        description: Set("Cracked glaze.".into()),
        quantity_affected: Set(1),
        remedy_asked: Set("replacement".into()),
        amount_asked_minor: Set(None),
        currency: Set("EUR".into()),
        status: Set(status.as_str().into()),
        factory_company_id: Set(factory),
        passed_at: Set(factory.map(|_| filed)),
        first_answer_due: Set(filed + Duration::hours(1)),
        first_answered_at: Set(Some(filed + Duration::minutes(5))),
        remedy_due: Set(filed + Duration::hours(24)),
        remedy_proposed_at: Set(None),
        first_notice: Set(0),
        remedy_notice: Set(0),
        reopened: Set(0),
        version: Set(1),
        created_at: Set(filed),
        updated_at: Set(filed),
        closed_at: Set((status == ComplaintStatus::Closed).then_some(filed)),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap();
    row.id
}

/// Customer A's two open complaints, filed a month before, and `closed`
/// closed ones, each filed a minute before the one before, except that the
/// last two share their time (so only the id tells them apart); all passed
/// to factory A.
/// Returns the open ids and the closed ones in the list's order.
async fn history(app: &TestApp, cast: &Cast, closed: usize) -> (Vec<i32>, Vec<i32>) {
    let start = Utc::now().with_nanosecond(0).unwrap() - Duration::days(1);
    let a = (cast.customer_a, cast.customer.id, cast.order_a);
    let factory = Some(cast.supplier_a);
    let mut open = Vec::new();
    for (i, status) in [ComplaintStatus::Investigating, ComplaintStatus::Open]
        .into_iter()
        .enumerate()
    {
        let filed = start - Duration::days(30) + Duration::minutes(i as i64);
        open.push(complaint_at(app, a, factory, status, filed).await);
    }
    open.reverse();
    let mut filed_closed: Vec<(DateTime<Utc>, i32)> = Vec::new();
    for i in 0..closed {
        let filed = match filed_closed.last() {
            Some((at, _)) if i + 1 == closed => *at,
            _ => start - Duration::minutes(i as i64),
        };
        let id = complaint_at(app, a, factory, ComplaintStatus::Closed, filed).await;
        filed_closed.push((filed, id));
    }
    // The list's order, worked out here: newest first, then the larger id.
    filed_closed.sort_by(|x, y| y.cmp(x));
    (open, filed_closed.into_iter().map(|(_, id)| id).collect())
}

fn ids(page: &serde_json::Value) -> Vec<i32> {
    page["complaints"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_i64().unwrap() as i32)
        .collect()
}

#[tokio::test]
async fn closed_complaints_come_a_page_at_a_time_after_the_open_ones() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let page = CLOSED_PAGE as usize;
    let (open, closed) = history(&app, &cast, page + 1).await;
    // Another customer's closed complaint, the newest of all.
    let b = (cast.customer_b, cast.customer_b_user.id, cast.order_b);
    let other = complaint_at(&app, b, None, ComplaintStatus::Closed, Utc::now()).await;

    let buyer = app.client_for(&cast.customer.email, PASSWORD).await;
    let (status, first) = app.call(&buyer, "complaints/list", &[]).await;
    assert_eq!(status, 200, "{first}");
    let expected: Vec<i32> = open.iter().chain(&closed[..page]).copied().collect();
    assert_eq!(ids(&first), expected);
    let older = first["older"].as_i64().expect("older complaints follow");
    assert_eq!(older as i32, closed[page - 1]);

    let (status, second) = app
        .call(&buyer, "complaints/list", &[("before", &older.to_string())])
        .await;
    assert_eq!(status, 200, "{second}");
    assert_eq!(ids(&second), closed[page..].to_vec(), "{second}");
    assert!(second["older"].is_null(), "{second}");

    // The house sees both customers' complaints, the newest first.
    let staff = app.client_for(&cast.staff.email, PASSWORD).await;
    let (_, house) = app.call(&staff, "complaints/list", &[]).await;
    let house_ids = ids(&house);
    assert_eq!(house_ids[..open.len()], open[..]);
    assert_eq!(house_ids[open.len()], other);
    assert_eq!(house_ids.len(), open.len() + page, "{house}");
    // The factory sees those passed to it, and a page of another's is
    // not found.
    let factory = app.client_for(&cast.supplier.email, PASSWORD).await;
    let (_, passed) = app.call(&factory, "complaints/list", &[]).await;
    assert_eq!(ids(&passed), expected);
    for (client, before) in [(&buyer, other), (&factory, other)] {
        let (status, body) = app
            .call(
                client,
                "complaints/list",
                &[("before", &before.to_string())],
            )
            .await;
        assert_eq!(status, 404, "{body}");
        assert!(!body.to_string().contains("C-LIST"), "{body}");
    }
}
