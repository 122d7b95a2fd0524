//! Demo conversations and notification lists: a customer's question
//! answered on one order and a second question still waiting, a house note
//! on another customer's order, and the house and a factory writing in
//! Chinese on a purchase order. Those told of each message find it on their
//! notification list, the older ones read, the newest not.

use app::domain::messages::{Side, ThreadKind};
use app::domain::order_status::OrderStatus;
use app::i18n::Locale;
use app::ssr::entities::{message, notification, order, po_line, purchase_order, user};
use app::ssr::notify::{Mail, PersonMail};
use app::ssr::repo::users;
use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseTransaction, DbErr, EntityTrait, QueryFilter,
    QueryOrder, Set,
};

/// Who writes: the customer's buyer, the sales owner, or the factory.
#[derive(Clone, Copy)]
enum Who {
    Buyer,
    Sales,
    Factory,
}

struct Line {
    who: Who,
    hours_ago: i64,
    body: &'static str,
}

pub async fn seed_conversations(
    tx: &DatabaseTransaction,
    demo: &mut super::Demo,
) -> Result<String, DbErr> {
    let Some(sales) = demo.sales_owner else {
        return Ok("conversations: no sales owner, none written".into());
    };
    let open = order::Entity::find()
        .filter(order::Column::Status.is_in([
            OrderStatus::Confirmed,
            OrderStatus::InProduction,
            OrderStatus::Ready,
        ]))
        .order_by_asc(order::Column::Id)
        .all(tx)
        .await?;
    let mut written = 0;
    let threads: [(usize, &[Line]); 2] = [
        (
            0,
            &[
                Line {
                    who: Who::Buyer,
                    hours_ago: 72,
                    body: "Could you send photos of the printed cartons before packing?",
                },
                Line {
                    who: Who::Sales,
                    hours_ago: 50,
                    body: "Of course: the factory sends them on Thursday with the inspection report.",
                },
                Line {
                    who: Who::Buyer,
                    hours_ago: 5,
                    body: "Thank you. Please also confirm the pallets stay under 1.8 m.",
                },
            ],
        ),
        (
            1,
            &[Line {
                who: Who::Sales,
                hours_ago: 20,
                body: "Your deposit arrived, thank you. Production starts on Monday.",
            }],
        ),
    ];
    for (customer, lines) in threads {
        let Some(&company) = demo.customers.get(customer) else {
            continue;
        };
        let Some(order) = open.iter().find(|o| o.customer_company_id == company) else {
            continue;
        };
        for line in lines {
            let author = match line.who {
                Who::Buyer => demo.buyers[customer],
                _ => sales,
            };
            let at = demo.now - Duration::hours(line.hours_ago);
            let row = write(tx, ThreadKind::Order, order.id, author, line, at).await?;
            let (readers, path) = match line.who {
                Who::Buyer => (vec![sales], format!("/staff/orders/{}#messages", order.id)),
                _ => (
                    vec![demo.buyers[customer]],
                    format!("/customer/orders/{}#messages", order.id),
                ),
            };
            tell(tx, &readers, &row, &order.number, false, &path, at).await?;
            written += 1;
        }
    }
    // The house and a factory, on the first purchase order still open.
    let po = purchase_order::Entity::find()
        .filter(purchase_order::Column::Status.ne("cancelled"))
        .order_by_asc(purchase_order::Column::Id)
        .one(tx)
        .await?;
    if let Some(po) = po {
        let factory: Vec<i32> = users::of_company(tx, po.supplier_company_id)
            .await?
            .into_iter()
            .map(|u| u.id)
            .collect();
        let first_line = po_line::Entity::find()
            .filter(po_line::Column::PurchaseOrderId.eq(po.id))
            .order_by_asc(po_line::Column::LineNo)
            .one(tx)
            .await?;
        if let (Some(&maker), Some(first_line)) = (factory.first(), first_line) {
            let lines = [
                Line {
                    who: Who::Sales,
                    hours_ago: 30,
                    body: "请在装箱前把纸箱印刷的照片发给我们，谢谢。",
                },
                Line {
                    who: Who::Factory,
                    hours_ago: 26,
                    body: "好的，周四随验货报告一起发送。",
                },
            ];
            for line in &lines {
                let author = match line.who {
                    Who::Factory => maker,
                    _ => sales,
                };
                let at = demo.now - Duration::hours(line.hours_ago);
                let row = write(tx, ThreadKind::PurchaseOrder, po.id, author, line, at).await?;
                let (readers, path) = match line.who {
                    Who::Factory => (
                        vec![sales],
                        format!("/staff/po-lines/{}#messages", first_line.id),
                    ),
                    _ => (
                        factory.clone(),
                        format!("/supplier/lines/{}#messages", first_line.id),
                    ),
                };
                tell(tx, &readers, &row, &po.number, true, &path, at).await?;
                written += 1;
            }
        }
    }
    // What came before the last day has been read.
    notification::Entity::update_many()
        .col_expr(notification::Column::ReadAt, Expr::value(demo.now))
        .filter(notification::Column::CreatedAt.lt(demo.now - Duration::hours(24)))
        .exec(tx)
        .await?;
    Ok(format!(
        "conversations: {written} messages on two orders and a purchase order"
    ))
}

async fn write(
    tx: &DatabaseTransaction,
    kind: ThreadKind,
    id: i32,
    author: i32,
    line: &Line,
    at: DateTime<Utc>,
) -> Result<message::Model, DbErr> {
    let side = match line.who {
        Who::Buyer => Side::Customer,
        Who::Sales => Side::House,
        Who::Factory => Side::Factory,
    };
    message::ActiveModel {
        thread_kind: Set(kind.as_str().to_string()),
        order_id: Set((kind == ThreadKind::Order).then_some(id)),
        purchase_order_id: Set((kind == ThreadKind::PurchaseOrder).then_some(id)),
        author_user_id: Set(author),
        side: Set(side.as_str().to_string()),
        body: Set(line.body.to_string()),
        created_at: Set(at),
        ..Default::default()
    }
    .insert(tx)
    .await
}

/// Puts the message on each reader's notification list, as the mail of a
/// live message would.
async fn tell(
    tx: &DatabaseTransaction,
    readers: &[i32],
    row: &message::Model,
    number: &str,
    purchase_order: bool,
    path: &str,
    at: DateTime<Utc>,
) -> Result<(), DbErr> {
    let author = user::Entity::find_by_id(row.author_user_id)
        .one(tx)
        .await?
        .map(|u| u.display_name)
        .unwrap_or_default();
    for reader in readers {
        let Some(person) = user::Entity::find_by_id(*reader).one(tx).await? else {
            continue;
        };
        let locale = Locale::parse(&person.locale).unwrap_or_default();
        let key = if purchase_order {
            "message-mail-purchase-order"
        } else {
            "message-mail-order"
        };
        let thread = locale.t_with(key, &[("number", number.to_string().into())]);
        let values = vec![
            ("thread", thread),
            ("author", author.clone()),
            ("body", row.body.clone()),
        ];
        PersonMail::compose(
            Mail::MessageReceived,
            &person,
            &row.id.to_string(),
            "",
            path,
            values,
        )
        .note(tx, at)
        .await?;
    }
    Ok(())
}
