//! Sales orders: scoped lists and pages, status moves with optimistic locking,
//! and the live event stream.

use app::domain::order_status::OrderStatus;
use integration_tests::people::{PASSWORD, create_cast, create_order};
use integration_tests::{TestApp, new_client, spawn_app};
use std::time::Duration;

fn numbers(body: &serde_json::Value) -> Vec<String> {
    fields(body, "number")
}

/// The field `key` of each row of a list, in order.
fn fields(body: &serde_json::Value, key: &str) -> Vec<String> {
    body.as_array()
        .unwrap()
        .iter()
        .map(|o| o[key].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn customers_list_only_their_own_orders_and_the_house_lists_all() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let customer = app.client_for(&cast.customer.email, PASSWORD).await;
    let (status, body) = app.call(&customer, "orders/list", &[]).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(numbers(&body), ["SO-A-1"]);
    assert_eq!(fields(&body, "customer_name"), ["Customer A"]);
    let staff = app.client_for(&cast.staff.email, PASSWORD).await;
    let (_, body) = app.call(&staff, "orders/list", &[]).await;
    assert_eq!(numbers(&body), ["SO-B-1", "SO-A-1"]);
    assert_eq!(fields(&body, "customer_name"), ["Customer B", "Customer A"]);
    // One order names its customer, to the customer and to the house.
    for (client, id, name) in [
        (&customer, cast.order_a, "Customer A"),
        (&staff, cast.order_a, "Customer A"),
        (&staff, cast.order_b, "Customer B"),
    ] {
        let (status, order) = app
            .call(client, "orders/get", &[("id", &id.to_string())])
            .await;
        assert_eq!(status, 200, "{order}");
        assert_eq!(order["customer_name"], name, "{order}");
    }
    let (_, body) = app
        .call(&staff, "orders/list", &[("status", "quoted")])
        .await;
    assert_eq!(numbers(&body), ["SO-B-1"]);
    let (_, body) = app
        .call(&staff, "orders/list", &[("query", "secret-product-2")])
        .await;
    assert_eq!(numbers(&body).len(), 2, "search by product matches both");
    let (status, body) = app.call(&staff, "orders/list", &[("status", "lost")]).await;
    assert_eq!(status, 422, "{body}");
    let supplier = app.client_for(&cast.supplier.email, PASSWORD).await;
    let (status, _) = app.call(&supplier, "orders/list", &[]).await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn a_list_row_sums_up_its_orders_lines_as_the_order_page_shows_them() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let staff = app.client_for(&cast.staff.email, PASSWORD).await;
    let (status, list) = app.call(&staff, "orders/list", &[]).await;
    assert_eq!(status, 200, "{list}");
    let rows = list.as_array().unwrap();
    assert_eq!(rows.len(), 2, "{list}");
    let severity = |badge: &str| {
        ["on_track", "unconfirmed", "at_risk", "late"]
            .iter()
            .position(|b| *b == badge)
            .unwrap()
    };
    for row in rows {
        let id = row["id"].to_string();
        let (status, order) = app.call(&staff, "orders/get", &[("id", &id)]).await;
        assert_eq!(status, 200, "{order}");
        let lines = order["lines"].as_array().unwrap();
        assert_eq!(row["line_count"], lines.len(), "{row} / {order}");
        let earliest = lines
            .iter()
            .filter_map(|l| l["committed"].as_str())
            .min()
            .map(str::to_string);
        assert_eq!(
            row["next_committed"].as_str().map(str::to_string),
            earliest,
            "{row}"
        );
        let worst = lines
            .iter()
            .map(|l| l["badge"].as_str().unwrap())
            .max_by_key(|b| severity(b))
            .unwrap_or("unconfirmed");
        assert_eq!(row["badge"], worst, "{row} / {order}");
    }
    // Order A's lines: one on track, one two days late.
    let a = rows.iter().find(|r| r["id"] == cast.order_a).unwrap();
    assert_eq!(a["badge"], "late", "{a}");
    assert_eq!(a["line_count"], 2, "{a}");
}

#[tokio::test]
async fn an_area_page_loads_its_data_once() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let customer = app.client_for(&cast.customer.email, PASSWORD).await;
    let response = integration_tests::get_with(&customer, &app.url("/customer")).await;
    assert_eq!(response.status(), 200);
    let html = response.text().await.unwrap();
    // The order list (an island) travels to the browser as data for waking
    // it: once, not once per render pass.
    let data = integration_tests::page_data(&html);
    let with_order = data
        .iter()
        .filter(|d| integration_tests::holds(d, "SO-A-1"))
        .count();
    assert_eq!(with_order, 1, "order list data in:\n{html}");
    // The company panel is the server's alone: shown, its data not sent.
    assert!(
        html.contains(r#"class="area-company">Customer A<"#),
        "{html}"
    );
    assert!(html.contains(">Testville<"), "{html}");
    assert!(
        !data
            .iter()
            .any(|d| integration_tests::holds(d, "Testville"))
    );
}

#[tokio::test]
async fn an_order_shows_its_three_dates_and_a_slip_badge() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let customer = app.client_for(&cast.customer.email, PASSWORD).await;
    let id = cast.order_a.to_string();
    let (status, body) = app.call(&customer, "orders/get", &[("id", &id)]).await;
    assert_eq!(status, 200, "{body}");
    let lines = body["lines"].as_array().unwrap();
    assert_eq!(lines[0]["badge"], "on_track");
    assert_eq!(lines[1]["slip_days"], 2);
    assert_eq!(lines[1]["badge"], "late");
    assert_eq!(lines[1]["unit_price"], "12.50");
    assert!(lines[1]["committed"].is_string() && lines[1]["forecast"].is_string());
    // A customer may not ship its own order.
    assert_eq!(body["next_statuses"], serde_json::json!([]));
}

