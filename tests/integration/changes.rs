//! Change requests end to end: a customer asks for a change to an order, the
//! house approves, rejects or counters, the customer answers, and an applied
//! change moves the order (and its commitments), bumps its revision and
//! reaches the factories behind it as a change to acknowledge. Every step
//! lands on the timeline and in the outbox; stale versions, fields changed in
//! between and simultaneous decisions are conflicts, never overwrites.
//!
//! Order A (in production) is the stage: line 1 is made by supplier A
//! (PO-A-1), line 2 by supplier B (PO-B-1); both lines are committed 30 days
//! out and were ordered 100 pcs at 12.50.

use app::domain::order_status::OrderStatus;
use app::ssr::entities::outbox;
use integration_tests::people::{Cast, PASSWORD, create_cast, create_order};
use integration_tests::{TestApp, spawn_app};
use sea_orm::EntityTrait;
use serde_json::{Value, json};

async fn setup() -> (TestApp, Cast) {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    (app, cast)
}

async fn order(app: &TestApp, client: &reqwest::Client, id: i32) -> Value {
    let (status, body) = app
        .call(client, "orders/get", &[("id", &id.to_string())])
        .await;
    assert_eq!(status, 200, "{body}");
    body
}

async fn change(app: &TestApp, client: &reqwest::Client, id: i64) -> Value {
    let (status, body) = app
        .call(client, "changes/get", &[("id", &id.to_string())])
        .await;
    assert_eq!(status, 200, "{body}");
    body
}

/// Row `index` of the change form restating line `line_no` of `order` as
/// the customer saw it, with the `wanted` values in place of the current ones.
fn row(
    order: &Value,
    index: usize,
    line_no: i64,
    wanted: &[(&str, &str)],
) -> Vec<(String, String)> {
    let line = order["lines"]
        .as_array()
        .expect("the order's lines")
        .iter()
        .find(|l| l["line_no"] == line_no)
        .expect("the line is on the order");
    let mut values: Vec<(&str, String)> = vec![
        ("line_no", line_no.to_string()),
        ("quantity", line["quantity"].to_string()),
        (
            "description",
            line["description"].as_str().unwrap().to_string(),
        ),
        ("requested", line["requested"].as_str().unwrap().to_string()),
    ];
    for (name, value) in wanted {
        match values.iter_mut().find(|(n, _)| n == name) {
            Some(slot) => slot.1 = value.to_string(),
            None => values.push((*name, value.to_string())),
        }
    }
    values
        .into_iter()
        .map(|(name, value)| (format!("lines[{index}][{name}]"), value))
        .collect()
}

/// Row `i` of the form's lines to add.
fn added(i: usize, values: &[(&str, &str)]) -> Vec<(String, String)> {
    values
        .iter()
        .map(|(name, value)| (format!("added[{i}][{name}]"), value.to_string()))
        .collect()
}

fn ship_to(address: &str) -> Vec<(String, String)> {
    vec![("ship_to".to_string(), address.to_string())]
}

/// The customer asks for a change to `order` as they saw it (its version and,
/// unless `fields` changes it, its ship-to address).
async fn ask(
    app: &TestApp,
    client: &reqwest::Client,
    order: &Value,
    fields: Vec<(String, String)>,
) -> (u16, Value) {
    let mut form = vec![
        ("order_id".to_string(), order["id"].to_string()),
        ("version".to_string(), order["version"].to_string()),
    ];
    if !fields.iter().any(|(name, _)| name == "ship_to") {
        form.push((
            "ship_to".to_string(),
            order["ship_to"].as_str().unwrap().to_string(),
        ));
    }
    form.extend(fields);
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    app.call(client, "changes/request", &pairs).await
}

/// As `ask`, for a request that must be taken: returns its id.
async fn request_taken(
    app: &TestApp,
    client: &reqwest::Client,
    order: &Value,
    fields: Vec<(String, String)>,
) -> i64 {
    let (status, body) = ask(app, client, order, fields).await;
    assert_eq!(status, 200, "{body}");
    body.as_i64().expect("the request's id")
}

async fn decide(
    app: &TestApp,
    client: &reqwest::Client,
    id: i64,
    decision: &str,
    fields: &[(&str, &str)],
) -> (u16, Value) {
    let id = id.to_string();
    let mut pairs = vec![("id", id.as_str()), ("decision", decision)];
    pairs.extend_from_slice(fields);
    app.call(client, "changes/decide", &pairs).await
}

/// The changes a factory (or the house) is asked to acknowledge.
async fn to_acknowledge(app: &TestApp, client: &reqwest::Client) -> Vec<Value> {
    let (status, body) = app.call(client, "changes/factory", &[]).await;
    assert_eq!(status, 200, "{body}");
    body.as_array().expect("a list").clone()
}

/// The fields a 422 answer names, in order.
fn fields_of(body: &Value) -> Vec<&str> {
    body["fields"]
        .as_array()
        .map(|fields| fields.iter().filter_map(|f| f["field"].as_str()).collect())
        .unwrap_or_default()
}

fn kinds(request: &Value) -> Vec<&str> {
    request["items"]
        .as_array()
        .expect("the request's items")
        .iter()
        .map(|i| i["kind"].as_str().unwrap())
        .collect()
}

