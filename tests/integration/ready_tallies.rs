//! The sums the database keeps per factory and day a line was made ready
//! (`ready_tallies`, migration 37) say what the lines themselves say after
//! every kind of write, whoever makes it: the demo data, and plain SQL that
//! knows nothing of the tallies. The scorecards' on-time figures come from
//! them.

use std::collections::{BTreeMap, BTreeSet};

use app::ssr::entities::po_line;
use app::ssr::repo::kpi::{Period, readiness_by_supplier};
use chrono::{Days, NaiveDate, Utc};
use integration_tests::plain_sql::{another_factorys_purchase_order, demo_database, ints};
use sea_orm::{ConnectionTrait, DatabaseConnection, EntityTrait, Statement};

type Sums = Vec<(i32, u64, u64, i64)>;

/// Each line's factory, as the database keeps it on the line.
async fn line_factories(db: &DatabaseConnection) -> BTreeMap<i32, i32> {
    db.query_all_raw(Statement::from_string(
        db.get_database_backend(),
        "SELECT id, supplier_company_id FROM po_lines WHERE supplier_company_id IS NOT NULL",
    ))
    .await
    .unwrap()
    .iter()
    .map(|row| {
        (
            row.try_get_by_index::<i32>(0).unwrap(),
            row.try_get_by_index::<i32>(1).unwrap(),
        )
    })
    .collect()
}

/// Per factory (only `factory`'s, if named): the lines made ready in the
/// period and not cancelled, how many after their commitment and by how
/// many days in all, summed here line by line.
fn summed(
    lines: &[po_line::Model],
    factories: &BTreeMap<i32, i32>,
    period: Period,
    factory: Option<i32>,
) -> Sums {
    let mut sums: BTreeMap<i32, (u64, u64, i64)> = BTreeMap::new();
    for line in lines {
        let (Some(ready), Some(supplier)) = (line.ready_on, factories.get(&line.id)) else {
            continue;
        };
        if line.cancelled || ready < period.from || ready > period.to {
            continue;
        }
        if factory.is_some_and(|f| f != *supplier) {
            continue;
        }
        let late = (ready - line.committed_ready_date).num_days().max(0);
        let sum = sums.entry(*supplier).or_default();
        sum.0 += 1;
        sum.1 += u64::from(late > 0);
        sum.2 += late;
    }
    sums.into_iter()
        .map(|(f, (n, late, days))| (f, n, late, days))
        .collect()
}

/// The periods whose edges fall on a day a line was made ready or the day
/// either side of it.
fn telling_periods(lines: &[po_line::Model]) -> Vec<Period> {
    let mut days: BTreeSet<NaiveDate> = BTreeSet::from([Utc::now().date_naive()]);
    for line in lines {
        if let Some(ready) = line.ready_on {
            days.extend([ready - Days::new(1), ready, ready + Days::new(1)]);
        }
    }
    let first = *days.first().unwrap();
    let last = *days.last().unwrap();
    days.iter()
        .flat_map(|day| {
            [
                Period {
                    from: first,
                    to: *day,
                },
                Period {
                    from: *day,
                    to: last,
                },
            ]
        })
        .collect()
}

async fn assert_summed_right(db: &DatabaseConnection, after: &str) {
    let mut factories: Vec<Option<i32>> = vec![None];
    factories.extend(
        ints(
            db,
            "SELECT DISTINCT supplier_company_id FROM purchase_orders ORDER BY 1",
        )
        .await
        .into_iter()
        .map(Some),
    );
    let lines = po_line::Entity::find().all(db).await.unwrap();
    let kept_factories = line_factories(db).await;
    for period in telling_periods(&lines) {
        for factory in &factories {
            assert_eq!(
                readiness_by_supplier(db, period, *factory).await.unwrap(),
                summed(&lines, &kept_factories, period, *factory),
                "factory {factory:?}, {} to {}, after {after}",
                period.from,
                period.to
            );
        }
    }
    assert_eq!(
        ints(
            db,
            "SELECT COUNT(*) FROM ready_tallies WHERE lines < 0 OR late < 0 OR days_late < 0"
        )
        .await,
        vec![0],
        "after {after}: a tally below zero"
    );
}

#[tokio::test]
async fn the_lines_made_ready_per_factory_and_day_follow_every_write() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_database(&dir).await;
    assert!(
        ints(
            &db,
            "SELECT COUNT(*) FROM po_lines WHERE ready_on IS NOT NULL"
        )
        .await[0]
            > 0,
        "the demo data has lines made ready"
    );
    assert_summed_right(&db, "the demo data").await;

    // A line not yet ready, a purchase order of another factory.
    let line = ints(&db, "SELECT MIN(id) FROM po_lines WHERE ready_on IS NULL").await[0];
    let po = ints(
        &db,
        &format!("SELECT purchase_order_id FROM po_lines WHERE id = {line}"),
    )
    .await[0];
    let other = another_factorys_purchase_order(&db, po).await;
    for (write, after) in [
        (
            format!("UPDATE po_lines SET ready_on = committed_ready_date WHERE id = {line}"),
            "a line made ready on time",
        ),
        (
            format!(
                "UPDATE po_lines SET committed_ready_date = '2030-01-01', ready_on = '2030-01-09' WHERE id = {line}"
            ),
            "the line made ready eight days late",
        ),
        (
            format!("UPDATE po_lines SET committed_ready_date = '2030-01-05' WHERE id = {line}"),
            "its commitment moved",
        ),
        (
            format!("UPDATE po_lines SET cancelled = true WHERE id = {line}"),
            "the line cancelled",
        ),
        (
            format!("UPDATE po_lines SET cancelled = false WHERE id = {line}"),
            "the cancellation taken back",
        ),
        (
            format!(
                "UPDATE po_lines SET purchase_order_id = {other}, line_no = 900 WHERE id = {line}"
            ),
            "the line moved to another factory's purchase order",
        ),
        (
            format!(
                "UPDATE purchase_orders SET supplier_company_id = \
                 (SELECT supplier_company_id FROM purchase_orders WHERE id = {po}) \
                 WHERE id = {other}"
            ),
            "a purchase order given to another factory",
        ),
        (
            format!(
                "INSERT INTO po_lines (purchase_order_id, line_no, product_code, description, \
                 quantity, quantity_done, committed_ready_date, milestone, cancelled, version, \
                 alert_level, ready_on) VALUES ({po}, 901, 'NEW-1', 'New', 5, 5, '2030-01-01', \
                 'ready_to_ship', false, 1, 0, '2030-01-04')"
            ),
            "a line written ready",
        ),
        (
            format!("UPDATE po_lines SET ready_on = NULL WHERE id = {line}"),
            "a line no longer ready",
        ),
        (
            "DELETE FROM po_lines WHERE line_no = 901".to_owned(),
            "a ready line removed",
        ),
    ] {
        db.execute_unprepared(&write).await.unwrap();
        assert_summed_right(&db, after).await;
    }
}
