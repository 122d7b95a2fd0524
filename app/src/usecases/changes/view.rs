//! What the pages show of change requests: one request for the viewer, and
//! the house's inbox of requests waiting for someone.

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use super::{factory_problem, items_of, order_state, po_states, request_for};
use crate::domain::change_request::{
    ChangeItem, ChangeStatus, ImpactNote, Party, PoLineChange, apply, factory_changes, impact,
};
use crate::domain::change_workflow::as_if_priced;
use crate::domain::order_status::OrderStatus;
use crate::domain::policy::{Action, Area};
use crate::i18n::Locale;
use crate::ssr::auth::CurrentUser;
use crate::ssr::entities::{change_request, order, order_line};
use crate::ssr::repo::purchase_orders::{self, PlacedLine};
use crate::ssr::repo::{companies, orders, users};
use crate::ssr::{AppState, guard};
use crate::wire::ApiError;
use crate::wire::changes::{ChangeItemView, ChangeView};

/// One change request as the viewer may see it.
pub async fn get(state: &AppState, user: &CurrentUser, id: i32) -> Result<ChangeView, ApiError> {
    let (request, order) = request_for(state, user, id).await?;
    view(
        state,
        &state.reports,
        &request,
        &order,
        user.actor().is_house(),
        user.locale,
    )
    .await
}

/// The house's inbox: requests waiting for the house (oldest first), then
/// those waiting for the customer's answer to a counter-proposal.
pub async fn inbox(state: &AppState, user: &CurrentUser) -> Result<Vec<ChangeView>, ApiError> {
    guard::check(state, user, Action::EnterArea(Area::Staff), "change inbox").await?;
    // Plain reads to show a page, outside any transaction: the read-only
    // pool on SQLite, beside the single writing connection.
    let pending = change_request::Entity::find()
        .filter(change_request::Column::Status.is_in([
            ChangeStatus::Open.as_str(),
            ChangeStatus::Countered.as_str(),
        ]))
        .order_by_asc(change_request::Column::CreatedAt)
        .order_by_asc(change_request::Column::Id)
        .all(&state.reports)
        .await?;
    let mut views = Vec::new();
    for request in &pending {
        if let Some(order) =
            orders::find(&state.reports, orders::OrderScope::All, request.order_id).await?
        {
            let mut shown = view(state, &state.reports, request, &order, true, user.locale).await?;
            // The inbox names the changes; the impact is read on the request.
            shown.impact.clear();
            shown.factories.clear();
            views.push(shown);
        }
    }
    views.sort_by_key(|v| (v.status != ChangeStatus::Open, v.created_at));
    Ok(views)
}

/// Builds the page view of a request for the viewer (`house` adds the
/// impact, the factories and the conflicts), in the viewer's `locale`.
///
/// Only ever built to be shown (the order page, a request's page, the
/// inbox), never inside a write: `db` is the read-only pool on SQLite, or
/// the reads of the page it is part of.
pub async fn view(
    state: &AppState,
    db: &impl ConnectionTrait,
    request: &change_request::Model,
    order: &order::Model,
    house: bool,
    locale: Locale,
) -> Result<ChangeView, ApiError> {
    let status = request.status;
    let order_status = order.status;
    let items = items_of(&request.items)?;
    let counter = request.counter_items.as_deref().map(items_of).transpose()?;
    let named: Vec<i32> = [Some(request.requested_by), request.decided_by]
        .into_iter()
        .flatten()
        .collect();
    let people = users::by_ids(db, &named).await?;
    let name_of = |id: Option<i32>| {
        id.and_then(|id| people.iter().find(|p| p.id == id))
            .map(|p| p.display_name.clone())
    };
    let customer = companies::find(db, order.customer_company_id).await?;
    let pending = status.is_pending();
    let notes = if house && pending {
        let asked = counter.as_ref().unwrap_or(&items);
        house_notes(state, db, order, order_status, asked, locale).await?
    } else {
        HouseNotes::default()
    };
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
        items: item_views(&items, counter.as_deref(), locale),
        impact: notes.impact,
        factories: notes.factories,
        conflicts: notes.conflicts,
        needs_price: needs_price(&items),
        can_decide: house && status == ChangeStatus::Open,
        can_answer: !house && status == ChangeStatus::Countered,
        can_withdraw: !house && pending,
    })
}

