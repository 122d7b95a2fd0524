//! What the database keeps for the portal's reads agrees with what it is
//! kept from after every kind of write, whoever makes it: the demo data, and
//! plain SQL that knows nothing of what is kept.
//! - Each order's summary of its lines (how many, how many without a
//!   commitment, the earliest commitment, the largest slip; migration 20)
//!   and its value (migration 24).
//! - Each PO line's copy of its purchase order's factory (migration 21).
//! - Each order line's copy of its order's shipping day (migration 26).
//! - Each shipment's and instalment's copy of its order's customer
//!   (migration 28).

use std::collections::BTreeMap;

use app::domain::dates::{LineDates, LinesSummary};
use app::ssr::entities::order_line;
use app::ssr::repo::glance::OrderSummaryRow;
use integration_tests::plain_sql::{another_factorys_purchase_order, demo_database, ints, one_int};
use sea_orm::{
    ConnectionTrait, DatabaseConnection, EntityTrait, FromQueryResult, QueryOrder, Statement,
};

/// Per order, the summary summed again from its lines here.
async fn summed_from_lines(db: &DatabaseConnection) -> BTreeMap<i32, LinesSummary> {
    let lines = order_line::Entity::find()
        .order_by_asc(order_line::Column::Id)
        .all(db)
        .await
        .unwrap();
    let mut by_order: BTreeMap<i32, Vec<LineDates>> = BTreeMap::new();
    for line in lines {
        by_order.entry(line.order_id).or_default().push(LineDates {
            requested: line.requested_date,
            committed: line.committed_date,
            forecast: line.forecast_date,
        });
    }
    by_order
        .into_iter()
        .map(|(order, lines)| (order, LinesSummary::of(&lines)))
        .collect()
}

/// Per order, the summary the database keeps on it.
async fn kept(db: &DatabaseConnection) -> BTreeMap<i32, LinesSummary> {
    OrderSummaryRow::find_by_statement(Statement::from_string(
        db.get_database_backend(),
        "SELECT id, status, line_count, unconfirmed_lines, earliest_committed, most_slip \
         FROM orders ORDER BY id",
    ))
    .all(db)
    .await
    .unwrap()
    .into_iter()
    .map(|row| (row.id, row.summary()))
    .collect()
}

/// Every order's kept summary equals its lines' (an order without lines
/// keeps the empty summary).
async fn assert_kept_right(db: &DatabaseConnection, after: &str) {
    let summed = summed_from_lines(db).await;
    let kept = kept(db).await;
    for (order, summary) in &kept {
        let expected = summed.get(order).copied().unwrap_or_default();
        assert_eq!(
            *summary, expected,
            "order {order}, after {after}: kept {summary:?}, its lines say {expected:?}"
        );
    }
    assert!(
        summed.keys().all(|order| kept.contains_key(order)),
        "after {after}: lines of orders that do not exist"
    );
    assert_eq!(
        orders_valued_otherwise(db).await,
        Vec::<i32>::new(),
        "after {after}: orders whose kept value is not their lines' sum"
    );
}

/// Orders whose kept value differs from the sum of their lines' quantity
/// times unit price (no lines: no value).
async fn orders_valued_otherwise(db: &DatabaseConnection) -> Vec<i32> {
    ints(
        db,
        "SELECT o.id FROM orders o WHERE COALESCE(o.value_minor, -1) <> COALESCE( \
           (SELECT SUM(l.quantity * l.unit_price_minor) FROM order_lines l \
            WHERE l.order_id = o.id), -1) \
         ORDER BY o.id",
    )
    .await
}

async fn exec(db: &DatabaseConnection, sql: &str) {
    db.execute_unprepared(sql).await.unwrap();
}

