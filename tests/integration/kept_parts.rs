//! A factory's progress report drops only what was kept for the parts of
//! the book it wrote (its own lines, the orders they fill and those orders'
//! customers); the rest stays kept. One that raised an alert drops the
//! pages of the people it told as well (their navigation counts what they
//! were told). Behind-the-back edits (straight into the database, so the
//! portal is not told) show which pages were rendered again and which were
//! answered from memory. The slippage scan keeps everything when it alerted
//! nobody, and otherwise drops the pages of those it told. An order's
//! conversation is kept until its order is written. A message drops
//! its order's pages and those of the people it was mailed to; an order's
//! move, its order's, its customer's and its factories', and so does every
//! other step on one order (its creation, a payment, a change request's
//! and a complaint's steps). An inquiry and each step of a quotation drop
//! only what shows its customer's whole view (its first page). Reading a
//! notification, a sign-out and a language or zone chosen drop only the
//! person's own pages (and sessions); a sign-in drops nothing. An
//! invitation drops its company's first pages; the house's settings drop
//! none of a customer's or factory's; an upload drops what shows its file.

use std::time::Duration;

use app::domain::order_status::OrderStatus;
use app::ssr::entities::{message, notification, order, order_line, po_line};
use integration_tests::people::{Cast, PASSWORD, create_cast, create_order};
use integration_tests::{TestApp, eventually, get_with, spawn_app, two_instances};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set};

pub(crate) async fn page(client: &reqwest::Client, url: &str) -> String {
    let response = get_with(client, url).await;
    assert_eq!(response.status(), 200, "{url}");
    response.text().await.unwrap()
}

/// Renames an order without telling the portal.
pub(crate) async fn rename_order(app: &TestApp, id: i32, number: &str) {
    let found = order::Entity::find_by_id(id).one(&app.db).await.unwrap();
    let mut row: order::ActiveModel = found.unwrap().into();
    row.number = Set(number.into());
    row.update(&app.db).await.unwrap();
}

/// Renames customer A's other order and customer B's order without telling
/// the portal.
async fn rename_both(app: &TestApp, cast: &Cast, other: i32) {
    rename_order(app, other, "SO-A-RENAMED").await;
    rename_order(app, cast.order_b, "SO-B-RENAMED").await;
}

/// Edits factory B's line without telling the portal.
async fn edit_line_b(app: &TestApp, cast: &Cast) {
    let line = po_line::Entity::find_by_id(cast.po_line_b)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let mut line: po_line::ActiveModel = line.into();
    line.description = Set("Edited behind the portal".into());
    line.update(&app.db).await.unwrap();
}

/// Whether customer B's page of its order is still the one kept before
/// the order was renamed behind the portal.
pub(crate) async fn b_kept(customer_b: &reqwest::Client, url: &str) -> bool {
    let page = page(customer_b, url).await;
    page.contains("SO-B-1") && !page.contains("SO-B-RENAMED")
}

/// Whether customer A's buyer was told, and customer B's was not.
fn told_a_not_b(told: &[i32], cast: &Cast) -> bool {
    told.contains(&cast.customer.id) && !told.contains(&cast.customer_b_user.id)
}

/// The newest notification's id, if any.
async fn newest_notification(app: &TestApp) -> Option<i32> {
    notification::Entity::find()
        .order_by_desc(notification::Column::Id)
        .one(&app.db)
        .await
        .unwrap()
        .map(|n| n.id)
}

/// Who was notified after the notification `after`.
async fn told_since(app: &TestApp, after: Option<i32>) -> Vec<i32> {
    let mut told: Vec<i32> = notification::Entity::find()
        .filter(notification::Column::Id.gt(after.unwrap_or(0)))
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|n| n.user_id)
        .collect();
    told.sort_unstable();
    told.dedup();
    told
}

/// The unread count in a page's navigation (none shown: 0).
fn unread_in(page: &str) -> u32 {
    let Some(at) = page.find("id=\"unread-count\"") else {
        return 0;
    };
    let rest = &page[at..];
    let start = rest.find('>').unwrap() + 1;
    let end = start + rest[start..].find('<').unwrap();
    rest[start..end].trim().parse().unwrap()
}

/// Factory A moves its line (line 1 of order A) to QC passed; with a
/// forecast, one that makes it late.
pub(crate) async fn report(app: &TestApp, factory: &reqwest::Client, line: i32, forecast: &str) {
    let (status, body) = app
        .call(
            factory,
            "progress/post",
            &[
                ("id", line.to_string().as_str()),
                ("version", "1"),
                ("milestone", "qc_passed"),
                ("quantity_done", "60"),
                ("forecast", forecast),
                ("reason", "Kiln re-firing"),
            ],
        )
        .await;
    assert_eq!(status, 200, "{body}");
}

/// The portal with the cast, another order of customer A (not filled by
/// factory A), and customer A and factory A signed in.
async fn setup() -> (TestApp, Cast, i32, reqwest::Client, reqwest::Client) {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let other = create_order(
        &app,
        cast.customer_a,
        "SO-A-OTHER",
        OrderStatus::InProduction,
    )
    .await;
    let customer = app.client_for(&cast.customer.email, PASSWORD).await;
    let factory_a = app.client_for(&cast.supplier.email, PASSWORD).await;
    (app, cast, other, customer, factory_a)
}

/// Who looks on from outside customer A's order: the house's staff and
/// customer B signed in, with the addresses of customer A's other order
/// and of customer B's order.
async fn onlookers(
    app: &TestApp,
    cast: &Cast,
    other: i32,
) -> (reqwest::Client, reqwest::Client, String, String) {
    (
        app.client_for(&cast.staff.email, PASSWORD).await,
        app.client_for(&cast.customer_b_user.email, PASSWORD).await,
        app.url(&format!("/customer/orders/{other}")),
        app.url(&format!("/customer/orders/{}", cast.order_b)),
    )
}

