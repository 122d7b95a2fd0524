//! Demo change requests in their states: one waiting for the house, one the
//! house answered with a counter-proposal that waits for the customer (so
//! the customer's glance lists it), and one refused with a reason.

use app::domain::change_request::{ChangeItem, ChangeStatus};
use app::domain::order_status::OrderStatus;
use app::ssr::entities::{change_request, order, order_line};
use chrono::Duration;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseTransaction, DbErr, EntityTrait, QueryFilter,
    QueryOrder, Set,
};

pub async fn seed_change_requests(
    tx: &DatabaseTransaction,
    demo: &mut super::Demo,
) -> Result<String, DbErr> {
    let Some(sales) = demo.sales_owner else {
        return Ok("change requests: no sales owner, none written".into());
    };
    let mut written = 0;
    // Per customer, its orders still before shipping, oldest first.
    for (customer, buyer) in demo.customers.clone().into_iter().zip(demo.buyers.clone()) {
        let orders = order::Entity::find()
            .filter(order::Column::CustomerCompanyId.eq(customer))
            .filter(
                order::Column::Status.is_in([OrderStatus::Confirmed, OrderStatus::InProduction]),
            )
            .order_by_asc(order::Column::Id)
            .all(tx)
            .await?;
        let states: &[ChangeStatus] = if written == 0 {
            &[ChangeStatus::Open, ChangeStatus::Countered]
        } else {
            &[ChangeStatus::Rejected]
        };
        for (order, status) in orders.iter().zip(states) {
            let Some(line) = order_line::Entity::find()
                .filter(order_line::Column::OrderId.eq(order.id))
                .order_by_asc(order_line::Column::LineNo)
                .one(tx)
                .await?
            else {
                continue;
            };
            let asked_on = demo.now - Duration::days(3);
            let (items, counter, note, answer) = match status {
                ChangeStatus::Open => (
                    vec![ChangeItem::Quantity {
                        line_no: line.line_no,
                        from: line.quantity,
                        to: line.quantity + line.quantity / 5,
                    }],
                    None,
                    "Our spring promotion sells faster than planned: 20 % more, please.",
                    None,
                ),
                ChangeStatus::Countered => {
                    let wanted = line.requested_date - Duration::days(14);
                    let possible = line.requested_date - Duration::days(7);
                    (
                        vec![ChangeItem::RequestedDate {
                            line_no: line.line_no,
                            from: line.requested_date,
                            to: wanted,
                        }],
                        Some(vec![ChangeItem::RequestedDate {
                            line_no: line.line_no,
                            from: line.requested_date,
                            to: possible,
                        }]),
                        "Could this line ship two weeks earlier?",
                        Some(
                            "The kiln is booked; one week earlier is what the factory can promise.",
                        ),
                    )
                }
                _ => (
                    vec![ChangeItem::ShipTo {
                        from: order.ship_to.clone(),
                        to: format!("{} (gate 4)", order.ship_to),
                    }],
                    None,
                    "Please deliver to gate 4 instead.",
                    Some(
                        "The booking is made to the warehouse's main gate; the forwarder cannot change it any more.",
                    ),
                ),
            };
            let to_json = |items: &Vec<ChangeItem>| {
                serde_json::to_string(items).map_err(|e| DbErr::Custom(e.to_string()))
            };
            let decided = (*status != ChangeStatus::Open).then(|| asked_on + Duration::days(1));
            change_request::ActiveModel {
                order_id: Set(order.id),
                requested_by: Set(buyer),
                base_version: Set(order.version),
                status: Set(*status),
                items: Set(to_json(&items)?),
                note: Set(note.to_string()),
                counter_items: Set(counter.as_ref().map(to_json).transpose()?),
                answer: Set(answer.map(str::to_string)),
                decided_by: Set(decided.map(|_| sales)),
                created_at: Set(asked_on),
                decided_at: Set(decided),
                closed_at: Set(
                    (*status == ChangeStatus::Rejected).then_some(asked_on + Duration::days(1))
                ),
                ..Default::default()
            }
            .insert(tx)
            .await?;
            written += 1;
        }
    }
    Ok(format!(
        "change requests: {written} (waiting for the house, countered, refused)"
    ))
}
