//! Slippage alerts end to end: a report that slips queues exactly the
//! expected mails for the expected people, once per level; recoveries and
//! what time alone brings (overdue, quiet factories) come from the scan;
//! delivery goes through a real SMTP server that may refuse for a while or
//! for good.

use crate::kept_parts;
use app::ssr::alerts::scan_in_batches;
use app::ssr::clock::Clock;
use app::ssr::entities::outbox;
use integration_tests::people::{Cast, PASSWORD, create_cast};
use integration_tests::smtp::{Answer, SmtpSink};
use integration_tests::{SpawnOptions, TestApp, spawn_app, spawn_app_with};
use sea_orm::{EntityTrait, TransactionTrait};
use std::time::Duration;

/// Supplier A reports line 1 of order A `late` days behind its commitment.
async fn report_late(app: &TestApp, cast: &Cast, version: i64, late: i64) -> serde_json::Value {
    let factory = app.client_for(&cast.supplier.email, PASSWORD).await;
    let forecast = app.day(20 + late);
    let (status, body) = app
        .call(
            &factory,
            "progress/post",
            &[
                ("id", &cast.po_line_a.to_string()),
                ("version", &version.to_string()),
                ("milestone", "in_production"),
                ("quantity_done", "20"),
                ("forecast", &forecast),
                ("reason", "Glaze supplier late"),
            ],
        )
        .await;
    assert_eq!(status, 200, "{body}");
    body
}

async fn outbox_rows(app: &TestApp) -> Vec<outbox::Model> {
    let mut rows = outbox::Entity::find().all(&app.db).await.unwrap();
    rows.sort_by(|a, b| {
        a.created_at
            .cmp(&b.created_at)
            .then(a.recipient.cmp(&b.recipient))
    });
    rows
}