/// Timeline entries whose summary contains every one of `words`.
fn entries<'a>(order: &'a Value, words: &[&str]) -> Vec<&'a Value> {
    order["events"]
        .as_array()
        .expect("a timeline")
        .iter()
        .filter(|e| {
            let summary = e["summary"].as_str().unwrap_or_default();
            words.iter().all(|w| summary.contains(w))
        })
        .collect()
}

fn summaries(order: &Value) -> Vec<&str> {
    order["events"]
        .as_array()
        .expect("a timeline")
        .iter()
        .filter_map(|e| e["summary"].as_str())
        .collect()
}

/// Mails of `kind` in the outbox (queued with the step that caused them).
/// A mail as it was delivered (the outbox blanks a body once it is sent).
#[derive(Debug)]
struct Mail {
    recipient: String,
    subject: String,
    body_text: String,
}

/// The signed-in factory's own scorecard.
async fn own_scorecard(app: &TestApp, client: &reqwest::Client) -> Value {
    let (status, card) = app.call(client, "workspace/scorecard", &[]).await;
    assert_eq!(status, 200, "{card}");
    card
}

/// The mails of one kind queued so far, once the worker has delivered them.
async fn mails(app: &TestApp, kind: &str) -> Vec<Mail> {
    let rows: Vec<outbox::Model> = outbox::Entity::find()
        .all(&app.db)
        .await
        .expect("outbox rows")
        .into_iter()
        .filter(|r| r.kind == kind)
        .collect();
    for _ in 0..200 {
        let sent = app.mailbox.messages();
        let delivered: Vec<Mail> = rows
            .iter()
            .filter_map(|r| sent.iter().find(|m| m.id == r.id))
            .map(|m| Mail {
                recipient: m.to.clone(),
                subject: m.subject.clone(),
                body_text: m.body_text.clone(),
            })
            .collect();
        if delivered.len() == rows.len() {
            return delivered;
        }
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    }
    panic!("the {kind} mails were never delivered: {rows:?}");
}

fn recipients(rows: &[Mail]) -> Vec<&str> {
    let mut list: Vec<&str> = rows.iter().map(|r| r.recipient.as_str()).collect();
    list.sort();
    list
}

fn po_numbers(lines: &Value) -> Vec<&str> {
    lines
        .as_array()
        .expect("a list of PO lines")
        .iter()
        .map(|l| l["po_number"].as_str().unwrap())
        .collect()
}

