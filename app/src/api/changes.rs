//! Change requests: customers ask for a change to their order, the trading
//! house approves, rejects or counter-proposes, the customer answers a
//! counter-proposal, and an applied change reaches the factories as a change
//! to acknowledge. The rules are in `domain::change_request`; here each step
//! loads the actor, checks the policy, applies the rule and writes the
//! request, the order, the factory lines, the timeline and the mails in one
//! transaction.

// Server functions take one argument per form field.
#![allow(clippy::too_many_arguments)]

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::ApiError;
use crate::domain::change_request::{ChangeKind, ChangeStatus, ImpactNote};

/// One change as a page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangeItemView {
    pub kind: ChangeKind,
    pub line_no: Option<i32>,
    pub what: String,
    pub before: String,
    pub after: String,
    /// What the house proposed instead, when it countered.
    pub counter: Option<String>,
}

/// A change request with what the viewer may do with it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangeView {
    pub id: i32,
    pub order_id: i32,
    pub order_number: String,
    pub customer_name: String,
    pub status: ChangeStatus,
    pub requested_by: String,
    pub created_at: DateTime<Utc>,
    /// Whole days since the request was made.
    pub age_days: i64,
    pub note: String,
    /// The house's reason or message.
    pub answer: Option<String>,
    pub decided_by: Option<String>,
    pub items: Vec<ChangeItemView>,
    /// The trading house only: what the change means for the commitments.
    pub impact: Vec<ImpactNote>,
    /// The trading house only: the factory lines the change reaches.
    pub factories: Vec<String>,
    /// The trading house only: why the change can no longer be applied as
    /// asked (the order changed since).
    pub conflicts: Vec<String>,
    /// Added lines waiting for a price (their positions in `items`).
    pub needs_price: Vec<usize>,
    pub can_decide: bool,
    pub can_answer: bool,
    pub can_withdraw: bool,
}

/// A change a factory is asked to acknowledge.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PoChangeView {
    pub id: i32,
    pub po_line_id: i32,
    pub po_number: String,
    pub line_no: i32,
    pub product_code: String,
    /// What changed, in the viewer's language.
    pub changes: Vec<String>,
    pub created_at: DateTime<Utc>,
    pub acknowledged_at: Option<DateTime<Utc>>,
}

/// One existing line as typed into the change form.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ChangeLineInput {
    pub line_no: String,
    pub quantity: String,
    pub description: String,
    /// `YYYY-MM-DD`.
    pub requested: String,
    /// Any value cancels the line.
    pub cancel: String,
}

/// A line the customer asks to add.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AddedLineInput {
    pub product_code: String,
    pub description: String,
    pub quantity: String,
    pub unit: String,
    pub requested: String,
}

impl AddedLineInput {
    pub fn is_blank(&self) -> bool {
        [
            &self.product_code,
            &self.description,
            &self.quantity,
            &self.unit,
            &self.requested,
        ]
        .iter()
        .all(|v| v.trim().is_empty())
    }
}

/// The house's answer to one item: a counter value, and for an added line
/// its unit price and HS code.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ItemDecisionInput {
    pub counter: String,
    pub unit_price: String,
    pub hs_code: String,
}

#[cfg(feature = "ssr")]
pub(crate) mod server {
    use chrono::NaiveDate;
    use sea_orm::sea_query::Expr;
    use sea_orm::{
        ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, Set,
    };

    use super::{ChangeItemView, ChangeView};
    use crate::api::ApiError;
    use crate::domain::change_request::{
        ChangeItem, ChangeStatus, LineState, OrderState, Party, PoLineChange, PoLineState, Step,
        StepError, apply, factory_changes, impact,
    };
    use crate::domain::order_status::OrderStatus;
    use crate::i18n::Locale;
    use crate::ssr::entities::{change_request, order, order_line, po_line, po_line_change, user};
    use crate::ssr::mail_templates::{ChangeMail, render_change};
    use crate::ssr::outbox::{OutgoingMail, enqueue};
    use crate::ssr::repo::purchase_orders::PlacedLine;
    use crate::ssr::repo::{companies, orders, purchase_orders, users};
    use crate::ssr::work::UnitOfWork;
    use crate::ssr::{AppState, db_error};

    /// The order as the change rules see it, with the highest line number
    /// it ever had (a cancelled line's number stays taken).
    pub async fn order_state(
        db: &impl ConnectionTrait,
        order: &order::Model,
        status: OrderStatus,
        lines: &[order_line::Model],
    ) -> Result<OrderState, ApiError> {
        let mut last_line_no = lines.iter().map(|l| l.line_no).max().unwrap_or(0);
        for request in crate::ssr::repo::changes::of_order(db, order.id).await? {
            let applied = match ChangeStatus::parse(&request.status) {
                Some(ChangeStatus::Approved) => Some(request.items.as_str()),
                Some(ChangeStatus::Accepted) => request.counter_items.as_deref(),
                _ => None,
            };
            for item in applied.map(items_of).transpose()?.unwrap_or_default() {
                if let ChangeItem::CancelLine { line_no, .. } = item {
                    last_line_no = last_line_no.max(line_no);
                }
            }
        }
        Ok(OrderState {
            last_line_no,
            status,
            ship_to: order.ship_to.clone(),
            lines: lines
                .iter()
                .map(|l| LineState {
                    line_no: l.line_no,
                    product_code: l.product_code.clone(),
                    description: l.description.clone(),
                    quantity: l.quantity,
                    unit: l.unit.clone(),
                    unit_price_minor: l.unit_price_minor,
                    hs_code: l.hs_code.clone(),
                    requested: l.requested_date,
                    committed: l.committed_date,
                    forecast: l.forecast_date,
                })
                .collect(),
        })
    }

    pub fn po_states(lines: &[order_line::Model], placed: &[PlacedLine]) -> Vec<PoLineState> {
        placed
            .iter()
            .filter_map(|p| {
                let line = lines.iter().find(|l| l.id == p.order_line_id)?;
                Some(PoLineState {
                    id: p.line.id,
                    order_line_no: line.line_no,
                    quantity: p.line.quantity,
                    quantity_done: p.line.quantity_done,
                    description: p.line.description.clone(),
                    committed_ready: p.line.committed_ready_date,
                    forecast_ready: p.line.forecast_ready_date,
                })
            })
            .collect()
    }

    pub fn items_of(raw: &str) -> Result<Vec<ChangeItem>, ApiError> {
        serde_json::from_str(raw).map_err(|e| ApiError::internal("change items", e))
    }

    pub fn status_of(request: &change_request::Model) -> Result<ChangeStatus, ApiError> {
        ChangeStatus::parse(&request.status)
            .ok_or_else(|| ApiError::internal("change status", &request.status))
    }