/// The outbox once every row is marked sent. The worker records a send just
/// after the mail server takes the mail, so a test that saw the mail arrive
/// may look a moment before the row says so.
async fn rows_once_sent(app: &TestApp) -> Vec<outbox::Model> {
    for _ in 0..200 {
        let rows = outbox_rows(app).await;
        if rows.iter().all(|r| r.sent_at.is_some()) {
            return rows;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    outbox_rows(app).await
}

fn recipients_of(rows: &[outbox::Model], kind: &str) -> Vec<String> {
    let mut list: Vec<String> = rows
        .iter()
        .filter(|r| r.kind == kind)
        .map(|r| r.recipient.clone())
        .collect();
    list.sort();
    list
}

/// Assesses what `plan` holds in one transaction, as a batch of the scan.
async fn assess_as_planned(
    app: &TestApp,
    plan: &app::ssr::alerts::ScanPlan,
) -> app::ssr::alerts::ScanReport {
    let ctx = app.state.alert_context();
    let people = app::ssr::alerts::Audience::load(&app.db).await.unwrap();
    let tx = app.db.begin().await.unwrap();
    let report = plan.assess(&tx, &ctx, &people).await.unwrap();
    tx.commit().await.unwrap();
    report
}

/// One pass of the periodic scan, in batches of a single line, so every
/// assessment below also runs in a unit of work of its own.
async fn run_scan(app: &TestApp) -> app::ssr::alerts::ScanReport {
    scan_in_batches(&app.state, 1).await.unwrap()
}

#[tokio::test]
async fn a_slip_mails_staff_and_the_customer_once_per_level() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    report_late(&app, &cast, 1, 3).await;
    let mails = app.wait_for_mails(2).await;
    let rows = outbox_rows(&app).await;
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert_eq!(recipients_of(&rows, "supplier_slip"), ["staff@house.test"]);
    assert_eq!(
        recipients_of(&rows, "customer_slip"),
        ["buyer@customer-a.test"]
    );

    let staff_mail = mails.iter().find(|m| m.to == "staff@house.test").unwrap();
    assert_eq!(
        staff_mail.subject,
        "PO-A-1 line 1 is 3 days late at Supplier A"
    );
    for part in [
        app.day(20),
        app.day(23),
        "Glaze supplier late".to_string(),
        "SO-A-1 line 1".into(),
    ] {
        assert!(
            staff_mail.body_text.contains(&part),
            "{part} missing: {}",
            staff_mail.body_text
        );
    }
    assert!(staff_mail.body_text.contains(&format!(
        "{}/staff/po-lines/{}",
        app.address, cast.po_line_a
    )));
    let customer_mail = mails
        .iter()
        .find(|m| m.to == "buyer@customer-a.test")
        .unwrap();
    assert_eq!(
        customer_mail.subject,
        "Order SO-A-1 line 1 is now expected 3 days late"
    );
    assert!(
        customer_mail.body_text.contains(&app.day(30))
            && customer_mail.body_text.contains(&app.day(33))
    );
    assert!(
        customer_mail
            .body_html
            .as_deref()
            .unwrap()
            .contains("<strong>SO-A-1</strong>")
    );
    for secret in ["Supplier A", "PO-A-1", "Glaze"] {
        assert!(
            !customer_mail.body_text.contains(secret),
            "{secret} told to the customer"
        );
    }

    // Later still, but in the same level: nothing more.
    report_late(&app, &cast, 2, 5).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(outbox_rows(&app).await.len(), 2);
    // A week late is worse: both hear again.
    report_late(&app, &cast, 3, 8).await;
    app.wait_for_mails(4).await;
    let rows = outbox_rows(&app).await;
    assert_eq!(rows.len(), 4, "{rows:?}");
    // Back on time: a recovery notice to each.
    report_late(&app, &cast, 4, 0).await;
    app.wait_for_mails(6).await;
    let rows = outbox_rows(&app).await;
    assert_eq!(
        recipients_of(&rows, "back_on_track"),
        ["buyer@customer-a.test", "staff@house.test"]
    );
    // A scan has nothing new to say about line 1; it does catch line 2,
    // which was created late and never reported on.
    let report = run_scan(&app).await;
    assert_eq!(report.mails, 2, "{report:?}");
    let rows = outbox_rows(&app).await;
    assert_eq!(rows.len(), 8);
    let about_line_2: Vec<&str> = rows
        .iter()
        .map(|r| r.subject.as_str())
        .filter(|s| s.contains("PO-B-1 line 1") || s.contains("SO-A-1 line 2"))
        .collect();
    assert_eq!(about_line_2.len(), 2, "{rows:?}");
}

#[tokio::test]
async fn the_scan_catches_what_time_brings_in_each_readers_language() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let factory = app.client_for(&cast.supplier.email, PASSWORD).await;
    app.call(&factory, "auth/locale", &[("locale", "zh")]).await;

    // Line 2 of order A was created 2 days late (and its factory, B, too):
    // the first scan alerts both slips, once. Line 1 is on time, recently
    // reported and never alerted: the scan does not even look at it.
    let first = run_scan(&app).await;
    assert_eq!((first.po_lines, first.order_lines), (1, 1), "{first:?}");
    let rows = outbox_rows(&app).await;
    assert_eq!(recipients_of(&rows, "supplier_slip"), ["staff@house.test"]);
    assert_eq!(
        recipients_of(&rows, "customer_slip"),
        ["buyer@customer-a.test"]
    );
    let again = run_scan(&app).await;
    assert_eq!(again.mails, 0);

    // Eight quiet days: the factories are reminded, in their language.
    app.clock.advance(chrono::Duration::days(8));
    run_scan(&app).await;
    let rows = outbox_rows(&app).await;
    let reminders: Vec<&outbox::Model> =
        rows.iter().filter(|r| r.kind == "stale_reminder").collect();
    assert_eq!(reminders.len(), 2, "{rows:?}");
    let zh = reminders
        .iter()
        .find(|r| r.recipient == "factory@supplier-a.test")
        .unwrap();
    assert!(
        zh.subject.starts_with("请更新 PO-A-1 第 1 行"),
        "{}",
        zh.subject
    );
    run_scan(&app).await;
    assert_eq!(
        outbox_rows(&app)
            .await
            .iter()
            .filter(|r| r.kind == "stale_reminder")
            .count(),
        2
    );

    // Past the committed date and not ready: overdue, to the house.
    app.clock.advance(chrono::Duration::days(25));
    run_scan(&app).await;
    let rows = outbox_rows(&app).await;
    let overdue = recipients_of(&rows, "overdue");
    assert_eq!(
        overdue.len(),
        4,
        "two lines to staff and admin: {overdue:?}"
    );
    run_scan(&app).await;
    assert_eq!(recipients_of(&outbox_rows(&app).await, "overdue").len(), 4);
}