/// Posts to a server function as the portal's own browser code does, asking
/// for the compact encoding; the status, the content type and the body.
async fn call_compact(
    app: &TestApp,
    client: &reqwest::Client,
    endpoint: &str,
    fields: &[(&str, &str)],
) -> (u16, String, Vec<u8>) {
    let response = client
        .post(app.url(&format!("/api/{endpoint}")))
        .header("accept", "application/x-postcard")
        .form(fields)
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    let kind = response.headers()["content-type"]
        .to_str()
        .unwrap()
        .to_string();
    (status, kind, response.bytes().await.unwrap().to_vec())
}

#[tokio::test]
async fn the_browser_code_reads_the_same_order_compact_and_others_read_json() {
    use app::wire::orders::OrderDetail;
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let customer = app.client_for(&cast.customer.email, PASSWORD).await;
    let id = cast.order_a.to_string();
    let response = customer
        .post(app.url("/api/orders/get"))
        .form(&[("id", &id)])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "application/json");
    let json = response.bytes().await.unwrap();
    let from_json: OrderDetail = serde_json::from_slice(&json).unwrap();

    let (status, kind, bytes) = call_compact(&app, &customer, "orders/get", &[("id", &id)]).await;
    assert_eq!((status, kind.as_str()), (200, "application/x-postcard"));
    let compact: OrderDetail = postcard::from_bytes(&bytes).unwrap();
    assert_eq!(compact, from_json);
    assert!(
        bytes.len() * 2 < json.len(),
        "{} vs {}",
        bytes.len(),
        json.len()
    );

    // A refusal is JSON for every client, with its own status.
    let other = create_order(&app, cast.customer_b, "SO-B-9", OrderStatus::Confirmed).await;
    let (status, kind, bytes) =
        call_compact(&app, &customer, "orders/get", &[("id", &other.to_string())]).await;
    assert_eq!((status, kind.as_str()), (404, "application/json"));
    let error: app::wire::ApiError = serde_json::from_slice(&bytes).unwrap();
    assert_eq!(error, app::wire::ApiError::NotFound);
}

