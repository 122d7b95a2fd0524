//! Demo complaints on shipped orders, in several states: one whose first
//! answer is already late, one with the factory (and the customer's photo
//! of the problem), one waiting for the customer's word on a credit note,
//! and one closed with its root cause. The house works office hours in
//! Hong Kong, so the admin page shows its clocks set, and has one root
//! cause of its own besides the built-in ones.

use app::domain::complaints::{ClockTargets, WorkingHours};
use app::domain::files::{ComplaintParties, Uploader, complaint_file_scope};
use app::domain::order_status::OrderStatus;
use app::ssr::entities::{
    complaint, complaint_entry, file, house_rule, order, order_line, root_cause,
};
use app::ssr::repo::purchase_orders;
use app::ssr::storage::{StorageKey, sha256_hex};
use app::usecases::complaints::{CLOCK_RULES, ClockRules};
use chrono::Duration;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseTransaction, DbErr, EntityTrait, QueryFilter,
    QueryOrder, Set,
};

struct Demo<'a> {
    number: &'a str,
    status: &'a str,
    hours_ago: i64,
    category: &'a str,
    description: &'a str,
    remedy: &'a str,
    amount: Option<i64>,
    answered: bool,
    passed: bool,
    cause: Option<(&'a str, &'a str)>,
    proposed: Option<(&'a str, &'a str, Option<i64>)>,
    /// The name of the customer's photo of the problem, if it sent one.
    photo: Option<&'a str>,
}

/// A 1×1 PNG: the demo's photo needs to be a real picture, not its look.
const PHOTO: &[u8] = &[
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4,
    0x89, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0x00, 0x01, 0x00, 0x00,
    0x05, 0x00, 0x01, 0x0D, 0x0A, 0x2D, 0xB4, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE,
    0x42, 0x60, 0x82,
];

