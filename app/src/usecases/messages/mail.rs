//! Who hears of a message by mail, in their language, through the outbox in
//! the posting's own transaction: the house's words go to the order's
//! customer people or the purchase order's factory people; a customer's to
//! the order's sales owner; a factory's to the sales owners of the orders
//! its purchase order fills. Without an active owner, the house's sales
//! staff hear. Anyone who switched message mail off (`AlertKind::Message`)
//! hears nothing, and the author never hears of their own message.

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use super::Subject;
use crate::domain::messages::Side;
use crate::domain::recipients::{owners_else_sales, sells};
use crate::domain::slip::AlertKind;
use crate::i18n::Locale;
use crate::ssr::AppState;
use crate::ssr::auth::CurrentUser;
use crate::ssr::entities::{message, po_line, user};
use crate::ssr::notify::{self, Mail};
use crate::ssr::repo::{distinct_ids, orders, progress, users};
use crate::ssr::work::UnitOfWork;
use crate::wire::ApiError;

/// Queues the message's mail to each person on the other side who wants it.
pub(super) async fn tell_other_side(
    state: &AppState,
    work: &UnitOfWork,
    author: &CurrentUser,
    side: Side,
    subject: &Subject,
    row: &message::Model,
) -> Result<(), ApiError> {
    let db = &work.tx;
    let lines = match subject {
        Subject::PurchaseOrder(po) => {
            po_line::Entity::find()
                .filter(po_line::Column::PurchaseOrderId.eq(po.id))
                .order_by_asc(po_line::Column::Cancelled)
                .order_by_asc(po_line::Column::Id)
                .all(db)
                .await?
        }
        Subject::Order(_) => Vec::new(),
    };
    let people = match (side, subject) {
        (Side::House, _) => users::active_of_companies(db, &[subject.company()]).await?,
        (_, Subject::Order(order)) => {
            let owners: Vec<i32> = order.sales_owner_id.into_iter().collect();
            house_people(db, &owners).await?
        }
        (_, Subject::PurchaseOrder(_)) => {
            let owners = owners_of_lines(db, &lines).await?;
            house_people(db, &owners).await?
        }
    };
    // The line page carries the purchase order's conversation: the first
    // line still in work, else the first line.
    let line = lines.first().map(|l| l.id);
    for person in people.iter().filter(|p| {
        p.id != author.user_id && AlertKind::Message.wanted(p.role, p.alert_kinds.as_deref())
    }) {
        let house = Side::of(person.role) == Side::House;
        let locale = Locale::parse(&person.locale).unwrap_or_default();
        let number = subject.number().to_string();
        let (thread, path) = match subject {
            Subject::Order(order) => (
                locale.t_with("message-mail-order", &[("number", number.into())]),
                if house {
                    format!("/staff/orders/{}#messages", order.id)
                } else {
                    format!("/customer/orders/{}#messages", order.id)
                },
            ),
            Subject::PurchaseOrder(_) => (
                locale.t_with("message-mail-purchase-order", &[("number", number.into())]),
                match (house, line) {
                    (true, Some(line)) => format!("/staff/po-lines/{line}#messages"),
                    (true, None) => "/staff/production".to_string(),
                    (false, Some(line)) => format!("/supplier/lines/{line}#messages"),
                    (false, None) => "/supplier".to_string(),
                },
            ),
        };
        // The house reads whose words they are; the other side only ever
        // hears from the house, by the author's name.
        let from = if house {
            format!("{} ({})", author.display_name, author.company_name)
        } else {
            author.display_name.clone()
        };
        notify::to_person(
            db,
            &state.settings.public_url,
            state.now(),
            Mail::MessageReceived,
            person,
            &row.id.to_string(),
            &path,
            vec![
                ("thread", thread),
                ("author", from),
                ("body", row.body.clone()),
            ],
        )
        .await?;
    }
    Ok(())
}

/// The house people who hear of an outside side's message: the active ones
/// among `owners`; without any, the house's sales staff (or, in a house
/// without them, everyone in it).
async fn house_people(
    db: &impl ConnectionTrait,
    owners: &[i32],
) -> Result<Vec<user::Model>, ApiError> {
    let house = users::active_house(db).await?;
    let chosen = owners_else_sales(
        house.clone(),
        owners,
        |u| u.id,
        |u| sells(u.role, u.staff_level),
    );
    Ok(if chosen.is_empty() { house } else { chosen })
}

/// The sales owners of the orders these purchase-order lines fill.
async fn owners_of_lines(
    db: &impl ConnectionTrait,
    lines: &[po_line::Model],
) -> Result<Vec<i32>, ApiError> {
    if lines.is_empty() {
        return Ok(Vec::new());
    }
    let po_line_ids: Vec<i32> = lines.iter().map(|l| l.id).collect();
    let filled = progress::filled_lines(db, &po_line_ids).await?;
    let order_ids = distinct_ids(filled.iter().map(|l| l.order_id));
    let mut owners: Vec<i32> = orders::by_ids(db, &order_ids)
        .await?
        .into_iter()
        .filter_map(|o| o.sales_owner_id)
        .collect();
    owners.sort_unstable();
    owners.dedup();
    Ok(owners)
}
