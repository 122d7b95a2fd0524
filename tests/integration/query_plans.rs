//! The factories' line lists are found through the indexes of open lines
//! (migration 21): a factory's in date order, and every factory's for the
//! house, the slipped among them through theirs (migration 33); the customer's first page finds shipments under way and
//! instalments owed through theirs, by customer (migration 28), and its
//! delivered orders without lines or with a line without a commitment
//! through theirs (migration 29); every page counts the person's unread
//! notifications from theirs (migration 30); a factory's scorecard reads
//! the changes it was asked to acknowledge from the changes, each finding
//! its line by key; the slippage scan finds the lines it has to assess
//! from their indexes alone (migration 32); a factory's scorecard reads the
//! period's complaints by factory and day, the house's figures by day, the
//! first page a customer's remedies to answer by step, and the complaint
//! list each viewer's complaints in its own order (migration 34); an
//! order's page chooses its newest factory reports in their index, and
//! reads its newest timeline entries in theirs, without sorting. A
//! partial index serves only a query whose conditions contain its own as
//! written, so a change to either text would silently bring back a read of
//! every line the factory ever made, or of every order the customer ever
//! placed; the plans say so here.

use app::domain::order_status::OrderStatus;
use app::domain::progress::Band;
use app::ssr::alerts::{order_lines_to_assess, po_lines_to_assess};
use app::ssr::repo::complaint_kpi::complaints_in_select;
use app::ssr::repo::complaint_list::{ListScope, closed_select, open_select};
use app::ssr::repo::glance::{
    instalments_owed_select, instalments_owed_statement, remedies_proposed_select,
    shipments_at_sea_select, shipments_coming_statement, shipments_to_depart_select,
    standings_statement,
};
use app::ssr::repo::kpi::Period;
use app::ssr::repo::kpi::{acknowledgements_statement, freshness_statement};
use app::ssr::repo::notifications::unread_select;
use app::ssr::repo::orders::newest_events_select;
use app::ssr::repo::progress::{
    PoScope, lines_select, newest_of_lines_select, reports_of_line_select,
};
use chrono::{NaiveDate, Utc};
use integration_tests::fresh_database;
use sea_orm::{
    ConnectionTrait, DatabaseBackend, DatabaseConnection, QueryTrait, Statement, TransactionTrait,
};

/// A fresh database with every migration applied (and the folder that
/// holds it, for SQLite).
async fn migrated() -> (tempfile::TempDir, DatabaseConnection) {
    let dir = tempfile::tempdir().unwrap();
    let db = server::db::connect_and_migrate(&fresh_database(&dir).await)
        .await
        .unwrap();
    (dir, db)
}

/// The database's plan for the statement, as text.
async fn plan(db: &DatabaseConnection, statement: Statement) -> String {
    plan_with(db, statement, &[]).await
}

/// The database's plan for the statement, with PostgreSQL's planner
/// `settings` (`enable_sort = off`: …) taken for this plan alone.
async fn plan_with(db: &DatabaseConnection, statement: Statement, settings: &[&str]) -> String {
    let backend = db.get_database_backend();
    let explain = Statement {
        sql: match backend {
            DatabaseBackend::Postgres => format!("EXPLAIN {}", statement.sql),
            _ => format!("EXPLAIN QUERY PLAN {}", statement.sql),
        },
        ..statement
    };
    let tx = db.begin().await.unwrap();
    if backend == DatabaseBackend::Postgres {
        // An empty table is read whole whatever its indexes; the question
        // here is which index the query can use at all.
        tx.execute_unprepared("SET LOCAL enable_seqscan = off")
            .await
            .unwrap();
        for setting in settings {
            tx.execute_unprepared(&format!("SET LOCAL {setting}"))
                .await
                .unwrap();
        }
    }
    let rows = tx.query_all_raw(explain).await.unwrap();
    let column = match backend {
        DatabaseBackend::Postgres => "QUERY PLAN",
        _ => "detail",
    };
    let text = rows
        .iter()
        .map(|row| row.try_get::<String>("", column).unwrap())
        .collect::<Vec<_>>()
        .join("\n");
    tx.rollback().await.unwrap();
    text
}

/// That the database's plan for the statement reads `index`.
async fn assert_uses(db: &DatabaseConnection, statement: Statement, index: &str) {
    let plan = plan(db, statement).await;
    assert!(
        plan.contains(index),
        "the plan does not use {index}:\n{plan}"
    );
}

