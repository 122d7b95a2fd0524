//! A factory's scorecard counts its open lines and those it was heard of on
//! lately from what each PO line keeps (`heard_at`, migration 36: its last
//! report, else the day its purchase order was placed). What is kept agrees
//! with what it is kept from after every kind of write, and the counts, of
//! one factory and of every factory, with the lines counted one by one here.

use std::collections::BTreeSet;

use app::domain::order_status::PurchaseOrderStatus;
use app::domain::progress::Milestone;
use app::ssr::entities::{po_line, purchase_order};
use app::ssr::repo::kpi::freshness_by_supplier;
use chrono::{DateTime, Duration, Utc};
use integration_tests::plain_sql::{another_factorys_purchase_order, demo_database, ints};
use sea_orm::{ConnectionTrait, DatabaseConnection, EntityTrait};

/// Per factory with open lines: (factory, open lines, those heard of on
/// since `since`), counted here from every line and purchase order.
async fn counted(db: &DatabaseConnection, since: DateTime<Utc>) -> Vec<(i32, u64, u64)> {
    let orders = purchase_order::Entity::find().all(db).await.unwrap();
    let mut counts: std::collections::BTreeMap<i32, (u64, u64)> = Default::default();
    for line in po_line::Entity::find().all(db).await.unwrap() {
        let po = orders
            .iter()
            .find(|p| p.id == line.purchase_order_id)
            .unwrap();
        let open = po.status == PurchaseOrderStatus::Open
            && !line.cancelled
            && !matches!(line.milestone, Milestone::ReadyToShip | Milestone::Shipped);
        if open {
            let entry = counts.entry(po.supplier_company_id).or_default();
            entry.0 += 1;
            entry.1 += u64::from(line.last_progress_at.unwrap_or(po.created_at) >= since);
        }
    }
    counts
        .into_iter()
        .map(|(f, (n, fresh))| (f, n, fresh))
        .collect()
}

/// The moments at which a count can change: each line's last report and
/// each purchase order's placing, a second either side, and a week ago.
async fn telling_moments(db: &DatabaseConnection) -> BTreeSet<DateTime<Utc>> {
    let mut moments = BTreeSet::from([Utc::now() - Duration::days(7)]);
    let heard = po_line::Entity::find()
        .all(db)
        .await
        .unwrap()
        .into_iter()
        .filter_map(|l| l.last_progress_at)
        .chain(
            purchase_order::Entity::find()
                .all(db)
                .await
                .unwrap()
                .into_iter()
                .map(|p| p.created_at),
        );
    for moment in heard {
        moments.extend([
            moment - Duration::seconds(1),
            moment,
            moment + Duration::seconds(1),
        ]);
    }
    moments
}

async fn assert_right(db: &DatabaseConnection, after: &str) {
    assert_eq!(
        ints(
            db,
            "SELECT l.id FROM po_lines l JOIN purchase_orders p ON p.id = l.purchase_order_id \
             WHERE l.heard_at IS NULL OR l.heard_at <> COALESCE(l.last_progress_at, p.created_at) \
             ORDER BY l.id"
        )
        .await,
        Vec::<i32>::new(),
        "after {after}: lines whose kept moment is not their last report or placing"
    );
    let factories = ints(
        db,
        "SELECT DISTINCT supplier_company_id FROM purchase_orders ORDER BY 1",
    )
    .await;
    for since in telling_moments(db).await {
        let expected = counted(db, since).await;
        for factory in &factories {
            let read = freshness_by_supplier(db, since, Some(*factory))
                .await
                .unwrap();
            let want: Vec<_> = expected
                .iter()
                .filter(|(f, _, _)| f == factory)
                .copied()
                .collect();
            assert_eq!(read, want, "factory {factory} since {since}, after {after}");
        }
        let every = freshness_by_supplier(db, since, None).await.unwrap();
        assert_eq!(
            every, expected,
            "every factory since {since}, after {after}"
        );
    }
}

#[tokio::test]
async fn a_factorys_open_lines_and_those_heard_of_lately_follow_every_write() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_database(&dir).await;
    assert!(
        ints(
            &db,
            "SELECT COUNT(*) FROM po_lines WHERE last_progress_at IS NULL"
        )
        .await[0]
            > 0
            && ints(
                &db,
                "SELECT COUNT(*) FROM po_lines WHERE last_progress_at IS NOT NULL"
            )
            .await[0]
                > 0,
        "the demo data has lines reported on and lines never reported on"
    );
    assert_right(&db, "the demo data").await;

    // An open line never reported on, its purchase order, and another
    // purchase order of another factory.
    let line = ints(
        &db,
        "SELECT MIN(id) FROM po_lines WHERE last_progress_at IS NULL AND NOT cancelled \
         AND milestone NOT IN ('ready_to_ship', 'shipped')",
    )
    .await[0];
    let po = ints(
        &db,
        &format!("SELECT purchase_order_id FROM po_lines WHERE id = {line}"),
    )
    .await[0];
    let other = another_factorys_purchase_order(&db, po).await;
    for (write, after) in [
        (
            format!(
                "UPDATE po_lines SET last_progress_at = '2030-01-02T03:04:05+00:00' \
                 WHERE id = {line}"
            ),
            "a report on the line",
        ),
        (
            format!("UPDATE po_lines SET last_progress_at = NULL WHERE id = {line}"),
            "the report taken back",
        ),
        (
            format!(
                "UPDATE purchase_orders SET created_at = '2020-05-06T07:08:09+00:00' WHERE id = {po}"
            ),
            "its purchase order's placing corrected",
        ),
        (
            format!(
                "UPDATE po_lines SET purchase_order_id = {other}, line_no = 900 WHERE id = {line}"
            ),
            "the line moved to another factory's purchase order",
        ),
        (
            format!(
                "INSERT INTO po_lines (purchase_order_id, line_no, product_code, description, \
                 quantity, quantity_done, committed_ready_date, milestone, cancelled, version, \
                 alert_level) VALUES ({po}, 901, 'NEW-1', 'New', 5, 0, '2030-03-01', \
                 'not_started', false, 1, 0)"
            ),
            "a line added",
        ),
        (
            format!("UPDATE purchase_orders SET status = 'cancelled' WHERE id = {po}"),
            "a purchase order with open lines cancelled",
        ),
        (
            format!("UPDATE po_lines SET milestone = 'shipped' WHERE purchase_order_id = {other}"),
            "lines shipped",
        ),
        (
            format!("UPDATE po_lines SET cancelled = true WHERE id = {line}"),
            "a line cancelled",
        ),
    ] {
        db.execute_unprepared(&write).await.unwrap();
        assert_right(&db, after).await;
    }
}