#[tokio::test]
async fn confirming_freezes_the_committed_dates_and_writes_the_timeline() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let staff = app.client_for(&cast.staff.email, PASSWORD).await;
    let id = cast.order_b.to_string();
    let (_, before) = app.call(&staff, "orders/get", &[("id", &id)]).await;
    assert!(before["lines"][0]["committed"].is_null());
    let (status, body) = app
        .call(
            &staff,
            "orders/move",
            &[("id", &id), ("to", "confirmed"), ("version", "1")],
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let (_, after) = app.call(&staff, "orders/get", &[("id", &id)]).await;
    assert_eq!(after["status"], "confirmed");
    assert_eq!(after["version"], 2);
    assert_eq!(
        after["lines"][0]["committed"],
        after["lines"][0]["requested"]
    );
    let last = after["events"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["summary"], "Status changed to Confirmed");
    assert_eq!(last["before"], "Quoted");
    assert_eq!(last["who"], "Test Person");
}

#[tokio::test]
async fn status_moves_follow_the_rules() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let customer = app.client_for(&cast.customer.email, PASSWORD).await;
    let staff = app.client_for(&cast.staff.email, PASSWORD).await;
    let id = cast.order_a.to_string();
    let (status, _) = app
        .call(
            &customer,
            "orders/move",
            &[("id", &id), ("to", "ready"), ("version", "1")],
        )
        .await;
    assert_eq!(status, 403, "customers do not mark production ready");
    let (status, body) = app
        .call(
            &staff,
            "orders/move",
            &[("id", &id), ("to", "settled"), ("version", "1")],
        )
        .await;
    assert_eq!(status, 422, "no jumping ahead: {body}");
    assert!(body.to_string().contains("In production"));
    let (status, _) = app
        .call(
            &staff,
            "orders/move",
            &[("id", &id), ("to", "sideways"), ("version", "1")],
        )
        .await;
    assert_eq!(status, 422);
}

#[tokio::test]
async fn two_moves_of_the_same_version_give_one_winner_and_one_conflict() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let first = app.client_for(&cast.staff.email, PASSWORD).await;
    let second = app.client_for(&cast.admin.email, PASSWORD).await;
    let id = cast.order_b.to_string();
    let confirm = [("id", id.as_str()), ("to", "confirmed"), ("version", "1")];
    let cancel = [("id", id.as_str()), ("to", "cancelled"), ("version", "1")];
    let a = app.call(&first, "orders/move", &confirm);
    let b = app.call(&second, "orders/move", &cancel);
    let ((status_a, _), (status_b, body_b)) = tokio::join!(a, b);
    let mut statuses = [status_a, status_b];
    statuses.sort();
    assert_eq!(statuses, [200, 409], "{body_b}");
    let (_, order) = app.call(&first, "orders/get", &[("id", &id)]).await;
    assert_eq!(order["version"], 2);
    let moves = order["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["summary"].as_str().unwrap().starts_with("Status"))
        .count();
    assert_eq!(moves, 1, "exactly one decision on the timeline");
}

/// Reads the event stream until `count` order events arrived or time is up;
/// returns their ids and order ids.
async fn read_events(
    app: &TestApp,
    client: &reqwest::Client,
    last_event_id: Option<&str>,
    count: usize,
    wait: Duration,
) -> Vec<(String, String)> {
    let mut request = client.get(app.url("/api/live"));
    if let Some(id) = last_event_id {
        request = request.header("last-event-id", id);
    }
    let mut response = request.send().await.unwrap();
    assert_eq!(response.status(), 200);
    let mut text = String::new();
    let deadline = tokio::time::Instant::now() + wait;
    let mut events = Vec::new();
    while events.len() < count {
        let Ok(Ok(Some(chunk))) = tokio::time::timeout_at(deadline, response.chunk()).await else {
            break;
        };
        text.push_str(&String::from_utf8_lossy(&chunk));
        events = text
            .split("\n\n")
            .filter(|block| block.contains("event: order"))
            .map(|block| {
                let field = |name: &str| {
                    block
                        .lines()
                        .find_map(|l| l.strip_prefix(name))
                        .unwrap_or_default()
                        .trim()
                        .to_string()
                };
                (field("id:"), field("data:"))
            })
            .collect();
    }
    events
}