#[tokio::test]
async fn a_report_drops_what_shows_its_orders_and_keeps_the_rest() {
    let (app, cast, other, customer, factory_a) = setup().await;
    let factory_b = app.client_for(&cast.supplier_b_user.email, PASSWORD).await;
    let order_a_url = app.url(&format!("/customer/orders/{}", cast.order_a));
    let other_url = app.url(&format!("/customer/orders/{other}"));
    let first_url = app.url("/customer");
    let lines_url = app.url("/supplier");

    let order_a_before = page(&customer, &order_a_url).await;
    assert!(!order_a_before.contains("QC passed"), "{order_a_before}");
    assert!(page(&customer, &other_url).await.contains("SO-A-OTHER"));
    assert!(page(&customer, &first_url).await.contains("SO-A-OTHER"));
    let b_before = page(&factory_b, &lines_url).await;
    assert!(b_before.contains("PO-B-1"), "{b_before}");

    // Edits the portal does not hear of.
    rename_order(&app, other, "SO-A-RENAMED").await;
    edit_line_b(&app, &cast).await;

    report(&app, &factory_a, cast.po_line_a, "").await;

    // The report's own order shows it at once, to the customer.
    let order_a_after = page(&customer, &order_a_url).await;
    assert!(
        order_a_after.contains("QC passed"),
        "the order's kept page was served after the report"
    );
    // The customer's first page shows all its orders: rendered again.
    let first_after = page(&customer, &first_url).await;
    assert!(first_after.contains("SO-A-RENAMED"), "{first_after}");
    // Another order's page and another factory's list stay kept.
    let other_after = page(&customer, &other_url).await;
    assert!(
        other_after.contains("SO-A-OTHER") && !other_after.contains("SO-A-RENAMED"),
        "another order's page was rendered again"
    );
    let b_after = page(&factory_b, &lines_url).await;
    assert!(
        !b_after.contains("Edited behind the portal"),
        "another factory's list was rendered again"
    );
    // Factory A's own list shows its report.
    let (_, lines) = app.call(&factory_a, "progress/lines", &[]).await;
    assert!(lines.to_string().contains("qc_passed"), "{lines}");

    // A write that names nothing drops everything.
    app.state.read_cache.bump();
    assert!(page(&customer, &other_url).await.contains("SO-A-RENAMED"));
    assert!(
        page(&factory_b, &lines_url)
            .await
            .contains("Edited behind the portal")
    );
}

#[tokio::test]
async fn a_report_that_raises_an_alert_drops_the_pages_of_those_it_told() {
    let (app, cast, other, customer, factory_a) = setup().await;
    let (_staff, customer_b, other_url, b_url) = onlookers(&app, &cast, other).await;
    let unread_before = unread_in(&page(&customer, &other_url).await);
    assert!(page(&customer_b, &b_url).await.contains("SO-B-1"));
    rename_order(&app, cast.order_b, "SO-B-RENAMED").await;
    let before = newest_notification(&app).await;
    // Three days past the factory's commitment, and so past the customer's:
    // the house and customer A are alerted, and see a new count in every
    // page's navigation.
    let late = app.day(23);
    report(&app, &factory_a, cast.po_line_a, &late).await;
    let told = told_since(&app, before).await;
    assert!(told_a_not_b(&told, &cast), "{told:?}");
    // The customer's page of another order is rendered again, for the
    // count in its navigation (the order's own read stays kept).
    assert!(
        unread_in(&page(&customer, &other_url).await) > unread_before,
        "a report that alerted the customer kept its other pages"
    );
    assert!(
        b_kept(&customer_b, &b_url).await,
        "a report that alerted others dropped customer B's page"
    );
}

#[tokio::test]
async fn a_message_drops_its_order_s_pages_and_those_of_whom_it_tells() {
    let (app, cast, other, customer, _factory_a) = setup().await;
    let (staff, customer_b, other_url, b_url) = onlookers(&app, &cast, other).await;
    let order_url = app.url(&format!("/customer/orders/{}", cast.order_a));
    assert!(!page(&customer, &order_url).await.contains("Glaze samples"));
    let unread_before = unread_in(&page(&customer, &other_url).await);
    assert!(page(&customer_b, &b_url).await.contains("SO-B-1"));
    rename_both(&app, &cast, other).await;
    let before = newest_notification(&app).await;

    app.post_message(&staff, "order", cast.order_a, "Glaze samples go out today.")
        .await;
    let told = told_since(&app, before).await;
    assert!(told_a_not_b(&told, &cast), "{told:?}");
    // The order's page shows the conversation: rendered again.
    assert!(
        page(&customer, &order_url)
            .await
            .contains("Glaze samples go out today."),
        "the order's kept page was served after the message"
    );
    // The customer's other order: rendered again for the count in its
    // navigation, from the order's kept read.
    let other_after = page(&customer, &other_url).await;
    assert!(unread_in(&other_after) > unread_before, "{other_after}");
    assert!(
        !other_after.contains("SO-A-RENAMED"),
        "a message dropped another order's read"
    );
    // Another customer's page stays kept.
    assert!(
        b_kept(&customer_b, &b_url).await,
        "a message dropped another customer's page"
    );
}

/// The messages of order `id` as `client` reads them.
pub(crate) async fn thread_of(app: &TestApp, client: &reqwest::Client, id: i32) -> String {
    let id = id.to_string();
    let (status, thread) = app
        .call(client, "messages/get", &[("kind", "order"), ("id", &id)])
        .await;
    assert_eq!(status, 200, "{thread}");
    thread.to_string()
}

#[tokio::test]
async fn an_order_s_conversation_stays_kept_until_its_order_is_written() {
    let (app, cast, _other, _customer, factory_a) = setup().await;
    let staff = app.client_for(&cast.staff.email, PASSWORD).await;
    let hidden = "Cartons relabelled behind the portal";
    assert!(!thread_of(&app, &staff, cast.order_b).await.contains(hidden));
    // A message put in order B's conversation without telling the portal.
    house_message_behind_the_portal(&app, cast.order_b, cast.staff.id, hidden).await;

    // A report writes order A only: order B's conversation stays kept.
    report(&app, &factory_a, cast.po_line_a, "").await;
    assert!(
        !thread_of(&app, &staff, cast.order_b).await.contains(hidden),
        "a report on another order dropped the conversation"
    );
    // A message on order B writes it: read again.
    app.post_message(&staff, "order", cast.order_b, "Labels checked.")
        .await;
    let now = thread_of(&app, &staff, cast.order_b).await;
    assert!(
        now.contains(hidden) && now.contains("Labels checked."),
        "{now}"
    );
}

