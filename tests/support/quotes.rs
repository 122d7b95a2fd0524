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
    let costed = Costed {
        supplier: Some(supplier),
        purchase,
        selling,
        deposit,
    };
    let fields = draft_fields(app.today(), id, &version, &costed);
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (status, body) = app.call(sales, "quotations/save", &fields).await;
    assert_eq!(status, 200, "{body}");
}

/// How the one line of a draft is costed.
pub struct Costed<'a> {
    /// The factory's company id, if one is chosen.
    pub supplier: Option<i32>,
    pub purchase: &'a str,
    pub selling: &'a str,
    /// The deposit, in percent.
    pub deposit: &'a str,
}

/// The fields of `quotations/save` for draft `id` at `version` with one
/// line of mugs costed as `costed`: valid for 30 days from `today`,
/// shipped within 90.
pub fn draft_fields(
    today: chrono::NaiveDate,
    id: i32,
    version: &str,
    costed: &Costed,
) -> Vec<(&'static str, String)> {
    let valid = (today + chrono::Duration::days(30)).to_string();
    let shipment = (today + chrono::Duration::days(90)).to_string();
    let mut fields = vec![
        ("id", id.to_string()),
        ("version", version.to_string()),
        ("terms[currency]", "EUR".into()),
        ("terms[valid_until]", valid),
        ("terms[incoterm]", "FOB".into()),
        ("terms[port]", "Ningbo".into()),
        ("terms[latest_shipment]", shipment),
        ("terms[deposit]", costed.deposit.into()),
        ("terms[balance_due]", "against_bl_copy".into()),
        ("terms[penalty]", "0.5".into()),
        ("lines[0][product_code]", "MUG-1".into()),
        ("lines[0][description]", "Stoneware mug, blue".into()),
        ("lines[0][hs_code]", "6912.00".into()),
        ("lines[0][quantity]", "1000".into()),
        ("lines[0][unit]", "pcs".into()),
        ("lines[0][purchase_price]", costed.purchase.into()),
        ("lines[0][lead_time_days]", "45".into()),
        ("lines[0][selling_price]", costed.selling.into()),
    ];
    if let Some(supplier) = costed.supplier {
        fields.push(("lines[0][supplier_id]", supplier.to_string()));
    }
    fields
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