pub async fn seed_complaints(
    tx: &DatabaseTransaction,
    demo: &mut super::Demo,
) -> Result<String, DbErr> {
    let shipped = order::Entity::find()
        .filter(order::Column::Status.is_in([
            OrderStatus::Shipped,
            OrderStatus::Arrived,
            OrderStatus::Settled,
        ]))
        .order_by_asc(order::Column::Id)
        .all(tx)
        .await?;
    let year = demo.now.format("%Y");
    seed_settings(tx, demo).await?;
    let cases = [
        Demo {
            number: "0001",
            status: "open",
            hours_ago: 3,
            category: "short_quantity",
            description: "Two cartons are missing from the container: 48 pieces short.",
            remedy: "replacement",
            amount: None,
            answered: false,
            passed: false,
            cause: None,
            proposed: None,
            photo: None,
        },
        Demo {
            number: "0002",
            status: "investigating",
            hours_ago: 20,
            category: "quality",
            description: "The glaze on 30 mugs is crazed after the first wash.",
            remedy: "credit_note",
            amount: Some(9_000),
            answered: true,
            passed: true,
            cause: None,
            proposed: None,
            photo: Some("crazed glaze after the first wash.png"),
        },
        Demo {
            number: "0003",
            status: "remedy_proposed",
            hours_ago: 30,
            category: "damage",
            description: "Six plates arrived broken; the cartons were crushed.",
            remedy: "credit_note",
            amount: Some(4_500),
            answered: true,
            passed: true,
            cause: Some(("packaging", "Double-wall cartons for plates from now on.")),
            proposed: Some((
                "credit_note",
                "A credit note for the six plates.",
                Some(4_500),
            )),
            photo: None,
        },
        Demo {
            number: "0004",
            status: "closed",
            hours_ago: 24 * 12,
            category: "wrong_documents",
            description: "The packing list shows the wrong carton count.",
            remedy: "rework",
            amount: None,
            answered: true,
            passed: true,
            cause: Some((
                "documentation",
                "Packing lists are checked against the cartons.",
            )),
            proposed: Some(("rework", "A corrected packing list was sent.", None)),
            photo: None,
        },
    ];
    let mut made = 0;
    for (case, order) in cases.iter().zip(shipped.iter().cycle()) {
        let lines = order_line::Entity::find()
            .filter(order_line::Column::OrderId.eq(order.id))
            .order_by_asc(order_line::Column::LineNo)
            .all(tx)
            .await?;
        let Some(line) = lines.first() else { continue };
        let placed = purchase_orders::placed_lines(tx, &[line.id]).await?;
        let factory = placed.first().map(|p| p.po.supplier_company_id);
        let Some(buyer) = demo
            .customers
            .iter()
            .position(|c| *c == order.customer_company_id)
            .and_then(|i| demo.buyers.get(i).copied())
        else {
            continue;
        };
        let filed = demo.now - Duration::hours(case.hours_ago);
        let row = complaint::ActiveModel {
            number: Set(format!("C-{year}-{}", case.number)),
            order_id: Set(order.id),
            order_line_id: Set(Some(line.id)),
            customer_company_id: Set(order.customer_company_id),
            filed_by: Set(buyer),
            owner_id: Set(order.sales_owner_id),
            category: Set(case.category.to_string()),
            description: Set(case.description.to_string()),
            quantity_affected: Set(line.quantity.min(48)),
            remedy_asked: Set(case.remedy.to_string()),
            amount_asked_minor: Set(case.amount),
            currency: Set(order.currency.clone()),
            status: Set(case.status.to_string()),
            factory_company_id: Set(factory.filter(|_| case.passed)),
            passed_at: Set(case.passed.then_some(filed + Duration::hours(1))),
            root_cause: Set(case.cause.map(|(c, _)| c.to_string())),
            corrective_action: Set(case.cause.map(|(_, a)| a.to_string())),
            factory_answered_at: Set(case.cause.map(|_| filed + Duration::hours(6))),
            remedy_kind: Set(case.proposed.map(|(k, _, _)| k.to_string())),
            remedy_text: Set(case.proposed.map(|(_, t, _)| t.to_string())),
            remedy_amount_minor: Set(case.proposed.and_then(|(_, _, a)| a)),
            remedy_cost_minor: Set(case.proposed.and_then(|(_, _, a)| a)),
            first_answer_due: Set(filed + Duration::hours(1)),
            first_answered_at: Set(case.answered.then_some(filed + Duration::minutes(40))),
            remedy_due: Set(filed + Duration::hours(24)),
            remedy_proposed_at: Set(case.proposed.map(|_| filed + Duration::hours(20))),
            // The late one is left for the clock watch to find and tell.
            first_notice: Set(0),
            remedy_notice: Set(0),
            reopened: Set(0),
            version: Set(1),
            created_at: Set(filed),
            updated_at: Set(filed),
            closed_at: Set((case.status == "closed").then_some(filed + Duration::days(2))),
            ..Default::default()
        }
        .insert(tx)
        .await?;
        let mut entries = vec![(
            "customer",
            "filed",
            case.description.to_string(),
            filed,
            Some(buyer),
        )];
        if case.answered {
            entries.push((
                "house",
                "acknowledge",
                "Thank you for telling us. We are looking into it today.".to_string(),
                filed + Duration::minutes(40),
                demo.sales_owner,
            ));
        }
        if case.passed {
            entries.push((
                "house",
                "pass",
                "Please check the batch and tell us the cause.".to_string(),
                filed + Duration::hours(1),
                demo.sales_owner,
            ));
        }
        if let Some((_, action)) = case.cause {
            entries.push((
                "factory",
                "answer",
                action.to_string(),
                filed + Duration::hours(6),
                None,
            ));
        }
        if let Some((_, text, _)) = case.proposed {
            entries.push((
                "house",
                "propose",
                text.to_string(),
                filed + Duration::hours(20),
                demo.sales_owner,
            ));
        }
        for (side, kind, body, at, actor) in entries {
            complaint_entry::ActiveModel {
                complaint_id: Set(row.id),
                actor_user_id: Set(actor),
                side: Set(side.to_string()),
                kind: Set(kind.to_string()),
                body: Set(body),
                created_at: Set(at),
                ..Default::default()
            }
            .insert(tx)
            .await?;
        }
        if let Some(name) = case.photo {
            attach_photo(tx, demo, &row, name, buyer).await?;
        }
        made += 1;
    }
    // The first customer with shipped orders also has a history of them.
    let history = match demo.customers.first().zip(demo.buyers.first()) {
        Some((customer, buyer)) => {
            let theirs: Vec<&order::Model> = shipped
                .iter()
                .filter(|o| o.customer_company_id == *customer)
                .collect();
            if theirs.is_empty() {
                0
            } else {
                super::complaint_history::seed_closed_history(tx, demo, &theirs, *buyer).await?
            }
        }
        None => 0,
    };
    Ok(format!(
        "{made} complaints, one past its first-answer clock, and {history} closed before"
    ))
}