#[tokio::test]
async fn the_live_stream_carries_only_what_the_viewer_may_see() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let customer_a = app.client_for(&cast.customer.email, PASSWORD).await;
    let customer_b = app.client_for(&cast.customer_b_user.email, PASSWORD).await;
    let staff = app.client_for(&cast.staff.email, PASSWORD).await;

    let watch_a = read_events(&app, &customer_a, None, 1, Duration::from_secs(5));
    let watch_b = read_events(&app, &customer_b, None, 1, Duration::from_secs(2));
    let mover = async {
        tokio::time::sleep(Duration::from_millis(300)).await;
        let id = cast.order_a.to_string();
        let (status, body) = app
            .call(
                &staff,
                "orders/move",
                &[("id", &id), ("to", "ready"), ("version", "1")],
            )
            .await;
        assert_eq!(status, 200, "{body}");
    };
    let (seen_a, seen_b, ()) = tokio::join!(watch_a, watch_b, mover);
    assert_eq!(seen_a.len(), 1);
    assert_eq!(seen_a[0].1, format!("{{\"order_id\":{}}}", cast.order_a));
    assert!(seen_b.is_empty(), "customer B saw {seen_b:?}");

    let (status, _) = {
        let r = new_client().get(app.url("/api/live")).send().await.unwrap();
        (r.status().as_u16(), ())
    };
    assert_eq!(status, 401, "no stream without a session");
    let supplier = app.client_for(&cast.supplier.email, PASSWORD).await;
    let r = supplier.get(app.url("/api/live")).send().await.unwrap();
    assert_eq!(r.status(), 404);
}

#[tokio::test]
async fn a_reconnecting_stream_catches_up_on_missed_events() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let other = create_order(&app, cast.customer_a, "SO-A-2", OrderStatus::Quoted).await;
    let customer = app.client_for(&cast.customer.email, PASSWORD).await;
    let staff = app.client_for(&cast.staff.email, PASSWORD).await;
    // Nothing is open while these happen.
    let id = cast.order_a.to_string();
    app.call(
        &staff,
        "orders/move",
        &[("id", &id), ("to", "ready"), ("version", "1")],
    )
    .await;
    let other_id = other.to_string();
    app.call(
        &staff,
        "orders/move",
        &[("id", &other_id), ("to", "confirmed"), ("version", "1")],
    )
    .await;
    let b = cast.order_b.to_string();
    app.call(
        &staff,
        "orders/move",
        &[("id", &b), ("to", "confirmed"), ("version", "1")],
    )
    .await;
    // Reconnect saying the last event seen was 0: the two events on A's orders
    // come back, B's does not.
    let missed = read_events(&app, &customer, Some("0"), 3, Duration::from_secs(2)).await;
    let orders: Vec<&str> = missed.iter().map(|(_, data)| data.as_str()).collect();
    assert_eq!(
        orders,
        [
            format!("{{\"order_id\":{}}}", cast.order_a),
            format!("{{\"order_id\":{other}}}")
        ]
    );
    // Reconnecting after the first one replays only the second.
    let after_first = read_events(
        &app,
        &customer,
        Some(&missed[0].0),
        2,
        Duration::from_secs(2),
    )
    .await;
    assert_eq!(after_first, missed[1..]);
}

#[tokio::test]
async fn a_change_made_through_one_instance_reaches_streams_on_another() {
    // Instances share events through PostgreSQL's NOTIFY.
    let Some((app, second, cast)) = integration_tests::two_instances().await else {
        return;
    };
    let customer = second.client_for(&cast.customer.email, PASSWORD).await;
    let staff = app.client_for(&cast.staff.email, PASSWORD).await;
    let watch = read_events(&second, &customer, None, 1, Duration::from_secs(5));
    let mover = async {
        tokio::time::sleep(Duration::from_millis(500)).await;
        let id = cast.order_a.to_string();
        let (status, body) = app
            .call(
                &staff,
                "orders/move",
                &[("id", &id), ("to", "ready"), ("version", "1")],
            )
            .await;
        assert_eq!(status, 200, "{body}");
    };
    let (seen, ()) = tokio::join!(watch, mover);
    assert_eq!(
        seen.len(),
        1,
        "the second instance never heard of the change"
    );
    assert_eq!(seen[0].1, format!("{{\"order_id\":{}}}", cast.order_a));
}

