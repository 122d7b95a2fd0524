//! Everyday news, by mail and on each reader's notification list, through
//! the outbox in the writing use case's own transaction: an order confirmed,
//! shipped, arrived or paid reaches the customer's people; a purchase order
//! placed or changed reaches the factory's. Each person chooses which news
//! they get, as for alerts (`AlertKind::offered_to`), and hears nothing of
//! an order they muted. Values are composed per reader, in their language.

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use crate::domain::account::Role;
use crate::domain::slip::AlertKind;
use crate::i18n::Locale;
use crate::ssr::AppState;
use crate::ssr::entities::{order, order_line, order_mute, po_line, purchase_order, user};
use crate::ssr::notify::{self, Mail};
use crate::ssr::repo::orders;
use crate::ssr::repo::users;
use crate::wire::ApiError;

/// What a piece of news says to one reader: its mail's values.
pub(crate) type Values<'a> = &'a (dyn Fn(Locale) -> Vec<(&'static str, String)> + Sync);

/// The people of `company` of `role` who chose `kind`, less those who muted
/// `order`.
async fn readers(
    db: &impl ConnectionTrait,
    company: i32,
    role: Role,
    kind: AlertKind,
    order: Option<i32>,
) -> Result<Vec<user::Model>, ApiError> {
    let people = users::active_of_companies(db, &[company]).await?;
    let muted: Vec<i32> = match order {
        Some(order) => order_mute::Entity::find()
            .filter(order_mute::Column::OrderId.eq(order))
            .all(db)
            .await?
            .into_iter()
            .map(|m| m.user_id)
            .collect(),
        None => Vec::new(),
    };
    Ok(people
        .into_iter()
        .filter(|p| {
            p.role == role
                && kind.wanted(p.role, p.alert_kinds.as_deref())
                && !muted.contains(&p.id)
        })
        .collect())
}

/// Tells the order's customer people of `kind`; `key` names the event
/// (once per person), `anchor` the part of the order page it is about.
pub(crate) async fn to_customer(
    state: &AppState,
    db: &impl ConnectionTrait,
    order: &order::Model,
    kind: AlertKind,
    key: &str,
    anchor: &str,
    values: Values<'_>,
) -> Result<(), ApiError> {
    let people = readers(
        db,
        order.customer_company_id,
        Role::Customer,
        kind,
        Some(order.id),
    )
    .await?;
    let path = format!("/customer/orders/{}{anchor}", order.id);
    let about = ("order", order.number.clone());
    send(state, db, &people, kind, key, &path, values, about).await
}

/// Tells the purchase order's factory people of `kind`; their link opens
/// the line `line_id` (its page carries the purchase order).
pub(crate) async fn to_factory(
    state: &AppState,
    db: &impl ConnectionTrait,
    po: &purchase_order::Model,
    line_id: i32,
    kind: AlertKind,
    key: &str,
    values: Values<'_>,
) -> Result<(), ApiError> {
    let people = readers(db, po.supplier_company_id, Role::Supplier, kind, None).await?;
    let path = format!("/supplier/lines/{line_id}");
    let about = ("po", po.number.clone());
    send(state, db, &people, kind, key, &path, values, about).await
}

/// Queues the news to each reader in their language, with the record it
/// is about (`about`: its placeholder and number).
#[allow(clippy::too_many_arguments)]
async fn send(
    state: &AppState,
    db: &impl ConnectionTrait,
    people: &[user::Model],
    kind: AlertKind,
    key: &str,
    path: &str,
    values: Values<'_>,
    about: (&'static str, String),
) -> Result<(), ApiError> {
    for person in people {
        let locale = Locale::parse(&person.locale).unwrap_or_default();
        let mut said = values(locale);
        said.push(about.clone());
        notify::to_person(
            db,
            &state.settings.public_url,
            state.now(),
            Mail::from(kind),
            person,
            key,
            path,
            said,
        )
        .await?;
    }
    Ok(())
}

/// One line of a list in a mail: number, product, quantity and the date
/// that matters to the reader.
fn line_text(
    locale: Locale,
    no: i32,
    product: &str,
    quantity: i64,
    unit: Option<&str>,
    date: Option<chrono::NaiveDate>,
) -> String {
    locale.t_with(
        if unit.is_some() {
            "news-line"
        } else {
            "news-po-line"
        },
        &[
            ("no", no.into()),
            ("product", product.to_string().into()),
            ("quantity", quantity.into()),
            ("unit", unit.unwrap_or_default().to_string().into()),
            (
                "date",
                date.map(|d| d.to_string())
                    .unwrap_or_else(|| "-".into())
                    .into(),
            ),
        ],
    )
}

/// The order was confirmed: its customer's people get the committed dates.
pub(crate) async fn order_confirmed(
    state: &AppState,
    db: &impl ConnectionTrait,
    order: &order::Model,
) -> Result<(), ApiError> {
    let lines: Vec<order_line::Model> = orders::lines_of(db, &[order.id]).await?;
    let values = |locale: Locale| {
        let list = lines
            .iter()
            .map(|l| {
                let product = format!("{} {}", l.product_code, l.description);
                line_text(
                    locale,
                    l.line_no,
                    &product,
                    l.quantity,
                    Some(&l.unit),
                    l.committed_date,
                )
            })
            .collect::<Vec<_>>()
            .join("\n");
        vec![("lines", list)]
    };
    to_customer(
        state,
        db,
        order,
        AlertKind::OrderConfirmed,
        &order.id.to_string(),
        "",
        &values,
    )
    .await
}

/// A purchase order was placed: the factory's people get its lines and the
/// day they are to be ready (never the customer nor a price).
pub(crate) async fn po_placed(
    state: &AppState,
    db: &impl ConnectionTrait,
    po: &purchase_order::Model,
    lines: &[po_line::Model],
) -> Result<(), ApiError> {
    let Some(first) = lines.first() else {
        return Ok(());
    };
    let ready_by = first.committed_ready_date.to_string();
    let values = |locale: Locale| {
        let list = lines
            .iter()
            .map(|l| {
                let product = format!("{} {}", l.product_code, l.description);
                line_text(
                    locale,
                    l.line_no,
                    &product,
                    l.quantity,
                    None,
                    Some(l.committed_ready_date),
                )
            })
            .collect::<Vec<_>>()
            .join("\n");
        vec![("lines", list), ("ready_by", ready_by.clone())]
    };
    to_factory(
        state,
        db,
        po,
        first.id,
        AlertKind::PoPlaced,
        &po.id.to_string(),
        &values,
    )
    .await
}

/// The order a purchase order fills was cancelled, and the purchase order
/// with it: the factory's people are told to stop.
pub(crate) async fn po_cancelled(
    state: &AppState,
    db: &impl ConnectionTrait,
    po: &purchase_order::Model,
    line_id: i32,
) -> Result<(), ApiError> {
    let values = |locale: Locale| vec![("change", locale.t("news-po-cancelled"))];
    to_factory(
        state,
        db,
        po,
        line_id,
        AlertKind::PoChanged,
        &format!("{}:cancelled", po.id),
        &values,
    )
    .await
}