#[tokio::test]
async fn an_accepted_counter_proposal_moves_the_commitment_and_reaches_the_factory() {
    let (app, cast) = setup().await;
    let customer = app.client_for(&cast.customer.email, PASSWORD).await;
    let staff = app.client_for(&cast.staff.email, PASSWORD).await;
    let factory_a = app.client_for(&cast.supplier.email, PASSWORD).await;
    let factory_b = app.client_for(&cast.supplier_b_user.email, PASSWORD).await;

    let seen = order(&app, &customer, cast.order_a).await;
    assert_eq!(seen["status"], "in_production");
    assert_eq!(seen["revision"], 0);
    assert_eq!(seen["lines"][0]["committed"], app.day(30).as_str());
    let (asked, countered) = (app.day(40), app.day(35));
    let id = request_taken(
        &app,
        &customer,
        &seen,
        row(&seen, 0, 1, &[("quantity", "120"), ("requested", &asked)]),
    )
    .await;
    let number = format!("CR-{id}");

    // The house finds it in the inbox, with the factory it reaches.
    let (status, inbox) = app.call(&staff, "changes/inbox", &[]).await;
    assert_eq!(status, 200, "{inbox}");
    assert_eq!(inbox.as_array().unwrap().len(), 1, "{inbox}");
    assert_eq!(inbox[0]["id"], id);
    assert_eq!(inbox[0]["status"], "open");
    let request = change(&app, &staff, id).await;
    assert_eq!(kinds(&request), ["quantity", "requested_date"]);
    assert_eq!(request["can_decide"], true);
    assert!(
        request["factories"].to_string().contains("PO-A-1"),
        "{request}"
    );

    // The house counters with another date and keeps the quantity as asked.
    let message = "The factory can pack it five days earlier than asked.";
    let (status, body) = decide(
        &app,
        &staff,
        id,
        "counter",
        &[
            ("answer", message),
            ("items[0][counter]", ""),
            ("items[1][counter]", &countered),
        ],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let request = change(&app, &customer, id).await;
    assert_eq!(request["status"], "countered");
    assert_eq!(request["can_answer"], true);
    assert!(request["items"][0]["counter"].is_null(), "{request}");
    assert_eq!(request["items"][1]["counter"], countered.as_str());
    // A counter-proposal changes nothing yet.
    let waiting = order(&app, &customer, cast.order_a).await;
    assert_eq!(waiting["revision"], 0);
    assert_eq!(waiting["lines"][0]["committed"], app.day(30).as_str());
    assert_eq!(waiting["lines"][0]["quantity"], 100);
    assert!(to_acknowledge(&app, &factory_a).await.is_empty());

    let (status, body) = app
        .call(
            &customer,
            "changes/answer",
            &[("id", &id.to_string()), ("accept", "true")],
        )
        .await;
    assert_eq!(status, 200, "{body}");

    let after = order(&app, &customer, cast.order_a).await;
    assert_eq!(after["revision"], 1);
    let line = &after["lines"][0];
    assert_eq!(line["quantity"], 120);
    assert_eq!(line["requested"], countered.as_str());
    assert_eq!(
        line["committed"],
        countered.as_str(),
        "the commitment moved"
    );
    assert_eq!(after["lines"][1]["quantity"], 100, "line 2 is untouched");
    assert_eq!(after["lines"][1]["committed"], app.day(30).as_str());
    assert_eq!(after["changes"][0]["status"], "accepted");
    assert_eq!(after["changes"][0]["factories"], json!([]));

    // Supplier A is asked to acknowledge its new quantity; supplier B sees nothing.
    let asked_of_a = to_acknowledge(&app, &factory_a).await;
    assert_eq!(asked_of_a.len(), 1, "{asked_of_a:?}");
    assert_eq!(asked_of_a[0]["po_line_id"], cast.po_line_a);
    assert_eq!(asked_of_a[0]["po_number"], "PO-A-1");
    let what: Vec<&str> = asked_of_a[0]["changes"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|c| c.as_str())
        .collect();
    assert!(what.contains(&"Quantity: 100 → 120"), "{what:?}");
    assert!(to_acknowledge(&app, &factory_b).await.is_empty());
    // Each factory's own scorecard counts only the changes asked of it.
    assert_eq!(own_scorecard(&app, &factory_a).await["waiting"], 1);
    assert_eq!(own_scorecard(&app, &factory_b).await["waiting"], 0);
    let (status, body) = app
        .call(
            &factory_a,
            "progress/line",
            &[("id", &cast.po_line_a.to_string())],
        )
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["line"]["quantity"], 120);

    let change_id = asked_of_a[0]["id"].to_string();
    let (status, _) = app
        .call(&factory_b, "changes/acknowledge", &[("id", &change_id)])
        .await;
    assert_eq!(status, 404, "another factory's change does not exist for B");
    let (status, body) = app
        .call(&factory_a, "changes/acknowledge", &[("id", &change_id)])
        .await;
    assert_eq!(status, 200, "{body}");
    assert!(to_acknowledge(&app, &factory_a).await.is_empty());
    let card_a = own_scorecard(&app, &factory_a).await;
    assert_eq!(card_a["waiting"], 0, "{card_a}");
    assert_eq!(card_a["acknowledgement"]["count"], 1, "{card_a}");
    let card_b = own_scorecard(&app, &factory_b).await;
    assert_eq!(card_b["acknowledgement"]["count"], 0, "{card_b}");
    let (status, all) = app
        .call(&factory_a, "changes/factory", &[("all", "true")])
        .await;
    assert_eq!(status, 200, "{all}");
    assert_eq!(all.as_array().unwrap().len(), 1);
    assert!(!all[0]["acknowledged_at"].is_null(), "{all}");
    let (status, _) = app
        .call(&factory_a, "changes/acknowledge", &[("id", &change_id)])
        .await;
    assert_eq!(status, 409, "acknowledged once");

    // The timeline tells the whole story, without naming the factory.
    let seen = order(&app, &customer, cast.order_a).await;
    let timeline = summaries(&seen);
    for words in [
        vec![number.as_str(), "made"],
        vec!["Counter-proposal on change request", number.as_str()],
        vec![number.as_str(), "counter-proposal accepted", "revision 1"],
        vec!["factory acknowledged", number.as_str()],
    ] {
        assert_eq!(entries(&seen, &words).len(), 1, "{words:?} in {timeline:?}");
    }
    assert!(
        timeline.contains(&"Line 1 delivery date changed"),
        "{timeline:?}"
    );
    let acknowledged = entries(&seen, &["factory acknowledged"]);
    assert!(acknowledged[0]["who"].is_null(), "{:?}", acknowledged[0]);
    let text = seen.to_string();
    for secret in ["Supplier A", "PO-A-1", "factory@supplier-a.test"] {
        assert!(!text.contains(secret), "the customer saw {secret}: {text}");
    }

    // Mail: the house for the request, the customer for the counter-proposal
    // and for the accepted change, supplier A for the change to acknowledge.
    let requested = mails(&app, "change_requested").await;
    assert_eq!(
        recipients(&requested),
        ["admin@house.test", "staff@house.test"]
    );
    assert!(requested[0].subject.contains("SO-A-1"), "{requested:?}");
    assert!(
        requested[0]
            .body_text
            .contains("Line 1 quantity: 100 → 120"),
        "{}",
        requested[0].body_text
    );
    let decided = mails(&app, "change_decided").await;
    assert_eq!(
        recipients(&decided),
        ["buyer@customer-a.test", "buyer@customer-a.test"]
    );
    let counter_mail = decided
        .iter()
        .find(|m| m.subject.contains("counter-proposal") && !m.subject.contains("accepted"))
        .expect("a mail about the counter-proposal");
    assert!(
        counter_mail.body_text.contains(&countered) && counter_mail.body_text.contains(message),
        "{}",
        counter_mail.body_text
    );
    assert!(
        decided.iter().any(|m| m.subject.contains("accepted")),
        "{decided:?}"
    );
    for mail in &decided {
        assert!(
            !mail.body_text.contains("PO-A-1") && !mail.body_text.contains("Supplier A"),
            "{}",
            mail.body_text
        );
    }
    let acknowledge = mails(&app, "change_to_acknowledge").await;
    assert_eq!(recipients(&acknowledge), ["factory@supplier-a.test"]);
    assert!(acknowledge[0].subject.contains("PO-A-1"));
    assert!(
        acknowledge[0].body_text.contains("Quantity: 100 → 120"),
        "{}",
        acknowledge[0].body_text
    );
}

