use integration_tests::{SpawnOptions, spawn_app, spawn_app_with};

#[tokio::test]
async fn landing_page_is_rendered_on_the_server() {
    let app = spawn_app().await;
    let response = app.get("/").await;
    assert_eq!(response.status(), 200);
    let content_type = response.headers()["content-type"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(content_type.starts_with("text/html"), "{content_type}");
    let html = response.text().await.unwrap();
    assert!(html.contains("Every order, every factory, one live view."));
    // The timeline is part of the server-rendered markup, not added by script.
    assert!(html.contains(r#"data-stage="in_production""#));
    // The hydration script and the stylesheet are referenced.
    assert!(
        html.contains("/pkg/portal.js"),
        "no hydration script in {html}"
    );
    assert!(html.contains("/pkg/portal.css"));
    // Before hydration the page says so.
    assert!(html.contains(r#"data-hydrated="false""#));
}

#[tokio::test]
async fn unknown_pages_answer_404_with_the_site_frame() {
    let app = spawn_app().await;
    let response = app.get("/no/such/page").await;
    assert_eq!(response.status(), 404);
    let html = response.text().await.unwrap();
    assert!(html.contains("Page not found"));
}

#[tokio::test]
async fn overview_server_function_counts_demo_partners() {
    let app = spawn_app_with(SpawnOptions {
        demo_data: true,
        ..Default::default()
    })
    .await;
    let response = app
        .client
        .post(app.url("/api/portal/overview"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body["customer_count"], 2);
    assert_eq!(body["supplier_count"], 2);
    assert_eq!(body["house_name"], "Harbour Bridge Trading Co.");
}
