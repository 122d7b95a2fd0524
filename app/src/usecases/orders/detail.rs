//! One order as its viewer sees it: lines with their three dates and how far
//! the factories are, the timeline, shipments and payments, change requests
//! and, for the trading house, the purchase orders behind it. Loaded in one
//! step, then assembled into the page's view.

use chrono::NaiveDate;
use sea_orm::{ConnectionTrait, EntityTrait};

use super::{line_view, order_value, with_progress};
use crate::domain::change_request::askable;
use crate::domain::company::CompanyKind;
use crate::domain::kept_pages::Scope;
use crate::domain::order_edit::{Editable, editable};
use crate::domain::order_status::{Mover, OrderStatus, movers};
use crate::domain::paging::TIMELINE_SHOWN;
use crate::domain::progress::{REPORTS_SHOWN, reports_shown};
use crate::i18n::Locale;
use crate::ssr::AppState;
use crate::ssr::auth::CurrentUser;
use crate::ssr::entities::{
    company, order, order_event, order_line, order_mute, payment, progress_update, user,
};
use crate::ssr::repo::purchase_orders::{self, PlacedLine};
use crate::ssr::repo::{companies, fulfilment, orders, progress, users};
use crate::wire::ApiError;
use crate::wire::changes::ChangeView;
use crate::wire::orders::{
    EventView, OrderDetail, PaymentView, PlacedView, ProductionNote, format_minor,
};

/// Everything the order page is built from, read for one viewer.
struct Facts {
    order: order::Model,
    status: OrderStatus,
    house: bool,
    editable: Editable,
    customer_name: String,
    lines: Vec<order_line::Model>,
    /// The timeline's newest entries, oldest first: at most
    /// `TIMELINE_SHOWN` and one more when there are older ones.
    events: Vec<order_event::Model>,
    /// The people named on the timeline, and no one else.
    people: Vec<user::Model>,
    placed: Vec<PlacedLine>,
    /// The trading house only: the factories the placed lines are with.
    suppliers: Vec<company::Model>,
    /// The trading house only, while purchase orders can be placed: the
    /// factories to choose from (id, name).
    factories: Vec<(i32, String)>,
    payments: Vec<payment::Model>,
    /// The newest factory reports on the placed lines, newest first.
    reports: Vec<progress_update::Model>,
    /// There are older reports than those.
    more_reports: bool,
    muted: bool,
    changes: Vec<ChangeView>,
    /// The trading house only: the costed lines of the quotation the order
    /// was made from.
    costed: Vec<crate::ssr::entities::quotation_line::Model>,
    contract: Option<crate::wire::orders::ContractView>,
}

/// One order the viewer may see; any other is not found. Kept between
/// writes (`read_cache`): the page reads it for its view and for the
/// customer's change form, and people open it again and again.
pub async fn get(state: &AppState, user: &CurrentUser, id: i32) -> Result<OrderDetail, ApiError> {
    state
        .kept_part("orders/get", user, Some(Scope::Order(id)), id, || {
            read(state, user, id)
        })
        .await
}

async fn read(state: &AppState, user: &CurrentUser, id: i32) -> Result<OrderDetail, ApiError> {
    let seen = super::seen(state, user, id).await?;
    let (order, lines) = (seen.order.clone(), seen.lines.clone());
    let status = order.status;
    let today = state.today();
    let reads = state.begin_reads().await?;
    let facts = load(state, &reads, user, order, lines, status).await?;
    reads.commit().await?;
    Ok(assemble(facts, Mover::for_role(user.role), today))
}

