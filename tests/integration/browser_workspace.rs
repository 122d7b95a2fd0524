//! The at-risk board on a sales person's screen picks up a new slip by
//! itself when a factory reports a later date.

use integration_tests::browser::Browser;
use integration_tests::people::{PASSWORD, create_cast};
use integration_tests::spawn_app;
use std::time::Duration;

#[tokio::test]
async fn the_board_shows_a_new_slip_live() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let staff = Browser::launch(1280, 900).await;
    staff
        .sign_in_and_wait(&app.address, &cast.staff.email, PASSWORD)
        .await;
    staff.open_hydrated(&app.url("/staff/board")).await;
    // Line 2 is two days late from the start; line 1 is on time.
    staff
        .wait_for_text(
            "#board [data-reason=slipping]",
            Duration::from_secs(10),
            |t| t.contains("SO-A-1") && t.contains("2 d"),
        )
        .await;
    let before = staff.main_text().await;
    assert!(!before.contains("5 d"), "{before}");
    staff.mark_page().await;

    // The factory behind line 1 now expects to be 5 days late.
    let factory = app.client_for(&cast.supplier.email, PASSWORD).await;
    let forecast = app.day(25);
    let (status, body) = app
        .call(
            &factory,
            "progress/post",
            &[
                ("id", &cast.po_line_a.to_string()),
                ("version", "1"),
                ("milestone", "in_production"),
                ("quantity_done", "20"),
                ("forecast", &forecast),
                ("reason", "Kiln repair"),
            ],
        )
        .await;
    assert_eq!(status, 200, "{body}");

    let row = staff
        .wait_for_text(
            "#board tr[data-board-line='SO-A-1-1']",
            Duration::from_secs(10),
            |t| t.contains("5 d"),
        )
        .await;
    assert!(row.contains("SECRET-PRODUCT-1"), "{row}");
    staff.assert_not_reloaded().await;
    staff.screenshot("staff-board-live-slip").await;
    staff.close().await;
}

#[tokio::test]
async fn the_board_shows_the_most_urgent_lines_and_the_rest_on_asking() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    // Beside SO-A-1's two-day slip, 55 orders slipping by 1 to 55 days.
    for slip in 1..=55 {
        crate::glance::order_slipping(&app, cast.customer_a, &format!("SO-SLIP-{slip}"), slip)
            .await;
    }
    app.state.read_cache.bump();
    let staff = Browser::launch(1280, 900).await;
    staff
        .sign_in_and_wait(&app.address, &cast.staff.email, PASSWORD)
        .await;
    staff.open_hydrated(&app.url("/staff/board")).await;
    let group = "#board [data-reason=slipping]";
    let more = format!("{group} .board-more");
    let text = staff
        .wait_for_text(&more, Duration::from_secs(10), |t| t.contains("56"))
        .await;
    assert!(text.contains("50 most urgent of 56"), "{text}");
    let shown = staff.main_text().await;
    assert!(shown.contains("SO-SLIP-55"), "{shown}");
    staff.mark_page().await;

    staff.click(&format!("{more} a")).await;
    staff
        .wait_for_text(
            "#board tr[data-board-line='SO-SLIP-1-1']",
            Duration::from_secs(10),
            |t| t.contains("1 d"),
        )
        .await;
    let fewer = staff
        .wait_for_text(&more, Duration::from_secs(10), |t| !t.contains("56"))
        .await;
    assert!(fewer.contains("most urgent only"), "{fewer}");
    staff.screenshot("staff-board-in-full").await;

    staff.click(&format!("{more} a")).await;
    staff
        .wait_for_text(&more, Duration::from_secs(10), |t| t.contains("56"))
        .await;
    staff.assert_not_reloaded().await;
    staff.close().await;
}

/// More lines at risk than the board looks at: the page says so above the
/// groups, and says nothing of the kind on a board that is whole.
#[tokio::test]
async fn the_board_says_when_it_left_lines_out() {
    use app::ssr::repo::kpi::BOARD_LIMIT;
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let staff = Browser::launch(1280, 900).await;
    staff
        .sign_in_and_wait(&app.address, &cast.staff.email, PASSWORD)
        .await;
    staff.open_hydrated(&app.url("/staff/board")).await;
    staff
        .wait_for_text("#board", Duration::from_secs(10), |t| t.contains("SO-A-1"))
        .await;
    let whole = staff.main_text().await;
    assert!(!whole.contains("earliest committed dates"), "{whole}");

    // With SO-A-1's line 2, one line more than the board looks at.
    let lines = i32::try_from(BOARD_LIMIT).unwrap();
    crate::glance::order_with_slipping_lines(&app, cast.customer_a, "SO-BIG", 3, lines).await;
    app.state.read_cache.bump();
    staff.open_hydrated(&app.url("/staff/board")).await;
    let notice = staff
        .wait_for_text("#board-capped", Duration::from_secs(20), |t| !t.is_empty())
        .await;
    assert!(
        notice.contains("earliest committed dates") && notice.contains("2000"),
        "{notice}"
    );
    staff.close().await;
}