/// Monday to Friday, 09:00 to 18:00 Hong Kong time, with the default
/// targets; and a root cause a ceramics house meets often enough to name.
/// Set by nobody: the demo's own settings, changed on the admin page.
async fn seed_settings(tx: &DatabaseTransaction, demo: &super::Demo) -> Result<(), DbErr> {
    let rules = ClockRules {
        targets: ClockTargets::DEFAULT,
        hours: WorkingHours {
            zone_offset_minutes: 8 * 60,
            days: [true, true, true, true, true, false, false],
            start_minute: 9 * 60,
            end_minute: 18 * 60,
        },
    };
    let value = serde_json::to_string(&rules)
        .map_err(|e| DbErr::Custom(format!("demo complaint clocks: {e}")))?;
    house_rule::Entity::insert(house_rule::ActiveModel {
        key: Set(CLOCK_RULES.to_string()),
        value: Set(value),
        updated_by: Set(None),
        updated_at: Set(demo.now),
    })
    .exec_without_returning(tx)
    .await?;
    root_cause::ActiveModel {
        label: Set("Kiln firing curve".to_string()),
        created_by: Set(None),
        created_at: Set(demo.now),
        ..Default::default()
    }
    .insert(tx)
    .await?;
    Ok(())
}

/// The customer's photo on its complaint, kept as an upload from the
/// complaint's page would keep it.
async fn attach_photo(
    tx: &DatabaseTransaction,
    demo: &super::Demo,
    row: &complaint::Model,
    name: &str,
    buyer: i32,
) -> Result<(), DbErr> {
    let parties = ComplaintParties {
        customer_company_id: row.customer_company_id,
        factory_company_id: row.factory_company_id,
        closed: false,
    };
    let scope = complaint_file_scope(&parties, Uploader::Customer, false);
    let bytes = PHOTO.to_vec();
    let key = StorageKey::generate("files", demo.now.date_naive());
    file::ActiveModel {
        owner_kind: Set("complaint".to_string()),
        owner_id: Set(row.id),
        order_id: Set(None),
        purchase_order_id: Set(None),
        customer_company_id: Set(scope.customer_company_id),
        factory_company_id: Set(scope.factory_company_id),
        shared_with_customer: Set(scope.shared_with_customer),
        shared_with_factory: Set(scope.shared_with_factory),
        name: Set(name.to_string()),
        content_type: Set("image/png".to_string()),
        size_bytes: Set(bytes.len() as i64),
        sha256: Set(sha256_hex(&bytes)),
        storage_key: Set(key.as_str().to_string()),
        uploaded_by: Set(Some(buyer)),
        uploaded_at: Set(row.created_at + Duration::minutes(5)),
        ..Default::default()
    }
    .insert(tx)
    .await?;
    demo.files
        .put(&key, bytes)
        .await
        .map_err(|e| DbErr::Custom(format!("demo file: {e}")))
}