/// Reads what the viewer may see of the order, every read through `db`
/// (the page's reads, `AppState::begin_reads`).
async fn load(
    state: &AppState,
    db: &impl ConnectionTrait,
    user: &CurrentUser,
    order: order::Model,
    lines: Vec<order_line::Model>,
    status: OrderStatus,
) -> Result<Facts, ApiError> {
    let house = user.actor().is_house();
    let editable = if house {
        editable(status)
    } else {
        Editable::NOTHING
    };
    // The newest entries of the timeline, and one more if there are older.
    let mut events = orders::newest_events(db, order.id, None, TIMELINE_SHOWN as u64 + 1).await?;
    events.reverse();
    let people = users::by_ids(db, &actor_ids(&events)).await?;
    let customer_name = super::customer_names(db, user, [order.customer_company_id])
        .await?
        .remove(&order.customer_company_id)
        .unwrap_or_default();
    let line_ids: Vec<i32> = lines.iter().map(|l| l.id).collect();
    let placed = purchase_orders::placed_lines(db, &line_ids).await?;
    let payments = fulfilment::payments_of(db, order.id).await?;
    let (suppliers, factories) = load_factories(db, &placed, house, editable).await?;
    let po_line_ids: Vec<i32> = placed.iter().map(|p| p.line.id).collect();
    let newest = progress::newest_of_lines(db, &po_line_ids, REPORTS_SHOWN as u64 + 1).await?;
    let (reports, more_reports) = reports_shown(newest);
    let muted = order_mute::Entity::find_by_id((user.user_id, order.id))
        .one(db)
        .await?
        .is_some();
    let changes = load_changes(state, db, &order, house, user.locale).await?;
    let contract = super::contract::contract_of(db, &order, user.locale).await?;
    let costed = match order.quotation_id {
        Some(quote) if house => crate::ssr::repo::quotations::lines_of(db, &[quote]).await?,
        _ => Vec::new(),
    };
    Ok(Facts {
        costed,
        contract,
        order,
        status,
        house,
        editable,
        customer_name,
        lines,
        events,
        people,
        placed,
        suppliers,
        factories,
        payments,
        reports,
        more_reports,
        muted,
        changes,
    })
}