#[tokio::test]
async fn each_band_of_open_lines_of_a_factory_and_of_every_factory_is_read_through_its_index() {
    let (_dir, db) = migrated().await;
    let backend = db.get_database_backend();
    let today = Utc::now().date_naive();
    for (scope, index, slipped) in [
        (
            PoScope::All,
            "idx_po_lines_open_by_date",
            "idx_po_lines_slipped_by_date",
        ),
        (
            PoScope::Supplier(7),
            "idx_po_lines_open_by_supplier",
            "idx_po_lines_slipped_by_supplier",
        ),
    ] {
        for (band, index) in [
            (Band::Overdue, index),
            (Band::Slipped, slipped),
            (Band::OnTime, index),
        ] {
            for query in [None, Some("mug")] {
                let statement = lines_select(scope, band, today, query, 50).build(backend);
                let plan = plan(&db, statement).await;
                assert!(
                    plan.contains(index),
                    "{scope:?}, {band:?}, search {query:?}: the plan does not use {index}:\n{plan}"
                );
            }
        }
    }
}

#[tokio::test]
async fn the_first_page_reads_open_shipments_and_owed_instalments_through_their_index() {
    let (_dir, db) = migrated().await;
    let backend = db.get_database_backend();
    let until = NaiveDate::from_ymd_opt(2026, 12, 9).unwrap();
    for (statement, index) in [
        (
            shipments_to_depart_select(7, 3).build(backend),
            "idx_shipments_to_depart_by_customer",
        ),
        (
            shipments_at_sea_select(7, 3).build(backend),
            "idx_shipments_at_sea_by_customer",
        ),
        (
            instalments_owed_select(7, until, 10).build(backend),
            "idx_instalments_owed_by_customer",
        ),
        (
            backend.build(&instalments_owed_statement(7, until, 10)),
            "idx_instalments_owed_by_customer",
        ),
    ] {
        assert_uses(&db, statement, index).await;
    }
    // Both heads read in one statement, each through its own index.
    let both = backend.build(&shipments_coming_statement(7, 3));
    for index in [
        "idx_shipments_to_depart_by_customer",
        "idx_shipments_at_sea_by_customer",
    ] {
        assert_uses(&db, both.clone(), index).await;
    }
}

#[tokio::test]
async fn the_first_page_reads_its_customers_tallies_through_their_key_without_sorting() {
    let (_dir, db) = migrated().await;
    let statement = standings_statement(
        db.get_database_backend(),
        7,
        &[OrderStatus::Confirmed, OrderStatus::Shipped],
        Utc::now().date_naive(),
    );
    let plan = plan(&db, statement).await;
    assert!(plan.contains("idx_order_tallies_key"), "{plan}");
    // The groups come out of the key in its order (SQLite names a sort it
    // has to make); PostgreSQL weighs grouping by hash on its own.
    if db.get_database_backend() == DatabaseBackend::Sqlite {
        assert!(!plan.contains("TEMP B-TREE"), "{plan}");
    }
}

#[tokio::test]
async fn every_page_counts_unread_notifications_from_their_own_index() {
    let (_dir, db) = migrated().await;
    let statement = unread_select(7).build(db.get_database_backend());
    assert_uses(&db, statement, "idx_notifications_unread").await;
}

#[tokio::test]
async fn a_factorys_freshness_counts_its_open_lines_from_their_own_index() {
    assert_freshness_read_from_open_lines(Some(7), Some("idx_po_lines_open_freshness")).await;
}

#[tokio::test]
async fn every_factorys_freshness_counts_the_open_lines_in_their_own_index() {
    // The lines of cancelled purchase orders are found in either index of
    // open lines by factory, as the database weighs them.
    assert_freshness_read_from_open_lines(None, None).await;
}

/// The freshness of one factory or of every factory is counted in the
/// indexes of open lines, less those of cancelled purchase orders: no
/// purchase order is looked up for each open line. `lines_of_cancelled`
/// names the index the lines of cancelled purchase orders must be read in,
/// if one is required.
async fn assert_freshness_read_from_open_lines(
    supplier: Option<i32>,
    lines_of_cancelled: Option<&str>,
) {
    let (_dir, db) = migrated().await;
    let statement = freshness_statement(db.get_database_backend(), Utc::now(), supplier);
    let plan = plan(&db, statement).await;
    let required = [
        "idx_po_lines_open_heard",
        "idx_purchase_orders_supplier_open",
    ];
    for index in required.into_iter().chain(lines_of_cancelled) {
        assert!(
            plan.contains(index),
            "the plan does not use {index}:\n{plan}"
        );
    }
    let by_key = match db.get_database_backend() {
        DatabaseBackend::Postgres => "purchase_orders_pkey",
        _ => "USING INTEGER PRIMARY KEY",
    };
    assert!(
        !plan.contains(by_key),
        "purchase orders read by key:\n{plan}"
    );
}