#[tokio::test]
async fn the_house_filters_by_customer_risk_and_committed_dates_and_pages_through() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let staff = app.client_for(&cast.staff.email, PASSWORD).await;
    let b = cast.customer_b.to_string();
    let (_, body) = app.call(&staff, "orders/list", &[("customer", &b)]).await;
    assert_eq!(numbers(&body), ["SO-B-1"]);
    let (_, body) = app
        .call(&staff, "orders/list", &[("at_risk", "true")])
        .await;
    assert_eq!(
        numbers(&body),
        ["SO-A-1"],
        "only the slipping order in production"
    );

    let today = app.today();
    let day = |n: i64| {
        (today + chrono::Duration::days(n))
            .format("%Y-%m-%d")
            .to_string()
    };
    let (from, to) = (day(29), day(31));
    let (_, body) = app
        .call(
            &staff,
            "orders/list",
            &[("committed_from", &from), ("committed_to", &to)],
        )
        .await;
    assert_eq!(numbers(&body), ["SO-A-1"], "B is not committed yet");
    let backwards = async || {
        app.call(
            &staff,
            "orders/list",
            &[("committed_from", &to), ("committed_to", &from)],
        )
        .await
    };
    let (status, body) = backwards().await;
    assert_eq!(status, 422);
    assert_eq!(body["fields"][0]["field"], "committed_to");
    assert_eq!(
        body["fields"][0]["message"],
        "The end of the date range is before its start."
    );
    // In the language the reader chose.
    app.call(&staff, "auth/locale", &[("locale", "de")]).await;
    let (status, body) = backwards().await;
    assert_eq!(status, 422);
    assert_eq!(
        body["fields"][0]["message"],
        "Das Ende des Zeitraums liegt vor seinem Anfang."
    );
    app.call(&staff, "auth/locale", &[("locale", "en")]).await;
    let (status, body) = app
        .call(&staff, "orders/list", &[("committed_from", "31/12/2027")])
        .await;
    assert_eq!(status, 422);
    assert_eq!(body["fields"][0]["field"], "committed_from");

    for i in 0..55 {
        create_order(
            &app,
            cast.customer_a,
            &format!("SO-P-{i:03}"),
            OrderStatus::Inquiry,
        )
        .await;
    }
    let (_, first) = app.call(&staff, "orders/list", &[]).await;
    let first = first.as_array().unwrap().clone();
    assert_eq!(first.len(), 50);
    let oldest = first
        .iter()
        .map(|o| o["id"].as_i64().unwrap())
        .min()
        .unwrap()
        .to_string();
    let (_, second) = app
        .call(&staff, "orders/list", &[("before_id", &oldest)])
        .await;
    let second = numbers(&second);
    assert_eq!(second.len(), 7, "57 orders in all");
    assert!(second.contains(&"SO-A-1".to_string()) && second.contains(&"SO-B-1".to_string()));
    let first_numbers: Vec<_> = first
        .iter()
        .map(|o| o["number"].as_str().unwrap())
        .collect();
    assert!(
        second.iter().all(|n| !first_numbers.contains(&n.as_str())),
        "no order on both pages"
    );
}

pub(crate) fn new_order_form(customer: i32, requested: &str) -> Vec<(String, String)> {
    let mut form = vec![
        ("customer_id".to_string(), customer.to_string()),
        ("currency".into(), "eur".into()),
        ("incoterm".into(), "FOB".into()),
        ("payment_terms".into(), "30% deposit".into()),
        ("ship_to".into(), "Am Sandtorkai 12, Hamburg".into()),
    ];
    for (key, value) in [
        ("product_code", "KT-9000"),
        ("description", "Kettle, matte black"),
        ("hs_code", "8516.71"),
        ("quantity", "1200"),
        ("unit", "pcs"),
        ("unit_price", "14.5"),
        ("requested", requested),
    ] {
        form.push((format!("lines[0][{key}]"), value.to_string()));
    }
    form
}

pub(crate) async fn post_form(
    app: &TestApp,
    client: &reqwest::Client,
    endpoint: &str,
    form: &[(String, String)],
) -> (u16, serde_json::Value) {
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    app.call(client, endpoint, &pairs).await
}

