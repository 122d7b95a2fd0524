//! The tallies the database keeps of each customer's open orders
//! (`order_tallies`, migration 35) say what the orders themselves say after
//! every kind of write, whoever makes it: the demo data, and plain SQL that
//! knows nothing of the tallies. The first page's counts come from them.
//! A tally its orders leave is removed, so a customer's tallies are those
//! of its orders open now, not of every standing they ever had.

use std::collections::{BTreeSet, HashMap};

use app::domain::dates::Standing;
use app::domain::order_status::OrderStatus;
use app::ssr::repo::glance::{OrderSummaryRow, standings};
use chrono::{Days, NaiveDate, Utc};
use integration_tests::plain_sql::{demo_database, ints, one_int};
use sea_orm::{ConnectionTrait, DatabaseConnection, FromQueryResult, Statement};

type Counts = HashMap<(OrderStatus, Standing), u64>;

fn open() -> Vec<OrderStatus> {
    OrderStatus::ALL
        .into_iter()
        .filter(|s| !s.is_final())
        .collect()
}

/// The company's open orders counted one by one here, by status and by
/// what their badge depends on `today`.
async fn counted(db: &DatabaseConnection, company: i32, today: NaiveDate) -> Counts {
    let rows = OrderSummaryRow::find_by_statement(Statement::from_string(
        db.get_database_backend(),
        format!(
            "SELECT id, status, line_count, unconfirmed_lines, earliest_committed, most_slip \
             FROM orders WHERE customer_company_id = {company}"
        ),
    ))
    .all(db)
    .await
    .unwrap();
    let mut counts = Counts::new();
    for row in rows.iter().filter(|r| !r.status.is_final()) {
        let standing = row.summary().standing(today);
        let standing = if row.status.delivered() {
            Standing::delivered(standing.has_lines, standing.has_unconfirmed)
        } else {
            standing
        };
        *counts.entry((row.status, standing)).or_default() += 1;
    }
    counts
}

/// The same counts, as the first page reads them from the tallies.
async fn tallied(db: &DatabaseConnection, company: i32, today: NaiveDate) -> Counts {
    let mut counts = Counts::new();
    for (status, standing, orders) in standings(db, company, &open(), today).await.unwrap() {
        *counts.entry((status, standing)).or_default() += orders;
    }
    counts
}

/// The days on which a badge can change: each order's earliest commitment
/// and the days either side, and today.
async fn telling_days(db: &DatabaseConnection) -> BTreeSet<NaiveDate> {
    let rows = db
        .query_all_raw(Statement::from_string(
            db.get_database_backend(),
            "SELECT DISTINCT earliest_committed FROM orders WHERE earliest_committed IS NOT NULL",
        ))
        .await
        .unwrap();
    let mut days = BTreeSet::from([Utc::now().date_naive()]);
    for row in rows {
        let day: NaiveDate = row.try_get_by_index(0).unwrap();
        days.extend([day.pred_opt().unwrap(), day, day + Days::new(1)]);
    }
    days
}

/// Every customer's tallies agree with its orders on every telling day.
async fn assert_tallied_right(db: &DatabaseConnection, after: &str) {
    let customers = ints(
        db,
        "SELECT DISTINCT customer_company_id FROM orders ORDER BY customer_company_id",
    )
    .await;
    let days = telling_days(db).await;
    for company in customers {
        for today in &days {
            assert_eq!(
                tallied(db, company, *today).await,
                counted(db, company, *today).await,
                "customer {company} on {today}, after {after}"
            );
        }
    }
    assert_eq!(
        ints(
            db,
            "SELECT COUNT(*) FROM order_tallies WHERE order_count < 1"
        )
        .await,
        vec![0],
        "after {after}: a tally empty or below zero"
    );
}