#[tokio::test]
async fn what_an_order_keeps_of_its_lines_follows_every_line_write() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_database(&dir).await;
    assert_kept_right(&db, "the demo data").await;
    assert!(
        one_int(&db, "SELECT COUNT(*) FROM orders WHERE value_minor > 0").await > 0,
        "the demo data has orders with a value"
    );
    let summed = summed_from_lines(&db).await;
    assert!(
        summed.values().any(|s| s.most_slip.is_some_and(|d| d > 0))
            && summed.values().any(|s| s.unconfirmed > 0)
            && summed.values().any(|s| s.lines > 1),
        "the demo data has slipping, unconfirmed and many-line orders: {summed:?}"
    );

    // A line of an order with several lines, and another order.
    let order = one_int(
        &db,
        "SELECT order_id FROM order_lines GROUP BY order_id HAVING COUNT(*) > 1 \
         ORDER BY order_id LIMIT 1",
    )
    .await;
    let line = one_int(
        &db,
        &format!("SELECT MIN(id) FROM order_lines WHERE order_id = {order}"),
    )
    .await;
    let other = one_int(
        &db,
        &format!("SELECT MIN(id) FROM orders WHERE id <> {order}"),
    )
    .await;

    exec(
        &db,
        &format!(
            "UPDATE order_lines SET committed_date = '2030-01-10', forecast_date = '2030-02-20' \
             WHERE id = {line}"
        ),
    )
    .await;
    assert_kept_right(&db, "a line's dates moved").await;
    assert_eq!(kept(&db).await[&order].most_slip, Some(41));

    exec(
        &db,
        &format!("UPDATE order_lines SET committed_date = NULL WHERE id = {line}"),
    )
    .await;
    assert_kept_right(&db, "a line's commitment taken back").await;

    exec(
        &db,
        &format!("UPDATE order_lines SET quantity = quantity + 7 WHERE id = {line}"),
    )
    .await;
    assert_kept_right(&db, "a line's quantity changed").await;
    exec(
        &db,
        &format!("UPDATE order_lines SET unit_price_minor = 123 WHERE id = {line}"),
    )
    .await;
    assert_kept_right(&db, "a line's price changed").await;
    assert!(kept(&db).await[&order].unconfirmed > 0);

    exec(
        &db,
        &format!("UPDATE order_lines SET order_id = {other}, line_no = 900 WHERE id = {line}"),
    )
    .await;
    assert_kept_right(&db, "a line moved to another order").await;

    exec(
        &db,
        &format!(
            "INSERT INTO order_lines (order_id, line_no, product_code, description, hs_code, \
             quantity, unit, unit_price_minor, requested_date, committed_date, forecast_date) \
             VALUES ({order}, 901, 'NEW-1', 'New', '691200', 5, 'pcs', 100, '2030-03-01', \
             '2030-03-01', '2029-12-31')"
        ),
    )
    .await;
    assert_kept_right(&db, "a line added").await;
    exec(
        &db,
        &format!("DELETE FROM order_lines WHERE order_id = {other}"),
    )
    .await;
    assert_kept_right(&db, "an order's lines removed").await;
    assert_eq!(kept(&db).await[&other], LinesSummary::default());
}

/// PO lines whose kept factory is not their purchase order's.
async fn lines_with_another_factory(db: &DatabaseConnection) -> Vec<i32> {
    ints(
        db,
        "SELECT l.id FROM po_lines l JOIN purchase_orders p ON p.id = l.purchase_order_id \
         WHERE l.supplier_company_id IS NULL OR l.supplier_company_id <> p.supplier_company_id",
    )
    .await
}