    pub fn step_error(error: StepError) -> ApiError {
        match error {
            StepError::NotYours => ApiError::Forbidden,
            StepError::Closed(_) => ApiError::Conflict {
                message: error.message(),
            },
        }
    }

    pub fn number(id: i32) -> String {
        format!("CR-{id}")
    }

    /// The items in words, one per line, for mails and the timeline.
    pub fn summary(items: &[ChangeItem]) -> String {
        items
            .iter()
            .map(|item| {
                let (what, before, after) = item.describe();
                match (before.is_empty(), after.is_empty()) {
                    (true, _) => format!("{what}: {after}"),
                    (_, true) => format!("{what} (was {before})"),
                    _ => format!("{what}: {before} → {after}"),
                }
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    pub fn already_decided() -> ApiError {
        ApiError::Conflict {
            message: "Someone else answered this change request first. Reload to see the decision."
                .to_string(),
        }
    }

    /// Queues a workflow mail to one person, in their language.
    pub async fn mail(
        db: &impl ConnectionTrait,
        state: &AppState,
        kind: ChangeMail,
        to: &user::Model,
        key: &str,
        path: &str,
        mut values: Vec<(&'static str, String)>,
    ) -> Result<(), DbErr> {
        values.push(("name", to.display_name.clone()));
        values.push(("link", format!("{}{path}", state.settings.public_url)));
        let locale = Locale::parse(&to.locale).unwrap_or_default();
        let rendered = render_change(kind, locale, &values);
        enqueue(
            db,
            OutgoingMail {
                dedupe_key: format!("{}:{key}:{}", kind.as_str(), to.id),
                kind: kind.as_str(),
                recipient: to.email.clone(),
                subject: rendered.subject,
                body_text: rendered.text,
                body_html: Some(rendered.html),
            },
            state.now(),
        )
        .await?;
        Ok(())
    }

    /// Queues `kind` about request `request_id` to the house people the
    /// order's requests go to, with the order number and customer name
    /// added to `values`.
    pub async fn tell_deciders(
        db: &impl ConnectionTrait,
        state: &AppState,
        kind: ChangeMail,
        request_id: i32,
        order: &order::Model,
        mut values: Vec<(&'static str, String)>,
    ) -> Result<(), ApiError> {
        let customer = companies::find(db, order.customer_company_id)
            .await?
            .map(|c| c.name)
            .unwrap_or_default();
        values.push(("order", order.number.clone()));
        values.push(("customer", customer));
        let people = users::all(db).await?;
        for person in deciders(&people, order) {
            mail(
                db,
                state,
                kind,
                person,
                &request_id.to_string(),
                &format!("/staff/changes/{request_id}"),
                values.clone(),
            )
            .await?;
        }
        Ok(())
    }

    /// The house people a request goes to: the order's sales owner, or every
    /// active staff member and admin when it has none.
    pub fn deciders<'a>(people: &'a [user::Model], order: &order::Model) -> Vec<&'a user::Model> {
        let house: Vec<&user::Model> = people
            .iter()
            .filter(|u| u.active && matches!(u.role.as_str(), "staff" | "admin"))
            .collect();
        let owner: Vec<&user::Model> = house
            .iter()
            .copied()
            .filter(|u| Some(u.id) == order.sales_owner_id)
            .collect();
        if owner.is_empty() { house } else { owner }
    }

    pub fn decision_word(status: ChangeStatus, locale: Locale) -> String {
        locale.t(&format!("change-decision-{}", status.as_str()))
    }

    /// A factory change in the factory's language, one line per field.
    pub fn po_change_lines(change: &PoLineChange, locale: Locale) -> Vec<String> {
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

    /// Builds the page view of a request for the viewer (`house` adds the
    /// impact, the factories and the conflicts).
    pub async fn view(
        state: &AppState,
        request: &change_request::Model,
        order: &order::Model,
        house: bool,
    ) -> Result<ChangeView, ApiError> {
        let status = status_of(request)?;
        let order_status = crate::ssr::repo::orders::status_of(order)?;
        let items = items_of(&request.items)?;
        let counter = match &request.counter_items {
            Some(raw) => Some(items_of(raw)?),
            None => None,
        };
        let named: Vec<i32> = [Some(request.requested_by), request.decided_by]
            .into_iter()
            .flatten()
            .collect();
        let people = users::by_ids(&state.db, &named).await?;
        let name_of = |id: Option<i32>| {
            id.and_then(|id| people.iter().find(|p| p.id == id))
                .map(|p| p.display_name.clone())
        };
        let customer = companies::find(&state.db, order.customer_company_id).await?;
        let item_views = items
            .iter()
            .enumerate()
            .map(|(i, item)| {
                let (what, before, after) = item.describe();
                let counter = counter
                    .as_ref()
                    .and_then(|c| c.get(i))
                    .filter(|c| *c != item)
                    .map(|c| c.describe().2);
                ChangeItemView {
                    kind: item.kind(),
                    line_no: item.line_no(),
                    what,
                    before,
                    after,
                    counter,
                }
            })
            .collect();
        let (mut impact_notes, mut factories, mut conflicts) = (Vec::new(), Vec::new(), Vec::new());
        let pending = status.is_pending();
        if house && pending {
            let lines = orders::lines_of(&state.db, &[order.id]).await?;
            let placed = purchase_orders::placed_lines(
                &state.db,
                &lines.iter().map(|l| l.id).collect::<Vec<_>>(),
            )
            .await?;
            let current = order_state(&state.db, order, order_status, &lines).await?;
            let po = po_states(&lines, &placed);
            let asked = counter.as_ref().unwrap_or(&items);
            impact_notes = impact(&current, asked, &po);
            // Prices and HS codes are given with the decision, so a missing
            // one is not a conflict yet.
            let priced: Vec<ChangeItem> = asked
                .iter()
                .cloned()
                .map(|i| match i {
                    ChangeItem::AddLine(mut new) => {
                        new.unit_price_minor.get_or_insert(0);
                        new.hs_code.get_or_insert_with(String::new);
                        ChangeItem::AddLine(new)
                    }
                    other => other,
                })
                .collect();
            let today = state.now().date_naive();
            if let Err(found) = apply(&current, &priced, today) {
                conflicts = found;
            }
            // The factory lines named here are exactly those the apply step
            // changes and asks to acknowledge: both come from one rule.
            match factory_changes(&priced, &po) {
                Ok(changed) if !changed.is_empty() => {
                    let suppliers: Vec<i32> =
                        placed.iter().map(|p| p.po.supplier_company_id).collect();
                    let names = companies::by_ids(&state.db, &suppliers).await?;
                    for change in &changed {
                        let Some(p) = placed.iter().find(|p| p.line.id == change.po_line_id) else {
                            continue;
                        };
                        let Some(line) = lines.iter().find(|l| l.id == p.order_line_id) else {
                            continue;
                        };
                        let supplier = names
                            .iter()
                            .find(|c| c.id == p.po.supplier_company_id)
                            .map(|c| c.name.clone())
                            .unwrap_or_default();
                        factories.push(format!(
                            "{} line {} ({supplier}) for line {}",
                            p.po.number, p.line.line_no, line.line_no
                        ));
                    }
                }
                Ok(_) => {}
                Err(found) => conflicts.extend(found.iter().map(|p| p.text_for(Party::House))),
            }
        }
        let needs_price = items
            .iter()
            .enumerate()
            .filter(|(_, i)| matches!(i, ChangeItem::AddLine(n) if n.unit_price_minor.is_none()))
            .map(|(i, _)| i)
            .collect();
        let now = state.now();
        Ok(ChangeView {
            id: request.id,
            order_id: order.id,
            order_number: order.number.clone(),
            customer_name: customer.map(|c| c.name).unwrap_or_default(),
            status,
            requested_by: name_of(Some(request.requested_by)).unwrap_or_default(),
            created_at: request.created_at,
            age_days: (now - request.created_at).num_days().max(0),
            note: request.note.clone(),
            answer: request.answer.clone(),
            decided_by: name_of(request.decided_by),
            items: item_views,
            impact: impact_notes,
            factories,
            conflicts,
            needs_price,
            can_decide: house && status == ChangeStatus::Open,
            can_answer: !house && status == ChangeStatus::Countered,
            can_withdraw: !house && pending,
        })
    }

    /// The step that changes the order: applies `items` to the order as it
    /// is now (conflicts are refused, never overwritten), moves the request
    /// from `from` to `to`, changes the factory lines behind the order and
    /// asks the factories to acknowledge, all in one transaction.
    pub async fn apply_change(
        state: &AppState,
        actor_user_id: i32,
        request: &change_request::Model,
        from: ChangeStatus,
        to: ChangeStatus,
        items: &[ChangeItem],
        answer: Option<String>,
        counter_json: Option<String>,
        party: Party,
    ) -> Result<(), ApiError> {
        use crate::ssr::alerts::AlertContext;
        use crate::ssr::production::{Moved, follow_factory};
        use crate::ssr::repo::orders::{NewEvent, OrderScope};

        let now = state.now();
        let today = now.date_naive();
        let order = orders::find(&state.db, OrderScope::All, request.order_id)
            .await?
            .ok_or(ApiError::NotFound)?;
        let status = crate::ssr::repo::orders::status_of(&order)?;
        let lines = orders::lines_of(&state.db, &[order.id]).await?;
        let placed = purchase_orders::placed_lines(
            &state.db,
            &lines.iter().map(|l| l.id).collect::<Vec<_>>(),
        )
        .await?;
        let current = order_state(&state.db, &order, status, &lines).await?;
        let conflict = |found: Vec<String>| ApiError::Conflict {
            message: format!(
                "The order changed since this change was asked for, so it cannot be applied as it stands: {}",
                found.join(" ")
            ),
        };
        let next = apply(&current, items, today).map_err(conflict)?;
        let po_changes = factory_changes(items, &po_states(&lines, &placed))
            .map_err(|found| conflict(found.iter().map(|p| p.text_for(party)).collect()))?;

        let mut work = crate::ssr::work::UnitOfWork::begin(state).await?;
        if !crate::ssr::repo::changes::claim(
            &work.tx,
            request,
            from,
            to,
            (from == ChangeStatus::Open).then_some(actor_user_id),
            answer.clone().filter(|a| !a.is_empty()),
            counter_json,
            now,
        )
        .await?
        {
            return Err(already_decided());
        }
        if !orders::bump_version(&work.tx, order.id, order.version, now).await? {
            return Err(ApiError::Conflict {
                message:
                    "The order changed a moment ago. Reload to see the change, then try again."
                        .to_string(),
            });
        }
        let revision = order.revision + 1;
        order::ActiveModel {
            id: Set(order.id),
            ship_to: Set(next.ship_to.clone()),
            revision: Set(revision),
            ..Default::default()
        }
        .update(&work.tx)
        .await?;
        for line in &lines {
            match next.lines.iter().find(|l| l.line_no == line.line_no) {
                None => orders::delete_line(&work.tx, line.id).await?,
                Some(new) => {
                    let has_factory = placed.iter().any(|p| p.order_line_id == line.id);
                    let mut row = order_line::ActiveModel {
                        id: Set(line.id),
                        quantity: Set(new.quantity),
                        description: Set(new.description.clone()),
                        requested_date: Set(new.requested),
                        committed_date: Set(new.committed),
                        ..Default::default()
                    };
                    // Without a factory behind it, nothing but the commitment
                    // informs a line's forecast; with one, the factories'
                    // dates are followed below, inside this transaction.
                    if !has_factory && new.committed != line.committed_date {
                        row.forecast_date = Set(new.committed);
                    }
                    row.update(&work.tx).await?;
                }
            }
        }
        for new in next
            .lines
            .iter()
            .filter(|n| !lines.iter().any(|l| l.line_no == n.line_no))
        {
            orders::insert_line(
                &work.tx,
                orders::NewLine {
                    order_id: order.id,
                    line_no: new.line_no,
                    product_code: &new.product_code,
                    description: &new.description,
                    hs_code: &new.hs_code,
                    quantity: new.quantity,
                    unit: &new.unit,
                    unit_price_minor: new.unit_price_minor,
                    requested: new.requested,
                    committed: new.committed,
                    forecast: new.committed,
                },
            )
            .await?;
        }
        let people = users::all(&work.tx).await?;
        // Every factory line still behind the order: forecasts against the
        // new commitments, the order's status and the alerts are worked out
        // again from them, whether or not the factory's own line changed.
        let moved: Vec<Moved> = placed
            .iter()
            .filter(|p| {
                !po_changes
                    .iter()
                    .any(|c| c.cancelled && c.po_line_id == p.line.id)
            })
            .map(|p| {
                let at = crate::domain::progress::Milestone::parse(&p.line.milestone)
                    .unwrap_or(crate::domain::progress::Milestone::NotStarted);
                Moved {
                    po_line_id: p.line.id,
                    from: at,
                    to: at,
                }
            })
            .collect();
        for change in &po_changes {
            let Some(p) = placed.iter().find(|p| p.line.id == change.po_line_id) else {
                continue;
            };
            // Only if the factory has not reported since the line was read:
            // the change was judged against what it had made then.
            let mut update = po_line::Entity::update_many()
                .col_expr(po_line::Column::Version, Expr::value(p.line.version + 1))
                .filter(po_line::Column::Id.eq(p.line.id))
                .filter(po_line::Column::Version.eq(p.line.version));
            if let Some((_, qty)) = change.quantity {
                update = update.col_expr(po_line::Column::Quantity, Expr::value(qty));
            }
            if let Some((_, text)) = &change.description {
                update = update.col_expr(po_line::Column::Description, Expr::value(text.clone()));
            }
            if let Some((_, date)) = change.ready_by {
                update = update.col_expr(po_line::Column::CommittedReadyDate, Expr::value(date));
            }
            if change.cancelled {
                update = update.col_expr(po_line::Column::Cancelled, Expr::value(true));
            }
            if update.exec(&work.tx).await?.rows_affected != 1 {
                return Err(ApiError::Conflict {
                    message: "The factory reported on this order a moment ago. Reload to see its report, then decide again.".to_string(),
                });
            }
            let saved = po_line_change::ActiveModel {
                po_line_id: Set(p.line.id),
                change_request_id: Set(request.id),
                detail: Set(serde_json::to_string(change)
                    .map_err(|e| ApiError::internal("factory change", e))?),
                created_at: Set(now),
                acknowledged_at: Set(None),
                acknowledged_by: Set(None),
                ..Default::default()
            }
            .insert(&work.tx)
            .await?;
            for person in people
                .iter()
                .filter(|u| u.active && u.company_id == p.po.supplier_company_id)
            {
                let locale = Locale::parse(&person.locale).unwrap_or_default();
                let changes = format!(
                    "{}\n{}",
                    locale.t_with(
                        "change-ack-line",
                        &[
                            ("po", p.po.number.as_str().into()),
                            ("line", p.line.line_no.into()),
                            ("product", p.line.product_code.as_str().into()),
                        ],
                    ),
                    po_change_lines(change, locale).join("\n")
                );
                mail(
                    &work.tx,
                    state,
                    ChangeMail::ToAcknowledge,
                    person,
                    &saved.id.to_string(),
                    &format!("/supplier/lines/{}", p.line.id),
                    vec![("po", p.po.number.clone()), ("changes", changes)],
                )
                .await?;
            }
        }
        // A purchase order whose every line is cancelled is cancelled too.
        let mut emptied: Vec<i32> = placed
            .iter()
            .filter(|p| {
                po_changes
                    .iter()
                    .any(|c| c.cancelled && c.po_line_id == p.line.id)
            })
            .map(|p| p.po.id)
            .collect();
        emptied.dedup();
        for po_id in emptied {
            use crate::ssr::entities::purchase_order;
            use sea_orm::PaginatorTrait;
            let left = po_line::Entity::find()
                .filter(po_line::Column::PurchaseOrderId.eq(po_id))
                .filter(po_line::Column::Cancelled.eq(false))
                .count(&work.tx)
                .await?;
            if left == 0 {
                purchase_order::Entity::update_many()
                    .col_expr(purchase_order::Column::Status, Expr::value("cancelled"))
                    .filter(purchase_order::Column::Id.eq(po_id))
                    .exec(&work.tx)
                    .await?;
            }
        }
        let mut entries = vec![(
            format!(
                "Change request {} {} (revision {revision})",
                number(request.id),
                to.label().to_lowercase()
            ),
            None,
            None,
        )];
        for item in items {
            let (what, before, after) = item.describe();
            // "Line 2 cancelled" and "New line" say what happened already.
            let summary = if before.is_empty() || after.is_empty() {
                what
            } else {
                format!("{what} changed")
            };
            entries.push((
                summary,
                (!before.is_empty()).then_some(before),
                (!after.is_empty()).then_some(after),
            ));
        }
        if !po_changes.is_empty() {
            entries.push((
                "The factory is asked to acknowledge the change".to_string(),
                None,
                None,
            ));
        }
        for (summary, before, after) in entries {
            work.record(
                NewEvent {
                    order_id: order.id,
                    actor_user_id: Some(actor_user_id),
                    kind: "change",
                    summary,
                    before,
                    after,
                },
                order.customer_company_id,
                now,
            )
            .await?;
        }
        if !moved.is_empty() {
            follow_factory(
                &work.tx,
                &moved,
                &mut work.live,
                &AlertContext {
                    now,
                    ..state.alert_context()
                },
            )
            .await?;
        }
        if let Some(requester) = people
            .iter()
            .find(|u| u.id == request.requested_by && u.active)
        {
            let answer = answer.clone().unwrap_or_default();
            tell_requester(
                &work.tx,
                state,
                requester,
                request.id,
                &order,
                to,
                summary(items),
                answer,
            )
            .await?;
        }
        work.commit(state).await?;
        Ok(())
    }

    /// The "your request was decided" mail to the customer who asked.
    async fn tell_requester(
        db: &impl ConnectionTrait,
        state: &AppState,
        requester: &user::Model,
        request_id: i32,
        order: &order::Model,
        status: ChangeStatus,
        changes: String,
        answer: String,
    ) -> Result<(), ApiError> {
        let locale = Locale::parse(&requester.locale).unwrap_or_default();
        mail(
            db,
            state,
            ChangeMail::Decided,
            requester,
            &format!("{request_id}:{}", status.as_str()),
            &format!("/customer/orders/{}", order.id),
            vec![
                ("order", order.number.clone()),
                ("decision", decision_word(status, locale)),
                ("changes", changes),
                ("answer", answer),
            ],
        )
        .await
        .map_err(db_error("queuing a mail"))
    }

    /// A timeline entry, the mail to the customer (if any) and the commit of
    /// a step that does not change the order.
    pub async fn record_step(
        state: &AppState,
        mut work: UnitOfWork,
        order: &order::Model,
        actor_user_id: i32,
        summary: String,
        after: Option<String>,
        tell_customer: Option<(&change_request::Model, ChangeStatus, String)>,
    ) -> Result<(), ApiError> {
        use crate::ssr::repo::orders::NewEvent;
        let now = state.now();
        work.record(
            NewEvent {
                order_id: order.id,
                actor_user_id: Some(actor_user_id),
                kind: "change",
                summary,
                before: None,
                after,
            },
            order.customer_company_id,
            now,
        )
        .await?;
        if let Some((request, status, changes)) = tell_customer
            && let Some(requester) = users::find(&work.tx, request.requested_by)
                .await?
                .filter(|u| u.active)
        {
            let answer = request.answer.clone().unwrap_or_default();
            tell_requester(
                &work.tx, state, &requester, request.id, order, status, changes, answer,
            )
            .await?;
        }
        work.commit(state).await
    }

    /// How a customer ends a request without changing the order.
    #[derive(Clone, Copy)]
    pub enum Ending {
        Withdrawn,
        CounterDeclined,
    }

    impl Ending {
        fn step(self) -> Step {
            match self {
                Ending::Withdrawn => Step::Withdraw,
                Ending::CounterDeclined => Step::Decline,
            }
        }

        fn summary(self, request: i32) -> String {
            match self {
                Ending::Withdrawn => format!("Change request {} withdrawn", number(request)),
                Ending::CounterDeclined => format!(
                    "Counter-proposal on change request {} declined",
                    number(request)
                ),
            }
        }

        fn mail(self) -> ChangeMail {
            match self {
                Ending::Withdrawn => ChangeMail::Withdrawn,
                Ending::CounterDeclined => ChangeMail::CounterDeclined,
            }
        }
    }

    /// The customer's own ending of a request: the request moves unless
    /// someone moved it first, the timeline says so, and the house people
    /// it went to are told.
    pub async fn close(
        state: &AppState,
        user_id: i32,
        request: &change_request::Model,
        order: &order::Model,
        ending: Ending,
    ) -> Result<(), ApiError> {
        use crate::domain::change_request::next_status;
        let from = status_of(request)?;
        let to = next_status(from, ending.step(), Party::Customer).map_err(step_error)?;
        let work = UnitOfWork::begin(state).await?;
        if !crate::ssr::repo::changes::claim(
            &work.tx,
            request,
            from,
            to,
            None,
            None,
            None,
            state.now(),
        )
        .await?
        {
            return Err(already_decided());
        }
        let values = vec![("request", number(request.id))];
        tell_deciders(&work.tx, state, ending.mail(), request.id, order, values).await?;
        let summary = ending.summary(request.id);
        record_step(state, work, order, user_id, summary, None, None).await
    }

    pub fn parse_date(raw: &str) -> Result<NaiveDate, &'static str> {
        crate::domain::dates::parse_day(raw).ok_or("Enter a date like 2027-03-31.")
    }

    pub fn step_of(raw: &str) -> Result<Step, ApiError> {
        Step::parse(raw)
            .ok_or_else(|| ApiError::invalid("decision", "Choose approve, reject or counter."))
    }
}

/// Asks for a change to one of the customer's orders, against the `version`
/// of the order the customer saw. `lines[i]` restates an existing line (by
/// `line_no`) with the wanted values; `added` holds lines to add. Returns the
/// request's id.
#[server(endpoint = "changes/request")]
pub async fn request_change(
    order_id: i32,
    version: i32,
    #[server(default)] note: String,
    ship_to: String,
    #[server(default)] lines: Vec<ChangeLineInput>,
    #[server(default)] added: Vec<AddedLineInput>,
) -> Result<i32, ApiError> {
    use crate::domain::change_request::{
        ChangeKind, LineProposal, NewLine, Proposal, check_request, diff,
    };
    use crate::domain::order_input::parse_quantity;
    use crate::domain::order_input::required_text as text;
    use crate::domain::policy::Action;
    use crate::ssr::entities::change_request;
    use crate::ssr::mail_templates::ChangeMail;
    use crate::ssr::repo::orders::{self, NewEvent};
    use crate::ssr::repo::orders::{OrderScope, status_of};
    use crate::ssr::{app_state, db_error, guard};
    use sea_orm::{ActiveModelTrait, Set};

    let user = crate::ssr::auth::require_user()?;
    let scope = OrderScope::of_user(&user)?;
    let state = app_state()?;
    let order = orders::find(&state.db, scope, order_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    guard::check(
        &state,
        &user,
        Action::AskChange {
            customer: order.customer_company_id,
        },
        "change request",
    )
    .await?;
    let status = status_of(&order)?;
    if order.version != version {
        return Err(ApiError::Conflict {
            message:
                "The order changed since you opened it. Reload to see the change, then ask again."
                    .to_string(),
        });
    }
    let existing = crate::ssr::repo::changes::of_order(&state.db, order.id).await?;
    if existing
        .iter()
        .any(|r| ChangeStatus::parse(&r.status).is_some_and(|s| s.is_pending()))
    {
        return Err(one_pending());
    }
    let today = state.now().date_naive();
    let current_lines = orders::lines_of(&state.db, &[order.id]).await?;
    let mut problems = super::FieldErrors::default();
    let ship_to = problems.keep("ship_to", text(&ship_to, 500, "the ship-to address"));
    if note.chars().count() > 2000 {
        problems.add("note", "Keep the note under 2000 characters.");
    }
    let mut proposal = Proposal::default();
    // line number → index of its row in the form, to name fields in errors.
    let mut rows: Vec<(i32, usize)> = Vec::new();
    for (i, input) in lines.iter().enumerate() {
        let field = |name: &str| format!("lines[{i}].{name}");
        let Some(line) = current_lines.iter().find(|l| {
            input
                .line_no
                .trim()
                .parse::<i32>()
                .is_ok_and(|n| n == l.line_no)
        }) else {
            problems.add(field("line_no"), "No such line on this order.");
            continue;
        };
        if rows.iter().any(|(n, _)| *n == line.line_no) {
            problems.add(field("line_no"), "This line appears twice in the form.");
            continue;
        }
        rows.push((line.line_no, i));
        if !input.cancel.trim().is_empty() {
            proposal.lines.push(LineProposal {
                line_no: line.line_no,
                quantity: line.quantity,
                description: line.description.clone(),
                requested: line.requested_date,
                cancel: true,
            });
            continue;
        }
        let quantity = problems.keep(field("quantity"), parse_quantity(&input.quantity));
        let description = problems.keep(
            field("description"),
            text(&input.description, 2000, "a description"),
        );
        let requested = problems.keep(field("requested"), server::parse_date(&input.requested));
        if let (Some(quantity), Some(description), Some(requested)) =
            (quantity, description, requested)
        {
            proposal.lines.push(LineProposal {
                line_no: line.line_no,
                quantity,
                description,
                requested,
                cancel: false,
            });
        }
    }
    for (i, input) in added.iter().enumerate() {
        if input.is_blank() {
            continue;
        }
        let field = |name: &str| format!("added[{i}].{name}");
        let product_code = problems.keep(
            field("product_code"),
            text(&input.product_code, 40, "a product code"),
        );
        let description = problems.keep(
            field("description"),
            text(&input.description, 2000, "a description"),
        );
        let quantity = problems.keep(field("quantity"), parse_quantity(&input.quantity));
        let unit = problems.keep(field("unit"), text(&input.unit, 12, "a unit"));
        let requested = problems.keep(
            field("requested"),
            server::parse_date(&input.requested).and_then(|d| {
                if d < today {
                    Err("The date cannot be in the past.")
                } else {
                    Ok(d)
                }
            }),
        );
        if let (
            Some(product_code),
            Some(description),
            Some(quantity),
            Some(unit),
            Some(requested),
        ) = (product_code, description, quantity, unit, requested)
        {
            proposal.added.push(NewLine {
                product_code,
                description,
                quantity,
                unit,
                requested,
                unit_price_minor: None,
                hs_code: None,
            });
        }
    }
    let Some(ship_to) = ship_to else {
        return Err(problems.into_error());
    };
    if !problems.is_empty() {
        return Err(problems.into_error());
    }
    proposal.ship_to = ship_to;
    let current = server::order_state(&state.db, &order, status, &current_lines).await?;
    let items = diff(&current, &proposal);
    for problem in check_request(&current, &items, &note, today) {
        let row = problem
            .line_no
            .and_then(|n| rows.iter().find(|(no, _)| *no == n).map(|(_, i)| *i));
        let field = match (row, problem.kind) {
            (Some(i), Some(ChangeKind::Quantity)) => format!("lines[{i}].quantity"),
            (Some(i), Some(ChangeKind::Description)) => format!("lines[{i}].description"),
            (Some(i), Some(ChangeKind::RequestedDate)) => format!("lines[{i}].requested"),
            (Some(i), _) => format!("lines[{i}].cancel"),
            (None, Some(ChangeKind::ShipTo)) => "ship_to".to_string(),
            (None, Some(ChangeKind::AddLine)) => "added".to_string(),
            (None, Some(_)) => "lines".to_string(),
            (None, None) => "note".to_string(),
        };
        problems.add(field, problem.message);
    }
    if !problems.is_empty() {
        return Err(problems.into_error());
    }

    let now = state.now();
    let mut work = crate::ssr::work::UnitOfWork::begin(&state).await?;
    let saved = change_request::ActiveModel {
        order_id: Set(order.id),
        requested_by: Set(user.user_id),
        base_version: Set(order.version),
        status: Set(ChangeStatus::Open.as_str().to_string()),
        items: Set(serde_json::to_string(&items).map_err(|e| ApiError::internal("items", e))?),
        note: Set(note.trim().to_string()),
        counter_items: Set(None),
        answer: Set(None),
        decided_by: Set(None),
        created_at: Set(now),
        decided_at: Set(None),
        closed_at: Set(None),
        ..Default::default()
    }
    .insert(&work.tx)
    .await
    .map_err(|e| match e.sql_err() {
        // Another request of this order was saved a moment ago.
        Some(sea_orm::SqlErr::UniqueConstraintViolation(_)) => one_pending(),
        _ => db_error("saving the request")(e),
    })?;
    let changes = server::summary(&items);
    work.record(
        NewEvent {
            order_id: order.id,
            actor_user_id: Some(user.user_id),
            kind: "change",
            summary: format!("Change request {} made", server::number(saved.id)),
            before: None,
            after: Some(if changes.is_empty() {
                note.trim().to_string()
            } else {
                changes.replace('\n', "; ")
            }),
        },
        order.customer_company_id,
        now,
    )
    .await?;
    let values = vec![("changes", changes), ("note", note.trim().to_string())];
    server::tell_deciders(
        &work.tx,
        &state,
        ChangeMail::Requested,
        saved.id,
        &order,
        values,
    )
    .await?;
    work.commit(&state).await?;
    Ok(saved.id)
}

#[cfg(feature = "ssr")]
fn one_pending() -> ApiError {
    ApiError::Conflict {
        message: "This order already has a change request waiting for an answer; withdraw it or wait for the answer first.".to_string(),
    }
}

/// Loads a request with its order for the signed-in person: the house sees
/// every request, a customer its own company's; anyone else gets 404.
#[cfg(feature = "ssr")]
async fn request_for(
    state: &crate::ssr::AppState,
    user: &crate::ssr::auth::CurrentUser,
    id: i32,
) -> Result<
    (
        crate::ssr::entities::change_request::Model,
        crate::ssr::entities::order::Model,
    ),
    ApiError,
> {
    use crate::ssr::repo::orders;
    let scope = crate::ssr::repo::orders::OrderScope::of_user(user)?;
    let request = crate::ssr::repo::changes::find(&state.db, id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let order = orders::find(&state.db, scope, request.order_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok((request, order))
}

/// One change request as the viewer may see it.
#[server(endpoint = "changes/get")]
pub async fn get_change(id: i32) -> Result<ChangeView, ApiError> {
    use crate::ssr::app_state;
    let user = crate::ssr::auth::require_user()?;
    let state = app_state()?;
    let (request, order) = request_for(&state, &user, id).await?;
    server::view(&state, &request, &order, user.actor().is_house()).await
}

/// The house's inbox: requests waiting for the house (oldest first), then
/// those waiting for the customer's answer to a counter-proposal.
#[server(endpoint = "changes/inbox")]
pub async fn change_inbox() -> Result<Vec<ChangeView>, ApiError> {
    use crate::domain::policy::{Action, Area};
    use crate::ssr::entities::change_request;
    use crate::ssr::repo::orders::{self, OrderScope};
    use crate::ssr::{app_state, guard};
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

    let user = crate::ssr::auth::require_user()?;
    let state = app_state()?;
    guard::check(
        &state,
        &user,
        Action::EnterArea(Area::Staff),
        "change inbox",
    )
    .await?;
    let pending = change_request::Entity::find()
        .filter(change_request::Column::Status.is_in([
            ChangeStatus::Open.as_str(),
            ChangeStatus::Countered.as_str(),
        ]))
        .order_by_asc(change_request::Column::CreatedAt)
        .order_by_asc(change_request::Column::Id)
        .all(&state.db)
        .await?;
    let mut views = Vec::new();
    for request in &pending {
        if let Some(order) = orders::find(&state.db, OrderScope::All, request.order_id).await? {
            let mut view = server::view(&state, request, &order, true).await?;
            // The inbox names the changes; the impact is read on the request.
            view.impact.clear();
            view.factories.clear();
            views.push(view);
        }
    }
    views.sort_by_key(|v| (v.status != ChangeStatus::Open, v.created_at));
    Ok(views)
}

/// The house decides an open request: `decision` is `approve`, `reject`
/// (with a reason in `answer`) or `counter` (with counter values in
/// `items[i].counter`, in the order of the request's items, and an optional
/// message). Added lines need `items[i].unit_price` to approve or counter.
#[server(endpoint = "changes/decide")]
pub async fn decide_change(
    id: i32,
    decision: String,
    #[server(default)] answer: String,
    #[server(default)] items: Vec<ItemDecisionInput>,
) -> Result<(), ApiError> {
    use crate::domain::change_request::{ChangeItem, Party, Step, next_status};
    use crate::domain::order_input::required_text as text;
    use crate::domain::order_input::{parse_hs_code, parse_quantity, parse_unit_price};
    use crate::domain::policy::Action;
    use crate::ssr::{app_state, guard};

    let user = crate::ssr::auth::require_user()?;
    let state = app_state()?;
    let today = state.now().date_naive();
    let (request, order) = request_for(&state, &user, id).await?;
    guard::check(
        &state,
        &user,
        Action::DecideChange {
            customer: order.customer_company_id,
        },
        "change decision",
    )
    .await?;
    let step = server::step_of(&decision)?;
    let from = server::status_of(&request)?;
    let to = next_status(from, step, Party::House).map_err(server::step_error)?;
    let asked = server::items_of(&request.items)?;
    let answer = answer.trim().to_string();
    let mut problems = super::FieldErrors::default();
    if answer.chars().count() > 2000 {
        problems.add("answer", "Keep the answer under 2000 characters.");
    }
    if step == Step::Reject && answer.is_empty() {
        problems.add("answer", "Give the customer a reason for the rejection.");
    }
    // The items as they would apply: prices for added lines, counter values.
    let mut decided = Vec::with_capacity(asked.len());
    for (i, item) in asked.iter().enumerate() {
        let input = items.get(i).cloned().unwrap_or_default();
        let counter = input.counter.trim();
        let field = |name: &str| format!("items[{i}].{name}");
        let mut item = item.clone();
        if step == Step::Counter && !counter.is_empty() {
            match &mut item {
                ChangeItem::Quantity { to, .. } => {
                    if let Some(q) = problems.keep(field("counter"), parse_quantity(counter)) {
                        *to = q;
                    }
                }
                ChangeItem::Description { to, .. } => {
                    if let Some(t) =
                        problems.keep(field("counter"), text(counter, 2000, "a description"))
                    {
                        *to = t;
                    }
                }
                ChangeItem::RequestedDate { to, .. } => {
                    let date = server::parse_date(counter).and_then(|d| {
                        if d < today {
                            Err("The date cannot be in the past.")
                        } else {
                            Ok(d)
                        }
                    });
                    if let Some(d) = problems.keep(field("counter"), date) {
                        *to = d;
                    }
                }
                ChangeItem::ShipTo { to, .. } => {
                    if let Some(t) =
                        problems.keep(field("counter"), text(counter, 500, "the ship-to address"))
                    {
                        *to = t;
                    }
                }
                ChangeItem::AddLine(new) => {
                    if let Some(q) = problems.keep(field("counter"), parse_quantity(counter)) {
                        new.quantity = q;
                    }
                }
                ChangeItem::CancelLine { .. } => problems.add(
                    field("counter"),
                    "A cancellation is approved or rejected as it is.",
                ),
            }
        }
        if let ChangeItem::AddLine(new) = &mut item
            && step != Step::Reject
        {
            match parse_unit_price(&input.unit_price) {
                Ok(price) => new.unit_price_minor = Some(price),
                Err(_) => problems.add(
                    field("unit_price"),
                    format!(
                        "Give the unit price of the new line {}, like 12.50.",
                        new.product_code
                    ),
                ),
            }
            new.hs_code = problems.keep(field("hs_code"), parse_hs_code(&input.hs_code));
        }
        decided.push(item);
    }
    if step == Step::Counter && problems.is_empty() {
        let differs = decided.iter().zip(&asked).any(|(d, a)| match (d, a) {
            (ChangeItem::AddLine(d), ChangeItem::AddLine(a)) => d.quantity != a.quantity,
            (d, a) => d != a,
        });
        if !differs {
            problems.add(
                "items",
                "A counter-proposal changes at least one value; to agree as asked, approve.",
            );
        }
    }
    if !problems.is_empty() {
        return Err(problems.into_error());
    }
    if step == Step::Counter {
        // A counter-proposal the order could not take would only fail when
        // the customer accepts it.
        use crate::domain::change_request::{apply, factory_changes};
        use crate::ssr::repo::{orders, purchase_orders};
        let lines = orders::lines_of(&state.db, &[order.id]).await?;
        let placed = purchase_orders::placed_lines(
            &state.db,
            &lines.iter().map(|l| l.id).collect::<Vec<_>>(),
        )
        .await?;
        let status = crate::ssr::repo::orders::status_of(&order)?;
        let current = server::order_state(&state.db, &order, status, &lines).await?;
        let mut found = apply(&current, &decided, today).err().unwrap_or_default();
        found.extend(
            factory_changes(&decided, &server::po_states(&lines, &placed))
                .err()
                .unwrap_or_default()
                .iter()
                .map(|p| p.text_for(Party::House)),
        );
        if !found.is_empty() {
            return Err(ApiError::Conflict {
                message: format!(
                    "The order could not take this counter-proposal: {}",
                    found.join(" ")
                ),
            });
        }
    }
    match step {
        Step::Approve => {
            server::apply_change(
                &state,
                user.user_id,
                &request,
                from,
                to,
                &decided,
                Some(answer),
                None,
                Party::House,
            )
            .await
        }
        Step::Reject | Step::Counter => {
            let counter_json = (step == Step::Counter)
                .then(|| serde_json::to_string(&decided))
                .transpose()
                .map_err(|e| ApiError::internal("counter items", e))?;
            let now = state.now();
            let work = crate::ssr::work::UnitOfWork::begin(&state).await?;
            if !crate::ssr::repo::changes::claim(
                &work.tx,
                &request,
                from,
                to,
                Some(user.user_id),
                Some(answer.clone()),
                counter_json,
                now,
            )
            .await?
            {
                return Err(server::already_decided());
            }
            let request = crate::ssr::entities::change_request::Model {
                answer: Some(answer.clone()),
                ..request
            };
            let (summary, changes) = if step == Step::Reject {
                (
                    format!("Change request {} rejected", server::number(request.id)),
                    server::summary(&asked),
                )
            } else {
                (
                    format!(
                        "Counter-proposal on change request {}",
                        server::number(request.id)
                    ),
                    server::summary(&decided),
                )
            };
            let after = if answer.is_empty() {
                changes.replace('\n', "; ")
            } else {
                answer.clone()
            };
            server::record_step(
                &state,
                work,
                &order,
                user.user_id,
                summary,
                Some(after),
                Some((&request, to, changes)),
            )
            .await
        }
        _ => Err(ApiError::Forbidden),
    }
}

/// The customer answers a counter-proposal: `accept` applies it to the
/// order, anything else declines it.
#[server(endpoint = "changes/answer")]
pub async fn answer_change(id: i32, accept: bool) -> Result<(), ApiError> {
    use crate::domain::change_request::{Party, Step, next_status};
    use crate::domain::policy::Action;
    use crate::ssr::{app_state, guard};

    let user = crate::ssr::auth::require_user()?;
    let state = app_state()?;
    let (request, order) = request_for(&state, &user, id).await?;
    guard::check(
        &state,
        &user,
        Action::AskChange {
            customer: order.customer_company_id,
        },
        "change answer",
    )
    .await?;
    if !accept {
        let ending = server::Ending::CounterDeclined;
        return server::close(&state, user.user_id, &request, &order, ending).await;
    }
    let from = server::status_of(&request)?;
    let to = next_status(from, Step::Accept, Party::Customer).map_err(server::step_error)?;
    let counter = request
        .counter_items
        .as_deref()
        .ok_or_else(|| ApiError::internal("counter-proposal", "missing"))?;
    let items = server::items_of(counter)?;
    server::apply_change(
        &state,
        user.user_id,
        &request,
        from,
        to,
        &items,
        None,
        None,
        Party::Customer,
    )
    .await
}

/// The customer withdraws a request that is still waiting.
#[server(endpoint = "changes/withdraw")]
pub async fn withdraw_change(id: i32) -> Result<(), ApiError> {
    use crate::domain::policy::Action;
    use crate::ssr::{app_state, guard};

    let user = crate::ssr::auth::require_user()?;
    let state = app_state()?;
    let (request, order) = request_for(&state, &user, id).await?;
    guard::check(
        &state,
        &user,
        Action::AskChange {
            customer: order.customer_company_id,
        },
        "change withdrawal",
    )
    .await?;
    server::close(
        &state,
        user.user_id,
        &request,
        &order,
        server::Ending::Withdrawn,
    )
    .await
}

/// The changes a factory is asked to acknowledge (its own only; the house
/// sees every factory's). `all` includes acknowledged ones (newest first).
#[server(endpoint = "changes/factory")]
pub async fn factory_changes(#[server(default)] all: bool) -> Result<Vec<PoChangeView>, ApiError> {
    use crate::domain::change_request::PoLineChange;
    use crate::ssr::app_state;
    use crate::ssr::entities::{po_line, po_line_change, purchase_order};
    use crate::ssr::repo::progress::PoScope;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

    let user = crate::ssr::auth::require_user()?;
    let scope = PoScope::for_actor(&user.actor()).ok_or(ApiError::NotFound)?;
    let state = app_state()?;
    let mut select = po_line_change::Entity::find()
        .order_by_desc(po_line_change::Column::Id)
        .limit(200);
    if let PoScope::Supplier(company) = scope {
        use sea_orm::sea_query::{ExprTrait as _, Query};
        select = select.filter(
            po_line_change::Column::PoLineId.in_subquery(
                Query::select()
                    .column((po_line::Entity, po_line::Column::Id))
                    .from(po_line::Entity)
                    .inner_join(
                        purchase_order::Entity,
                        sea_orm::sea_query::Expr::col((
                            purchase_order::Entity,
                            purchase_order::Column::Id,
                        ))
                        .equals((po_line::Entity, po_line::Column::PurchaseOrderId)),
                    )
                    .and_where(
                        sea_orm::sea_query::Expr::col((
                            purchase_order::Entity,
                            purchase_order::Column::SupplierCompanyId,
                        ))
                        .eq(company),
                    )
                    .to_owned(),
            ),
        );
    }
    if !all {
        select = select.filter(po_line_change::Column::AcknowledgedAt.is_null());
    }
    let changes = select.all(&state.db).await?;
    let lines = po_line::Entity::find()
        .find_also_related(purchase_order::Entity)
        .filter(po_line::Column::Id.is_in(changes.iter().map(|c| c.po_line_id)))
        .all(&state.db)
        .await?;
    let mut views = Vec::new();
    for change in changes {
        let Some((line, Some(po))) = lines.iter().find(|(l, _)| l.id == change.po_line_id) else {
            continue;
        };
        if let PoScope::Supplier(company) = scope
            && po.supplier_company_id != company
        {
            continue;
        }
        let detail: PoLineChange = serde_json::from_str(&change.detail)
            .map_err(|e| ApiError::internal("factory change", e))?;
        views.push(PoChangeView {
            id: change.id,
            po_line_id: line.id,
            po_number: po.number.clone(),
            line_no: line.line_no,
            product_code: line.product_code.clone(),
            changes: server::po_change_lines(&detail, user.locale),
            created_at: change.created_at,
            acknowledged_at: change.acknowledged_at,
        });
    }
    Ok(views)
}

/// The factory acknowledges a change to one of its lines.
#[server(endpoint = "changes/acknowledge")]
pub async fn acknowledge_change(id: i32) -> Result<(), ApiError> {
    use crate::domain::policy::Action;
    use crate::ssr::entities::{change_request, po_line_change};
    use crate::ssr::repo::orders::{self, NewEvent, OrderScope};
    use crate::ssr::repo::progress::{self, PoScope};
    use crate::ssr::{app_state, guard};
    use sea_orm::sea_query::Expr;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

    let user = crate::ssr::auth::require_user()?;
    let scope = PoScope::for_actor(&user.actor()).ok_or(ApiError::NotFound)?;
    let state = app_state()?;
    let change = po_line_change::Entity::find_by_id(id)
        .one(&state.db)
        .await?
        .ok_or(ApiError::NotFound)?;
    let row = progress::find_line(&state.db, scope, change.po_line_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    guard::check(
        &state,
        &user,
        Action::PoLine {
            supplier: row.po.supplier_company_id,
            report: true,
        },
        "change acknowledgement",
    )
    .await?;
    let now = state.now();
    let mut work = crate::ssr::work::UnitOfWork::begin(&state).await?;
    let done = po_line_change::Entity::update_many()
        .col_expr(po_line_change::Column::AcknowledgedAt, Expr::value(now))
        .col_expr(
            po_line_change::Column::AcknowledgedBy,
            Expr::value(user.user_id),
        )
        .filter(po_line_change::Column::Id.eq(change.id))
        .filter(po_line_change::Column::AcknowledgedAt.is_null())
        .exec(&work.tx)
        .await?
        .rows_affected
        == 1;
    if !done {
        return Err(ApiError::Conflict {
            message: "This change was already acknowledged.".to_string(),
        });
    }
    let request = change_request::Entity::find_by_id(change.change_request_id)
        .one(&work.tx)
        .await?;
    if let Some(request) = request
        && let Some(order) = orders::find(&work.tx, OrderScope::All, request.order_id).await?
    {
        // The factory stays anonymous on the customer's timeline.
        work.record(
            NewEvent {
                order_id: order.id,
                actor_user_id: None,
                kind: "change",
                summary: format!(
                    "The factory acknowledged change request {}",
                    server::number(request.id)
                ),
                before: None,
                after: None,
            },
            order.customer_company_id,
            now,
        )
        .await?;
    }
    work.commit(&state).await?;
    Ok(())
}