#[tokio::test]
async fn a_rejection_needs_a_reason_and_leaves_the_order_as_it_was() {
    let (app, cast) = setup().await;
    let customer = app.client_for(&cast.customer.email, PASSWORD).await;
    let staff = app.client_for(&cast.staff.email, PASSWORD).await;
    let factory_a = app.client_for(&cast.supplier.email, PASSWORD).await;
    let before = order(&app, &customer, cast.order_a).await;
    let id = request_taken(
        &app,
        &customer,
        &before,
        row(&before, 0, 1, &[("quantity", "150")]),
    )
    .await;
    let number = format!("CR-{id}");

    for blank in [vec![], vec![("answer", "   ")]] {
        let (status, body) = decide(&app, &staff, id, "reject", &blank).await;
        assert_eq!(status, 422, "{blank:?}: {body}");
        assert_eq!(fields_of(&body), ["answer"], "{body}");
    }
    assert_eq!(change(&app, &staff, id).await["status"], "open");

    let reason = "The factory cannot make more before the holidays.";
    let (status, body) = decide(&app, &staff, id, "reject", &[("answer", reason)]).await;
    assert_eq!(status, 200, "{body}");
    let request = change(&app, &customer, id).await;
    assert_eq!(request["status"], "rejected");
    assert_eq!(request["answer"], reason);
    assert_eq!(request["can_withdraw"], false);
    assert_eq!(request["can_answer"], false);

    let after = order(&app, &customer, cast.order_a).await;
    assert_eq!(after["lines"], before["lines"]);
    assert_eq!(after["ship_to"], before["ship_to"]);
    assert_eq!(after["version"], before["version"]);
    assert_eq!(after["revision"], 0);
    assert_ne!(after["changeable"], json!([]), "the customer may ask again");
    let rejected = entries(&after, &[number.as_str(), "rejected"]);
    assert_eq!(rejected.len(), 1, "{:?}", summaries(&after));
    assert_eq!(rejected[0]["after"], reason);
    assert!(to_acknowledge(&app, &factory_a).await.is_empty());

    let decided = mails(&app, "change_decided").await;
    assert_eq!(recipients(&decided), ["buyer@customer-a.test"]);
    assert!(
        decided[0].subject.contains("rejected"),
        "{}",
        decided[0].subject
    );
    assert!(
        decided[0].body_text.contains(reason)
            && decided[0].body_text.contains("Line 1 quantity: 100 → 150"),
        "{}",
        decided[0].body_text
    );
    assert!(mails(&app, "change_to_acknowledge").await.is_empty());
}

/// Customer A asks to ship order A to Rotterdam instead. Returns the
/// customer's and the staff member's clients, the order as the customer saw
/// it, and the waiting request's id.
async fn ship_to_rotterdam_asked(
    app: &TestApp,
    cast: &Cast,
) -> (reqwest::Client, reqwest::Client, Value, i64) {
    let customer = app.client_for(&cast.customer.email, PASSWORD).await;
    let staff = app.client_for(&cast.staff.email, PASSWORD).await;
    let seen = order(app, &customer, cast.order_a).await;
    let (status, body) = ask(app, &customer, &seen, ship_to("Rotterdam, Waalhaven 12")).await;
    assert_eq!(status, 200, "{body}");
    let id = body.as_i64().expect("the request's id");
    (customer, staff, seen, id)
}

#[tokio::test]
async fn a_withdrawn_request_can_no_longer_be_decided() {
    let (app, cast) = setup().await;
    let (customer, staff, seen, id) = ship_to_rotterdam_asked(&app, &cast).await;
    let id_text = id.to_string();

    let (status, _) = app
        .call(&staff, "changes/withdraw", &[("id", &id_text)])
        .await;
    assert_eq!(status, 403, "the customer's word, not the house's");
    let (status, body) = app
        .call(&customer, "changes/withdraw", &[("id", &id_text)])
        .await;
    assert_eq!(status, 200, "{body}");
    let request = change(&app, &staff, id).await;
    assert_eq!(request["status"], "withdrawn");
    assert_eq!(request["can_decide"], false);

    for (decision, answer) in [("approve", ""), ("reject", "Too late anyway")] {
        let (status, body) = decide(&app, &staff, id, decision, &[("answer", answer)]).await;
        assert_eq!(status, 409, "{decision}: {body}");
        assert!(body.to_string().contains("no longer open"), "{body}");
    }
    let (status, _) = app
        .call(&customer, "changes/withdraw", &[("id", &id_text)])
        .await;
    assert_eq!(status, 409, "withdrawn once");
    assert_eq!(change(&app, &staff, id).await["status"], "withdrawn");

    let after = order(&app, &customer, cast.order_a).await;
    assert_eq!(after["ship_to"], seen["ship_to"]);
    assert_eq!(after["revision"], 0);
    let number = format!("CR-{id}");
    assert_eq!(
        entries(&after, &[number.as_str(), "withdrawn"]).len(),
        1,
        "{:?}",
        summaries(&after)
    );
    let (_, inbox) = app.call(&staff, "changes/inbox", &[]).await;
    assert_eq!(inbox, json!([]));
    // The house people it went to are told, once.
    let withdrawn = mails(&app, "change_withdrawn").await;
    assert_eq!(
        recipients(&withdrawn),
        ["admin@house.test", "staff@house.test"]
    );
    assert!(
        withdrawn[0].subject.contains("SO-A-1") && withdrawn[0].subject.contains(&number),
        "{withdrawn:?}"
    );
    assert!(
        withdrawn[0]
            .body_text
            .contains(&format!("/staff/changes/{id}")),
        "{withdrawn:?}"
    );
    // A withdrawn request no longer blocks a new one.
    let (status, body) = ask(&app, &customer, &after, ship_to("Antwerp, Quay 5")).await;
    assert_eq!(status, 200, "{body}");
}