#[tokio::test]
async fn a_po_line_keeps_its_purchase_orders_factory_through_every_write() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_database(&dir).await;
    assert!(
        one_int(&db, "SELECT COUNT(*) FROM po_lines").await > 0,
        "the demo data has PO lines"
    );
    assert_eq!(lines_with_another_factory(&db).await, Vec::<i32>::new());

    // Two purchase orders of different factories.
    let first = one_int(&db, "SELECT MIN(purchase_order_id) FROM po_lines").await;
    let second = another_factorys_purchase_order(&db, first).await;

    exec(
        &db,
        &format!(
            "INSERT INTO po_lines (purchase_order_id, line_no, product_code, description, \
             quantity, quantity_done, committed_ready_date, milestone, cancelled, version, \
             alert_level) VALUES ({first}, 900, 'NEW-1', 'New', 5, 0, '2030-03-01', \
             'not_started', false, 1, 0)"
        ),
    )
    .await;
    assert_eq!(
        lines_with_another_factory(&db).await,
        Vec::<i32>::new(),
        "after a line was added"
    );

    let line = one_int(
        &db,
        &format!("SELECT MAX(id) FROM po_lines WHERE purchase_order_id = {first}"),
    )
    .await;
    exec(
        &db,
        &format!("UPDATE po_lines SET purchase_order_id = {second} WHERE id = {line}"),
    )
    .await;
    assert_eq!(
        lines_with_another_factory(&db).await,
        Vec::<i32>::new(),
        "after a line moved to another factory's purchase order"
    );

    exec(
        &db,
        &format!(
            "UPDATE purchase_orders SET supplier_company_id = \
             (SELECT supplier_company_id FROM purchase_orders WHERE id = {second}) \
             WHERE id = {first}"
        ),
    )
    .await;
    assert_eq!(
        lines_with_another_factory(&db).await,
        Vec::<i32>::new(),
        "after a purchase order moved to another factory"
    );
}

/// Order lines whose kept shipping day is not their order's.
async fn lines_with_another_shipping_day(db: &DatabaseConnection) -> Vec<i32> {
    ints(
        db,
        "SELECT l.id FROM order_lines l JOIN orders o ON o.id = l.order_id \
         WHERE COALESCE(l.shipped_on, '1900-01-01') <> COALESCE(o.shipped_on, '1900-01-01') \
         ORDER BY l.id",
    )
    .await
}

#[tokio::test]
async fn an_order_line_keeps_its_orders_shipping_day_through_every_write() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_database(&dir).await;
    assert!(
        one_int(
            &db,
            "SELECT COUNT(*) FROM order_lines WHERE shipped_on IS NOT NULL"
        )
        .await
            > 0,
        "the demo data has lines of shipped orders"
    );
    assert_eq!(
        lines_with_another_shipping_day(&db).await,
        Vec::<i32>::new()
    );

    // A shipped order and one not shipped, both with lines.
    let shipped = one_int(
        &db,
        "SELECT MIN(o.id) FROM orders o WHERE o.shipped_on IS NOT NULL \
         AND EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = o.id)",
    )
    .await;
    let open = one_int(
        &db,
        "SELECT MIN(o.id) FROM orders o WHERE o.shipped_on IS NULL \
         AND EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = o.id)",
    )
    .await;
    for (write, after) in [
        (
            format!(
                "INSERT INTO order_lines (order_id, line_no, product_code, description, \
                 hs_code, quantity, unit, unit_price_minor, requested_date) \
                 VALUES ({shipped}, 902, 'NEW-2', 'New', '691200', 5, 'pcs', 100, '2030-03-01')"
            ),
            "a line added to a shipped order",
        ),
        (
            format!(
                "UPDATE order_lines SET order_id = {open}, line_no = 903 \
                 WHERE id = (SELECT MAX(id) FROM order_lines WHERE order_id = {shipped})"
            ),
            "a line moved to an order not shipped",
        ),
        (
            format!("UPDATE orders SET shipped_on = '2030-04-02' WHERE id = {open}"),
            "an order shipped",
        ),
        (
            format!("UPDATE orders SET shipped_on = '2030-04-03' WHERE id = {open}"),
            "a shipping day corrected",
        ),
        (
            format!("UPDATE orders SET shipped_on = NULL WHERE id = {shipped}"),
            "a shipping day taken back",
        ),
        (
            format!("UPDATE order_lines SET shipped_on = '2031-01-01' WHERE order_id = {open}"),
            "the copy written by hand",
        ),
    ] {
        exec(&db, &write).await;
        assert_eq!(
            lines_with_another_shipping_day(&db).await,
            Vec::<i32>::new(),
            "after {after}"
        );
    }
    assert!(
        one_int(
            &db,
            &format!("SELECT COUNT(*) FROM order_lines WHERE shipped_on = '2030-04-03' AND order_id = {open}")
        )
        .await
            > 1,
        "the corrected day reached every line of the order, the moved one too"
    );
}

