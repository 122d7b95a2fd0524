use integration_tests::{
    SpawnOptions, get_with, new_client, spawn_app, spawn_app_with, unversioned,
};
use server::seed::DEMO_PASSWORD;

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
    // The hydration script (a visitor's: the partners' bundle) and the
    // stylesheet are referenced (under the bundle's version).
    let files = unversioned(&html);
    assert!(
        files.contains("/pkg/portal-partners.js"),
        "no hydration script in {html}"
    );
    assert!(files.contains("/pkg/portal.css"), "no stylesheet in {html}");
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
async fn the_overview_is_for_signed_in_people_and_names_no_database() {
    let app = spawn_app_with(SpawnOptions {
        demo_data: true,
        ..Default::default()
    })
    .await;
    let overview = async |client: &reqwest::Client| {
        let response = client
            .post(app.url("/api/portal/overview"))
            .header("content-type", "application/x-www-form-urlencoded")
            .body("")
            .send()
            .await
            .unwrap();
        let status = response.status().as_u16();
        (status, response.text().await.unwrap())
    };
    let (status, body) = overview(&new_client()).await;
    assert_eq!(status, 401, "{body}");
    // No house name, no counts, nothing of how the portal is deployed.
    let lower = body.to_lowercase();
    for fact in [
        "harbour bridge",
        "customer_count",
        "supplier_count",
        "database",
        "sqlite",
        "postgres",
    ] {
        assert!(!lower.contains(fact), "{fact}: {body}");
    }
    let html = app.get("/").await.text().await.unwrap();
    assert!(
        !html.contains("check-status"),
        "no status panel for visitors"
    );
    assert!(!html.contains("Harbour Bridge"), "{html}");

    let staff = app
        .client_for("sales@harbourbridge.example", DEMO_PASSWORD)
        .await;
    let (status, body) = overview(&staff).await;
    assert_eq!(status, 200, "{body}");
    let body: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(body["customer_count"], 2);
    assert_eq!(body["supplier_count"], 2);
    assert_eq!(body["house_name"], "Harbour Bridge Trading Co.");
    assert!(body.get("database").is_none(), "{body}");
    let html = get_with(&staff, &app.url("/")).await.text().await.unwrap();
    assert!(html.contains("check-status"), "signed in, the panel shows");
}

#[tokio::test]
async fn the_bundle_travels_compressed_to_browsers_that_accept_it() {
    let app = spawn_app().await;
    let files = integration_tests::bundle_files().chain(["portal.css".to_string()]);
    for file in files {
        let path = format!("/pkg/{file}");
        let on_disk = std::fs::read(integration_tests::site_root().join("pkg").join(file)).unwrap();
        let plain = app.get(&path).await;
        assert_eq!(plain.status(), 200, "{path}");
        assert!(plain.headers().get("content-encoding").is_none());
        assert_eq!(plain.bytes().await.unwrap().len(), on_disk.len(), "{path}");

        let packed = app
            .client
            .get(app.url(&path))
            .header("accept-encoding", "gzip")
            .send()
            .await
            .unwrap();
        assert_eq!(packed.status(), 200, "{path}");
        assert_eq!(packed.headers()["content-encoding"], "gzip", "{path}");
        assert_eq!(packed.headers()["vary"], "accept-encoding", "{path}");
        let body = packed.bytes().await.unwrap();
        assert!(body.len() < on_disk.len(), "{path}: not smaller");
        assert!(
            gunzip(&body) == on_disk,
            "{path}: the gzip copy is not this file"
        );
    }
}

fn gunzip(packed: &[u8]) -> Vec<u8> {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut gzip = Command::new("gzip")
        .arg("-dc")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("gzip");
    let mut stdin = gzip.stdin.take().unwrap();
    let input = packed.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let output = gzip.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    assert!(output.status.success(), "not gzip");
    output.stdout
}