#[tokio::test]
async fn a_request_against_an_old_version_or_a_field_changed_since_is_a_conflict() {
    let (app, cast) = setup().await;
    let customer = app.client_for(&cast.customer.email, PASSWORD).await;
    let staff = app.client_for(&cast.staff.email, PASSWORD).await;
    let first_seen = order(&app, &customer, cast.order_a).await;
    let first = request_taken(
        &app,
        &customer,
        &first_seen,
        row(&first_seen, 0, 1, &[("quantity", "120")]),
    )
    .await;
    let (status, body) = decide(&app, &staff, first, "approve", &[]).await;
    assert_eq!(status, 200, "{body}");

    // A page still showing the order before that change asks against a stale version.
    let (status, body) = ask(
        &app,
        &customer,
        &first_seen,
        ship_to("Rotterdam, Waalhaven 12"),
    )
    .await;
    assert_eq!(status, 409, "{body}");
    assert!(body.to_string().contains("Reload"), "{body}");
    let seen = order(&app, &customer, cast.order_a).await;
    assert_eq!(
        seen["changes"].as_array().unwrap().len(),
        1,
        "nothing asked"
    );
    assert_eq!(seen["revision"], 1);
    assert_ne!(seen["version"], first_seen["version"]);

    // Asked against the current version, then the house edits the same field directly.
    let (status, body) = ask(&app, &customer, &seen, ship_to("Rotterdam, Waalhaven 12")).await;
    assert_eq!(status, 200, "{body}");
    let second = body.as_i64().expect("the request's id");
    let desk = order(&app, &staff, cast.order_a).await;
    let (status, body) = app
        .call(
            &staff,
            "orders/update",
            &[
                ("id", &cast.order_a.to_string()),
                ("version", &desk["version"].to_string()),
                ("currency", desk["currency"].as_str().unwrap()),
                ("incoterm", desk["incoterm"].as_str().unwrap()),
                ("payment_terms", desk["payment_terms"].as_str().unwrap()),
                ("ship_to", "Antwerp, Quay 5"),
            ],
        )
        .await;
    assert_eq!(status, 200, "{body}");

    // The house sees the conflict before deciding, and approving is refused.
    let request = change(&app, &staff, second).await;
    assert!(
        request["conflicts"].to_string().contains("ship-to"),
        "{request}"
    );
    let (status, body) = decide(&app, &staff, second, "approve", &[]).await;
    assert_eq!(status, 409, "{body}");
    let message = body["message"].as_str().unwrap_or_default();
    assert!(
        message.contains("ship-to") && message.contains("Antwerp, Quay 5"),
        "{body}"
    );
    let after = order(&app, &staff, cast.order_a).await;
    assert_eq!(
        after["ship_to"], "Antwerp, Quay 5",
        "the staff's edit stays"
    );
    assert_eq!(after["revision"], 1);
    assert_eq!(after["lines"][0]["quantity"], 120);
    let number = format!("CR-{second}");
    assert!(
        entries(&after, &[number.as_str(), "approved"]).is_empty(),
        "{:?}",
        summaries(&after)
    );
    // Nothing was half-done: the request is still open and can be rejected.
    assert_eq!(change(&app, &staff, second).await["status"], "open");
    let (status, body) = decide(
        &app,
        &staff,
        second,
        "reject",
        &[("answer", "We changed the address already.")],
    )
    .await;
    assert_eq!(status, 200, "{body}");
}

#[tokio::test]
async fn two_approvals_at_once_apply_the_change_once() {
    let (app, cast) = setup().await;
    let customer = app.client_for(&cast.customer.email, PASSWORD).await;
    let staff_1 = app.client_for(&cast.staff.email, PASSWORD).await;
    let staff_2 = app.client_for(&cast.staff.email, PASSWORD).await;
    let factory_a = app.client_for(&cast.supplier.email, PASSWORD).await;
    let seen = order(&app, &customer, cast.order_a).await;
    let id = request_taken(
        &app,
        &customer,
        &seen,
        row(&seen, 0, 1, &[("quantity", "120")]),
    )
    .await;

    let (a, b) = tokio::join!(
        decide(&app, &staff_1, id, "approve", &[]),
        decide(&app, &staff_2, id, "approve", &[]),
    );
    let mut statuses = [a.0, b.0];
    statuses.sort();
    assert_eq!(statuses, [200, 409], "{a:?} {b:?}");

    let after = order(&app, &staff_1, cast.order_a).await;
    assert_eq!(after["revision"], 1);
    assert_eq!(
        after["version"].as_i64().unwrap(),
        seen["version"].as_i64().unwrap() + 1
    );
    assert_eq!(after["lines"][0]["quantity"], 120);
    let number = format!("CR-{id}");
    assert_eq!(
        entries(&after, &[number.as_str(), "approved"]).len(),
        1,
        "{:?}",
        summaries(&after)
    );
    // The factory's line moved by 20 once, not twice.
    let placed = after["placed"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["order_line_no"] == 1)
        .expect("line 1 is placed");
    assert_eq!(placed["quantity"], 120);
    assert_eq!(to_acknowledge(&app, &factory_a).await.len(), 1);
    assert_eq!(mails(&app, "change_decided").await.len(), 1);
    assert_eq!(mails(&app, "change_to_acknowledge").await.len(), 1);
}

