//! The access matrix for what is no server function: the CSV downloads, file
//! downloads and the live event stream, tried by every role and by a
//! stranger. The house gets everything, a customer its own orders only, a
//! factory nothing of the sales side; strangers are asked to sign in. And a
//! guard that every server function is in the matrix of `access`.

use app::domain::account::Role;
use integration_tests::people::PASSWORD;
use integration_tests::{TestApp, new_client, spawn_app};
use std::time::Duration;

use crate::access::{FOREIGN_MARKERS, probes, world};

/// Status and text of a GET.
async fn fetch(app: &TestApp, client: &reqwest::Client, path: &str) -> (u16, String) {
    let response = client.get(app.url(path)).send().await.expect("GET request");
    let status = response.status().as_u16();
    (status, response.text().await.unwrap_or_default())
}

/// What the live stream sends at once when it catches up from the first
/// event (or the refusal's status and text).
async fn caught_up(app: &TestApp, client: &reqwest::Client) -> (u16, String) {
    let mut response = client
        .get(app.url("/api/live"))
        .header("last-event-id", "0")
        .send()
        .await
        .expect("open the live stream");
    let status = response.status().as_u16();
    if status != 200 {
        return (status, response.text().await.unwrap_or_default());
    }
    // The backlog comes at once; after it the stream stays open for live
    // events, so it is read for a moment only.
    let mut text = String::new();
    let deadline = tokio::time::Instant::now() + Duration::from_millis(1500);
    while let Ok(Ok(Some(chunk))) = tokio::time::timeout_at(deadline, response.chunk()).await {
        text.push_str(&String::from_utf8_lossy(&chunk));
    }
    (status, text)
}

/// The order ids a stream's events name.
fn orders_named(stream: &str) -> Vec<i32> {
    stream
        .lines()
        .filter_map(|line| line.strip_prefix("data:"))
        .filter_map(|data| {
            data.trim()
                .strip_prefix("{\"order_id\":")?
                .strip_suffix('}')?
                .parse::<i32>()
                .ok()
        })
        .collect()
}

/// Notes what is wrong with an answer: an allowed one must be a 200, a
/// refusal a 403 or 404 that shows nothing of company B.
fn judge(failures: &mut Vec<String>, role: Role, what: &str, answer: (u16, &str), allowed: bool) {
    let (status, body) = answer;
    let fine = if allowed {
        status == 200
    } else {
        [403, 404].contains(&status)
    };
    if !fine {
        failures.push(format!("{role:?} / {what}: status {status}: {body}"));
    }
    if !allowed {
        nothing_of_b(failures, role, what, body);
    }
}

/// Notes any trace of company B in `body`.
fn nothing_of_b(failures: &mut Vec<String>, role: Role, what: &str, body: &str) {
    if let Some(marker) = FOREIGN_MARKERS.iter().find(|m| body.contains(**m)) {
        failures.push(format!("{role:?} / {what}: leaked {marker:?}"));
    }
}