/// Shipments and instalments whose kept customer is not their order's, as
/// `table:id`.
async fn kept_with_another_customer(db: &DatabaseConnection) -> Vec<String> {
    let mut wrong = Vec::new();
    for table in ["shipments", "instalments"] {
        for id in ints(
            db,
            &format!(
                "SELECT t.id FROM {table} t JOIN orders o ON o.id = t.order_id \
                 WHERE COALESCE(t.customer_company_id, -1) <> o.customer_company_id \
                 ORDER BY t.id"
            ),
        )
        .await
        {
            wrong.push(format!("{table}:{id}"));
        }
    }
    wrong
}

#[tokio::test]
async fn shipments_and_instalments_keep_their_orders_customer_through_every_write() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_database(&dir).await;
    for table in ["shipments", "instalments"] {
        assert!(
            one_int(&db, &format!("SELECT COUNT(*) FROM {table}")).await > 0,
            "the demo data has {table}"
        );
    }
    assert_eq!(kept_with_another_customer(&db).await, Vec::<String>::new());

    // An order with a shipment, and an order of another customer.
    let shipped = one_int(&db, "SELECT MIN(order_id) FROM shipments").await;
    let other = one_int(
        &db,
        &format!(
            "SELECT MIN(id) FROM orders WHERE customer_company_id <> \
             (SELECT customer_company_id FROM orders WHERE id = {shipped})"
        ),
    )
    .await;
    let third_customer = one_int(
        &db,
        &format!(
            "SELECT MIN(id) FROM companies WHERE id NOT IN \
             (SELECT customer_company_id FROM orders WHERE id IN ({shipped}, {other}))"
        ),
    )
    .await;
    for (write, after) in [
        (
            format!(
                "INSERT INTO shipments (order_id, etd, carrier, vessel, bl_number, created_at, \
                 booking_no, port_of_loading, port_of_discharge, customs_status) \
                 SELECT {other}, etd, carrier, 'NEW VESSEL', 'BL-KEPT-1', created_at, \
                 'BK-KEPT-1', port_of_loading, port_of_discharge, customs_status \
                 FROM shipments WHERE order_id = {shipped}"
            ),
            "a shipment written",
        ),
        (
            format!(
                "INSERT INTO instalments (order_id, position, kind, amount_minor, due_date, \
                 due_offset_days, paid_minor, reminder_level) \
                 VALUES ({shipped}, 9, 'balance', 100, '2030-01-01', 0, 0, 0)"
            ),
            "an instalment written",
        ),
        (
            format!(
                "UPDATE instalments SET order_id = {other} \
                 WHERE id = (SELECT MAX(id) FROM instalments)"
            ),
            "an instalment moved to another customer's order",
        ),
        (
            format!(
                "UPDATE shipments SET order_id = {shipped} \
                 WHERE id = (SELECT MAX(id) FROM shipments)"
            ),
            "a shipment moved to another customer's order",
        ),
        (
            format!(
                "UPDATE orders SET customer_company_id = {third_customer} WHERE id = {shipped}"
            ),
            "an order given to another customer",
        ),
        (
            format!(
                "UPDATE shipments SET customer_company_id = customer_company_id + 1000 \
                 WHERE order_id = {shipped}"
            ),
            "the copy written by hand",
        ),
    ] {
        exec(&db, &write).await;
        assert_eq!(
            kept_with_another_customer(&db).await,
            Vec::<String>::new(),
            "after {after}"
        );
    }
    assert!(
        one_int(
            &db,
            &format!(
                "SELECT COUNT(*) FROM shipments WHERE order_id = {shipped} \
                 AND customer_company_id = {third_customer}"
            )
        )
        .await
            > 1,
        "the order's new customer reached every shipment of the order, the moved one too"
    );
}