#[tokio::test]
async fn a_factorys_acknowledgements_are_read_from_the_changes_to_their_lines() {
    let (_dir, db) = migrated().await;
    let statement = acknowledgements_statement(db.get_database_backend(), Utc::now(), Some(7));
    let plan = plan(&db, statement).await;
    // Each change finds its line by key; no index of the lines by factory
    // walks the factory's whole history.
    let by_key = match db.get_database_backend() {
        DatabaseBackend::Postgres => "po_lines_pkey",
        _ => "SEARCH l USING INTEGER PRIMARY KEY",
    };
    assert!(plan.contains(by_key), "lines not read by key:\n{plan}");
    assert!(
        !plan.contains("idx_po_lines"),
        "lines read through an index of theirs:\n{plan}"
    );
}

#[tokio::test]
async fn the_slippage_scan_finds_its_lines_from_their_indexes_alone() {
    let (_dir, db) = migrated().await;
    let backend = db.get_database_backend();
    let cutoff = Utc::now();
    for (statement, index) in [
        (
            po_lines_to_assess(cutoff).build(backend),
            "idx_po_lines_to_assess",
        ),
        (
            order_lines_to_assess(cutoff.date_naive()).build(backend),
            "idx_order_lines_to_assess",
        ),
    ] {
        let plan = plan(&db, statement).await;
        // Every condition on the line is answered from the index: the
        // line's row is not read.
        let alone = match backend {
            DatabaseBackend::Postgres => format!("Index Only Scan using {index}"),
            _ => format!("USING COVERING INDEX {index}"),
        };
        assert!(plan.contains(&alone), "not from {index} alone:\n{plan}");
    }
}

#[tokio::test]
async fn complaints_are_read_by_period_and_factory_and_remedies_by_step() {
    let (_dir, db) = migrated().await;
    let backend = db.get_database_backend();
    let period = Period {
        from: NaiveDate::from_ymd_opt(2026, 9, 1).unwrap(),
        to: NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(),
    };
    let of_factory = plan(&db, complaints_in_select(period, Some(7)).build(backend)).await;
    // The factory's and the unpassed complaints come from the index by
    // factory and day, or the period's from the index by day (PostgreSQL's
    // choice for an empty table): never every complaint of the factory.
    assert!(
        of_factory.contains("idx_complaints_factory_created")
            || of_factory.contains("idx_complaints_created"),
        "{of_factory}"
    );
    for (statement, index) in [
        (
            complaints_in_select(period, None).build(backend),
            "idx_complaints_created",
        ),
        (
            remedies_proposed_select(7).build(backend),
            "idx_complaints_customer_status",
        ),
    ] {
        assert_uses(&db, statement, index).await;
    }
}

#[tokio::test]
async fn each_viewers_complaint_list_is_read_in_its_order_from_an_index() {
    let (_dir, db) = migrated().await;
    let backend = db.get_database_backend();
    let after = Some((Utc::now(), 9));
    for (scope, index) in [
        (ListScope::Customer(7), "idx_complaints_customer_status"),
        (ListScope::Factory(7), "idx_complaints_factory_created"),
        (ListScope::House, "idx_complaints_created"),
    ] {
        // A customer's and a factory's open ones, few, may be sorted once
        // found (the house's are found among all its complaints); a page of
        // the closed ones is read in the list's order (SQLite names a sort
        // it has to make), so it stops after one page.
        if scope != ListScope::House {
            let open = plan(&db, open_select(scope).build(backend)).await;
            assert!(open.contains(index), "{scope:?}: {open}");
        }
        // The house's pages filter its complaints by step only: with no
        // rows to weigh, PostgreSQL would rather sort the few it expects,
        // so its plan says nothing here; SQLite's follows the indexes.
        if scope == ListScope::House && backend == DatabaseBackend::Postgres {
            continue;
        }
        for statement in [
            closed_select(scope, None, 51).build(backend),
            closed_select(scope, after, 51).build(backend),
        ] {
            let plan = plan(&db, statement).await;
            assert!(plan.contains(index), "{scope:?}: {plan}");
            assert!(!plan.contains("TEMP B-TREE"), "{scope:?}: {plan}");
        }
    }
}