#[tokio::test]
async fn staff_create_an_order_that_the_customer_then_sees() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let staff = app.client_for(&cast.staff.email, PASSWORD).await;
    let requested = (app.today() + chrono::Duration::days(60))
        .format("%Y-%m-%d")
        .to_string();
    let (status, id) = post_form(
        &app,
        &staff,
        "orders/create",
        &new_order_form(cast.customer_a, &requested),
    )
    .await;
    assert_eq!(status, 200, "{id}");
    let id = id.as_i64().unwrap().to_string();
    let customer = app.client_for(&cast.customer.email, PASSWORD).await;
    let (status, order) = app.call(&customer, "orders/get", &[("id", &id)]).await;
    assert_eq!(status, 200, "{order}");
    assert_eq!(order["status"], "inquiry");
    assert_eq!(order["currency"], "EUR");
    assert!(order["number"].as_str().unwrap().starts_with("SO-"));
    let line = &order["lines"][0];
    assert_eq!(line["hs_code"], "851671");
    assert_eq!(line["unit_price"], "14.50");
    assert_eq!(line["requested"], requested.as_str());
    assert!(line["committed"].is_null());
    assert_eq!(order["events"][0]["summary"], "Order created");
    // Customers and suppliers cannot enter orders.
    for client in [
        &customer,
        &app.client_for(&cast.supplier.email, PASSWORD).await,
    ] {
        let (status, _) = post_form(
            &app,
            client,
            "orders/create",
            &new_order_form(cast.customer_a, &requested),
        )
        .await;
        assert_eq!(status, 403);
    }
}

#[tokio::test]
async fn bad_order_input_gets_a_message_per_field_and_writes_nothing() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let staff = app.client_for(&cast.staff.email, PASSWORD).await;
    let yesterday = (app.today() - chrono::Duration::days(1))
        .format("%Y-%m-%d")
        .to_string();
    let mut form = new_order_form(cast.supplier_a, &yesterday);
    for (key, value) in form.iter_mut() {
        match key.as_str() {
            "currency" => *value = "EURO".into(),
            "lines[0][quantity]" => *value = "-5".into(),
            "lines[0][hs_code]" => *value = "85AB".into(),
            "lines[0][unit_price]" => *value = "1,50".into(),
            _ => {}
        }
    }
    let (status, body) = post_form(&app, &staff, "orders/create", &form).await;
    assert_eq!(status, 422, "{body}");
    let fields: Vec<&str> = body["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["field"].as_str().unwrap())
        .collect();
    assert_eq!(
        fields,
        [
            "customer_id",
            "currency",
            "lines[0].hs_code",
            "lines[0].quantity",
            "lines[0].unit_price",
            "lines[0].requested",
        ],
        "{body}"
    );
    let (_, list) = app.call(&staff, "orders/list", &[]).await;
    assert_eq!(numbers(&list).len(), 2, "nothing half-written");
    // No lines at all is refused too.
    let header_only: Vec<_> = new_order_form(cast.customer_a, "2099-01-01")
        .into_iter()
        .filter(|(k, _)| !k.starts_with("lines"))
        .collect();
    let (status, body) = post_form(&app, &staff, "orders/create", &header_only).await;
    assert_eq!(status, 422);
    assert_eq!(body["fields"][0]["field"], "lines");
}

#[tokio::test]
async fn a_status_the_portal_does_not_know_is_an_error_not_a_default() {
    use sea_orm::ConnectionTrait;
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let staff = app.client_for(&cast.staff.email, PASSWORD).await;
    let id = cast.order_a.to_string();
    let (status, _) = app.call(&staff, "orders/get", &[("id", &id)]).await;
    assert_eq!(status, 200);
    app.db
        .execute_unprepared(&format!(
            "UPDATE orders SET status = 'half_shipped' WHERE id = {id}"
        ))
        .await
        .unwrap();
    // Written behind the portal's back: it keeps what it read until it
    // hears of a write, as after any hand edit of the database.
    app.state.read_cache.bump();
    let (status, body) = app.call(&staff, "orders/get", &[("id", &id)]).await;
    assert_eq!(status, 500, "{body}");
    assert!(!body.to_string().contains("half_shipped"), "{body}");
}