#[tokio::test]
async fn a_customers_tallies_follow_every_write_to_its_orders_and_lines() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_database(&dir).await;
    assert_tallied_right(&db, "the demo data").await;

    // An order in production with several lines, a delivered one, and a
    // customer with no order.
    let working = one_int(
        &db,
        "SELECT MIN(o.id) FROM orders o WHERE o.status = 'in_production' AND \
         (SELECT COUNT(*) FROM order_lines l WHERE l.order_id = o.id) > 1",
    )
    .await;
    let delivered = one_int(&db, "SELECT MIN(id) FROM orders WHERE status = 'arrived'").await;
    let line = one_int(
        &db,
        &format!("SELECT MIN(id) FROM order_lines WHERE order_id = {working}"),
    )
    .await;
    let stranger = one_int(
        &db,
        "SELECT MIN(id) FROM companies WHERE id NOT IN (SELECT customer_company_id FROM orders)",
    )
    .await;
    for (write, after) in [
        (
            format!(
                "UPDATE order_lines SET committed_date = '2030-01-10', \
                 forecast_date = '2030-01-11' WHERE id = {line}"
            ),
            "a line slipped a day",
        ),
        (
            format!("UPDATE order_lines SET forecast_date = '2030-02-20' WHERE id = {line}"),
            "the line slipped far",
        ),
        (
            format!("UPDATE order_lines SET committed_date = NULL WHERE id = {line}"),
            "a line's commitment taken back",
        ),
        (
            format!(
                "UPDATE order_lines SET order_id = {delivered}, line_no = 900 WHERE id = {line}"
            ),
            "a line moved to a delivered order",
        ),
        (
            format!("UPDATE orders SET status = 'shipped' WHERE id = {working}"),
            "an order shipped",
        ),
        (
            format!("UPDATE orders SET status = 'settled' WHERE id = {delivered}"),
            "an order settled",
        ),
        (
            format!("UPDATE orders SET status = 'arrived' WHERE id = {delivered}"),
            "a settled order opened again",
        ),
        (
            format!("UPDATE orders SET customer_company_id = {stranger} WHERE id = {working}"),
            "an order given to another customer",
        ),
        (
            format!("DELETE FROM order_lines WHERE order_id = {working}"),
            "an order's lines removed",
        ),
        (
            format!(
                "INSERT INTO orders (customer_company_id, number, currency, incoterm, \
                 payment_terms, ship_to, status, version, created_at, updated_at) \
                 SELECT {stranger}, 'TALLY-1', currency, incoterm, payment_terms, ship_to, \
                 'confirmed', 1, created_at, updated_at FROM orders WHERE id = {delivered}"
            ),
            "an order written",
        ),
        (
            "INSERT INTO order_lines (order_id, line_no, product_code, description, \
                 hs_code, quantity, unit, unit_price_minor, requested_date, committed_date, \
                 forecast_date) SELECT id, 1, 'NEW-1', 'New', '691200', 5, 'pcs', 100, \
                 '2030-03-01', '2030-03-01', '2030-03-04' FROM orders WHERE number = 'TALLY-1'"
                .to_owned(),
            "a line added to it",
        ),
        (
            "DELETE FROM orders WHERE number = 'TALLY-1' AND NOT EXISTS \
             (SELECT 1 FROM order_lines l WHERE l.order_id = orders.id)"
                .to_owned(),
            "nothing deleted: the order has a line",
        ),
        (
            "DELETE FROM order_lines WHERE order_id IN \
             (SELECT id FROM orders WHERE number = 'TALLY-1')"
                .to_owned(),
            "its line removed",
        ),
        (
            "DELETE FROM orders WHERE number = 'TALLY-1'".to_owned(),
            "the order removed",
        ),
    ] {
        db.execute_unprepared(&write).await.unwrap();
        assert_tallied_right(&db, after).await;
    }
    assert!(
        one_int(
            &db,
            &format!("SELECT COUNT(*) FROM orders WHERE customer_company_id = {stranger}")
        )
        .await
            > 0,
        "the other customer holds an order"
    );
}

#[tokio::test]
async fn the_tallies_orders_left_empty_before_migration_38_go_with_it() {
    use migration::{Migrator, MigratorTrait};
    let dir = tempfile::tempdir().unwrap();
    let db = demo_database(&dir).await;
    let empty = "SELECT COUNT(*) FROM order_tallies WHERE order_count = 0";
    // The triggers as migration 35 wrote them, which keep a tally at zero:
    // migration 38 and every one after it undone.
    let names: Vec<String> = Migrator::migrations()
        .iter()
        .map(|m| m.name().to_owned())
        .collect();
    let from_38 = names.len()
        - names
            .iter()
            .position(|name| name.contains("_000038_"))
            .expect("migration 38");
    Migrator::down(&db, Some(from_38 as u32)).await.unwrap();
    db.execute_unprepared("UPDATE orders SET status = 'settled' WHERE status = 'arrived'")
        .await
        .unwrap();
    assert!(one_int(&db, empty).await > 0, "no tally left empty");
    Migrator::up(&db, None).await.unwrap();
    assert_eq!(one_int(&db, empty).await, 0);
    assert_tallied_right(&db, "migration 38").await;
}
