//! The at-risk board on a sales person's screen picks up a new slip by
//! itself when a factory reports a later date.

use integration_tests::browser::Browser;
use integration_tests::people::{PASSWORD, create_cast};
use integration_tests::spawn_app;
use std::time::Duration;

#[tokio::test]
async fn the_board_shows_a_new_slip_live() {
    let app = spawn_app().await;
    let cast = create_cast(&app.db).await;
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
    let forecast = (chrono::Utc::now().date_naive() + chrono::Duration::days(25)).to_string();
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
