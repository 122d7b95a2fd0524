//! The page frame and forms as people see them: exactly one navigation item
//! is marked as the current page, and every check box and radio button sits
//! just before its own label text, on a desktop (1280 px) and a phone (390 px).

use integration_tests::browser::Browser;
use integration_tests::people::{PASSWORD, create_cast};
use integration_tests::spawn_app;
use serde_json::Value;

/// Opens every `<details>` and returns, for each check box or radio button
/// inside a `label.checkbox`, a problem if the control does not sit on the
/// line of its label text, just before it. `checked` counts the controls
/// looked at, so a page without any cannot pass by accident.
const CONTROLS_BESIDE_LABELS: &str = r#"
document.querySelectorAll('details').forEach(d => d.open = true);
const problems = [];
let checked = 0;
for (const label of document.querySelectorAll('label.checkbox')) {
  const input = label.querySelector('input[type=checkbox], input[type=radio]');
  if (!input) continue;
  const box = input.getBoundingClientRect();
  if (box.width === 0 && box.height === 0) continue;
  const text = [...label.childNodes].find(n => n.nodeType === 3 && n.textContent.trim());
  if (!text) continue;
  const range = document.createRange();
  range.selectNodeContents(text);
  const words = range.getClientRects()[0];
  checked += 1;
  const gap = words.left - box.right;
  const drift = Math.abs((box.top + box.bottom) / 2 - (words.top + words.bottom) / 2);
  if (box.width > 40 || gap < 0 || gap > 24 || drift > words.height) {
    problems.push(`${text.textContent.trim()}: control ${Math.round(box.width)} px wide, ` +
      `${Math.round(gap)} px before its text, ${Math.round(drift)} px off its line`);
  }
}
return { checked, problems };
"#;

async fn controls_beside_labels(browser: &Browser, page: &str) -> u64 {
    let found = browser
        .client
        .execute(CONTROLS_BESIDE_LABELS, vec![])
        .await
        .expect("measure the form controls");
    let problems: Vec<&str> = found["problems"]
        .as_array()
        .expect("a list")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert!(problems.is_empty(), "{page}: {problems:?}");
    found["checked"].as_u64().expect("a count")
}

async fn current_nav_items(browser: &Browser) -> Vec<String> {
    let found = browser
        .client
        .execute(
            "return [...document.querySelectorAll('.site-nav a[aria-current=page]')]\
             .map(a => a.textContent.trim());",
            vec![],
        )
        .await
        .expect("read the navigation");
    found
        .as_array()
        .expect("a list")
        .iter()
        .filter_map(|v| v.as_str().map(str::to_string))
        .collect()
}

#[tokio::test]
async fn one_navigation_item_is_current_and_form_controls_sit_by_their_labels() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let customer = app.client_for(&cast.customer.email, PASSWORD).await;
    let (status, order) = app
        .call(
            &customer,
            "orders/get",
            &[("id", &cast.order_a.to_string())],
        )
        .await;
    assert_eq!(status, 200, "{order}");
    let (status, body) = app
        .call(
            &customer,
            "changes/request",
            &[
                ("order_id", &cast.order_a.to_string()),
                ("version", &order["version"].to_string()),
                ("ship_to", "Hamburg, Kai 4"),
            ],
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let change = body.as_i64().expect("the request's id");

    let staff_pages = [
        (format!("/staff/changes/{change}"), Some("Sales desk")),
        ("/staff/orders".to_string(), Some("Orders")),
        (format!("/staff/orders/{}", cast.order_a), Some("Orders")),
        ("/staff".to_string(), Some("Sales desk")),
        ("/account".to_string(), Some("Account")),
    ];
    let customer_pages = [
        ("/customer".to_string(), Some("My orders")),
        (
            format!("/customer/orders/{}", cast.order_a),
            Some("My orders"),
        ),
        ("/account".to_string(), Some("Account")),
    ];
    for (width, height) in [(1280, 900), (390, 844)] {
        for (email, pages) in [
            (&cast.staff.email, &staff_pages[..]),
            (&cast.customer.email, &customer_pages[..]),
        ] {
            let browser = Browser::launch(width, height).await;
            browser
                .sign_in_and_wait(&app.address, email, PASSWORD)
                .await;
            let mut controls = 0;
            for (page, current) in pages {
                browser.open_hydrated(&app.url(page)).await;
                let marked = current_nav_items(&browser).await;
                let expected: Vec<String> = current.iter().map(|c| c.to_string()).collect();
                assert_eq!(marked, expected, "{page} at {width} px");
                controls += controls_beside_labels(&browser, page).await;
                if page.starts_with("/staff/changes/") {
                    browser
                        .screenshot(&format!("change-decision-form-{width}"))
                        .await;
                }
            }
            assert!(
                controls >= 3,
                "{email} at {width} px: {controls} controls looked at"
            );
            browser.close().await;
        }
    }
}