/// The people who wrote the timeline's entries, each once.
pub(super) fn actor_ids(events: &[order_event::Model]) -> Vec<i32> {
    let mut ids: Vec<i32> = events.iter().filter_map(|e| e.actor_user_id).collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// For the trading house: the factories the placed lines are with and,
/// while purchase orders can be placed, every factory to choose from.
async fn load_factories(
    db: &impl ConnectionTrait,
    placed: &[PlacedLine],
    house: bool,
    editable: Editable,
) -> Result<(Vec<company::Model>, Vec<(i32, String)>), ApiError> {
    if !house {
        return Ok((Vec::new(), Vec::new()));
    }
    let mut ids: Vec<i32> = placed.iter().map(|p| p.po.supplier_company_id).collect();
    ids.sort_unstable();
    ids.dedup();
    let suppliers = companies::by_ids(db, &ids).await?;
    let factories = if editable.purchasing {
        companies::of_kind(db, CompanyKind::Supplier)
            .await?
            .into_iter()
            .map(|c| (c.id, c.name))
            .collect()
    } else {
        Vec::new()
    };
    Ok((suppliers, factories))
}

/// The order's change requests as the viewer sees them, newest first, in
/// the viewer's language.
async fn load_changes(
    state: &AppState,
    db: &impl ConnectionTrait,
    order: &order::Model,
    house: bool,
    locale: Locale,
) -> Result<Vec<ChangeView>, ApiError> {
    let mut changes = Vec::new();
    for request in crate::ssr::repo::changes::of_order(db, order.id).await? {
        let shown = crate::usecases::changes::view(state, db, &request, order, house, locale);
        changes.push(shown.await?);
    }
    Ok(changes)
}

/// The page's view of what was loaded.
fn assemble(facts: Facts, mover: Option<Mover>, today: NaiveDate) -> OrderDetail {
    let Facts {
        order,
        status,
        house,
        editable,
        customer_name,
        lines,
        events,
        people,
        placed,
        suppliers,
        factories,
        payments,
        reports,
        more_reports,
        muted,
        changes,
        costed,
        contract,
    } = facts;
    let total = order_value(&lines);
    let paid: i64 = payments.iter().map(|p| p.amount_minor).sum();
    let waiting = changes.iter().any(|c| c.status.is_pending());
    OrderDetail {
        revision: order.revision,
        changeable: if house {
            Vec::new()
        } else {
            askable(status, waiting)
        },
        changes,
        id: order.id,
        number: order.number,
        customer_name,
        currency: order.currency,
        incoterm: order.incoterm,
        payment_terms: order.payment_terms,
        ship_to: order.ship_to,
        status,
        version: order.version,
        lines: lines
            .iter()
            .map(|l| with_progress(line_view(l, status, today), l.id, &placed))
            .collect(),
        events: event_views(events, &people),
        next_statuses: next_statuses(status, mover),
        total: format_minor(total),
        paid: format_minor(paid),
        outstanding: format_minor(total - paid),
        payments: payments.into_iter().map(payment_view).collect(),
        editable,
        placed: if house {
            placed_views(&placed, &lines, &suppliers)
        } else {
            Vec::new()
        },
        factories,
        production: production_notes(reports, &placed, &lines, house),
        more_production: more_reports,
        muted,
        margin: margin_of(&lines, &costed),
        contract,
    }
}

/// The order's margin at its selling prices against the factory prices of
/// the quotation it was made from, for the lines that were costed there.
fn margin_of(
    lines: &[order_line::Model],
    costed: &[crate::ssr::entities::quotation_line::Model],
) -> Option<String> {
    use crate::domain::quotation::{QuoteLine, totals};
    let priced: Vec<QuoteLine> = lines
        .iter()
        .filter_map(|l| {
            let quote = costed.iter().find(|q| q.line_no == l.line_no)?;
            Some(QuoteLine {
                quantity: l.quantity,
                purchase_price_minor: quote.purchase_price_minor,
                selling_price_minor: l.unit_price_minor,
                lead_time_days: 0,
            })
        })
        .collect();
    if priced.is_empty() {
        return None;
    }
    let totals = totals(&priced).ok()?;
    let percent = totals
        .margin_bp
        .map(crate::usecases::quotations::format_margin)
        .unwrap_or_default();
    Some(format!("{} ({percent})", format_minor(totals.margin_minor)))
}

/// The statuses a mover may take the order to from `status`.
fn next_statuses(status: OrderStatus, mover: Option<Mover>) -> Vec<OrderStatus> {
    OrderStatus::ALL
        .into_iter()
        .filter(|to| mover.is_some_and(|m| movers(status, *to).contains(&m)))
        .collect()
}

/// The timeline, each entry with the name of the person who wrote it.
pub(super) fn event_views(
    events: Vec<order_event::Model>,
    people: &[user::Model],
) -> Vec<EventView> {
    events
        .into_iter()
        .map(|e| EventView {
            id: e.id,
            at: e.at,
            who: e
                .actor_user_id
                .and_then(|id| people.iter().find(|p| p.id == id))
                .map(|p| p.display_name.clone()),
            summary: e.summary,
            before: e.before,
            after: e.after,
        })
        .collect()
}

/// The purchase-order lines placed for the order's lines, with their factories.
fn placed_views(
    placed: &[PlacedLine],
    lines: &[order_line::Model],
    suppliers: &[company::Model],
) -> Vec<PlacedView> {
    placed
        .iter()
        .map(|p| PlacedView {
            order_line_no: lines
                .iter()
                .find(|l| l.id == p.order_line_id)
                .map(|l| l.line_no)
                .unwrap_or_default(),
            po_number: p.po.number.clone(),
            supplier_name: suppliers
                .iter()
                .find(|c| c.id == p.po.supplier_company_id)
                .map(|c| c.name.clone())
                .unwrap_or_default(),
            milestone: p.line.milestone,
            quantity: p.line.quantity,
            quantity_done: p.line.quantity_done,
            committed_ready: p.line.committed_ready_date,
            forecast_ready: p.line.forecast_ready_date,
        })
        .collect()
}

/// Factory reports on the order's lines, newest first (as read).
fn production_notes(
    reports: Vec<progress_update::Model>,
    placed: &[PlacedLine],
    lines: &[order_line::Model],
    house: bool,
) -> Vec<ProductionNote> {
    reports
        .into_iter()
        .flat_map(|r| {
            placed
                .iter()
                .filter(|p| p.line.id == r.po_line_id)
                .filter_map(|p| lines.iter().find(|l| l.id == p.order_line_id))
                .map(|l| ProductionNote {
                    at: r.at,
                    line_no: l.line_no,
                    milestone: r.milestone,
                    // The factory's own date is for the house; customers
                    // see the resulting delivery forecast on the line.
                    forecast_ready: r.forecast_ready_date.filter(|_| house),
                    reason: r.reason.clone().filter(|_| house),
                    note: r.note.clone().filter(|_| house),
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

fn payment_view(p: payment::Model) -> PaymentView {
    PaymentView {
        received_on: p.received_on,
        amount: format_minor(p.amount_minor),
        reference: p.reference,
    }
}
