//! The demo customer's history of closed complaints: more than one page of
//! the complaint list holds, filed over the past two years about its
//! shipped orders, each acknowledged, answered with a credit note or a
//! replacement and closed, so the list shows its older pages.

use app::domain::complaints::ComplaintStatus;
use app::ssr::entities::{complaint, complaint_entry, order};
use app::wire::complaints::CLOSED_PAGE;
use chrono::Duration;
use sea_orm::{ActiveModelTrait, DatabaseTransaction, DbErr, Set};

/// What went wrong and what was done, in turn.
const CASES: [(&str, &str, &str); 3] = [
    ("damage", "A few cartons arrived crushed.", "replacement"),
    ("quality", "Some pieces show glaze pinholes.", "credit_note"),
    (
        "short_quantity",
        "One carton fewer than the packing list.",
        "credit_note",
    ),
];

/// Closed complaints of the buyer's company about `orders` (shipped, in
/// turn), one every twelve days back from a month ago: a page and a few
/// more. Returns how many were written.
pub(super) async fn seed_closed_history(
    tx: &DatabaseTransaction,
    demo: &super::Demo,
    orders: &[&order::Model],
    buyer: i32,
) -> Result<usize, DbErr> {
    let year = demo.now.format("%Y");
    let count = CLOSED_PAGE as usize + 4;
    for (n, order) in (0..count).zip(orders.iter().cycle()) {
        let (category, description, remedy) = CASES[n % CASES.len()];
        let filed = demo.now - Duration::days(30 + 12 * n as i64);
        let row = complaint::ActiveModel {
            number: Set(format!("C-{year}-H{:03}", n + 1)),
            order_id: Set(order.id),
            order_line_id: Set(None),
            customer_company_id: Set(order.customer_company_id),
            filed_by: Set(buyer),
            owner_id: Set(order.sales_owner_id),
            category: Set(category.to_string()),
            description: Set(description.to_string()),
            quantity_affected: Set(12),
            remedy_asked: Set(remedy.to_string()),
            amount_asked_minor: Set((remedy == "credit_note").then_some(6_000)),
            currency: Set(order.currency.clone()),
            status: Set(ComplaintStatus::Closed.as_str().to_string()),
            factory_company_id: Set(None),
            passed_at: Set(None),
            root_cause: Set(None),
            corrective_action: Set(None),
            factory_answered_at: Set(None),
            remedy_kind: Set(Some(remedy.to_string())),
            remedy_text: Set(Some("Settled as asked.".to_string())),
            remedy_amount_minor: Set((remedy == "credit_note").then_some(6_000)),
            remedy_cost_minor: Set(Some(6_000)),
            first_answer_due: Set(filed + Duration::hours(1)),
            first_answered_at: Set(Some(filed + Duration::minutes(30))),
            remedy_due: Set(filed + Duration::hours(24)),
            remedy_proposed_at: Set(Some(filed + Duration::hours(8))),
            first_notice: Set(0),
            remedy_notice: Set(0),
            reopened: Set(0),
            version: Set(1),
            created_at: Set(filed),
            updated_at: Set(filed + Duration::days(3)),
            closed_at: Set(Some(filed + Duration::days(3))),
            ..Default::default()
        }
        .insert(tx)
        .await?;
        for (side, kind, body, at, actor) in [
            ("customer", "filed", description, filed, Some(buyer)),
            (
                "house",
                "acknowledge",
                "Thank you, we are looking into it.",
                filed + Duration::minutes(30),
                order.sales_owner_id,
            ),
            (
                "house",
                "propose",
                "Settled as asked.",
                filed + Duration::hours(8),
                order.sales_owner_id,
            ),
        ] {
            complaint_entry::ActiveModel {
                complaint_id: Set(row.id),
                actor_user_id: Set(actor),
                side: Set(side.to_string()),
                kind: Set(kind.to_string()),
                body: Set(body.to_string()),
                created_at: Set(at),
                ..Default::default()
            }
            .insert(tx)
            .await?;
        }
    }
    Ok(count)
}
