use app::domain::company::{CompanyKind, CountryCode};
use app::ssr::repo::companies::{self, NewCompany};
use integration_tests::fresh_database;
use server::seed::{SeedOutcome, seed_demo_if_empty};

#[tokio::test]
async fn demo_data_fills_an_empty_database_once() {
    let dir = tempfile::tempdir().unwrap();
    let db = server::db::connect_and_migrate(&fresh_database(&dir).await)
        .await
        .unwrap();
    // The day the demo is written for, kept for the checks below: a test
    // running past midnight still checks against the day it seeded on.
    let now = chrono::Utc::now();
    let outcome = seed_demo_if_empty(&db, &integration_tests::demo_files(), now)
        .await
        .unwrap();
    assert!(matches!(outcome, SeedOutcome::Seeded(_)), "{outcome:?}");
    assert_eq!(
        companies::count_of_kind(&db, CompanyKind::House)
            .await
            .unwrap(),
        1
    );
    assert_eq!(
        companies::count_of_kind(&db, CompanyKind::Customer)
            .await
            .unwrap(),
        2
    );
    assert_eq!(
        companies::count_of_kind(&db, CompanyKind::Supplier)
            .await
            .unwrap(),
        2
    );
    // One account per role for each demo company and one per staff level of
    // the house, all able to sign in.
    let SeedOutcome::Seeded(report) = outcome else {
        unreachable!()
    };
    let users = app::ssr::repo::users::all(&db).await.unwrap();
    assert_eq!(users.len(), 9);
    assert_eq!(report.logins.len(), 9);
    for user in &users {
        assert!(
            app::ssr::auth::password::verify(
                server::seed::DEMO_PASSWORD.to_string(),
                user.password_hash.clone()
            )
            .await,
            "{}",
            user.email
        );
    }

    // A dozen orders covering every stage, with lines, and the contract an
    // accepted quotation became.
    use app::domain::order_status::OrderStatus;
    use app::ssr::repo::orders::{self, OrderFilter, OrderScope};
    let all = orders::list(
        &db,
        OrderScope::All,
        &OrderFilter {
            limit: 200,
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert_eq!(all.len(), 14);
    for status in OrderStatus::ALL {
        assert!(
            all.iter().any(|o| o.kept.status == status),
            "no {status:?} order"
        );
    }
    let ids: Vec<i32> = all.iter().map(|o| o.kept.id).collect();
    let lines = orders::lines_of(&db, &ids).await.unwrap();
    assert!(
        lines.iter().any(|l| l.forecast_date > l.committed_date),
        "some lines slip"
    );
    // More than the at-risk board shows of one reason at once, so its
    // "Show all" appears.
    let slipping = lines
        .iter()
        .filter(|l| l.committed_date.is_some() && l.forecast_date > l.committed_date)
        .count();
    assert!(
        slipping > app::domain::at_risk::BOARD_SHOWN,
        "{slipping} slipping lines"
    );

    // Both factories have lines, with progress history; some have gone quiet.
    use app::domain::progress::LineFilter;
    use app::domain::progress::{PoLineState, is_stale};
    use app::ssr::repo::progress::{self, PoScope};
    let today = now.date_naive();
    let (mut stale, mut reported_daily) = (0, false);
    for supplier in app::ssr::repo::companies::all(&db)
        .await
        .unwrap()
        .into_iter()
        .filter(|c| c.kind == CompanyKind::Supplier)
    {
        let open = progress::lines(
            &db,
            PoScope::Supplier(supplier.id),
            LineFilter::Open,
            today,
            None,
            500,
        )
        .await
        .unwrap();
        let done = progress::lines(
            &db,
            PoScope::Supplier(supplier.id),
            LineFilter::Done,
            today,
            None,
            500,
        )
        .await
        .unwrap();
        assert!(!open.is_empty() && !done.is_empty(), "{}", supplier.name);
        let ids: Vec<i32> = open.iter().chain(&done).map(|r| r.line.id).collect();
        assert!(
            !progress::newest_of_lines(&db, &ids, 1)
                .await
                .unwrap()
                .is_empty()
        );
        // A line reported on more often than an order's page shows.
        let shown = app::domain::progress::REPORTS_SHOWN;
        for id in &ids {
            let newest = progress::newest_of_lines(&db, &[*id], shown as u64 + 1).await;
            reported_daily |= newest.unwrap().len() > shown;
        }
        for row in &open {
            let state = PoLineState {
                milestone: row.line.milestone,
                quantity: row.line.quantity,
                quantity_done: row.line.quantity_done,
                committed_ready: row.line.committed_ready_date,
                forecast_ready: row.line.forecast_ready_date,
                po_closed: false,
            };
            let last = row
                .line
                .last_progress_at
                .unwrap_or(row.po.created_at)
                .date_naive();
            stale += usize::from(is_stale(&state, last, today, 7));
        }
    }
    assert!(stale > 0, "the demo shows a stale line");
    assert!(
        reported_daily,
        "the demo shows an order with more reports than shown"
    );
    // Timelines of every length: an order whose timeline is longer than its
    // page shows (the whole timeline a page at a time), and short ones.
    let lengths = integration_tests::plain_sql::ints(
        &db,
        "SELECT COUNT(*) FROM order_events GROUP BY order_id",
    )
    .await;
    let shown = app::domain::paging::TIMELINE_SHOWN as i32;
    assert!(
        lengths.iter().any(|n| *n > shown),
        "the demo shows a timeline longer than the order's page: {lengths:?}"
    );
    assert!(lengths.iter().filter(|n| **n <= shown).count() > 1);

    assert_eq!(
        seed_demo_if_empty(&db, &integration_tests::demo_files(), chrono::Utc::now())
            .await
            .unwrap(),
        SeedOutcome::AlreadyHasData
    );
    assert_eq!(companies::count_all(&db).await.unwrap(), 5);
}

/// A newcomer sees the way from inquiry to contract at once: a quotation in
/// every state, an inquiry in every state, each accepted quotation with the
/// order it became, a person for every approval level, an approval the
/// reminder sweep chases, and a customer on low credit.
#[tokio::test]
async fn demo_quotations_show_every_state() {
    use app::domain::approval::StaffLevel;
    use app::domain::quotation::{InquiryStatus, QuotationStatus};
    use app::ssr::entities::{approval_step, inquiry, order, quotation};
    use sea_orm::EntityTrait;
    let dir = tempfile::tempdir().unwrap();
    let db = server::db::connect_and_migrate(&fresh_database(&dir).await)
        .await
        .unwrap();
    let now = chrono::Utc::now();
    seed_demo_if_empty(&db, &integration_tests::demo_files(), now)
        .await
        .unwrap();

    let quotes = quotation::Entity::find().all(&db).await.unwrap();
    for status in QuotationStatus::ALL {
        assert!(
            quotes.iter().any(|q| q.status == status),
            "no {status:?} quotation"
        );
    }
    let inquiries = inquiry::Entity::find().all(&db).await.unwrap();
    for status in InquiryStatus::ALL {
        assert!(
            inquiries.iter().any(|i| i.status == status),
            "no {status:?} inquiry"
        );
    }
    let accepted: Vec<_> = quotes
        .iter()
        .filter(|q| q.status == QuotationStatus::Accepted)
        .collect();
    assert!(!accepted.is_empty());
    for quote in accepted {
        let order_id = quote
            .order_id
            .unwrap_or_else(|| panic!("{} has no order", quote.number));
        let made = order::Entity::find_by_id(order_id)
            .one(&db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(made.quotation_id, Some(quote.id), "{}", made.number);
        assert_eq!(made.customer_company_id, quote.customer_company_id);
    }

    let people = app::ssr::repo::users::all(&db).await.unwrap();
    for level in StaffLevel::ALL {
        assert!(
            people.iter().any(|u| u.staff_level == Some(level)),
            "nobody is {level:?}"
        );
    }
    let steps = approval_step::Entity::find().all(&db).await.unwrap();
    assert!(
        steps
            .iter()
            .any(|s| s.decided_at.is_none() && s.due_at < now),
        "an approval is late"
    );

    let maple = companies::all(&db)
        .await
        .unwrap()
        .into_iter()
        .find(|c| c.name.starts_with("Maple"))
        .unwrap();
    let credit = app::usecases::quotations::credit::view_of(
        &db,
        maple.id,
        now.date_naive(),
        app::i18n::Locale::En,
    )
    .await
    .unwrap();
    assert!(credit.set_by_house);
    assert!(credit.score < credit.threshold, "{credit:?}");
    assert!(
        credit.reasons.iter().any(|r| r.contains("late")),
        "{credit:?}"
    );
    assert_eq!(credit.required_deposit, "50 %");
}

#[tokio::test]
async fn demo_data_never_touches_a_database_in_use() {
    let dir = tempfile::tempdir().unwrap();
    let db = server::db::connect_and_migrate(&fresh_database(&dir).await)
        .await
        .unwrap();
    companies::insert(
        &db,
        NewCompany {
            kind: CompanyKind::House,
            name: "Real Trading Ltd.",
            country: CountryCode::parse("SG").unwrap(),
            city: "Singapore",
        },
    )
    .await
    .unwrap();
    assert_eq!(
        seed_demo_if_empty(&db, &integration_tests::demo_files(), chrono::Utc::now())
            .await
            .unwrap(),
        SeedOutcome::AlreadyHasData
    );
    assert_eq!(companies::count_all(&db).await.unwrap(), 1);
}

/// The slippage scan runs once as the portal starts, so a newcomer sees the
/// demo's slips alerted at once, not one scan interval (5 minutes) later.
#[tokio::test]
async fn the_first_slippage_scan_runs_at_start_up() {
    use app::ssr::entities::outbox;
    use sea_orm::EntityTrait;
    let app = integration_tests::spawn_app_with(integration_tests::SpawnOptions {
        demo_data: true,
        ..Default::default()
    })
    .await;
    for _ in 0..200 {
        let kinds: Vec<String> = outbox::Entity::find()
            .all(&app.db)
            .await
            .unwrap()
            .into_iter()
            .map(|row| row.kind)
            .collect();
        if kinds.iter().any(|k| k == "supplier_slip") && kinds.iter().any(|k| k == "customer_slip")
        {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("no slip alerts were queued within 10 seconds of the start");
}

#[tokio::test]
async fn demo_back_half_shows_documents_money_and_complaints_in_several_states() {
    use app::domain::shipping::DocumentState;
    use app::ssr::entities::{complaint, file, instalment, letter_of_credit, trade_document};
    use sea_orm::EntityTrait;
    let dir = tempfile::tempdir().unwrap();
    let db = server::db::connect_and_migrate(&fresh_database(&dir).await)
        .await
        .unwrap();
    let now = chrono::Utc::now();
    seed_demo_if_empty(&db, &integration_tests::demo_files(), now)
        .await
        .unwrap();

    let documents = trade_document::Entity::find().all(&db).await.unwrap();
    for state in DocumentState::ALL {
        assert!(
            documents.iter().any(|d| d.state == state),
            "no {state:?} document"
        );
    }
    let overdue = instalment::Entity::find()
        .all(&db)
        .await
        .unwrap()
        .into_iter()
        .filter(|i| i.paid_minor < i.amount_minor)
        .any(|i| i.due_date.is_some_and(|d| d < now.date_naive()));
    assert!(overdue, "an overdue instalment");
    assert!(
        !letter_of_credit::Entity::find()
            .all(&db)
            .await
            .unwrap()
            .is_empty(),
        "an order paid by letter of credit"
    );
    let complaints = complaint::Entity::find().all(&db).await.unwrap();
    for status in ["open", "investigating", "remedy_proposed", "closed"] {
        assert!(
            complaints.iter().any(|c| c.status == status),
            "no {status} complaint"
        );
    }
    assert!(
        complaints
            .iter()
            .any(|c| c.first_answered_at.is_none() && c.first_answer_due < now),
        "a complaint past its first-answer clock"
    );
    // A customer whose closed complaints fill more than a page of its list.
    let most_closed = complaints
        .iter()
        .filter(|c| c.status == "closed")
        .fold(std::collections::HashMap::<i32, u64>::new(), |mut by, c| {
            *by.entry(c.customer_company_id).or_default() += 1;
            by
        })
        .into_values()
        .max()
        .unwrap_or(0);
    assert!(
        most_closed > app::wire::complaints::CLOSED_PAGE,
        "{most_closed} closed complaints at most"
    );
    // The customer's photo on the complaint under investigation, for the
    // factory it was passed to.
    let files = file::Entity::find().all(&db).await.unwrap();
    let with_photo = complaints.iter().find(|c| {
        files
            .iter()
            .any(|f| f.owner_kind == "complaint" && f.owner_id == c.id)
    });
    let with_photo = with_photo.expect("a complaint with a photo");
    assert_eq!(with_photo.status, "investigating");
    assert!(
        files.iter().any(|f| f.owner_id == with_photo.id
            && f.owner_kind == "complaint"
            && f.shared_with_customer
            && f.shared_with_factory
            && f.factory_company_id == with_photo.factory_company_id),
        "the photo is for the customer and the factory the complaint was passed to"
    );
    // Conversations on orders and a purchase order, each on its readers'
    // notification lists, some read and some not.
    use app::ssr::entities::{message, notification};
    let messages = message::Entity::find().all(&db).await.unwrap();
    for kind in ["order", "purchase_order"] {
        assert!(
            messages.iter().any(|m| m.thread_kind == kind),
            "no {kind} conversation"
        );
    }
    let notices = notification::Entity::find().all(&db).await.unwrap();
    assert!(notices.iter().any(|n| n.read_at.is_some()), "a read notice");
    assert!(
        notices.iter().any(|n| n.read_at.is_none()),
        "an unread notice"
    );
}

#[tokio::test]
async fn demo_change_requests_wait_for_the_house_for_the_customer_and_are_refused() {
    use app::domain::change_request::ChangeStatus;
    use app::ssr::entities::change_request;
    use sea_orm::EntityTrait;
    let dir = tempfile::tempdir().unwrap();
    let db = server::db::connect_and_migrate(&fresh_database(&dir).await)
        .await
        .unwrap();
    seed_demo_if_empty(&db, &integration_tests::demo_files(), chrono::Utc::now())
        .await
        .unwrap();
    let requests = change_request::Entity::find().all(&db).await.unwrap();
    for state in [
        ChangeStatus::Open,
        ChangeStatus::Countered,
        ChangeStatus::Rejected,
    ] {
        assert!(
            requests.iter().any(|r| r.status == state),
            "no {state:?} change request in {requests:?}"
        );
    }
    let countered = requests
        .iter()
        .find(|r| r.status == ChangeStatus::Countered)
        .unwrap();
    let items: Vec<app::domain::change_request::ChangeItem> =
        serde_json::from_str(countered.counter_items.as_deref().unwrap()).unwrap();
    assert_eq!(items.len(), 1);
}
