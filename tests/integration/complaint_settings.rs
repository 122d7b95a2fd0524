//! The house's complaint settings: an administrator sets the clocks'
//! targets and the working hours they count in, and a complaint filed
//! afterwards runs by them; bad settings change nothing; a root cause the
//! house adds is offered to the factory; nobody else changes any of it.

use app::domain::approval::StaffLevel;
use integration_tests::people::{PASSWORD, add_house_person, create_cast};
use integration_tests::{TestApp, spawn_app};

use crate::complaints::{file, line_of, mark_shipped, step};

/// The working days' boxes as the admin page ticks them, every day.
const EVERY_DAY: [(&str, &str); 7] = [
    ("days[0]", "mon"),
    ("days[1]", "tue"),
    ("days[2]", "wed"),
    ("days[3]", "thu"),
    ("days[4]", "fri"),
    ("days[5]", "sat"),
    ("days[6]", "sun"),
];

pub(crate) async fn save_settings(
    app: &TestApp,
    client: &reqwest::Client,
    fields: &[(&str, &str)],
) -> (u16, serde_json::Value) {
    let mut all = fields.to_vec();
    all.extend_from_slice(&EVERY_DAY);
    app.call(client, "complaints/save-settings", &all).await
}

async fn file_simple(app: &TestApp, buyer: &reqwest::Client, order: i32) -> i32 {
    let (status, body) = file(
        app,
        buyer,
        order,
        None,
        &[
            ("category", "damage"),
            ("description", "Three cartons were crushed on arrival."),
            ("quantity", "3"),
            ("remedy", "replacement"),
        ],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    body.as_i64().unwrap() as i32
}

async fn stored(app: &TestApp, id: i32) -> app::ssr::entities::complaint::Model {
    use sea_orm::EntityTrait;
    app::ssr::entities::complaint::Entity::find_by_id(id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
}

/// Equal to the second: PostgreSQL keeps microseconds, the clocks count
/// nanoseconds.
fn same_instant(a: chrono::DateTime<chrono::Utc>, b: chrono::DateTime<chrono::Utc>) -> bool {
    (a - b).num_seconds().abs() <= 1
}

#[tokio::test]
async fn an_admin_sets_the_clocks_and_a_new_complaint_runs_by_them() {
    use app::domain::complaints::{WorkingHours, add_working};
    use app::ssr::clock::Clock;
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    mark_shipped(&app, cast.order_a).await;
    let admin = app.client_for(&cast.admin.email, PASSWORD).await;
    let (status, before) = app.call(&admin, "complaints/settings", &[]).await;
    assert_eq!(status, 200, "{before}");
    assert_eq!(before["first_answer_minutes"], 60, "{before}");
    assert_eq!(before["remedy_minutes"], 1_440, "{before}");
    assert_eq!(before["form"]["first_answer"], "1");
    assert_eq!(before["form"]["end"], "24:00");
    assert_eq!(before["can_edit"], true);

    // One working hour a day in UTC+8: three hours of it take days.
    let (status, saved) = save_settings(
        &app,
        &admin,
        &[
            ("first_answer", "3"),
            ("remedy", "4:30"),
            ("zone_offset", "+08:00"),
            ("start", "09:00"),
            ("end", "10:00"),
        ],
    )
    .await;
    assert_eq!(status, 200, "{saved}");
    assert_eq!(saved["first_answer_minutes"], 180, "{saved}");
    assert_eq!(saved["remedy_minutes"], 270, "{saved}");
    assert_eq!(saved["form"]["remedy"], "4:30");
    assert_eq!(saved["form"]["zone_offset"], "+08:00");
    assert_eq!(saved["form"]["days"].as_array().unwrap().len(), 7);
    let (_, read) = app.call(&admin, "complaints/settings", &[]).await;
    assert_eq!(read, saved);

    let buyer = app.client_for(&cast.customer.email, PASSWORD).await;
    let filed_at = app.clock.now();
    let id = file_simple(&app, &buyer, cast.order_a).await;
    let row = stored(&app, id).await;
    let hours = WorkingHours {
        zone_offset_minutes: 480,
        days: [true; 7],
        start_minute: 540,
        end_minute: 600,
    };
    let first_due = add_working(filed_at, 180, &hours);
    assert!(
        same_instant(row.first_answer_due, first_due),
        "{} != {first_due}",
        row.first_answer_due
    );
    assert!(same_instant(
        row.remedy_due,
        add_working(filed_at, 270, &hours)
    ));
    // Around the clock it would be due in three hours.
    assert!(row.first_answer_due - filed_at > chrono::Duration::days(2));
    let staff = app.client_for(&cast.staff.email, PASSWORD).await;
    let (status, seen) = app
        .call(&staff, "complaints/get", &[("id", &id.to_string())])
        .await;
    assert_eq!(status, 200, "{seen}");
    assert_eq!(seen["first_answer"]["level"], "running", "{seen}");
    let left = seen["first_answer"]["minutes"].as_i64().unwrap();
    assert!((179..=180).contains(&left), "{seen}");
}

#[tokio::test]
async fn bad_clock_settings_are_refused_field_by_field_and_change_nothing() {
    use app::ssr::clock::Clock;
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    mark_shipped(&app, cast.order_a).await;
    let admin = app.client_for(&cast.admin.email, PASSWORD).await;
    let (_, before) = app.call(&admin, "complaints/settings", &[]).await;

    // Bad working hours, and no working day ticked.
    let (status, body) = app
        .call(
            &admin,
            "complaints/save-settings",
            &[
                ("first_answer", "2"),
                ("remedy", "8"),
                ("zone_offset", "+25:00"),
                ("start", "18:00"),
                ("end", "09:00"),
            ],
        )
        .await;
    assert_eq!(status, 422, "{body}");
    let fields: Vec<&str> = body["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["zone_offset", "end", "days"], "{body}");
    assert!(body.to_string().contains("+08:00"), "{body}");

    // Bad targets: not a duration, no time at all; then a remedy due
    // before the first answer.
    let (status, body) = save_settings(
        &app,
        &admin,
        &[
            ("first_answer", "1.5"),
            ("remedy", "0"),
            ("zone_offset", "+08:00"),
            ("start", "09:00"),
            ("end", "18:00"),
        ],
    )
    .await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(
        body.get("fields").and_then(|f| f.as_array()).map(Vec::len),
        Some(2),
        "{body}"
    );
    assert!(body.to_string().contains("1:30"), "{body}");
    let (status, body) = save_settings(
        &app,
        &admin,
        &[
            ("first_answer", "8"),
            ("remedy", "4"),
            ("zone_offset", "+08:00"),
            ("start", "09:00"),
            ("end", "18:00"),
        ],
    )
    .await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["fields"][0]["field"], "remedy", "{body}");

    // Nothing was saved: a new complaint still has an hour, around the clock.
    let (_, after) = app.call(&admin, "complaints/settings", &[]).await;
    assert_eq!(after, before);
    let buyer = app.client_for(&cast.customer.email, PASSWORD).await;
    let filed_at = app.clock.now();
    let id = file_simple(&app, &buyer, cast.order_a).await;
    let row = stored(&app, id).await;
    assert!(same_instant(
        row.first_answer_due,
        filed_at + chrono::Duration::hours(1)
    ));
}

#[tokio::test]
async fn a_root_cause_the_house_adds_is_offered_to_the_factory() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    mark_shipped(&app, cast.order_a).await;
    let admin = app.client_for(&cast.admin.email, PASSWORD).await;
    let add = async |label: &str| {
        app.call(&admin, "complaints/add-root-cause", &[("label", label)])
            .await
    };
    let (status, settings) = add("  Kiln firing curve ").await;
    assert_eq!(status, 200, "{settings}");
    let causes = settings["root_causes"].as_array().unwrap();
    let own = causes.last().unwrap();
    assert_eq!(own["label"], "Kiln firing curve", "{settings}");
    assert_eq!(own["built_in"], false);
    let code = own["code"].as_str().unwrap().to_string();
    assert!(code.starts_with("custom:"), "{code}");
    assert_eq!(causes.len(), 9, "the eight built in and the new one");

    // The same cause again, a built-in one in either language, nothing, too
    // much: each refused against the label, nothing added.
    let long = "x".repeat(61);
    for refused in ["kiln  FIRING curve", "Material", "材料", " ", long.as_str()] {
        let (status, body) = add(refused).await;
        assert_eq!(status, 422, "{refused:?}: {body}");
        assert_eq!(body["fields"][0]["field"], "label", "{body}");
    }
    let (_, body) = add("Kiln firing curve").await;
    assert!(body.to_string().contains("already"), "{body}");
    let (_, settings) = app.call(&admin, "complaints/settings", &[]).await;
    assert_eq!(settings["root_causes"].as_array().unwrap().len(), 9);

    // A complaint about line 2 reaches supplier B, who may give the cause.
    let buyer = app.client_for(&cast.customer.email, PASSWORD).await;
    let staff = app.client_for(&cast.staff.email, PASSWORD).await;
    let factory = app.client_for(&cast.supplier_b_user.email, PASSWORD).await;
    let line = line_of(&app, cast.order_a, 2).await;
    let (status, body) = file(
        &app,
        &buyer,
        cast.order_a,
        Some(line),
        &[
            ("category", "quality"),
            ("description", "The glaze on thirty mugs is crazed."),
            ("quantity", "30"),
            ("remedy", "replacement"),
        ],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let id = body.as_i64().unwrap();
    for (step_name, message) in [
        ("acknowledge", "We are looking into it."),
        ("investigate", ""),
        ("pass", "Please check the kiln."),
    ] {
        let (status, body) = step(
            &app,
            &staff,
            id,
            &[("step", step_name), ("message", message)],
        )
        .await;
        assert_eq!(status, 200, "{step_name}: {body}");
    }
    let (status, theirs) = app
        .call(&factory, "complaints/get", &[("id", &id.to_string())])
        .await;
    assert_eq!(status, 200, "{theirs}");
    let offered = theirs["root_causes"]
        .as_array()
        .unwrap()
        .iter()
        .any(|pair| pair[0] == code.as_str() && pair[1] == "Kiln firing curve");
    assert!(offered, "{theirs}");
    let (status, body) = step(
        &app,
        &factory,
        id,
        &[
            ("step", "answer"),
            ("root_cause", code.as_str()),
            ("message", "The firing curve was too steep; corrected."),
        ],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let (_, seen) = app
        .call(&staff, "complaints/get", &[("id", &id.to_string())])
        .await;
    assert_eq!(seen["root_cause_key"], "Kiln firing curve", "{seen}");
}

#[tokio::test]
async fn only_an_admin_changes_the_complaint_settings() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let admin = app.client_for(&cast.admin.email, PASSWORD).await;
    let (_, before) = app.call(&admin, "complaints/settings", &[]).await;
    let clocks = [
        ("first_answer", "2"),
        ("remedy", "8"),
        ("zone_offset", "+08:00"),
        ("start", "09:00"),
        ("end", "18:00"),
    ];
    let manager = add_house_person(
        &app.db,
        cast.house,
        "director@house.test",
        StaffLevel::CommercialDirector,
    )
    .await;
    for (who, email, expected) in [
        ("customer", &cast.customer.email, 404),
        ("factory", &cast.supplier.email, 404),
        ("staff", &cast.staff.email, 403),
        ("director", &manager.email, 403),
    ] {
        let client = app.client_for(email, PASSWORD).await;
        let (status, body) = save_settings(&app, &client, &clocks).await;
        assert_eq!(status, expected, "{who}: {body}");
        let (status, body) = app
            .call(
                &client,
                "complaints/add-root-cause",
                &[("label", "Not theirs")],
            )
            .await;
        assert_eq!(status, expected, "{who}: {body}");
        // The house reads the settings; outsiders do not.
        let (status, body) = app.call(&client, "complaints/settings", &[]).await;
        match who {
            "staff" | "director" => {
                assert_eq!(status, 200, "{who}: {body}");
                assert_eq!(body["can_edit"], false, "{who}");
            }
            _ => assert_eq!(status, 403, "{who}: {body}"),
        }
    }
    let (_, after) = app.call(&admin, "complaints/settings", &[]).await;
    assert_eq!(after, before);
}