#[tokio::test]
async fn downloads_and_the_live_stream_give_each_role_only_its_own() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let book = "/exports/orders.csv".to_string();
    // A customer's filters for another customer's orders are not obeyed.
    let foreign_book = format!("/exports/orders.csv?customer={}&q=SO-B-1", world.customer_b);
    let kpi_tables: Vec<String> = ["alerts", "scorecards", "customers", "products", "suppliers"]
        .iter()
        .map(|table| format!("/exports/kpi/{table}.csv"))
        .collect();
    let foreign_file = format!("/files/{}", world.file_b);
    let mut failures = Vec::new();
    for role in Role::ALL {
        let client = app.client_for(&world.by_role(role).email, PASSWORD).await;
        let house = matches!(role, Role::Admin | Role::Staff);

        // The order book: the house's whole, a customer's own, no factory's.
        for path in [&book, &foreign_book] {
            let (status, body) = fetch(&app, &client, path).await;
            judge(
                &mut failures,
                role,
                path,
                (status, &body),
                role != Role::Supplier,
            );
            let wanted = match role {
                Role::Admin | Role::Staff => Some("SO-B-1"),
                Role::Customer => Some("SO-A-1"),
                Role::Supplier => None,
            };
            if let Some(wanted) = wanted
                && !body.contains(wanted)
            {
                failures.push(format!("{role:?} / {path}: no {wanted} in {body}"));
            }
            if role == Role::Customer {
                nothing_of_b(&mut failures, role, path, &body);
            }
        }
        // The KPI tables are the house's.
        for path in &kpi_tables {
            let (status, body) = fetch(&app, &client, path).await;
            judge(&mut failures, role, path, (status, &body), house);
        }
        // Customer B's file (its bytes are not stored, so only refusals are
        // tried).
        if !house {
            let (status, body) = fetch(&app, &client, &foreign_file).await;
            judge(&mut failures, role, &foreign_file, (status, &body), false);
        }
        // The live stream's catch-up names only orders the viewer may see.
        let (status, stream) = caught_up(&app, &client).await;
        judge(
            &mut failures,
            role,
            "/api/live",
            (status, &stream),
            role != Role::Supplier,
        );
        let named = orders_named(&stream);
        let (must, only) = match role {
            Role::Admin | Role::Staff => (Some(world.order_b), None),
            Role::Customer => (Some(world.order_a), Some(world.order_a)),
            Role::Supplier => (None, None),
        };
        if let Some(order) = must
            && !named.contains(&order)
        {
            failures.push(format!(
                "{role:?} / /api/live: no order {order} in {stream}"
            ));
        }
        // 0 names no order ("anything may have changed") and carries nothing.
        if let Some(order) = only
            && named.iter().any(|id| *id != order && *id != 0)
        {
            failures.push(format!("{role:?} / /api/live: named {named:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "access failures on plain routes:\n{}",
        failures.join("\n")
    );

    let stranger = new_client();
    let mut paths = vec![book, foreign_book, foreign_file];
    paths.extend(kpi_tables);
    for path in &paths {
        let (status, body) = fetch(&app, &stranger, path).await;
        assert_eq!(status, 401, "{path}: {body}");
    }
    let (status, body) = caught_up(&app, &stranger).await;
    assert_eq!(status, 401, "/api/live: {body}");
}

/// Server functions anyone may call, each tested with its feature: signing
/// in and out (with the second step of two-factor sign-in, which answers
/// only a waiting sign-in's cookie), who is signed in, and the links sent
/// by mail.
const PUBLIC_ENDPOINTS: &[&str] = &[
    "auth/accept-invitation",
    "auth/invitation",
    "auth/login",
    "auth/logout",
    "auth/me",
    "auth/request-reset",
    "auth/reset",
    "auth/two-factor",
    "auth/two-factor-step",
];

/// The `endpoint = "…"` of every server function in the files under `dir`.
pub(crate) fn declared_endpoints(dir: &std::path::Path, found: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).expect("a source folder") {
        let path = entry.expect("a folder entry").path();
        if path.is_dir() {
            declared_endpoints(&path, found);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            let source = std::fs::read_to_string(&path).expect("a source file");
            for rest in source.split("endpoint = \"").skip(1) {
                if let Some((endpoint, _)) = rest.split_once('"') {
                    found.push(endpoint.to_string());
                }
            }
        }
    }
}

/// A new server function that nobody added to the matrix fails here.
#[test]
fn every_server_function_is_in_the_access_matrix() {
    let mut declared = Vec::new();
    declared_endpoints(
        &integration_tests::workspace_root().join("app/src"),
        &mut declared,
    );
    assert!(declared.len() > 50, "found only {declared:?}");
    let probed: Vec<&str> = probes().iter().map(|probe| probe.endpoint).collect();
    let outside: Vec<&String> = declared
        .iter()
        .filter(|endpoint| {
            !probed.contains(&endpoint.as_str()) && !PUBLIC_ENDPOINTS.contains(&endpoint.as_str())
        })
        .collect();
    assert!(
        outside.is_empty(),
        "server functions outside the access matrix: {outside:?}"
    );
}