#[tokio::test]
async fn an_orders_newest_reports_are_chosen_through_their_index() {
    let (_dir, db) = migrated().await;
    let backend = db.get_database_backend();
    let plan = plan(&db, newest_of_lines_select(&[1, 2, 3], 21).build(backend)).await;
    // The reports to show are chosen in the index of each line's reports
    // (on SQLite without reading any report's row; PostgreSQL reads the
    // index alone once its visibility map says the rows are visible, and
    // an empty test table has none), then only those are read, by key.
    let (chosen, by_key) = match backend {
        DatabaseBackend::Postgres => (
            "idx_progress_updates_line",
            "Index Scan using progress_updates_pkey",
        ),
        _ => (
            "USING COVERING INDEX idx_progress_updates_line",
            "USING INTEGER PRIMARY KEY",
        ),
    };
    assert!(
        plan.contains(chosen),
        "not chosen through the index:\n{plan}"
    );
    assert!(plan.contains(by_key), "not read by key:\n{plan}");
}

#[tokio::test]
async fn an_orders_newest_timeline_entries_are_read_in_their_index_without_sorting() {
    let (_dir, db) = migrated().await;
    let backend = db.get_database_backend();
    for before in [None, Some(1_000)] {
        // An empty table's plan sorts its few rows; with sorting costed
        // out, PostgreSQL still sorts unless the index gives the order.
        let statement = newest_events_select(7, before, 51).build(backend);
        let plan = plan_with(&db, statement, &["enable_sort = off"]).await;
        assert!(
            plan.contains("idx_order_events_order"),
            "{before:?}: not read in the timeline's index:\n{plan}"
        );
        // Read newest first in the index, the page's entries are the first
        // it meets: nothing gathers the order's whole timeline to sort it.
        assert!(
            !plan.contains("TEMP B-TREE") && !plan.contains("Sort"),
            "{before:?}: the timeline is sorted:\n{plan}"
        );
    }
}

#[tokio::test]
async fn an_orders_old_reports_are_found_through_its_lines_among_many_newer() {
    use app::ssr::repo::{orders, purchase_orders};
    let (_dir, db) = migrated().await;
    let now = Utc::now();
    let cast = integration_tests::people::cast_at(&db, now, now.date_naive()).await;
    let backend = db.get_database_backend();
    // Another order's line at the same factory, reported on since.
    let line = orders::lines_of(&db, &[cast.order_b]).await.unwrap()[0].clone();
    let po = purchase_orders::insert_po(&db, "PO-A-2", cast.supplier.company_id, Utc::now())
        .await
        .unwrap();
    let ready_by = Utc::now().date_naive();
    let busy = purchase_orders::insert_po_line(
        &db,
        purchase_orders::NewPoLine::filling(po.id, 1, &line, ready_by),
        &[line.id],
    )
    .await
    .unwrap()
    .id;
    // Order A's two lines have 300 reports each, then the other line
    // 300,000, and the database has its statistics of them.
    for (line, count) in [
        (cast.po_line_a, 300),
        (cast.po_line_b, 300),
        (busy, 300_000),
    ] {
        db.execute_unprepared(&format!(
            "WITH RECURSIVE n(g) AS (SELECT 1 UNION ALL SELECT g + 1 FROM n WHERE g < {count}) \
             INSERT INTO progress_updates (po_line_id, at, milestone, quantity_done) \
             SELECT {line}, CURRENT_TIMESTAMP, 'in_production', 1 FROM n"
        ))
        .await
        .unwrap();
    }
    db.execute_unprepared("ANALYZE").await.unwrap();
    let lines = [cast.po_line_a, cast.po_line_b];
    let plan = plan(&db, newest_of_lines_select(&lines, 21).build(backend)).await;
    // Found in the lines' index, not by walking every newer report by key
    // until 21 of theirs are met.
    assert!(
        plan.contains("idx_progress_updates_line") && !plan.contains("Backward"),
        "not found through the lines' reports:\n{plan}"
    );
    // So is a page of one line's reports, the newest or an older one, read
    // in the order shown: nothing sorted, so no more than the page is read.
    let middle = app::ssr::repo::progress::reports_of_line(&db, cast.po_line_a, None, 151)
        .await
        .unwrap()
        .last()
        .unwrap()
        .id;
    for before in [None, Some(middle)] {
        let select = reports_of_line_select(cast.po_line_a, before, 21);
        let page = self::plan(&db, select.build(backend)).await;
        assert!(
            page.contains("idx_progress_updates_line") && !page.contains("pkey"),
            "{before:?}: not through the line's reports:\n{page}"
        );
        assert!(
            !page.contains("TEMP B-TREE") && !page.contains("Sort"),
            "{before:?}: {page}"
        );
    }
}