/// Each item in words in `locale`, with the house's counter value where it
/// differs.
fn item_views(
    items: &[ChangeItem],
    counter: Option<&[ChangeItem]>,
    locale: Locale,
) -> Vec<ChangeItemView> {
    items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let (what, before, after) = item.describe(locale);
            let counter = counter
                .and_then(|c| c.get(i))
                .filter(|c| *c != item)
                .map(|c| c.describe(locale).2);
            ChangeItemView {
                kind: item.kind(),
                line_no: item.line_no(),
                what,
                before,
                after,
                counter,
            }
        })
        .collect()
}

/// Added lines waiting for a price (their positions in `items`).
fn needs_price(items: &[ChangeItem]) -> Vec<usize> {
    items
        .iter()
        .enumerate()
        .filter(|(_, i)| matches!(i, ChangeItem::AddLine(n) if n.unit_price_minor.is_none()))
        .map(|(i, _)| i)
        .collect()
}

/// What only the house reads on a pending request.
#[derive(Default)]
struct HouseNotes {
    impact: Vec<ImpactNote>,
    factories: Vec<String>,
    conflicts: Vec<String>,
}

/// The impact of `asked` on the commitments, the factory lines it reaches
/// and why it could no longer be applied as asked.
async fn house_notes(
    state: &AppState,
    db: &impl ConnectionTrait,
    order: &order::Model,
    order_status: OrderStatus,
    asked: &[ChangeItem],
    locale: Locale,
) -> Result<HouseNotes, ApiError> {
    // Shown, not acted on (deciding reads the order afresh on the writing
    // connection): read as in `view`.
    let lines = orders::lines_of(db, &[order.id]).await?;
    let placed =
        purchase_orders::placed_lines(db, &lines.iter().map(|l| l.id).collect::<Vec<_>>()).await?;
    let current = order_state(db, order, order_status, &lines).await?;
    let po = po_states(&lines, &placed);
    let mut notes = HouseNotes {
        impact: impact(&current, asked, &po, locale),
        ..HouseNotes::default()
    };
    let priced = as_if_priced(asked);
    let today = state.today();
    if let Err(found) = apply(&current, &priced, today, locale) {
        notes.conflicts = found;
    }
    // The factory lines named here are exactly those the apply step
    // changes and asks to acknowledge: both come from one rule.
    match factory_changes(&priced, &po) {
        Ok(changed) if !changed.is_empty() => {
            notes.factories = factory_names(db, &lines, &placed, &changed, locale).await?;
        }
        Ok(_) => {}
        Err(found) => notes.conflicts.extend(
            found
                .iter()
                .map(|p| factory_problem(p, Party::House, locale)),
        ),
    }
    Ok(notes)
}

/// Each changed factory line in words, in `locale`: its purchase order and
/// line, the factory, and the customer line it fills.
async fn factory_names(
    db: &impl ConnectionTrait,
    lines: &[order_line::Model],
    placed: &[PlacedLine],
    changed: &[PoLineChange],
    locale: Locale,
) -> Result<Vec<String>, ApiError> {
    let suppliers: Vec<i32> = placed.iter().map(|p| p.po.supplier_company_id).collect();
    let names = companies::by_ids(db, &suppliers).await?;
    let mut factories = Vec::new();
    for change in changed {
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
        factories.push(locale.t_with(
            "cr-words-factory-line",
            &[
                ("po", p.po.number.as_str().into()),
                ("line", p.line.line_no.into()),
                ("supplier", supplier.into()),
                ("order_line", line.line_no.into()),
            ],
        ));
    }
    Ok(factories)
}