#[tokio::test]
async fn alerts_reach_a_real_smtp_server_with_their_headers() {
    let sink = SmtpSink::start().await;
    let app = spawn_app_with(SpawnOptions {
        smtp_port: Some(sink.port),
        ..Default::default()
    })
    .await;
    let cast = create_cast(&app).await;
    report_late(&app, &cast, 1, 3).await;
    let received = sink.wait_for(2, 20).await;
    let rows = rows_once_sent(&app).await;
    for mail in &received {
        let row = rows
            .iter()
            .find(|r| mail.to.iter().any(|t| t.contains(&r.recipient)))
            .expect("a row for each mail");
        assert_eq!(
            mail.header("Message-ID").unwrap(),
            format!("<{}@trade-portal>", row.id)
        );
        assert_eq!(mail.header("Subject").unwrap(), row.subject);
        assert!(mail.data.contains("multipart/alternative"), "{}", mail.data);
        assert!(row.sent_at.is_some() && !row.dead);
    }
}

#[tokio::test]
async fn temporary_refusals_are_retried_until_the_server_takes_the_mail() {
    let sink = SmtpSink::start().await;
    sink.answer(Answer::Refuse(451));
    let app = spawn_app_with(SpawnOptions {
        smtp_port: Some(sink.port),
        ..Default::default()
    })
    .await;
    let cast = create_cast(&app).await;
    report_late(&app, &cast, 1, 3).await;
    // Both mails fail once and wait for a retry.
    for _ in 0..200 {
        if outbox_rows(&app).await.iter().all(|r| r.attempts >= 1) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    let rows = outbox_rows(&app).await;
    assert!(
        rows.iter()
            .all(|r| r.attempts >= 1 && !r.dead && r.sent_at.is_none()),
        "{rows:?}"
    );
    assert!(
        rows.iter()
            .all(|r| r.last_error.as_deref().unwrap_or("").contains("451")),
        "{rows:?}"
    );
    assert!(sink.received().is_empty());
    // The server recovers; once the retry is due, everything arrives.
    sink.answer(Answer::Accept);
    app.clock.advance(chrono::Duration::hours(2));
    sink.wait_for(2, 20).await;
    let rows = rows_once_sent(&app).await;
    assert!(rows.iter().all(|r| r.sent_at.is_some()), "{rows:?}");
}

#[tokio::test]
async fn permanent_refusals_are_dead_lettered_visible_to_staff_and_can_be_retried() {
    let sink = SmtpSink::start().await;
    sink.answer(Answer::Refuse(550));
    let app = spawn_app_with(SpawnOptions {
        smtp_port: Some(sink.port),
        ..Default::default()
    })
    .await;
    let cast = create_cast(&app).await;
    report_late(&app, &cast, 1, 3).await;
    for _ in 0..200 {
        if outbox_rows(&app).await.iter().all(|r| r.dead) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    let rows = outbox_rows(&app).await;
    assert!(rows.iter().all(|r| r.dead && r.attempts == 1), "{rows:?}");

    let staff = app.client_for(&cast.staff.email, PASSWORD).await;
    let (status, dead) = app.call(&staff, "mail/dead", &[]).await;
    assert_eq!(status, 200, "{dead}");
    assert_eq!(dead.as_array().unwrap().len(), 2);
    assert!(
        dead[0]["last_error"].as_str().unwrap().contains("550"),
        "{dead}"
    );
    // Customer B's order page, kept; the order renamed behind the portal.
    let customer_b = app.client_for(&cast.customer_b_user.email, PASSWORD).await;
    let b_url = app.url(&format!("/customer/orders/{}", cast.order_b));
    assert!(
        kept_parts::page(&customer_b, &b_url)
            .await
            .contains("SO-B-1")
    );
    kept_parts::rename_order(&app, cast.order_b, "SO-B-RENAMED").await;
    sink.answer(Answer::Accept);
    let id = dead[0]["id"].as_str().unwrap().to_string();
    let (status, body) = app.call(&staff, "mail/retry", &[("id", &id)]).await;
    assert_eq!(status, 200, "{body}");
    assert!(
        kept_parts::b_kept(&customer_b, &b_url).await,
        "a mail sent again dropped a customer's kept page"
    );
    let received = sink.wait_for(1, 20).await;
    assert_eq!(received.len(), 1);
    let (_, dead) = app.call(&staff, "mail/dead", &[]).await;
    assert_eq!(dead.as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn people_choose_their_alerts_and_mute_single_orders() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let customer = app.client_for(&cast.customer.email, PASSWORD).await;
    let staff = app.client_for(&cast.staff.email, PASSWORD).await;
    let (status, choices) = app.call(&customer, "alerts/choices", &[]).await;
    assert_eq!(status, 200, "{choices}");
    assert_eq!(
        choices["offered"],
        serde_json::json!([
            "customer_slip",
            "back_on_track",
            "message_received",
            "order_confirmed",
            "order_shipped",
            "order_arrived",
            "payment_recorded"
        ])
    );
    assert_eq!(choices["chosen"], choices["offered"]);
    // Only the recovery notices, please.
    let (status, body) = app
        .call(&customer, "alerts/choose", &[("kinds[0]", "back_on_track")])
        .await;
    assert_eq!(status, 200, "{body}");
    let not_offered = async || {
        app.call(&customer, "alerts/choose", &[("kinds[0]", "supplier_slip")])
            .await
    };
    let (status, body) = not_offered().await;
    assert_eq!(status, 422, "a kind not offered to customers");
    assert_eq!(
        body["fields"][0]["message"],
        "That alert is not offered to you."
    );
    // Refused in the language the buyer reads the portal in.
    app.call(&customer, "auth/locale", &[("locale", "de")])
        .await;
    let (status, body) = not_offered().await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(
        body["fields"][0]["message"],
        "Diese Benachrichtigung wird Ihnen nicht angeboten."
    );
    let (_, choices) = app.call(&customer, "alerts/choices", &[]).await;
    assert_eq!(choices["chosen"], serde_json::json!(["back_on_track"]));
    // Staff mute this order.
    let order = cast.order_a.to_string();
    let (status, _) = app
        .call(
            &staff,
            "alerts/mute",
            &[("order_id", &order), ("muted", "true")],
        )
        .await;
    assert_eq!(status, 200);
    let (_, detail) = app.call(&staff, "orders/get", &[("id", &order)]).await;
    assert_eq!(detail["muted"], true);

    report_late(&app, &cast, 1, 3).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(outbox_rows(&app).await, vec![], "nobody wanted these");

    // Unmuted, staff hear about the next level.
    app.call(
        &staff,
        "alerts/mute",
        &[("order_id", &order), ("muted", "false")],
    )
    .await;
    report_late(&app, &cast, 2, 8).await;
    let rows = {
        for _ in 0..100 {
            if !outbox_rows(&app).await.is_empty() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        outbox_rows(&app).await
    };
    assert_eq!(recipients_of(&rows, "supplier_slip"), ["staff@house.test"]);
    assert_eq!(recipients_of(&rows, "customer_slip"), Vec::<String>::new());
    // Nobody mutes what they cannot see.
    let (status, _) = app
        .call(
            &customer,
            "alerts/mute",
            &[("order_id", &cast.order_b.to_string()), ("muted", "true")],
        )
        .await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn two_instances_never_send_the_same_mail() {
    use app::ssr::outbox::{OutgoingMail, enqueue};
    let app = spawn_app().await;
    let other = app.another_instance().await;
    for i in 0..60 {
        enqueue(
            &app.db,
            OutgoingMail {
                dedupe_key: format!("twice:{i}"),
                kind: "customer_slip",
                recipient: format!("buyer{i}@customer.test"),
                subject: format!("Alert {i}"),
                body_text: "text".into(),
                body_html: None,
            },
            app.clock.now().min(other.clock.now()),
        )
        .await
        .unwrap();
    }
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    loop {
        let total = app.mailbox.messages().len() + other.mailbox.messages().len();
        if total >= 60 {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "only {total} of 60 sent"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    let mut ids: Vec<String> = app
        .mailbox
        .messages()
        .into_iter()
        .chain(other.mailbox.messages())
        .map(|m| m.id)
        .collect();
    assert_eq!(ids.len(), 60, "a mail was sent twice");
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 60);
}

#[tokio::test]
async fn digest_readers_get_one_mail_a_day_listing_their_alerts() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let customer = app.client_for(&cast.customer.email, PASSWORD).await;
    let (status, body) = app
        .call(
            &customer,
            "alerts/choose",
            &[
                ("kinds[0]", "customer_slip"),
                ("kinds[1]", "back_on_track"),
                ("digest", "daily"),
            ],
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let (_, choices) = app.call(&customer, "alerts/choices", &[]).await;
    assert_eq!(choices["digest"], true);
    report_late(&app, &cast, 1, 3).await;
    report_late(&app, &cast, 2, 9).await;
    app.wait_for_mails(2).await;
    let rows = outbox_rows(&app).await;
    assert_eq!(
        recipients_of(&rows, "customer_slip"),
        Vec::<String>::new(),
        "held for the digest"
    );

    // The next morning after the digest hour (07:00 UTC by default).
    let morning = (app.clock.now() + chrono::Duration::days(1))
        .date_naive()
        .and_hms_opt(8, 0, 0)
        .unwrap()
        .and_utc();
    let tx = app.db.begin().await.unwrap();
    assert_eq!(
        app::ssr::alerts::send_digests(&tx, morning, 7)
            .await
            .unwrap(),
        1
    );
    tx.commit().await.unwrap();
    let tx = app.db.begin().await.unwrap();
    assert_eq!(
        app::ssr::alerts::send_digests(&tx, morning + chrono::Duration::hours(1), 7)
            .await
            .unwrap(),
        0,
        "one digest a day"
    );
    tx.commit().await.unwrap();
    let rows = outbox_rows(&app).await;
    let digest: Vec<&outbox::Model> = rows.iter().filter(|r| r.kind == "digest").collect();
    assert_eq!(digest.len(), 1);
    assert_eq!(digest[0].recipient, "buyer@customer-a.test");
    assert_eq!(digest[0].subject, "Your daily alert digest: 2 alerts");
    assert!(
        digest[0].body_text.contains("3 days late") && digest[0].body_text.contains("9 days late")
    );
}

#[tokio::test]
async fn a_line_put_right_after_the_scan_planned_it_is_not_alerted() {
    use app::ssr::alerts::ScanPlan;
    use app::ssr::entities::{order_line, po_line};
    use sea_orm::sea_query::Expr;
    let app = spawn_app().await;
    create_cast(&app).await;
    // Line 2 of order A and its factory's line start two days late: the
    // plan holds both.
    let ctx = app.state.alert_context();
    let plan = ScanPlan::find(&app.state.reports, &ctx).await.unwrap();
    // Before their batch runs, both are back on their dates.
    po_line::Entity::update_many()
        .col_expr(
            po_line::Column::ForecastReadyDate,
            Expr::col(po_line::Column::CommittedReadyDate),
        )
        .exec(&app.db)
        .await
        .unwrap();
    order_line::Entity::update_many()
        .col_expr(
            order_line::Column::ForecastDate,
            Expr::col(order_line::Column::CommittedDate),
        )
        .exec(&app.db)
        .await
        .unwrap();
    let report = assess_as_planned(&app, &plan).await;
    // Both are looked at as they are now: nothing to say.
    assert_eq!(
        (report.po_lines, report.order_lines, report.mails),
        (1, 1, 0),
        "{report:?}"
    );
    assert!(outbox_rows(&app).await.is_empty());
    let levels: Vec<i32> = po_line::Entity::find()
        .all(&app.db)
        .await
        .unwrap()
        .iter()
        .map(|l| l.alert_level)
        .chain(
            order_line::Entity::find()
                .all(&app.db)
                .await
                .unwrap()
                .iter()
                .map(|l| l.alert_level),
        )
        .collect();
    assert!(levels.iter().all(|l| *l == 0), "{levels:?}");
}

#[tokio::test]
async fn a_line_closed_after_the_scan_planned_it_is_not_told_back_on_track() {
    use app::domain::order_status::OrderStatus;
    use app::ssr::alerts::ScanPlan;
    use app::ssr::entities::{order, po_line};
    use sea_orm::sea_query::Expr;
    use sea_orm::{ColumnTrait, QueryFilter};
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    // The first scan alerts the late lines; they stay in every plan after.
    let first = run_scan(&app).await;
    assert!(first.mails > 0, "{first:?}");
    let ctx = app.state.alert_context();
    let plan = ScanPlan::find(&app.state.reports, &ctx).await.unwrap();
    // Before the batch runs, the factory's lines are cancelled and the
    // customer's order ships.
    po_line::Entity::update_many()
        .col_expr(po_line::Column::Cancelled, Expr::value(true))
        .exec(&app.db)
        .await
        .unwrap();
    order::Entity::update_many()
        .col_expr(
            order::Column::Status,
            Expr::value(OrderStatus::Shipped.as_str()),
        )
        .filter(order::Column::Id.eq(cast.order_a))
        .exec(&app.db)
        .await
        .unwrap();
    let before = outbox_rows(&app).await.len();
    let report = assess_as_planned(&app, &plan).await;
    assert_eq!(
        (report.po_lines, report.order_lines, report.mails),
        (0, 0, 0),
        "{report:?}"
    );
    assert_eq!(outbox_rows(&app).await.len(), before);
}

/// The setting that lets PostgreSQL run one query on several cores, as the
/// connection in hand sees it.
async fn parallel_workers(db: &impl sea_orm::ConnectionTrait) -> String {
    use sea_orm::Statement;
    let row = db
        .query_one_raw(Statement::from_string(
            sea_orm::DatabaseBackend::Postgres,
            "SELECT current_setting('max_parallel_workers_per_gather') AS workers",
        ))
        .await
        .unwrap()
        .unwrap();
    row.try_get::<String>("", "workers").unwrap()
}

#[tokio::test]
async fn the_scan_s_transactions_keep_to_one_core_and_nothing_else_does() {
    use app::ssr::alerts::in_the_background;
    let app = spawn_app().await;
    let tx = app.db.begin().await.unwrap();
    // On SQLite, where no query runs in parallel, it does nothing.
    in_the_background(&tx).await.unwrap();
    if app.db.get_database_backend() != sea_orm::DatabaseBackend::Postgres {
        tx.commit().await.unwrap();
        return;
    }
    assert_eq!(parallel_workers(&tx).await, "0");
    tx.commit().await.unwrap();
    // The pool's connections, and so the people's reads, keep the server's
    // own setting.
    for _ in 0..4 {
        assert_ne!(parallel_workers(&app.db).await, "0");
    }
}

#[tokio::test]
async fn the_job_s_paced_pass_alerts_what_a_pass_straight_through_does() {
    let straight = spawn_app().await;
    let paced = spawn_app().await;
    for app in [&straight, &paced] {
        create_cast(app).await;
    }
    // The cast starts with supplier B two days late: the first pass alerts.
    let through = app::ssr::alerts::scan_and_commit(&straight.state)
        .await
        .unwrap();
    let rested = app::ssr::alerts::scan_paced(&paced.state).await.unwrap();
    assert!(through.mails > 0, "{through:?}");
    assert_eq!(rested, through);
    let queued = |rows: Vec<outbox::Model>| {
        let mut list: Vec<(String, String)> =
            rows.into_iter().map(|r| (r.kind, r.recipient)).collect();
        list.sort();
        list
    };
    assert_eq!(
        queued(outbox_rows(&paced).await),
        queued(outbox_rows(&straight).await)
    );
}
