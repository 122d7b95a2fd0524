//! Each person reads times in their own zone: in the HTML the server sends
//! (before any script runs), in their mails, and in when their digest comes.

use app::domain::time_zone::Zone;
use app::ssr::clock::Clock;
use app::ssr::entities::{digest_item, order_event};
use chrono::{TimeZone, Utc};
use integration_tests::people::{PASSWORD, create_cast};
use integration_tests::{TestApp, get_with, spawn_app};
use sea_orm::{ActiveModelTrait, Set, TransactionTrait};

async fn choose_zone(app: &TestApp, client: &reqwest::Client, zone: &str) {
    let (status, body) = app
        .call(client, "auth/time-zone", &[("time_zone", zone)])
        .await;
    assert_eq!(status, 200, "{body}");
}

/// A timeline entry at a known instant on `order_id`.
pub(crate) async fn event_at(app: &TestApp, order_id: i32, at: chrono::DateTime<Utc>) {
    order_event::ActiveModel {
        order_id: Set(order_id),
        at: Set(at),
        actor_user_id: Set(None),
        kind: Set("note".into()),
        summary: Set("Zone probe".into()),
        before: Set(None),
        after: Set(None),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap();
}

#[tokio::test]
async fn the_server_renders_times_in_the_readers_zone() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    event_at(
        &app,
        cast.order_a,
        Utc.with_ymd_and_hms(2027, 3, 1, 8, 5, 0).unwrap(),
    )
    .await;

    let customer = app.client_for(&cast.customer.email, PASSWORD).await;
    choose_zone(&app, &customer, "Asia/Shanghai").await;
    assert_eq!(app.whoami(&customer).await["time_zone"], "Asia/Shanghai");
    let page = format!("/customer/orders/{}", cast.order_a);
    let response = get_with(&customer, &app.url(&page)).await;
    assert_eq!(response.status(), 200);
    let html = response.text().await.unwrap();
    assert!(html.contains("2027-03-01 16:05 UTC+08:00"), "{html}");
    assert!(html.contains(r#"title="Asia/Shanghai""#), "{html}");
    assert!(!html.contains("2027-03-01 08:05 UTC"), "{html}");

    // Someone who has not chosen reads the same instant in UTC.
    let staff = app.client_for(&cast.staff.email, PASSWORD).await;
    let page = format!("/staff/orders/{}", cast.order_a);
    let html = get_with(&staff, &app.url(&page))
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("2027-03-01 08:05 UTC"), "{html}");
}

#[tokio::test]
async fn an_unknown_zone_is_refused_with_a_field_error() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let customer = app.client_for(&cast.customer.email, PASSWORD).await;
    for bad in ["Mars/Olympus", "", "+08:00"] {
        let (status, body) = app
            .call(&customer, "auth/time-zone", &[("time_zone", bad)])
            .await;
        assert_eq!(status, 422, "{bad}: {body}");
        assert_eq!(body["fields"][0]["field"], "time_zone", "{body}");
    }
    assert_eq!(app.whoami(&customer).await["time_zone"], "UTC");
}

#[tokio::test]
async fn a_mail_tells_the_time_in_the_recipients_zone() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let client = app.client_for(&cast.supplier.email, PASSWORD).await;
    choose_zone(&app, &client, "Asia/Shanghai").await;
    let (status, body) = app
        .call(
            &client,
            "auth/change-password",
            &[
                ("current_password", PASSWORD),
                ("new_password", "a brand new workshop passphrase"),
            ],
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let mails = app.wait_for_mails(1).await;
    let notice = &mails[0];
    assert_eq!(notice.kind, "password_changed");
    let expected = Zone::parse("Asia/Shanghai")
        .unwrap()
        .format(app.clock.now());
    assert!(expected.ends_with("UTC+08:00"));
    assert!(
        notice.body_text.contains(&expected),
        "{} lacks {expected}",
        notice.body_text
    );
}

#[tokio::test]
async fn the_digest_comes_at_the_hour_in_the_readers_zone() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    app::ssr::repo::users::set_time_zone(&app.db, cast.customer.id, "Asia/Shanghai")
        .await
        .unwrap();
    // 06:30 on 2 March in Shanghai, 22:30 on 1 March in UTC.
    let before_seven = Utc.with_ymd_and_hms(2027, 3, 1, 22, 30, 0).unwrap();
    digest_item::ActiveModel {
        user_id: Set(cast.customer.id),
        dedupe_key: Set("zone-probe".into()),
        kind: Set("customer_slip".into()),
        subject: Set("A line is late".into()),
        body_text: Set("Line 1 is late.".into()),
        created_at: Set(before_seven - chrono::Duration::hours(1)),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap();

    let send = |at: chrono::DateTime<Utc>| {
        let db = app.db.clone();
        async move {
            let tx = db.begin().await.unwrap();
            let sent = app::ssr::alerts::send_digests(&tx, at, 7).await.unwrap();
            tx.commit().await.unwrap();
            sent
        }
    };
    // Long past seven in UTC, but not yet seven where the reader lives.
    assert_eq!(send(before_seven).await, 0);
    // 07:05 in Shanghai.
    let after_seven = before_seven + chrono::Duration::minutes(35);
    assert_eq!(send(after_seven).await, 1);
    assert_eq!(
        send(after_seven + chrono::Duration::hours(2)).await,
        0,
        "one digest a day"
    );
}

/// The day an order is confirmed is the house's calendar day, not UTC's:
/// the house sits in a zone whose date differs from UTC's right now.
#[tokio::test]
async fn the_confirmation_day_is_the_houses_day() {
    use app::domain::order_status::OrderStatus;
    use app::ssr::entities::order;
    use chrono::Timelike;
    use integration_tests::people::create_order;
    use sea_orm::EntityTrait;
    fn far_zone(config: &mut server::config::Config) {
        // UTC+14 is already tomorrow from 10:00 UTC; UTC-12 still
        // yesterday before 12:00 UTC.
        let name = if Utc::now().hour() >= 10 {
            "Etc/GMT-14"
        } else {
            "Etc/GMT+12"
        };
        config.house_time_zone = Zone::parse(name).unwrap();
    }
    let app = integration_tests::spawn_app_with(integration_tests::SpawnOptions {
        configure: Some(far_zone),
        ..Default::default()
    })
    .await;
    let cast = create_cast(&app).await;
    let staff = app.client_for(&cast.staff.email, PASSWORD).await;
    let id = create_order(&app, cast.customer_a, "SO-DAY", OrderStatus::Quoted).await;
    let version = order::Entity::find_by_id(id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .version
        .to_string();
    let (status, body) = app
        .call(
            &staff,
            "orders/move",
            &[
                ("id", &id.to_string()),
                ("to", "confirmed"),
                ("version", &version),
            ],
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let now = app.clock.now();
    let confirmed = order::Entity::find_by_id(id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .confirmed_on
        .expect("a confirmation day");
    assert_eq!(confirmed, app.state.house_date(now));
    assert_ne!(
        confirmed,
        now.date_naive(),
        "the zone's day differs from UTC's"
    );
}
