//! The inquiry-to-contract flow driven through the server functions, for
//! tests that need a quotation in a given state.

use crate::TestApp;

/// A customer's inquiry for one product; returns its id.
pub async fn inquire(app: &TestApp, buyer: &reqwest::Client, description: &str) -> i32 {
    let (status, body) = app
        .call(
            buyer,
            "inquiries/create",
            &[
                ("destination", "Hamburg"),
                ("incoterm", "FOB"),
                ("currency", "EUR"),
                ("note", "For the spring range"),
                ("lines[0][product_code]", "MUG-1"),
                ("lines[0][description]", description),
                ("lines[0][quantity]", "1000"),
                ("lines[0][unit]", "pcs"),
                ("lines[0][target_price]", "9.50"),
            ],
        )
        .await;
    assert_eq!(status, 200, "{body}");
    body.as_i64().expect("an inquiry id") as i32
}

/// Sales open a draft for the inquiry and cost it: one line made by
/// `supplier` at `purchase`, sold at `selling`, with a `deposit` (percent).
pub async fn cost(
    app: &TestApp,
    sales: &reqwest::Client,
    inquiry: i32,
    supplier: i32,
    purchase: &str,
    selling: &str,
    deposit: &str,
) -> i32 {
    let (status, body) = app
        .call(
            sales,
            "quotations/start",
            &[("inquiry_id", &inquiry.to_string())],
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let id = body.as_i64().expect("a quotation id") as i32;
    save(app, sales, id, supplier, purchase, selling, deposit).await;
    id
}

/// Saves a draft with one costed line.
pub async fn save(
    app: &TestApp,
    sales: &reqwest::Client,
    id: i32,
    supplier: i32,
    purchase: &str,
    selling: &str,
    deposit: &str,
) {
    let version = get(app, sales, id).await["version"].to_string();
    let today = chrono::Utc::now().date_naive();
    let valid = (today + chrono::Duration::days(30)).to_string();
    let shipment = (today + chrono::Duration::days(90)).to_string();
    let supplier = supplier.to_string();
    let (status, body) = app
        .call(
            sales,
            "quotations/save",
            &[
                ("id", &id.to_string()),
                ("version", &version),
                ("terms[currency]", "EUR"),
                ("terms[valid_until]", &valid),
                ("terms[incoterm]", "FOB"),
                ("terms[port]", "Ningbo"),
                ("terms[latest_shipment]", &shipment),
                ("terms[deposit]", deposit),
                ("terms[balance_due]", "against_bl_copy"),
                ("terms[penalty]", "0.5"),
                ("lines[0][product_code]", "MUG-1"),
                ("lines[0][description]", "Stoneware mug, blue"),
                ("lines[0][hs_code]", "6912.00"),
                ("lines[0][quantity]", "1000"),
                ("lines[0][unit]", "pcs"),
                ("lines[0][supplier_id]", &supplier),
                ("lines[0][purchase_price]", purchase),
                ("lines[0][lead_time_days]", "45"),
                ("lines[0][selling_price]", selling),
            ],
        )
        .await;
    assert_eq!(status, 200, "{body}");
}

/// The house's view of a quotation.
pub async fn get(app: &TestApp, house: &reqwest::Client, id: i32) -> serde_json::Value {
    let (status, body) = app
        .call(house, "quotations/get", &[("id", &id.to_string())])
        .await;
    assert_eq!(status, 200, "{body}");
    body
}

/// Takes a house step (`submit`, `send`, `revise`, `withdraw`) at the
/// quotation's current version; returns the status and body.
pub async fn step(
    app: &TestApp,
    house: &reqwest::Client,
    id: i32,
    what: &str,
) -> (u16, serde_json::Value) {
    let version = get(app, house, id).await["version"].to_string();
    app.call(
        house,
        &format!("quotations/{what}"),
        &[("id", &id.to_string()), ("version", &version)],
    )
    .await
}

/// Decides approval step `position`.
pub async fn decide(
    app: &TestApp,
    approver: &reqwest::Client,
    id: i32,
    position: i32,
    approve: bool,
    comment: &str,
) -> (u16, serde_json::Value) {
    app.call(
        approver,
        "quotations/decide",
        &[
            ("id", &id.to_string()),
            ("position", &position.to_string()),
            ("approve", &approve.to_string()),
            ("comment", comment),
        ],
    )
    .await
}
