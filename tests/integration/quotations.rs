//! From inquiry to contract: the customer asks, sales cost a quotation, the
//! approvals its figures need are given in order, the customer accepts the
//! sent revision, and the acceptance is the confirmed order.

use app::domain::approval::StaffLevel;
use integration_tests::people::{Cast, PASSWORD, add_house_person, add_sales_manager, create_cast};
use integration_tests::quotes::{cost, decide, get, inquire, save, step};
use integration_tests::{TestApp, spawn_app};

/// The cast plus a sales manager and a cost accountant; the cast's staff
/// member is the sales person.
struct House {
    cast: Cast,
    sales: reqwest::Client,
    manager: reqwest::Client,
    accountant: reqwest::Client,
    buyer: reqwest::Client,
}

async fn house(app: &TestApp) -> House {
    let cast = create_cast(app).await;
    let manager = add_sales_manager(&app.db, cast.house).await;
    let accountant = add_house_person(
        &app.db,
        cast.house,
        "costs@house.test",
        StaffLevel::CostAccountant,
    )
    .await;
    House {
        sales: app.client_for(&cast.staff.email, PASSWORD).await,
        manager: app.client_for(&manager.email, PASSWORD).await,
        accountant: app.client_for(&accountant.email, PASSWORD).await,
        buyer: app.client_for(&cast.customer.email, PASSWORD).await,
        cast,
    }
}

fn kinds(app: &TestApp) -> Vec<String> {
    app.mailbox
        .messages()
        .iter()
        .map(|m| m.kind.clone())
        .collect()
}

/// A quotation sent to customer A: margin 20 %, so only the sales manager
/// approves.
async fn sent_quotation(app: &TestApp, h: &House) -> i32 {
    let inquiry = inquire(app, &h.buyer, "Stoneware mug").await;
    let id = cost(
        app,
        &h.sales,
        inquiry,
        h.cast.supplier_a,
        "8.00",
        "10.00",
        "30",
    )
    .await;
    assert_eq!(step(app, &h.sales, id, "submit").await.0, 200);
    assert_eq!(decide(app, &h.manager, id, 1, true, "").await.0, 200);
    let (status, body) = step(app, &h.sales, id, "send").await;
    assert_eq!(status, 200, "{body}");
    id
}