/// The version of order `id` as it is now.
async fn version_of(app: &TestApp, id: i32) -> String {
    order::Entity::find_by_id(id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .version
        .to_string()
}

/// Renames order A and order B behind the portal for step `n`, and edits
/// factory B's line (which fills order A).
async fn hide_step(app: &TestApp, cast: &Cast, n: u32) {
    rename_order(app, cast.order_a, &format!("SO-A-STEP-{n}")).await;
    rename_order(app, cast.order_b, &format!("SO-B-RENAMED-{n}")).await;
    let line = po_line::Entity::find_by_id(cast.po_line_b)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let mut line: po_line::ActiveModel = line.into();
    line.description = Set(format!("Edited at step {n}"));
    line.update(&app.db).await.unwrap();
}

/// Pages of a step on order A: customer A's page of it, factory B's list
/// and customer B's page of its own order.
struct AroundA {
    customer: reqwest::Client,
    factory_b: reqwest::Client,
    customer_b: reqwest::Client,
    order_url: String,
    lines_url: String,
    b_url: String,
}

impl AroundA {
    /// The clients signed in, and each page opened once (so kept).
    async fn open(app: &TestApp, cast: &Cast, customer: reqwest::Client) -> Self {
        let around = Self {
            customer,
            factory_b: app.client_for(&cast.supplier_b_user.email, PASSWORD).await,
            customer_b: app.client_for(&cast.customer_b_user.email, PASSWORD).await,
            order_url: app.url(&format!("/customer/orders/{}", cast.order_a)),
            lines_url: app.url("/supplier"),
            b_url: app.url(&format!("/customer/orders/{}", cast.order_b)),
        };
        assert!(
            page(&around.customer, &around.order_url)
                .await
                .contains("SO-A-1")
        );
        assert!(
            page(&around.factory_b, &around.lines_url)
                .await
                .contains("PO-B-1")
        );
        assert!(
            page(&around.customer_b, &around.b_url)
                .await
                .contains("SO-B-1")
        );
        around
    }

    /// After step `n` (hidden with [`hide_step`] before it): order A's page
    /// and factory B's list were rendered again, customer B's page was kept.
    async fn dropped_only_around_a(&self, n: u32, step: &str) {
        assert!(
            page(&self.customer, &self.order_url)
                .await
                .contains(&format!("SO-A-STEP-{n}")),
            "{step}: the order's kept page was served"
        );
        assert!(
            page(&self.factory_b, &self.lines_url)
                .await
                .contains(&format!("Edited at step {n}")),
            "{step}: a factory filling the order kept its list"
        );
        assert!(
            b_kept(&self.customer_b, &self.b_url).await,
            "{step}: another customer's page was rendered again"
        );
    }

    /// After step `n` on customer A's quotations (hidden with [`hide_step`]
    /// before it): customer A's first page, at `first_url`, was rendered
    /// again; order A's page, factory B's list and customer B's page were
    /// kept.
    async fn dropped_only_customer_a(&self, first_url: &str, n: u32, step: &str) {
        assert!(
            page(&self.customer, first_url)
                .await
                .contains(&format!("SO-A-STEP-{n}")),
            "{step}: the customer's kept first page was served"
        );
        assert!(
            !page(&self.customer, &self.order_url)
                .await
                .contains("SO-A-STEP"),
            "{step}: an order's page was rendered again"
        );
        assert!(
            !page(&self.factory_b, &self.lines_url)
                .await
                .contains("Edited at step"),
            "{step}: a factory's list was rendered again"
        );
        assert!(
            b_kept(&self.customer_b, &self.b_url).await,
            "{step}: another customer's page was rendered again"
        );
    }
}

#[tokio::test]
async fn a_payment_drops_what_shows_its_order_and_keeps_the_rest() {
    let (app, cast, _other, customer, _factory_a) = setup().await;
    let staff = app.client_for(&cast.staff.email, PASSWORD).await;
    let around = AroundA::open(&app, &cast, customer).await;
    hide_step(&app, &cast, 1).await;
    let (id, version) = (
        cast.order_a.to_string(),
        version_of(&app, cast.order_a).await,
    );
    let today = app.day(0);
    let (status, body) = app
        .call(
            &staff,
            "orders/pay",
            &[
                ("order_id", id.as_str()),
                ("version", &version),
                ("received_on", &today),
                ("amount", "100"),
                ("reference", "TT 4711"),
            ],
        )
        .await;
    assert_eq!(status, 200, "{body}");
    around.dropped_only_around_a(1, "payment").await;
}

#[tokio::test]
async fn a_change_request_s_steps_drop_what_shows_its_order_and_keep_the_rest() {
    let (app, cast, _other, customer, _factory_a) = setup().await;
    let staff = app.client_for(&cast.staff.email, PASSWORD).await;
    let around = AroundA::open(&app, &cast, customer).await;
    let id = cast.order_a.to_string();

    // The customer asks for 120 of line 2, which factory B fills.
    hide_step(&app, &cast, 1).await;
    let (_, order) = app
        .call(&around.customer, "orders/get", &[("id", &id)])
        .await;
    let line = &order["lines"][1];
    let (status, body) = app
        .call(
            &around.customer,
            "changes/request",
            &[
                ("order_id", id.as_str()),
                ("version", &order["version"].to_string()),
                ("ship_to", order["ship_to"].as_str().unwrap()),
                ("lines[0][line_no]", "2"),
                ("lines[0][quantity]", "120"),
                (
                    "lines[0][description]",
                    line["description"].as_str().unwrap(),
                ),
                ("lines[0][requested]", line["requested"].as_str().unwrap()),
            ],
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let request = body.to_string();
    around.dropped_only_around_a(1, "request").await;

    // The house approves: factory B's line changes, and it is asked to
    // acknowledge.
    hide_step(&app, &cast, 2).await;
    let (status, body) = app
        .call(
            &staff,
            "changes/decide",
            &[("id", request.as_str()), ("decision", "approve")],
        )
        .await;
    assert_eq!(status, 200, "{body}");
    around.dropped_only_around_a(2, "approval").await;

    hide_step(&app, &cast, 3).await;
    let (status, asked) = app.call(&around.factory_b, "changes/factory", &[]).await;
    assert_eq!(status, 200, "{asked}");
    let change = asked[0]["id"].to_string();
    let (status, body) = app
        .call(&around.factory_b, "changes/acknowledge", &[("id", &change)])
        .await;
    assert_eq!(status, 200, "{body}");
    around.dropped_only_around_a(3, "acknowledgement").await;
}

#[tokio::test]
async fn a_complaint_s_steps_drop_what_shows_its_order_and_keep_the_rest() {
    use crate::complaints::{CRACKED_GLAZE, file, mark_shipped, step};
    let (app, cast, _other, customer, _factory_a) = setup().await;
    mark_shipped(&app, cast.order_a).await;
    let staff = app.client_for(&cast.staff.email, PASSWORD).await;
    let around = AroundA::open(&app, &cast, customer).await;

    hide_step(&app, &cast, 1).await;
    let (status, body) = file(&app, &around.customer, cast.order_a, None, CRACKED_GLAZE).await;
    assert_eq!(status, 200, "{body}");
    around.dropped_only_around_a(1, "complaint filed").await;

    hide_step(&app, &cast, 2).await;
    let id = body.as_i64().unwrap();
    let (status, body) = step(
        &app,
        &staff,
        id,
        &[
            ("step", "acknowledge"),
            ("message", "We are looking at it."),
        ],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    around
        .dropped_only_around_a(2, "complaint acknowledged")
        .await;
}

#[tokio::test]
async fn a_new_order_drops_its_customer_s_pages_and_keeps_the_rest() {
    use crate::orders::{new_order_form, post_form};
    let (app, cast, other, customer, _factory_a) = setup().await;
    let (staff, customer_b, other_url, b_url) = onlookers(&app, &cast, other).await;
    let first_url = app.url("/customer");
    assert!(page(&customer, &first_url).await.contains("SO-A-OTHER"));
    assert!(page(&customer, &other_url).await.contains("SO-A-OTHER"));
    assert!(page(&customer_b, &b_url).await.contains("SO-B-1"));
    rename_both(&app, &cast, other).await;

    let requested = app.day(60);
    let form = new_order_form(cast.customer_a, &requested);
    let (status, body) = post_form(&app, &staff, "orders/create", &form).await;
    assert_eq!(status, 200, "{body}");
    // The customer's first page lists it: rendered again.
    assert!(
        page(&customer, &first_url).await.contains("SO-A-RENAMED"),
        "the customer's kept first page was served after its new order"
    );
    // Its other order's page and another customer's stay kept.
    let other_after = page(&customer, &other_url).await;
    assert!(
        !other_after.contains("SO-A-RENAMED"),
        "a new order dropped another order's read"
    );
    assert!(
        b_kept(&customer_b, &b_url).await,
        "a new order dropped another customer's page"
    );
}

#[tokio::test]
async fn reading_a_notification_drops_only_the_reader_s_pages() {
    let (app, cast, other, customer, _factory_a) = setup().await;
    let (staff, customer_b, other_url, b_url) = onlookers(&app, &cast, other).await;
    let before = newest_notification(&app).await;
    app.post_message(&staff, "order", cast.order_a, "Glaze samples go out today.")
        .await;
    assert!(told_since(&app, before).await.contains(&cast.customer.id));
    let unread_before = unread_in(&page(&customer, &other_url).await);
    assert!(unread_before > 0);
    assert!(page(&customer_b, &b_url).await.contains("SO-B-1"));
    rename_both(&app, &cast, other).await;

    let (_, list) = app.call(&customer, "notifications/list", &[]).await;
    let id = list["items"][0]["id"].to_string();
    let (status, body) = app
        .call(&customer, "notifications/open", &[("id", &id)])
        .await;
    assert_eq!(status, 200, "{body}");
    // The reader's page: rendered again for its count, from the order's
    // kept read.
    let after = page(&customer, &other_url).await;
    assert_eq!(unread_in(&after), unread_before - 1, "{after}");
    assert!(
        !after.contains("SO-A-RENAMED"),
        "the order's read was dropped"
    );
    assert!(
        b_kept(&customer_b, &b_url).await,
        "reading a notification dropped another customer's page"
    );

    let (status, body) = app.call(&customer, "notifications/read-all", &[]).await;
    assert_eq!(status, 200, "{body}");
    assert!(
        b_kept(&customer_b, &b_url).await,
        "marking all read dropped another customer's page"
    );
}

#[tokio::test]
async fn a_move_drops_its_order_its_customer_and_its_factories_and_keeps_the_rest() {
    let (app, cast, other, customer, _factory_a) = setup().await;
    let staff = app.client_for(&cast.staff.email, PASSWORD).await;
    let factory_b = app.client_for(&cast.supplier_b_user.email, PASSWORD).await;
    let customer_b = app.client_for(&cast.customer_b_user.email, PASSWORD).await;
    let first_url = app.url("/customer");
    let lines_url = app.url("/supplier");
    let b_url = app.url(&format!("/customer/orders/{}", cast.order_b));
    assert!(page(&customer, &first_url).await.contains("SO-A-OTHER"));
    assert!(page(&factory_b, &lines_url).await.contains("PO-B-1"));
    assert!(page(&customer_b, &b_url).await.contains("SO-B-1"));
    rename_both(&app, &cast, other).await;
    edit_line_b(&app, &cast).await;

    // Order A, filled by factories A and B, is ready.
    let version = order::Entity::find_by_id(cast.order_a)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .version;
    app.move_order(&staff, cast.order_a, "ready", version).await;

    // Its customer's first page and its factories' lists: rendered again.
    assert!(page(&customer, &first_url).await.contains("SO-A-RENAMED"));
    assert!(
        page(&factory_b, &lines_url)
            .await
            .contains("Edited behind the portal"),
        "a factory filling the order kept its list"
    );
    // Another customer's page stays kept.
    assert!(
        b_kept(&customer_b, &b_url).await,
        "an order's move dropped another customer's page"
    );
}

#[tokio::test]
async fn a_report_through_one_instance_reaches_the_kept_reads_of_another() {
    let Some((app, second, cast)) = two_instances().await else {
        return;
    };
    let customer = second.client_for(&cast.customer.email, PASSWORD).await;
    let factory_a = app.client_for(&cast.supplier.email, PASSWORD).await;
    let id = cast.order_a.to_string();
    let (_, before) = second.call(&customer, "orders/get", &[("id", &id)]).await;
    assert!(!before.to_string().contains("QC passed"), "{before}");
    report(&app, &factory_a, cast.po_line_a, "").await;
    let heard = eventually(Duration::from_secs(5), || async {
        let (_, after) = second.call(&customer, "orders/get", &[("id", &id)]).await;
        after.to_string().contains("QC passed")
    })
    .await;
    assert!(
        heard,
        "the second instance kept serving the order as it was"
    );
}

/// A pass of the slippage scan that alerts someone; who it told.
async fn loud_scan(app: &TestApp) -> Vec<i32> {
    let before = newest_notification(app).await;
    let report = app::ssr::alerts::scan_and_commit(&app.state).await.unwrap();
    assert!(report.mails > 0, "{report:?}");
    told_since(app, before).await
}

#[tokio::test]
async fn a_scan_keeps_what_it_did_not_tell_anyone_of_and_drops_what_it_did() {
    use app::ssr::alerts::scan_and_commit;
    let (app, cast, other, customer, _factory_a) = setup().await;
    let (_staff, customer_b, other_url, b_url) = onlookers(&app, &cast, other).await;
    // The first scan alerts whatever the cast starts with.
    scan_and_commit(&app.state).await.unwrap();
    assert!(page(&customer, &other_url).await.contains("SO-A-OTHER"));
    assert!(page(&customer_b, &b_url).await.contains("SO-B-1"));
    rename_both(&app, &cast, other).await;
    let kept = |page: &str, number: &str| page.contains(number) && !page.contains("RENAMED");

    let quiet = scan_and_commit(&app.state).await.unwrap();
    assert_eq!(quiet.mails, 0, "{quiet:?}");
    assert!(
        kept(&page(&customer, &other_url).await, "SO-A-OTHER"),
        "a scan that alerted nobody dropped what was kept"
    );

    // Factory A's line slips (written behind the portal): the next scan
    // finds it and tells the house, not the customers.
    let line = po_line::Entity::find_by_id(cast.po_line_a)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let late = line.committed_ready_date + chrono::Duration::days(9);
    let mut line: po_line::ActiveModel = line.into();
    line.forecast_ready_date = Set(Some(late));
    line.update(&app.db).await.unwrap();
    let told = loud_scan(&app).await;
    assert!(
        told.contains(&cast.staff.id) && !told.contains(&cast.customer.id),
        "{told:?}"
    );
    assert!(
        kept(&page(&customer, &other_url).await, "SO-A-OTHER"),
        "a scan that alerted the house dropped the customer's page"
    );

    // Customer A's line 1 is forecast five days late: the next scan tells
    // the customer, whose pages are rendered again; customer B's stay.
    let line = order_line::Entity::find()
        .filter(order_line::Column::OrderId.eq(cast.order_a))
        .filter(order_line::Column::LineNo.eq(1))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let late = line.committed_date.unwrap() + chrono::Duration::days(5);
    let mut line: order_line::ActiveModel = line.into();
    line.forecast_date = Set(Some(late));
    line.update(&app.db).await.unwrap();
    let unread_before = unread_in(&page(&customer, &other_url).await);
    let told = loud_scan(&app).await;
    assert!(told_a_not_b(&told, &cast), "{told:?}");
    // Rendered again for the count in its navigation; the order's own read
    // stays kept.
    let after = page(&customer, &other_url).await;
    assert!(
        unread_in(&after) > unread_before,
        "a scan that alerted the customer kept its pages"
    );
    assert!(kept(&after, "SO-A-OTHER"), "the order's read was dropped");
    assert!(
        b_kept(&customer_b, &b_url).await,
        "a scan that alerted customer A dropped customer B's page"
    );
}

/// Sales take a quotation's house steps to sending it: cost the draft,
/// submit it, the manager approves it, and it is sent.
async fn quote_to_sent(
    app: &TestApp,
    cast: &Cast,
    sales: &reqwest::Client,
    manager: &reqwest::Client,
    id: i32,
) {
    use integration_tests::quotes::{decide, save, step};
    save(app, sales, id, cast.supplier_a, "8.00", "10.00", "30").await;
    for (status, body) in [
        step(app, sales, id, "submit").await,
        decide(app, manager, id, 1, true, "").await,
        step(app, sales, id, "send").await,
    ] {
        assert_eq!(status, 200, "{body}");
    }
}

#[tokio::test]
async fn a_quotation_s_steps_drop_only_its_customer_s_first_page() {
    use integration_tests::people::add_sales_manager;
    use integration_tests::quotes::{decide, get, inquire, save, step};
    let (app, cast, _other, customer, _factory_a) = setup().await;
    let sales = app.client_for(&cast.staff.email, PASSWORD).await;
    let manager = add_sales_manager(&app.db, cast.house).await;
    let manager = app.client_for(&manager.email, PASSWORD).await;
    let around = AroundA::open(&app, &cast, customer).await;
    let first_url = app.url("/customer");
    assert!(page(&around.customer, &first_url).await.contains("SO-A-1"));
    let ok = |(status, body): (u16, serde_json::Value)| {
        assert_eq!(status, 200, "{body}");
        body
    };

    hide_step(&app, &cast, 1).await;
    let inquiry = inquire(&app, &around.customer, "Stoneware mug").await;
    around
        .dropped_only_customer_a(&first_url, 1, "inquiry")
        .await;

    hide_step(&app, &cast, 2).await;
    let started = app
        .call(
            &sales,
            "quotations/start",
            &[("inquiry_id", &inquiry.to_string())],
        )
        .await;
    let id = ok(started).as_i64().unwrap() as i32;
    around.dropped_only_customer_a(&first_url, 2, "draft").await;

    hide_step(&app, &cast, 3).await;
    save(&app, &sales, id, cast.supplier_a, "8.00", "10.00", "30").await;
    around.dropped_only_customer_a(&first_url, 3, "saved").await;

    hide_step(&app, &cast, 4).await;
    ok(step(&app, &sales, id, "submit").await);
    around
        .dropped_only_customer_a(&first_url, 4, "submitted")
        .await;

    hide_step(&app, &cast, 5).await;
    ok(decide(&app, &manager, id, 1, true, "").await);
    around
        .dropped_only_customer_a(&first_url, 5, "approved")
        .await;

    hide_step(&app, &cast, 6).await;
    ok(step(&app, &sales, id, "send").await);
    around.dropped_only_customer_a(&first_url, 6, "sent").await;
    let number = get(&app, &sales, id).await["number"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(page(&around.customer, &first_url).await.contains(&number));

    hide_step(&app, &cast, 7).await;
    let revised = ok(step(&app, &sales, id, "revise").await).as_i64().unwrap() as i32;
    around
        .dropped_only_customer_a(&first_url, 7, "revised")
        .await;

    quote_to_sent(&app, &cast, &sales, &manager, revised).await;
    hide_step(&app, &cast, 8).await;
    let answer = [
        ("id", revised.to_string()),
        ("revision", "2".to_string()),
        ("accept", "true".to_string()),
    ];
    let answer: Vec<(&str, &str)> = answer.iter().map(|(k, v)| (*k, v.as_str())).collect();
    ok(app
        .call(&around.customer, "quotations/respond", &answer)
        .await);
    around
        .dropped_only_customer_a(&first_url, 8, "accepted")
        .await;

    let second = inquire(&app, &around.customer, "Porcelain plate").await;
    let started = app
        .call(
            &sales,
            "quotations/start",
            &[("inquiry_id", &second.to_string())],
        )
        .await;
    let second = ok(started).as_i64().unwrap() as i32;
    quote_to_sent(&app, &cast, &sales, &manager, second).await;
    hide_step(&app, &cast, 9).await;
    ok(step(&app, &sales, second, "withdraw").await);
    around
        .dropped_only_customer_a(&first_url, 9, "withdrawn")
        .await;
}

#[tokio::test]
async fn signing_in_and_out_and_a_language_drop_only_the_person_s_own_pages() {
    let (app, cast, other, customer, _factory_a) = setup().await;
    let (_staff, customer_b, other_url, b_url) = onlookers(&app, &cast, other).await;
    assert!(page(&customer, &other_url).await.contains("lang=\"en\""));
    assert!(page(&customer_b, &b_url).await.contains("SO-B-1"));
    rename_both(&app, &cast, other).await;

    // Customer A's buyer signs in on a second browser and out again, and a
    // stranger tries a wrong password.
    let second = app.client_for(&cast.customer.email, PASSWORD).await;
    let (status, body) = app.call(&second, "auth/logout", &[]).await;
    assert_eq!(status, 200, "{body}");
    let (status, _) = app
        .call(
            &app.client,
            "auth/login",
            &[
                ("email", &cast.customer_b_user.email),
                ("password", "not it"),
            ],
        )
        .await;
    assert_ne!(status, 200);
    assert!(
        b_kept(&customer_b, &b_url).await,
        "a sign-in or a sign-out dropped another customer's page"
    );

    // The buyer reads the portal in German and in Shanghai's time from now
    // on: its own pages are rendered so at once, customer B's stay kept.
    let (status, body) = app
        .call(&customer, "auth/locale", &[("locale", "de")])
        .await;
    assert_eq!(status, 200, "{body}");
    assert!(
        page(&customer, &other_url).await.contains("lang=\"de\""),
        "the buyer's kept session or page was served in English"
    );
    let (status, body) = app
        .call(
            &customer,
            "auth/time-zone",
            &[("time_zone", "Asia/Shanghai")],
        )
        .await;
    assert_eq!(status, 200, "{body}");
    assert!(
        page(&customer, &other_url)
            .await
            .contains("data-zone=\"Asia/Shanghai\""),
        "the buyer's kept session or page was served in the old zone"
    );
    assert!(
        b_kept(&customer_b, &b_url).await,
        "a language or zone chosen dropped another customer's page"
    );
}

/// A read left out of the known reads would count as a write and drop
/// every kept page at each call, and so would a write that does not name
/// what it touched: every server function is a known read or a write that
/// names its parts.
#[test]
fn every_server_function_is_a_read_or_a_write_that_names_its_parts() {
    use app::domain::limits::{announces_its_writes, write_kind};
    let mut declared = Vec::new();
    crate::access_routes::declared_endpoints(
        &integration_tests::workspace_root().join("app/src"),
        &mut declared,
    );
    assert!(declared.len() > 50, "found only {declared:?}");
    let unknown: Vec<&String> = declared
        .iter()
        .filter(|endpoint| write_kind(endpoint).is_some() && !announces_its_writes(endpoint))
        .collect();
    assert!(
        unknown.is_empty(),
        "neither a known read nor a write that names its parts: {unknown:?}"
    );
}

#[tokio::test]
async fn reads_through_the_api_drop_nothing() {
    let (app, cast, other, customer, _factory_a) = setup().await;
    let (_staff, customer_b, _other_url, b_url) = onlookers(&app, &cast, other).await;
    assert!(page(&customer_b, &b_url).await.contains("SO-B-1"));
    rename_both(&app, &cast, other).await;
    // What the buyer's browser asks for on its first page and its account.
    for read in ["orders/glance", "sessions/list", "two-factor/status"] {
        let (status, body) = app.call(&customer, read, &[]).await;
        assert_eq!(status, 200, "{read}: {body}");
        assert!(
            b_kept(&customer_b, &b_url).await,
            "{read} dropped another customer's page"
        );
    }
}

#[tokio::test]
async fn a_person_s_alert_choices_mutes_and_two_factor_steps_drop_only_their_own() {
    let (app, cast, other, customer, _factory_a) = setup().await;
    // The two-factor steps move the clock a minute; a day turning in it
    // would rightly drop every kept page.
    app.clear_of_midnight(chrono::Duration::minutes(2));
    let (_staff, customer_b, other_url, b_url) = onlookers(&app, &cast, other).await;
    let before = page(&customer, &other_url).await;
    assert!(
        before.contains("Turn off alerts for this order"),
        "{before}"
    );
    assert!(page(&customer_b, &b_url).await.contains("SO-B-1"));
    rename_both(&app, &cast, other).await;

    // The buyer turns off alerts for its other order: that order's page
    // says so at once, customer B's stays kept.
    let (status, body) = app
        .call(
            &customer,
            "alerts/mute",
            &[("order_id", &other.to_string()), ("muted", "true")],
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let after = page(&customer, &other_url).await;
    assert!(
        after.contains("Alerts for this order are off"),
        "the order's kept page was served after the mute: {after}"
    );
    assert!(
        b_kept(&customer_b, &b_url).await,
        "a mute dropped another customer's page"
    );

    let (status, body) = app
        .call(&customer, "alerts/choose", &[("kinds[0]", "back_on_track")])
        .await;
    assert_eq!(status, 200, "{body}");
    assert!(
        b_kept(&customer_b, &b_url).await,
        "alert choices dropped another customer's page"
    );

    // Two-factor sign-in set up, new recovery codes, and off again.
    let (secret, _) = crate::two_factor::enrol(&app, &customer).await;
    assert!(
        b_kept(&customer_b, &b_url).await,
        "setting up two-factor sign-in dropped another customer's page"
    );
    app.clock.advance(chrono::Duration::seconds(30));
    let code = integration_tests::two_factor::code_at(&secret, app.state.now());
    let (status, body) = app
        .call(&customer, "two-factor/recovery-codes", &[("code", &code)])
        .await;
    assert_eq!(status, 200, "{body}");
    app.clock.advance(chrono::Duration::seconds(30));
    let code = integration_tests::two_factor::code_at(&secret, app.state.now());
    let (status, body) = app
        .call(
            &customer,
            "two-factor/disable",
            &[("password", PASSWORD), ("code", &code)],
        )
        .await;
    assert_eq!(status, 200, "{body}");
    assert!(
        b_kept(&customer_b, &b_url).await,
        "new recovery codes or two-factor turned off dropped another customer's page"
    );
}

#[tokio::test]
async fn an_admin_s_step_about_one_person_drops_only_that_person_s_and_company_s() {
    use app::domain::account::Role;
    use integration_tests::people::add_person;
    let (app, cast, other, customer, _factory_a) = setup().await;
    let (_staff, customer_b, _other_url, b_url) = onlookers(&app, &cast, other).await;
    let admin = app.client_for(&cast.admin.email, PASSWORD).await;
    let colleague = add_person(
        &app.db,
        cast.customer_a,
        Role::Customer,
        "second@customer-a.test",
    )
    .await;
    let second = app.client_for(&colleague.email, PASSWORD).await;
    assert!(!app.whoami(&second).await.is_null());
    let first_url = app.url("/customer");
    let colleagues = |n: u32| format!("Colleagues on the portal<!></dt><dd>{n}<!></dd>");
    let first = page(&customer, &first_url).await;
    assert!(first.contains(&colleagues(1)), "{first}");
    assert!(page(&customer_b, &b_url).await.contains("SO-B-1"));
    rename_both(&app, &cast, other).await;

    // Customer A's second buyer leaves: their kept session goes at once,
    // the first buyer's first page counts one colleague fewer, and
    // customer B's page stays kept.
    let (status, body) = app
        .call(
            &admin,
            "admin/deactivate",
            &[("user_id", &colleague.id.to_string())],
        )
        .await;
    assert_eq!(status, 200, "{body}");
    assert!(
        app.whoami(&second).await.is_null(),
        "a deactivated buyer's kept session still answered"
    );
    let first = page(&customer, &first_url).await;
    assert!(
        first.contains(&colleagues(0)),
        "the company's kept first page still counted the colleague: {first}"
    );
    assert!(
        b_kept(&customer_b, &b_url).await,
        "a deactivation dropped another customer's page"
    );

    let (status, body) = app
        .call(
            &admin,
            "admin/staff-level",
            &[
                ("user_id", &cast.staff.id.to_string()),
                ("level", "commercial_director"),
            ],
        )
        .await;
    assert_eq!(status, 200, "{body}");
    assert!(
        b_kept(&customer_b, &b_url).await,
        "a staff level set dropped a customer's page"
    );
}

/// The house's settings show on no kept page of a customer or factory, an
/// invitation on its company's first pages (they count its people on the
/// portal), and the house's two-factor rule ends the sessions of those
/// without it: each keeps every other kept page.
#[tokio::test]
async fn the_house_s_settings_and_invitations_drop_only_what_shows_them() {
    let (app, cast, other, customer, _factory_a) = setup().await;
    let (staff, customer_b, _other_url, b_url) = onlookers(&app, &cast, other).await;
    let admin = app.client_for(&cast.admin.email, PASSWORD).await;
    let first_url = app.url("/customer");
    let colleagues = |n: u32| format!("Colleagues on the portal<!></dt><dd>{n}<!></dd>");
    let first = page(&customer, &first_url).await;
    assert!(first.contains(&colleagues(0)), "{first}");
    // Customer B's order page is read (and kept), then its order renamed
    // behind the portal before a write: the page still kept after the
    // write shows the old number. Every write that dropped it is named at
    // the end.
    let arm = async |n: u32| {
        page(&customer_b, &b_url).await;
        rename_order(&app, cast.order_b, &format!("SO-B-X{n}")).await;
    };
    let held = async |n: u32| {
        !page(&customer_b, &b_url)
            .await
            .contains(&format!("SO-B-X{n}"))
    };
    let mut dropped: Vec<&str> = Vec::new();

    // An invitation into customer A: its first page counts the invitee at
    // once; customer B's stays kept, and so after the invitee's acceptance.
    let customer_a = cast.customer_a.to_string();
    arm(1).await;
    let (status, body) = app
        .call(
            &admin,
            "admin/invite",
            &[
                ("company_id", customer_a.as_str()),
                ("email", "third@customer-a.test"),
                ("display_name", "Third Buyer"),
                ("role", "customer"),
            ],
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let first = page(&customer, &first_url).await;
    assert!(
        first.contains(&colleagues(1)),
        "the company's kept first page did not count the invitee: {first}"
    );
    if !held(1).await {
        dropped.push("an invitation");
    }
    let mails = app.wait_for_mails(2).await;
    let invitation = mails.iter().find(|m| m.kind == "invitation").unwrap();
    let token = integration_tests::link_token(&invitation.body_text, "/invitation/");
    let invitee = integration_tests::new_client();
    arm(2).await;
    let (status, landing) = app
        .call(
            &invitee,
            "auth/accept-invitation",
            &[
                ("token", token.as_str()),
                ("display_name", "Third Buyer"),
                ("new_password", "bamboo lantern river 42"),
            ],
        )
        .await;
    assert_eq!(status, 200, "{landing}");
    if !held(2).await {
        dropped.push("an invitation accepted");
    }

    // The house's settings.
    arm(3).await;
    let (status, body) = app
        .call(
            &admin,
            "credit/set",
            &[("customer_id", customer_a.as_str()), ("score", "40")],
        )
        .await;
    assert_eq!(status, 200, "{body}");
    if !held(3).await {
        dropped.push("a credit score");
    }
    arm(4).await;
    let (status, body) = app
        .call(&admin, "rules/set", &crate::quotations::HOUSE_RULES)
        .await;
    assert_eq!(status, 200, "{body}");
    if !held(4).await {
        dropped.push("the house's rules");
    }
    arm(5).await;
    let (status, body) = crate::complaint_settings::save_settings(
        &app,
        &admin,
        &[
            ("first_answer", "2"),
            ("remedy", "8"),
            ("zone_offset", "+08:00"),
            ("start", "09:00"),
            ("end", "18:00"),
        ],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    if !held(5).await {
        dropped.push("the complaint clocks");
    }
    arm(6).await;
    let (status, body) = app
        .call(
            &admin,
            "complaints/add-root-cause",
            &[("label", "Kiln firing curve")],
        )
        .await;
    assert_eq!(status, 200, "{body}");
    if !held(6).await {
        dropped.push("a root cause");
    }

    // The house requires two-factor sign-in: the staff without it are
    // signed out at once, their kept session gone with them.
    assert!(app.whoami(&staff).await.is_object());
    crate::two_factor::enrol(&app, &admin).await;
    arm(7).await;
    let (status, body) = app
        .call(&admin, "two-factor/set-house-rule", &[("required", "on")])
        .await;
    assert_eq!(status, 200, "{body}");
    assert!(
        app.whoami(&staff).await.is_null(),
        "a house person without a second factor kept a session"
    );
    if !held(7).await {
        dropped.push("the house's two-factor rule");
    }
    assert!(dropped.is_empty(), "dropped customer B's page: {dropped:?}");
}

/// A file uploaded to an order shows on that order's pages at once, and a
/// factory's photo on its own line; neither drops another customer's
/// kept page.
#[tokio::test]
async fn an_upload_drops_what_shows_its_file_and_keeps_the_rest() {
    use crate::files::{PNG, upload};
    let (app, cast, other, customer, factory_a) = setup().await;
    let (staff, customer_b, _other_url, b_url) = onlookers(&app, &cast, other).await;
    let a_url = app.url(&format!("/customer/orders/{}", cast.order_a));
    assert!(!page(&customer, &a_url).await.contains("Label proof.png"));
    assert!(page(&customer_b, &b_url).await.contains("SO-B-1"));
    rename_both(&app, &cast, other).await;

    let (status, location) = upload(
        &app,
        &staff,
        ("order", cast.order_a),
        "Label proof.png",
        PNG.to_vec(),
        true,
    )
    .await;
    assert_eq!((status, location.contains("file_error")), (303, false));
    assert!(
        page(&customer, &a_url).await.contains("Label proof.png"),
        "the buyer's kept order page did not show the file shared with it"
    );
    assert!(
        b_kept(&customer_b, &b_url).await,
        "a file on customer A's order dropped customer B's page"
    );

    let (status, location) = upload(
        &app,
        &factory_a,
        ("po_line", cast.po_line_a),
        "QC carton.png",
        PNG.to_vec(),
        false,
    )
    .await;
    assert_eq!((status, location.contains("file_error")), (303, false));
    assert!(
        b_kept(&customer_b, &b_url).await,
        "a factory's photo dropped another customer's page"
    );
}

/// A message from the house person `author` put in `order`'s conversation
/// without telling the portal.
pub(crate) async fn house_message_behind_the_portal(
    app: &TestApp,
    order: i32,
    author: i32,
    body: &str,
) {
    message::ActiveModel {
        thread_kind: Set("order".into()),
        order_id: Set(Some(order)),
        purchase_order_id: Set(None),
        author_user_id: Set(author),
        side: Set("house".into()),
        body: Set(body.into()),
        created_at: Set(chrono::Utc::now()),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap();
}
