//! The workflow mails of change requests: to the house people a request
//! goes to, to the customer who asked, and to the factories asked to
//! acknowledge a change. Each is queued inside the step's transaction.

// A decision's mail states the request, the order, the decision and its words.
#![allow(clippy::too_many_arguments)]

use sea_orm::{ConnectionTrait, DbErr};

use super::summary;
use crate::domain::change_request::{ChangeItem, ChangeStatus, PoLineChange};
use crate::domain::recipients::owner_else_all;
use crate::i18n::Locale;
use crate::ssr::entities::{order, user};
use crate::ssr::notify::{self, Mail};
use crate::ssr::repo::purchase_orders::PlacedLine;
use crate::ssr::repo::{companies, users};
use crate::ssr::{AppState, db_error};
use crate::wire::ApiError;

/// Queues a workflow mail to one person, in their language.
pub(super) async fn mail(
    db: &impl ConnectionTrait,
    state: &AppState,
    kind: Mail,
    to: &user::Model,
    key: &str,
    path: &str,
    values: Vec<(&'static str, String)>,
) -> Result<(), DbErr> {
    let url = &state.settings.public_url;
    notify::to_person(db, url, state.now(), kind, to, key, path, values).await?;
    Ok(())
}

/// Queues `kind` about request `request_id` to the house people the
/// order's requests go to, with the order number and customer name
/// added to `values`, and the `changes` (if the mail names them) in each
/// person's language.
pub(super) async fn tell_deciders(
    db: &impl ConnectionTrait,
    state: &AppState,
    kind: Mail,
    request_id: i32,
    order: &order::Model,
    mut values: Vec<(&'static str, String)>,
    changes: Option<&[ChangeItem]>,
) -> Result<(), ApiError> {
    let customer = companies::find(db, order.customer_company_id)
        .await?
        .map(|c| c.name)
        .unwrap_or_default();
    values.push(("order", order.number.clone()));
    values.push(("customer", customer));
    let house = users::active_house(db).await?;
    for person in owner_else_all(house, order.sales_owner_id, |u| u.id) {
        let mut values = values.clone();
        if let Some(items) = changes {
            let locale = Locale::parse(&person.locale).unwrap_or_default();
            values.push(("changes", summary(items, locale)));
        }
        mail(
            db,
            state,
            kind,
            &person,
            &request_id.to_string(),
            &format!("/staff/changes/{request_id}"),
            values,
        )
        .await?;
    }
    Ok(())
}

/// The "your request was decided" mail to the customer who asked, naming
/// the `changes` in their language.
pub(super) async fn tell_requester(
    db: &impl ConnectionTrait,
    state: &AppState,
    requester: &user::Model,
    request_id: i32,
    order: &order::Model,
    status: ChangeStatus,
    changes: &[ChangeItem],
    answer: String,
) -> Result<(), ApiError> {
    let locale = Locale::parse(&requester.locale).unwrap_or_default();
    mail(
        db,
        state,
        Mail::ChangeDecided,
        requester,
        &format!("{request_id}:{}", status.as_str()),
        &format!("/customer/orders/{}", order.id),
        vec![
            ("order", order.number.clone()),
            ("decision", decision_word(status, locale)),
            ("changes", summary(changes, locale)),
            ("answer", answer),
        ],
    )
    .await
    .map_err(db_error("queuing a mail"))
}

/// Asks the factory behind `placed` to acknowledge `change` (stored as
/// `change_id`): one mail to each of its active people, in their language.
pub(super) async fn tell_factory(
    db: &impl ConnectionTrait,
    state: &AppState,
    people: &[user::Model],
    placed: &PlacedLine,
    change: &PoLineChange,
    change_id: i32,
) -> Result<(), ApiError> {
    for person in people
        .iter()
        .filter(|u| u.active && u.company_id == placed.po.supplier_company_id)
    {
        let locale = Locale::parse(&person.locale).unwrap_or_default();
        let changes = format!(
            "{}\n{}",
            locale.t_with(
                "change-ack-line",
                &[
                    ("po", placed.po.number.as_str().into()),
                    ("line", placed.line.line_no.into()),
                    ("product", placed.line.product_code.as_str().into()),
                ],
            ),
            po_change_lines(change, locale).join("\n")
        );
        mail(
            db,
            state,
            Mail::ChangeToAcknowledge,
            person,
            &change_id.to_string(),
            &format!("/supplier/lines/{}", placed.line.id),
            vec![("po", placed.po.number.clone()), ("changes", changes)],
        )
        .await?;
    }
    Ok(())
}

fn decision_word(status: ChangeStatus, locale: Locale) -> String {
    locale.t(&format!("change-decision-{}", status.as_str()))
}

/// A factory change in the factory's language, one line per field.
pub(super) fn po_change_lines(change: &PoLineChange, locale: Locale) -> Vec<String> {
    let mut lines = Vec::new();
    if let Some((from, to)) = &change.quantity {
        lines.push(locale.t_with(
            "change-ack-quantity",
            &[("from", (*from).into()), ("to", (*to).into())],
        ));
    }
    if let Some((from, to)) = &change.description {
        lines.push(locale.t_with(
            "change-ack-description",
            &[("from", from.as_str().into()), ("to", to.as_str().into())],
        ));
    }
    if let Some((from, to)) = &change.ready_by {
        lines.push(locale.t_with(
            "change-ack-ready",
            &[
                ("from", from.to_string().into()),
                ("to", to.to_string().into()),
            ],
        ));
    }
    if change.cancelled {
        lines.push(locale.t("change-ack-cancelled"));
    }
    lines
}