#[tokio::test]
async fn an_inquiry_becomes_a_confirmed_order_through_two_approvals() {
    let app = spawn_app().await;
    let h = house(&app).await;
    let inquiry = inquire(&app, &h.buyer, "Stoneware mug").await;
    let (_, mine) = app.call(&h.buyer, "inquiries/list", &[]).await;
    assert_eq!(mine[0]["status"], "open", "{mine}");
    let (_, all) = app.call(&h.sales, "inquiries/list", &[]).await;
    assert_eq!(all[0]["customer_name"], "Customer A");
    app.wait_for_mails(1).await;
    assert!(kinds(&app).contains(&"inquiry_received".to_string()));

    // 8.90 bought, 10.00 sold: an 11 % margin also needs the cost accountant.
    let id = cost(
        &app,
        &h.sales,
        inquiry,
        h.cast.supplier_a,
        "8.90",
        "10.00",
        "30",
    )
    .await;
    let draft = get(&app, &h.sales, id).await;
    assert_eq!(draft["figures"]["margin"], "1100.00", "{draft}");
    assert_eq!(draft["figures"]["margin_percent"], "11.0 %");
    // A draft is the house's: the customer sees nothing of it.
    let (status, _) = app
        .call(&h.buyer, "quotations/mine", &[("id", &id.to_string())])
        .await;
    assert_eq!(status, 404);

    let (status, body) = step(&app, &h.sales, id, "submit").await;
    assert_eq!(status, 200, "{body}");
    let levels: Vec<String> = get(&app, &h.sales, id).await["approvals"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["level"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(levels, ["sales_manager", "cost_accountant"]);
    // In order, each by its own level.
    assert_eq!(decide(&app, &h.accountant, id, 2, true, "").await.0, 409);
    assert_eq!(decide(&app, &h.accountant, id, 1, true, "").await.0, 403);
    assert_eq!(decide(&app, &h.manager, id, 1, true, "").await.0, 200);
    let (status, body) = decide(&app, &h.accountant, id, 2, true, "thin but fine").await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(get(&app, &h.sales, id).await["status"], "approved");
    assert_eq!(step(&app, &h.sales, id, "send").await.0, 200);

    let (status, seen) = app
        .call(&h.buyer, "quotations/mine", &[("id", &id.to_string())])
        .await;
    assert_eq!(status, 200, "{seen}");
    assert_eq!(seen["total"], "10000.00");
    assert_eq!(seen["can_answer"], true);
    let text = seen.to_string();
    for secret in [
        "8.90",
        "Supplier A",
        "margin",
        "purchase",
        "cost_accountant",
        "approv",
    ] {
        assert!(
            !text.contains(secret),
            "the customer read {secret:?}: {text}"
        );
    }
    let (status, order) = app
        .call(
            &h.buyer,
            "quotations/respond",
            &[
                ("id", &id.to_string()),
                ("revision", "1"),
                ("accept", "true"),
            ],
        )
        .await;
    assert_eq!(status, 200, "{order}");
    let order_id = order.as_i64().expect("the new order's id").to_string();
    let (status, order) = app.call(&h.buyer, "orders/get", &[("id", &order_id)]).await;
    assert_eq!(status, 200, "{order}");
    assert_eq!(order["status"], "confirmed");
    assert!(order["lines"][0]["committed"].is_string(), "{order}");
    assert_eq!(order["lines"][0]["unit_price"], "10.00");
    let history: Vec<&str> = order["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["summary"].as_str().unwrap())
        .collect();
    assert!(
        history.iter().any(|s| s.starts_with("Inquiry INQ-")),
        "{history:?}"
    );
    assert!(
        history.iter().any(|s| s.contains("accepted")),
        "{history:?}"
    );
    let contract = &order["contract"];
    assert!(contract["quotation"].as_str().unwrap().ends_with("rev. 1"));
    let kinds: Vec<&str> = contract["schedule"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["deposit", "balance"], "{contract}");
    let (_, inquiries) = app.call(&h.buyer, "inquiries/list", &[]).await;
    assert_eq!(inquiries[0]["status"], "closed");
    // The new inquiry, a step waiting for each approver, the quotation to
    // the buyer and the answer to sales.
    let mails = app.wait_for_mails(5).await;
    let to = |kind: &str| -> Vec<String> {
        mails
            .iter()
            .filter(|m| m.kind == kind)
            .map(|m| m.to.clone())
            .collect()
    };
    assert_eq!(
        to("approval_waiting"),
        ["manager@house.test", "costs@house.test"]
    );
    assert_eq!(
        to("quotation_sent"),
        std::slice::from_ref(&h.cast.customer.email)
    );
    assert_eq!(
        to("quotation_answered"),
        std::slice::from_ref(&h.cast.staff.email)
    );
}

#[tokio::test]
async fn acceptance_makes_the_payment_schedule_from_the_terms() {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let app = spawn_app().await;
    let h = house(&app).await;
    let id = sent_quotation(&app, &h).await;
    let (status, order) = app
        .call(
            &h.buyer,
            "quotations/respond",
            &[
                ("id", &id.to_string()),
                ("revision", "1"),
                ("accept", "true"),
            ],
        )
        .await;
    assert_eq!(status, 200, "{order}");
    let instalments = app::ssr::entities::instalment::Entity::find()
        .filter(app::ssr::entities::instalment::Column::OrderId.eq(order.as_i64().unwrap() as i32))
        .all(&app.db)
        .await
        .unwrap();
    let parts: Vec<(String, i64, bool, Option<String>)> = instalments
        .iter()
        .map(|i| {
            (
                i.kind.clone(),
                i.amount_minor,
                i.due_date.is_some(),
                i.due_event.clone(),
            )
        })
        .collect();
    assert_eq!(
        parts,
        [
            ("deposit".to_string(), 300_000, true, None),
            (
                "balance".to_string(),
                700_000,
                false,
                Some("bl_issued".to_string())
            ),
        ]
    );
}

#[tokio::test]
async fn of_two_approvers_deciding_at_once_one_is_recorded() {
    let app = spawn_app().await;
    let h = house(&app).await;
    let admin = app.client_for(&h.cast.admin.email, PASSWORD).await;
    let inquiry = inquire(&app, &h.buyer, "Stoneware mug").await;
    let id = cost(
        &app,
        &h.sales,
        inquiry,
        h.cast.supplier_a,
        "8.00",
        "10.00",
        "30",
    )
    .await;
    assert_eq!(step(&app, &h.sales, id, "submit").await.0, 200);
    let (a, b) = tokio::join!(
        decide(&app, &h.manager, id, 1, true, ""),
        decide(&app, &admin, id, 1, false, "too cheap"),
    );
    let mut statuses = [a.0, b.0];
    statuses.sort();
    assert_eq!(statuses, [200, 409], "{a:?} {b:?}");
    let view = get(&app, &h.sales, id).await;
    let decided = view["approvals"][0]["approved"].clone();
    assert!(decided.is_boolean(), "{view}");
    // The loser's decision left no trace: the outcome follows the winner's.
    let expected = if a.0 == 200 { "approved" } else { "superseded" };
    assert_eq!(view["status"], expected, "{view}");
}

#[tokio::test]
async fn a_quotation_accepted_after_its_validity_is_refused() {
    let app = spawn_app().await;
    let h = house(&app).await;
    let id = sent_quotation(&app, &h).await;
    app.clock.advance(chrono::Duration::days(31));
    // A month on, the buyer signs in again.
    let buyer = app.client_for(&h.cast.customer.email, PASSWORD).await;
    let (status, body) = app
        .call(
            &buyer,
            "quotations/respond",
            &[
                ("id", &id.to_string()),
                ("revision", "1"),
                ("accept", "true"),
            ],
        )
        .await;
    assert_eq!(status, 409, "{body}");
    assert!(body.to_string().contains("valid until"), "{body}");
    let (_, orders) = app.call(&buyer, "orders/list", &[]).await;
    assert_eq!(
        orders.as_array().unwrap().len(),
        1,
        "only the cast's order: {orders}"
    );
    // The daily sweep lets it expire.
    let swept = app::usecases::quotations::reminders::sweep(&app.state)
        .await
        .unwrap();
    assert_eq!(swept.expired, 1);
    let (_, seen) = app
        .call(&buyer, "quotations/mine", &[("id", &id.to_string())])
        .await;
    assert_eq!(seen["status"], "expired");
}

#[tokio::test]
async fn a_revision_sent_while_the_customer_looks_at_the_old_one_replaces_it() {
    let app = spawn_app().await;
    let h = house(&app).await;
    let first = sent_quotation(&app, &h).await;
    let (status, second) = step(&app, &h.sales, first, "revise").await;
    assert_eq!(status, 200, "{second}");
    let second = second.as_i64().unwrap() as i32;
    // The customer still holds revision 1 and tries to accept it.
    let answer = |id: i32, revision: &'static str| {
        let buyer = h.buyer.clone();
        let app = &app;
        async move {
            app.call(
                &buyer,
                "quotations/respond",
                &[
                    ("id", &id.to_string()),
                    ("revision", revision),
                    ("accept", "true"),
                ],
            )
            .await
        }
    };
    let (status, body) = answer(first, "1").await;
    assert_eq!(status, 409, "{body}");
    assert!(
        body.to_string().contains("replaced by revision 2"),
        "{body}"
    );
    save(
        &app,
        &h.sales,
        second,
        h.cast.supplier_a,
        "8.00",
        "9.80",
        "30",
    )
    .await;
    assert_eq!(step(&app, &h.sales, second, "submit").await.0, 200);
    assert_eq!(decide(&app, &h.manager, second, 1, true, "").await.0, 200);
    assert_eq!(step(&app, &h.sales, second, "send").await.0, 200);
    let (status, seen) = app
        .call(&h.buyer, "quotations/mine", &[("id", &second.to_string())])
        .await;
    assert_eq!(status, 200);
    assert_eq!(seen["total"], "9800.00");
    let (status, body) = answer(second, "2").await;
    assert_eq!(status, 200, "{body}");
}

#[tokio::test]
async fn a_rejection_needs_a_reason_and_returns_a_new_draft_to_sales() {
    let app = spawn_app().await;
    let h = house(&app).await;
    let inquiry = inquire(&app, &h.buyer, "Stoneware mug").await;
    let id = cost(
        &app,
        &h.sales,
        inquiry,
        h.cast.supplier_a,
        "8.00",
        "10.00",
        "30",
    )
    .await;
    assert_eq!(step(&app, &h.sales, id, "submit").await.0, 200);
    let (status, body) = decide(&app, &h.manager, id, 1, false, "  ").await;
    assert_eq!(status, 422, "{body}");
    let (status, _) = decide(
        &app,
        &h.manager,
        id,
        1,
        false,
        "Ask 10.50; the glaze costs more.",
    )
    .await;
    assert_eq!(status, 200);
    let old = get(&app, &h.sales, id).await;
    assert_eq!(old["status"], "superseded");
    let newest = old["revisions"][0].clone();
    assert_eq!(newest["revision"], 2);
    assert_eq!(newest["status"], "draft");
    let mails = app.wait_for_mails(3).await;
    let returned = mails
        .iter()
        .find(|m| m.kind == "quotation_returned")
        .expect("a returned mail");
    assert!(returned.body_text.contains("the glaze costs more"));
    assert_eq!(returned.to, h.cast.staff.email);
}

#[tokio::test]
async fn a_low_credit_customer_needs_the_director_unless_the_deposit_is_raised() {
    let app = spawn_app().await;
    let h = house(&app).await;
    let director = add_house_person(
        &app.db,
        h.cast.house,
        "director@house.test",
        StaffLevel::CommercialDirector,
    )
    .await;
    let director = app.client_for(&director.email, PASSWORD).await;
    let customer = h.cast.customer_a.to_string();
    // Only the commercial director sets a score.
    let (status, _) = app
        .call(
            &h.sales,
            "credit/set",
            &[("customer_id", &customer), ("score", "40")],
        )
        .await;
    assert_eq!(status, 403);
    let (status, credit) = app
        .call(
            &director,
            "credit/set",
            &[
                ("customer_id", &customer),
                ("score", "40"),
                ("note", "paid late twice"),
            ],
        )
        .await;
    assert_eq!(status, 200, "{credit}");
    assert_eq!(credit["required_deposit"], "50 %");
    assert_eq!(credit["set_by_house"], true);

    let inquiry = inquire(&app, &h.buyer, "Stoneware mug").await;
    let short = cost(
        &app,
        &h.sales,
        inquiry,
        h.cast.supplier_a,
        "8.00",
        "10.00",
        "30",
    )
    .await;
    assert_eq!(step(&app, &h.sales, short, "submit").await.0, 200);
    let view = get(&app, &h.sales, short).await;
    let last = view["approvals"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    assert_eq!(last["level"], "commercial_director", "{view}");
    assert!(
        last["reason"].as_str().unwrap().contains("deposit"),
        "{last}"
    );

    let inquiry = inquire(&app, &h.buyer, "Porcelain plate").await;
    let enough = cost(
        &app,
        &h.sales,
        inquiry,
        h.cast.supplier_a,
        "8.00",
        "10.00",
        "50",
    )
    .await;
    assert_eq!(step(&app, &h.sales, enough, "submit").await.0, 200);
    let view = get(&app, &h.sales, enough).await;
    assert_eq!(view["approvals"].as_array().unwrap().len(), 1, "{view}");
}

#[tokio::test]
async fn a_step_waiting_too_long_reminds_then_escalates_once_each() {
    let app = spawn_app().await;
    let h = house(&app).await;
    let inquiry = inquire(&app, &h.buyer, "Stoneware mug").await;
    let id = cost(
        &app,
        &h.sales,
        inquiry,
        h.cast.supplier_a,
        "8.00",
        "10.00",
        "30",
    )
    .await;
    assert_eq!(step(&app, &h.sales, id, "submit").await.0, 200);
    let sweep = async || {
        app::usecases::quotations::reminders::sweep(&app.state)
            .await
            .unwrap()
    };
    assert_eq!(sweep().await.reminded, 0);
    app.clock.advance(chrono::Duration::hours(5));
    assert_eq!(sweep().await.reminded, 1);
    assert_eq!(sweep().await.reminded, 0, "once");
    app.clock.advance(chrono::Duration::hours(4));
    let swept = sweep().await;
    assert_eq!((swept.reminded, swept.escalated), (0, 1));
    assert_eq!(sweep().await.escalated, 0, "once");
}

#[tokio::test]
async fn margins_profit_ranking_and_win_rate_follow_the_quotations() {
    let app = spawn_app().await;
    let h = house(&app).await;
    let won = sent_quotation(&app, &h).await;
    let lost = sent_quotation(&app, &h).await;
    let answer = async |id: i32, accept: &str| {
        app.call(
            &h.buyer,
            "quotations/respond",
            &[
                ("id", &id.to_string()),
                ("revision", "1"),
                ("accept", accept),
            ],
        )
        .await
    };
    let (status, order) = answer(won, "true").await;
    assert_eq!(status, 200, "{order}");
    assert_eq!(answer(lost, "false").await.0, 200);
    let order_id = order.as_i64().unwrap().to_string();
    let (_, staff_view) = app.call(&h.sales, "orders/get", &[("id", &order_id)]).await;
    assert_eq!(staff_view["margin"], "2000.00 (20.0 %)", "{staff_view}");
    let (_, buyer_view) = app.call(&h.buyer, "orders/get", &[("id", &order_id)]).await;
    assert!(buyer_view["margin"].is_null(), "{buyer_view}");

    let (status, kpis) = app.call(&h.sales, "workspace/kpis", &[]).await;
    assert_eq!(status, 200, "{kpis}");
    assert_eq!(kpis["win_rate"], serde_json::json!({"hits": 1, "total": 2}));
    let profit = &kpis["profit_pareto"][0];
    assert_eq!(profit["currency"], "EUR");
    assert_eq!(profit["rows"][0]["name"], "Customer A");
    assert_eq!(profit["rows"][0]["value"], 200_000);
    assert_eq!(kpis["approval_hours"]["count"], 2, "{kpis}");
    assert_eq!(kpis["inquiry_to_quote_hours"]["count"], 2);
    assert_eq!(kpis["unquoted"], 0);
}

/// The house's rules as its administrator sets them: the manager always
/// asked, the director above 5,000 and when a deposit is short, a step's
/// target of two hours, and the credit policy.
pub(crate) const HOUSE_RULES: [(&str, &str); 8] = [
    ("form[manager_always]", "on"),
    ("form[cost_accountant_below]", ""),
    ("form[director_above]", "5000"),
    ("form[director_when_deposit_short]", "on"),
    ("form[step_target_hours]", "2"),
    ("form[credit_threshold]", "60"),
    ("form[normal_deposit]", "30"),
    ("form[low_credit_deposit]", "50"),
];

#[tokio::test]
async fn the_house_sets_its_rules_and_who_approves() {
    let app = spawn_app().await;
    let h = house(&app).await;
    let admin = app.client_for(&h.cast.admin.email, PASSWORD).await;
    let rules = HOUSE_RULES;
    assert_eq!(app.call(&h.sales, "rules/set", &rules).await.0, 403);
    let (status, body) = app.call(&admin, "rules/set", &rules).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["form"]["director_above"], "5000.00");
    let mut bad = rules;
    bad[7] = ("form[low_credit_deposit]", "20");
    let (status, body) = app.call(&admin, "rules/set", &bad).await;
    assert_eq!(status, 422, "{body}");
    // The sales person becomes a commercial director: a 10,000 total now
    // needs the director, and the cost accountant is no longer asked.
    let staff_id = h.cast.staff.id.to_string();
    let level = [
        ("user_id", staff_id.as_str()),
        ("level", "commercial_director"),
    ];
    assert_eq!(app.call(&h.sales, "admin/staff-level", &level).await.0, 403);
    assert_eq!(app.call(&admin, "admin/staff-level", &level).await.0, 200);
    let inquiry = inquire(&app, &h.buyer, "Stoneware mug").await;
    let id = cost(
        &app,
        &h.sales,
        inquiry,
        h.cast.supplier_a,
        "9.50",
        "10.00",
        "30",
    )
    .await;
    assert_eq!(step(&app, &h.sales, id, "submit").await.0, 200);
    let view = get(&app, &h.sales, id).await;
    let levels: Vec<&str> = view["approvals"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["level"].as_str().unwrap())
        .collect();
    assert_eq!(levels, ["sales_manager", "commercial_director"], "{view}");
    assert_eq!(decide(&app, &h.manager, id, 1, true, "").await.0, 200);
    let (status, body) = decide(&app, &h.sales, id, 2, true, "").await;
    assert_eq!(status, 200, "{body}");
}

#[tokio::test]
async fn a_buyer_picks_from_what_its_company_ordered_before() {
    let app = spawn_app().await;
    let h = house(&app).await;
    let id = sent_quotation(&app, &h).await;
    let (status, _) = app
        .call(
            &h.buyer,
            "quotations/respond",
            &[
                ("id", &id.to_string()),
                ("revision", "1"),
                ("accept", "true"),
            ],
        )
        .await;
    assert_eq!(status, 200);
    let codes = async |client: &reqwest::Client| -> Vec<String> {
        let (status, body) = app.call(client, "inquiries/products", &[]).await;
        assert_eq!(status, 200, "{body}");
        body.as_array()
            .unwrap()
            .iter()
            .map(|p| p["product_code"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(
        codes(&h.buyer).await,
        ["MUG-1", "SECRET-PRODUCT-1", "SECRET-PRODUCT-2"]
    );
    let other = app
        .client_for(&h.cast.customer_b_user.email, PASSWORD)
        .await;
    assert!(!codes(&other).await.contains(&"MUG-1".to_string()));
}