#[tokio::test]
async fn bad_requests_are_refused_per_field_and_one_request_waits_at_a_time() {
    let (app, cast) = setup().await;
    let customer = app.client_for(&cast.customer.email, PASSWORD).await;
    let seen = order(&app, &customer, cast.order_a).await;
    assert_eq!(
        seen["changeable"],
        json!([
            "quantity",
            "description",
            "requested_date",
            "ship_to",
            "add_line",
            "cancel_line"
        ])
    );

    let (status, body) = ask(
        &app,
        &customer,
        &seen,
        row(&seen, 0, 1, &[("quantity", "abc")]),
    )
    .await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(fields_of(&body), ["lines[0].quantity"], "{body}");
    let yesterday = app.day(-1);
    let (status, body) = ask(
        &app,
        &customer,
        &seen,
        row(&seen, 0, 1, &[("requested", &yesterday)]),
    )
    .await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(fields_of(&body), ["lines[0].requested"], "{body}");
    assert!(body.to_string().contains("past"), "{body}");
    assert_eq!(
        order(&app, &customer, cast.order_a).await["changes"],
        json!([])
    );

    let (status, body) = ask(
        &app,
        &customer,
        &seen,
        row(&seen, 0, 1, &[("quantity", "150")]),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let waiting = order(&app, &customer, cast.order_a).await;
    assert_eq!(waiting["changeable"], json!([]));
    let (status, body) = ask(
        &app,
        &customer,
        &waiting,
        ship_to("Rotterdam, Waalhaven 12"),
    )
    .await;
    assert_eq!(status, 409, "{body}");
    assert!(
        body.to_string().contains("already has a change request"),
        "{body}"
    );
    assert_eq!(
        order(&app, &customer, cast.order_a).await["changes"]
            .as_array()
            .unwrap()
            .len(),
        1
    );

    // Once the goods are made, quantities are closed; dates are still open.
    let ready_id = create_order(&app, cast.customer_a, "SO-READY", OrderStatus::Ready).await;
    let ready = order(&app, &customer, ready_id).await;
    assert_eq!(ready["changeable"], json!(["requested_date", "ship_to"]));
    let (status, body) = ask(
        &app,
        &customer,
        &ready,
        row(&ready, 0, 1, &[("quantity", "150")]),
    )
    .await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(fields_of(&body), ["lines[0].quantity"], "{body}");
    assert!(
        body.to_string().contains("once the goods are made"),
        "{body}"
    );
    assert_eq!(order(&app, &customer, ready_id).await["changes"], json!([]));
    let later = app.day(45);
    let (status, body) = ask(
        &app,
        &customer,
        &ready,
        row(&ready, 0, 1, &[("requested", &later)]),
    )
    .await;
    assert_eq!(status, 200, "{body}");
}

#[tokio::test]
async fn a_cancelled_line_stops_its_factory_and_an_added_line_needs_a_price() {
    let (app, cast) = setup().await;
    let customer = app.client_for(&cast.customer.email, PASSWORD).await;
    let staff = app.client_for(&cast.staff.email, PASSWORD).await;
    let factory_a = app.client_for(&cast.supplier.email, PASSWORD).await;
    let factory_b = app.client_for(&cast.supplier_b_user.email, PASSWORD).await;
    let (status, lines_b) = app.call(&factory_b, "progress/lines", &[]).await;
    assert_eq!(status, 200, "{lines_b}");
    assert_eq!(po_numbers(&lines_b), ["PO-B-1"]);

    let seen = order(&app, &customer, cast.order_a).await;
    let by = app.day(40);
    let mut form = row(&seen, 0, 2, &[("cancel", "yes")]);
    form.extend(added(
        0,
        &[
            ("product_code", "NEW-LID"),
            ("description", "Matching lid"),
            ("quantity", "40"),
            ("unit", "pcs"),
            ("requested", &by),
        ],
    ));
    let (status, body) = ask(&app, &customer, &seen, form).await;
    assert_eq!(status, 200, "{body}");
    let id = body.as_i64().expect("the request's id");
    let request = change(&app, &staff, id).await;
    assert_eq!(kinds(&request), ["cancel_line", "add_line"]);
    assert_eq!(request["needs_price"], json!([1]));
    assert_eq!(request["conflicts"], json!([]));

    let (status, body) = decide(&app, &staff, id, "approve", &[]).await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(
        fields_of(&body),
        ["items[1].unit_price", "items[1].hs_code"],
        "{body}"
    );
    assert_eq!(change(&app, &staff, id).await["status"], "open");
    assert_eq!(
        order(&app, &customer, cast.order_a).await["lines"],
        seen["lines"]
    );

    let (status, body) = decide(
        &app,
        &staff,
        id,
        "approve",
        &[
            ("items[0][unit_price]", ""),
            ("items[1][unit_price]", "3.40"),
            ("items[1][hs_code]", "7323.93"),
        ],
    )
    .await;
    assert_eq!(status, 200, "{body}");

    let after = order(&app, &customer, cast.order_a).await;
    assert_eq!(after["revision"], 1);
    let lines = after["lines"].as_array().unwrap();
    let numbers: Vec<i64> = lines
        .iter()
        .map(|l| l["line_no"].as_i64().unwrap())
        .collect();
    assert_eq!(numbers, [1, 3], "line 2 is gone, the new line is 3");
    let new = &lines[1];
    assert_eq!(new["product_code"], "NEW-LID");
    assert_eq!(new["quantity"], 40);
    assert_eq!(new["unit_price"], "3.40");
    assert_eq!(new["hs_code"], "732393");
    assert_eq!(new["requested"], by.as_str());
    assert_eq!(new["committed"], by.as_str());
    // 100 × 12.50 + 40 × 3.40
    assert_eq!(after["total"], "1386.00");

    // Supplier B's line is cancelled: off its work list, closed to reports,
    // and a change to acknowledge that says so.
    let (status, lines_b) = app.call(&factory_b, "progress/lines", &[]).await;
    assert_eq!(status, 200, "{lines_b}");
    assert_eq!(lines_b, json!([]));
    let asked_of_b = to_acknowledge(&app, &factory_b).await;
    assert_eq!(asked_of_b.len(), 1, "{asked_of_b:?}");
    assert_eq!(asked_of_b[0]["po_number"], "PO-B-1");
    assert_eq!(asked_of_b[0]["po_line_id"], cast.po_line_b);
    assert!(
        asked_of_b[0]["changes"].to_string().contains("cancelled"),
        "{asked_of_b:?}"
    );
    assert!(to_acknowledge(&app, &factory_a).await.is_empty());
    let (status, detail) = app
        .call(
            &factory_b,
            "progress/line",
            &[("id", &cast.po_line_b.to_string())],
        )
        .await;
    assert_eq!(status, 200, "{detail}");
    assert_eq!(detail["line"]["closed"], true);
    let (status, body) = app
        .call(
            &factory_b,
            "progress/post",
            &[
                ("id", &cast.po_line_b.to_string()),
                ("version", &detail["line"]["version"].to_string()),
                ("milestone", "packed"),
                ("quantity_done", "20"),
            ],
        )
        .await;
    assert_eq!(status, 422, "{body}");
    let desk = order(&app, &staff, cast.order_a).await;
    assert_eq!(po_numbers(&desk["placed"]), ["PO-A-1"]);
    let acknowledge = mails(&app, "change_to_acknowledge").await;
    assert_eq!(recipients(&acknowledge), ["factory@supplier-b.test"]);
    assert!(
        acknowledge[0].body_text.contains("cancelled"),
        "{}",
        acknowledge[0].body_text
    );
}

#[tokio::test]
async fn two_requests_sent_at_once_leave_one_waiting() {
    let (app, cast) = setup().await;
    let buyer_1 = app.client_for(&cast.customer.email, PASSWORD).await;
    let buyer_2 = app.client_for(&cast.customer.email, PASSWORD).await;
    let seen = order(&app, &buyer_1, cast.order_a).await;
    let (a, b) = tokio::join!(
        ask(&app, &buyer_1, &seen, ship_to("Rotterdam, Pier 2")),
        ask(
            &app,
            &buyer_2,
            &seen,
            row(&seen, 0, 1, &[("quantity", "130")])
        ),
    );
    let mut statuses = [a.0, b.0];
    statuses.sort();
    assert_eq!(statuses, [200, 409], "{a:?} {b:?}");

    // The database itself keeps one waiting request per order, whatever
    // the timing of the two checks above.
    use sea_orm::{ActiveModelTrait, Set};
    let waiting = app::ssr::entities::change_request::ActiveModel {
        order_id: Set(cast.order_a),
        requested_by: Set(cast.customer.id),
        base_version: Set(seen["version"].as_i64().unwrap() as i32),
        status: Set(app::domain::change_request::ChangeStatus::Countered),
        items: Set("[]".into()),
        note: Set("a second one".into()),
        created_at: Set(chrono::Utc::now()),
        ..Default::default()
    };
    assert!(waiting.insert(&app.db).await.is_err());
}

#[tokio::test]
async fn a_declined_counter_proposal_changes_nothing_and_the_house_is_told() {
    let (app, cast) = setup().await;
    let (customer, staff, seen, id) = ship_to_rotterdam_asked(&app, &cast).await;
    let (status, body) = decide(
        &app,
        &staff,
        id,
        "counter",
        &[
            ("answer", "Antwerp instead?"),
            ("items[0][counter]", "Antwerp, Quay 5"),
        ],
    )
    .await;
    assert_eq!(status, 200, "{body}");

    let (status, body) = app
        .call(
            &customer,
            "changes/answer",
            &[("id", &id.to_string()), ("accept", "false")],
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let request = change(&app, &staff, id).await;
    assert_eq!(request["status"], "declined", "{request}");
    let after = order(&app, &customer, cast.order_a).await;
    assert_eq!(after["ship_to"], seen["ship_to"]);
    assert_eq!(after["revision"], 0);

    let declined = mails(&app, "counter_declined").await;
    assert_eq!(
        recipients(&declined),
        ["admin@house.test", "staff@house.test"]
    );
    assert!(
        declined[0].subject.contains("SO-A-1") && declined[0].subject.contains(&format!("CR-{id}")),
        "{declined:?}"
    );
    assert!(mails(&app, "change_withdrawn").await.is_empty());
}

/// A later delivery date gives the factory more slack, so its ready date
/// stays and it has nothing to acknowledge; an earlier one pulls its ready
/// date in and asks it to acknowledge. The decision page names exactly the
/// factory lines the approval then changes, in both cases.
#[tokio::test]
async fn a_new_date_reaches_the_factory_only_when_it_pulls_the_ready_date_in() {
    let (app, cast) = setup().await;
    let customer = app.client_for(&cast.customer.email, PASSWORD).await;
    let staff = app.client_for(&cast.staff.email, PASSWORD).await;
    let factory_a = app.client_for(&cast.supplier.email, PASSWORD).await;
    // PO-A-1 is due ready 10 days before line 1's commitment (day 30).
    let (later, earlier) = (app.day(44), app.day(15));

    let seen = order(&app, &customer, cast.order_a).await;
    let id = request_taken(
        &app,
        &customer,
        &seen,
        row(&seen, 0, 1, &[("requested", &later)]),
    )
    .await;
    let request = change(&app, &staff, id).await;
    assert_eq!(request["factories"], json!([]), "{request}");
    let (status, body) = decide(&app, &staff, id, "approve", &[]).await;
    assert_eq!(status, 200, "{body}");
    let after = order(&app, &customer, cast.order_a).await;
    assert_eq!(after["lines"][0]["committed"], later.as_str());
    assert!(to_acknowledge(&app, &factory_a).await.is_empty());
    let (status, lines) = app.call(&factory_a, "progress/lines", &[]).await;
    assert_eq!(status, 200, "{lines}");
    assert!(
        lines.to_string().contains(&app.day(20)),
        "the factory's ready date stays: {lines}"
    );

    let id = request_taken(
        &app,
        &customer,
        &after,
        row(&after, 0, 1, &[("requested", &earlier)]),
    )
    .await;
    let request = change(&app, &staff, id).await;
    let named = request["factories"].as_array().expect("a list").clone();
    assert_eq!(named.len(), 1, "{request}");
    assert!(named[0].to_string().contains("PO-A-1"), "{request}");
    let (status, body) = decide(&app, &staff, id, "approve", &[]).await;
    assert_eq!(status, 200, "{body}");
    let asked_of_a = to_acknowledge(&app, &factory_a).await;
    assert_eq!(asked_of_a.len(), 1, "{asked_of_a:?}");
    assert_eq!(asked_of_a[0]["po_number"], "PO-A-1");
    let what = asked_of_a[0]["changes"].to_string();
    assert!(
        what.contains(&app.day(20)) && what.contains(&earlier),
        "the ready date moves from day 20 to day 15: {what}"
    );
}

/// A counter-proposal the factory has overtaken since (it made more than the
/// countered quantity) is refused when the customer accepts it, and the
/// refusal names no factory figure, in either language: the customer never
/// sees the factory. The house still reads the factory's figure.
#[tokio::test]
async fn a_refused_acceptance_tells_the_customer_nothing_of_the_factory() {
    let (app, cast) = setup().await;
    let customer = app.client_for(&cast.customer.email, PASSWORD).await;
    let staff = app.client_for(&cast.staff.email, PASSWORD).await;
    let factory_a = app.client_for(&cast.supplier.email, PASSWORD).await;

    let seen = order(&app, &customer, cast.order_a).await;
    let id = request_taken(
        &app,
        &customer,
        &seen,
        row(&seen, 0, 1, &[("quantity", "90")]),
    )
    .await;
    let (status, body) = decide(
        &app,
        &staff,
        id,
        "counter",
        &[("answer", "We can do 40."), ("items[0][counter]", "40")],
    )
    .await;
    assert_eq!(status, 200, "{body}");

    let (status, body) = app
        .call(
            &factory_a,
            "progress/post",
            &[
                ("id", &cast.po_line_a.to_string()),
                ("version", "1"),
                ("milestone", "in_production"),
                ("quantity_done", "73"),
            ],
        )
        .await;
    assert_eq!(status, 200, "{body}");

    let (status, body) = app
        .call(
            &customer,
            "changes/answer",
            &[("id", &id.to_string()), ("accept", "true")],
        )
        .await;
    assert_eq!(status, 409, "{body}");
    let told = body.to_string();
    assert!(told.contains("Line 1"), "{told}");
    assert!(
        !told.contains("73") && !told.to_lowercase().contains("factory"),
        "a factory figure reached the customer: {told}"
    );
    let unchanged = order(&app, &customer, cast.order_a).await;
    assert_eq!(unchanged["lines"][0]["quantity"], 100);

    // In Chinese too, the customer reads only that production has gone too far.
    let (status, body) = app
        .call(&customer, "auth/locale", &[("locale", "zh")])
        .await;
    assert_eq!(status, 200, "{body}");
    let (status, body) = app
        .call(
            &customer,
            "changes/answer",
            &[("id", &id.to_string()), ("accept", "true")],
        )
        .await;
    assert_eq!(status, 409, "{body}");
    let told = body.to_string();
    assert!(told.contains("第 1 行"), "{told}");
    assert!(
        !told.contains("73") && !told.contains("工厂") && !told.contains("Line 1"),
        "a factory figure or an untranslated text reached the customer: {told}"
    );
    let seen = change(&app, &customer, id).await;
    assert_eq!(seen["conflicts"], json!([]), "{seen}");

    // The house reads the precise reason on the request it counter-proposed.
    let house = change(&app, &staff, id).await;
    assert_eq!(house["status"], "countered", "{house}");
    let conflicts = house["conflicts"].to_string();
    assert!(
        conflicts.contains("Line 1") && conflicts.contains("73"),
        "the house should read the factory's figure: {house}"
    );
}
