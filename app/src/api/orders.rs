//! Sales orders for customers (their own) and the trading house (all): the
//! list, one order with its lines, three dates and timeline, and status moves.

use chrono::{DateTime, NaiveDate, Utc};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::ApiError;
use crate::domain::dates::LineBadge;
use crate::domain::order_edit::Editable;
use crate::domain::order_status::OrderStatus;
use crate::domain::progress::Milestone;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderSummary {
    pub id: i32,
    pub number: String,
    pub customer_name: String,
    pub status: OrderStatus,
    pub line_count: usize,
    /// The earliest committed date among the lines.
    pub next_committed: Option<NaiveDate>,
    /// The worst badge among the lines.
    pub badge: LineBadge,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderDetail {
    pub id: i32,
    pub number: String,
    pub customer_name: String,
    pub currency: String,
    pub incoterm: String,
    pub payment_terms: String,
    pub ship_to: String,
    pub status: OrderStatus,
    pub version: i32,
    pub lines: Vec<LineView>,
    pub events: Vec<EventView>,
    /// The statuses the viewer may move this order to now.
    pub next_statuses: Vec<OrderStatus>,
    /// The order's value: the lines' quantity × unit price.
    pub total: String,
    pub paid: String,
    pub outstanding: String,
    pub shipments: Vec<ShipmentView>,
    pub payments: Vec<PaymentView>,
    /// What the viewer may change directly now (nothing for customers).
    pub editable: Editable,
    /// The trading house only: the factory lines placed for this order.
    pub placed: Vec<PlacedView>,
    /// The trading house only, while purchase orders can be placed: the
    /// factories to choose from (id, name).
    pub factories: Vec<(i32, String)>,
    /// Factory reports on the order's lines, newest first.
    pub production: Vec<ProductionNote>,
    /// The viewer asked for no alerts about this order.
    pub muted: bool,
    /// Approved changes applied so far.
    pub revision: i32,
    /// Change requests on this order, newest first.
    pub changes: Vec<crate::api::changes::ChangeView>,
    /// The customer may ask for a change now: which kinds are open in the
    /// order's status (empty when none is, or one is already waiting).
    pub changeable: Vec<crate::domain::change_request::ChangeKind>,
}

/// A factory report as the order page shows it: milestone and forecast for
/// everyone; the factory's reason and note for the trading house only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductionNote {
    pub at: DateTime<Utc>,
    pub line_no: i32,
    pub milestone: Milestone,
    pub forecast_ready: Option<NaiveDate>,
    pub reason: Option<String>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShipmentView {
    pub shipped_on: NaiveDate,
    pub carrier: String,
    pub vessel: String,
    pub bl_number: String,
    pub container_no: String,
    pub eta: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaymentView {
    pub received_on: NaiveDate,
    pub amount: String,
    pub reference: String,
}

/// A purchase-order line placed with a factory for one of the order's lines.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlacedView {
    pub order_line_no: i32,
    pub po_number: String,
    pub supplier_name: String,
    pub milestone: Milestone,
    pub quantity: i64,
    pub quantity_done: i64,
    pub committed_ready: NaiveDate,
    pub forecast_ready: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineView {
    pub line_no: i32,
    pub product_code: String,
    pub description: String,
    pub hs_code: String,
    pub quantity: i64,
    pub unit: String,
    /// Formatted in the order's currency, e.g. "12.50".
    pub unit_price: String,
    pub requested: NaiveDate,
    pub committed: Option<NaiveDate>,
    pub forecast: Option<NaiveDate>,
    pub slip_days: i64,
    pub badge: LineBadge,
    /// How far the factories are: the least advanced PO line filling it.
    pub milestone: Option<Milestone>,
    /// A purchase order has been placed for it.
    pub placed: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventView {
    pub id: i32,
    pub at: DateTime<Utc>,
    pub who: Option<String>,
    pub summary: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

/// How bad a badge is, for the worst-of-the-lines summary.
#[cfg(feature = "ssr")]
fn badge_rank(badge: LineBadge) -> u8 {
    match badge {
        LineBadge::OnTrack => 0,
        LineBadge::Unconfirmed => 1,
        LineBadge::AtRisk => 2,
        LineBadge::Late => 3,
    }
}

pub use crate::domain::order_input::format_minor;

/// The value of an order's lines in minor units (saturating: a sum beyond
/// the range shows as the largest value rather than failing the page).
#[cfg(feature = "ssr")]
pub(crate) fn order_value(lines: &[crate::ssr::entities::order_line::Model]) -> i64 {
    lines.iter().fold(0i64, |sum, l| {
        sum.saturating_add(l.quantity.saturating_mul(l.unit_price_minor))
    })
}

#[cfg(feature = "ssr")]
pub(crate) mod server {
    use super::*;
    use crate::api::FieldErrors;
    use crate::domain::dates::{LineDates, badge};
    use crate::ssr::entities::order_line;
    use crate::ssr::repo::orders::NewLine;
    use crate::ssr::repo::purchase_orders::PlacedLine;

    pub fn delivered(status: OrderStatus) -> bool {
        matches!(
            status,
            OrderStatus::Shipped | OrderStatus::Arrived | OrderStatus::Settled
        )
    }

    pub fn line_view(line: &order_line::Model, status: OrderStatus, today: NaiveDate) -> LineView {
        let dates = LineDates {
            requested: line.requested_date,
            committed: line.committed_date,
            forecast: line.forecast_date,
        };
        LineView {
            line_no: line.line_no,
            product_code: line.product_code.clone(),
            description: line.description.clone(),
            hs_code: line.hs_code.clone(),
            quantity: line.quantity,
            unit: line.unit.clone(),
            unit_price: format_minor(line.unit_price_minor),
            requested: line.requested_date,
            committed: line.committed_date,
            forecast: line.forecast_date,
            slip_days: dates.slip_days(),
            badge: badge(&dates, today, delivered(status)),
            milestone: None,
            placed: false,
        }
    }

    /// What the viewer is told about the factories behind a line: how far
    /// they are, never who they are.
    pub fn with_progress(mut view: LineView, line_id: i32, placed: &[PlacedLine]) -> LineView {
        let mine = placed.iter().filter(|p| p.order_line_id == line_id);
        view.milestone = mine
            .clone()
            .filter_map(|p| Milestone::parse(&p.line.milestone))
            .min();
        view.placed = mine.count() > 0;
        view
    }

    /// A line of the order form, parsed; `None` when any field has a problem
    /// (each reported as `lines[i].field`).
    pub struct ParsedLine {
        pub product_code: String,
        pub description: String,
        pub unit: String,
        pub hs_code: String,
        pub quantity: i64,
        pub unit_price_minor: i64,
        pub requested: NaiveDate,
    }

    impl ParsedLine {
        pub fn as_new(&self, order_id: i32, line_no: i32) -> NewLine<'_> {
            NewLine {
                order_id,
                line_no,
                product_code: &self.product_code,
                description: &self.description,
                hs_code: &self.hs_code,
                quantity: self.quantity,
                unit: &self.unit,
                unit_price_minor: self.unit_price_minor,
                requested: self.requested,
                committed: None,
                forecast: None,
            }
        }
    }

    pub fn parse_line(
        problems: &mut FieldErrors,
        i: usize,
        line: &LineInput,
        today: NaiveDate,
    ) -> Option<ParsedLine> {
        use crate::domain::order_input::{required_text as text, *};
        let field = |name: &str| format!("lines[{i}].{name}");
        let product_code = problems.keep(
            field("product_code"),
            text(&line.product_code, 40, "a product code"),
        );
        let description = problems.keep(
            field("description"),
            text(&line.description, 2000, "a description"),
        );
        let unit = problems.keep(field("unit"), text(&line.unit, 12, "a unit"));
        let hs_code = problems.keep(field("hs_code"), parse_hs_code(&line.hs_code));
        let quantity = problems.keep(field("quantity"), parse_quantity(&line.quantity));
        let unit_price_minor =
            problems.keep(field("unit_price"), parse_unit_price(&line.unit_price));
        let requested = problems.keep(
            field("requested"),
            parse_requested_date(&line.requested, today),
        );
        Some(ParsedLine {
            product_code: product_code?,
            description: description?,
            unit: unit?,
            hs_code: hs_code?,
            quantity: quantity?,
            unit_price_minor: unit_price_minor?,
            requested: requested?,
        })
    }
}

/// One line as typed into the new-order form; parsed on the server.
/// Missing fields read as empty, so a row that only says `remove` is whole.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct LineInput {
    pub product_code: String,
    pub description: String,
    pub hs_code: String,
    pub quantity: String,
    pub unit: String,
    pub unit_price: String,
    /// `YYYY-MM-DD`.
    pub requested: String,
    /// When editing: the number of the existing line this row changes; empty
    /// for a new line.
    pub line_no: String,
    /// When editing: any value removes the line.
    pub remove: String,
}

impl LineInput {
    /// An untouched row of the form, skipped rather than reported.
    pub fn is_blank(&self) -> bool {
        [
            &self.product_code,
            &self.description,
            &self.hs_code,
            &self.quantity,
            &self.unit,
            &self.unit_price,
            &self.requested,
        ]
        .iter()
        .all(|v| v.trim().is_empty())
    }
}

/// How many orders one page of the list shows.
pub const PAGE_SIZE: u64 = 50;

/// Orders the viewer may see, newest first, `PAGE_SIZE` at a time: pass the
/// smallest id shown as `before_id` for the next page. Dates are `YYYY-MM-DD`.
#[server(endpoint = "orders/list")]
pub async fn list_orders(
    status: Option<String>,
    query: Option<String>,
    customer: Option<i32>,
    at_risk: Option<bool>,
    committed_from: Option<String>,
    committed_to: Option<String>,
    before_id: Option<i32>,
) -> Result<Vec<OrderSummary>, ApiError> {
    use crate::ssr::app_state;
    use crate::ssr::auth::require_user;
    use crate::ssr::repo::{companies, orders};

    let user = require_user()?;
    let scope = crate::ssr::repo::orders::OrderScope::of_user(&user)?;
    if query
        .as_deref()
        .is_some_and(|q| q.chars().count() > crate::api::progress::MAX_QUERY_CHARS)
    {
        return Err(ApiError::invalid("query", user.locale.t("search-too-long")));
    }
    let status = match status.as_deref().filter(|s| !s.is_empty()) {
        Some(raw) => Some(
            OrderStatus::parse(raw)
                .ok_or_else(|| ApiError::invalid("status", "Unknown status."))?,
        ),
        None => None,
    };
    let parse_date = |raw: Option<String>| match raw.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(text) => crate::domain::dates::parse_day(text)
            .map(Some)
            .ok_or("Use a date like 2027-03-31."),
    };
    let mut problems = super::FieldErrors::default();
    let committed_from = problems
        .keep("committed_from", parse_date(committed_from))
        .flatten();
    let committed_to = problems
        .keep("committed_to", parse_date(committed_to))
        .flatten();
    if !problems.is_empty() {
        return Err(problems.into_error());
    }
    if let (Some(from), Some(to)) = (committed_from, committed_to)
        && from > to
    {
        return Err(ApiError::invalid(
            "committed_to",
            "The end of the date range is before its start.",
        ));
    }
    let state = app_state()?;
    let today = state.now().date_naive();
    let filter = orders::OrderFilter {
        status,
        query,
        customer,
        at_risk_on: at_risk.unwrap_or(false).then_some(today),
        committed_from,
        committed_to,
        before_id,
        limit: PAGE_SIZE,
    };
    // Plain reads, no transaction: the read-only pool, beside other requests.
    let found = orders::list(&state.reports, scope, &filter).await?;
    let ids: Vec<i32> = found.iter().map(|o| o.id).collect();
    let lines = orders::lines_of(&state.reports, &ids).await?;
    let names =
        companies::names_of(&state.reports, found.iter().map(|o| o.customer_company_id)).await?;
    found
        .into_iter()
        .map(|o| {
            let status = crate::ssr::repo::orders::status_of(&o)?;
            let views: Vec<LineView> = lines
                .iter()
                .filter(|l| l.order_id == o.id)
                .map(|l| server::line_view(l, status, today))
                .collect();
            Ok(OrderSummary {
                id: o.id,
                number: o.number,
                customer_name: names
                    .get(&o.customer_company_id)
                    .cloned()
                    .unwrap_or_default(),
                status,
                line_count: views.len(),
                next_committed: views.iter().filter_map(|l| l.committed).min(),
                badge: views
                    .iter()
                    .map(|l| l.badge)
                    .max_by_key(|b| badge_rank(*b))
                    .unwrap_or(LineBadge::Unconfirmed),
            })
        })
        .collect()
}

/// The customers the trading house sells to, for the order filter.
#[server(endpoint = "orders/customers")]
pub async fn order_customers() -> Result<Vec<(i32, String)>, ApiError> {
    use crate::domain::company::CompanyKind;
    use crate::domain::policy::{Action, Area};
    use crate::ssr::auth::require_user;
    use crate::ssr::repo::companies;
    use crate::ssr::{app_state, guard};

    let user = require_user()?;
    let state = app_state()?;
    guard::check(
        &state,
        &user,
        Action::EnterArea(Area::Staff),
        "customer list",
    )
    .await?;
    Ok(companies::all(&state.db)
        .await?
        .into_iter()
        .filter(|c| c.kind == CompanyKind::Customer.as_str())
        .map(|c| (c.id, c.name))
        .collect())
}

#[server(endpoint = "orders/get")]
pub async fn get_order(id: i32) -> Result<OrderDetail, ApiError> {
    use crate::domain::company::CompanyKind;
    use crate::domain::order_status::{Mover, movers};
    use crate::ssr::app_state;
    use crate::ssr::auth::require_user;
    use crate::ssr::repo::{companies, fulfilment, orders, purchase_orders, users};

    let user = require_user()?;
    let scope = crate::ssr::repo::orders::OrderScope::of_user(&user)?;
    let state = app_state()?;
    let order = orders::find(&state.db, scope, id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let status = crate::ssr::repo::orders::status_of(&order)?;
    let today = state.now().date_naive();
    let lines = orders::lines_of(&state.db, &[order.id]).await?;
    let events = orders::events_of(&state.db, order.id).await?;
    let people = users::all(&state.db).await?;
    let customer = companies::find(&state.db, order.customer_company_id).await?;
    let mover = Mover::for_role(user.role);
    let next_statuses = OrderStatus::ALL
        .into_iter()
        .filter(|to| mover.is_some_and(|m| movers(status, *to).contains(&m)))
        .collect();
    let line_ids: Vec<i32> = lines.iter().map(|l| l.id).collect();
    let placed = purchase_orders::placed_lines(&state.db, &line_ids).await?;
    let shipments = fulfilment::shipments_of(&state.db, order.id).await?;
    let payments = fulfilment::payments_of(&state.db, order.id).await?;
    let total = order_value(&lines);
    let paid: i64 = payments.iter().map(|p| p.amount_minor).sum();
    let house = user.actor().is_house();
    let names = if house {
        companies::all(&state.db).await?
    } else {
        Vec::new()
    };
    let editable = if house {
        crate::domain::order_edit::editable(status)
    } else {
        Editable::NOTHING
    };
    let factories = names
        .iter()
        .filter(|c| editable.purchasing && c.kind == CompanyKind::Supplier.as_str())
        .map(|c| (c.id, c.name.clone()))
        .collect();
    let placed_views = if house {
        placed
            .iter()
            .map(|p| PlacedView {
                order_line_no: lines
                    .iter()
                    .find(|l| l.id == p.order_line_id)
                    .map(|l| l.line_no)
                    .unwrap_or_default(),
                po_number: p.po.number.clone(),
                supplier_name: names
                    .iter()
                    .find(|c| c.id == p.po.supplier_company_id)
                    .map(|c| c.name.clone())
                    .unwrap_or_default(),
                milestone: Milestone::parse(&p.line.milestone).unwrap_or(Milestone::NotStarted),
                quantity: p.line.quantity,
                quantity_done: p.line.quantity_done,
                committed_ready: p.line.committed_ready_date,
                forecast_ready: p.line.forecast_ready_date,
            })
            .collect()
    } else {
        Vec::new()
    };
    let reports = crate::ssr::repo::progress::history_of_lines(
        &state.db,
        &placed.iter().map(|p| p.line.id).collect::<Vec<_>>(),
    )
    .await?;
    let production = reports
        .into_iter()
        .rev()
        .flat_map(|r| {
            placed
                .iter()
                .filter(|p| p.line.id == r.po_line_id)
                .filter_map(|p| lines.iter().find(|l| l.id == p.order_line_id))
                .map(|l| ProductionNote {
                    at: r.at,
                    line_no: l.line_no,
                    milestone: Milestone::parse(&r.milestone).unwrap_or(Milestone::NotStarted),
                    // The factory's own date is for the house; customers
                    // see the resulting delivery forecast on the line.
                    forecast_ready: r.forecast_ready_date.filter(|_| house),
                    reason: r.reason.clone().filter(|_| house),
                    note: r.note.clone().filter(|_| house),
                })
                .collect::<Vec<_>>()
        })
        .collect();
    let muted = {
        use crate::ssr::entities::order_mute;
        use sea_orm::EntityTrait;
        order_mute::Entity::find_by_id((user.user_id, order.id))
            .one(&state.db)
            .await?
            .is_some()
    };
    let mut changes = Vec::new();
    for request in crate::ssr::repo::changes::of_order(&state.db, order.id).await? {
        changes.push(crate::api::changes::server::view(&state, &request, &order, house).await?);
    }
    let changeable = {
        use crate::domain::change_request::{ChangeKind, allowed};
        let waiting = changes.iter().any(|c| c.status.is_pending());
        [
            ChangeKind::Quantity,
            ChangeKind::Description,
            ChangeKind::RequestedDate,
            ChangeKind::ShipTo,
            ChangeKind::AddLine,
            ChangeKind::CancelLine,
        ]
        .into_iter()
        .filter(|k| !house && !waiting && allowed(*k, status))
        .collect()
    };
    Ok(OrderDetail {
        revision: order.revision,
        changes,
        changeable,
        id: order.id,
        number: order.number,
        customer_name: customer.map(|c| c.name).unwrap_or_default(),
        currency: order.currency,
        incoterm: order.incoterm,
        payment_terms: order.payment_terms,
        ship_to: order.ship_to,
        status,
        version: order.version,
        lines: lines
            .iter()
            .map(|l| server::with_progress(server::line_view(l, status, today), l.id, &placed))
            .collect(),
        events: events
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
            .collect(),
        next_statuses,
        total: format_minor(total),
        paid: format_minor(paid),
        outstanding: format_minor(total - paid),
        shipments: shipments
            .into_iter()
            .map(|s| ShipmentView {
                shipped_on: s.shipped_on,
                carrier: s.carrier,
                vessel: s.vessel,
                bl_number: s.bl_number,
                container_no: s.container_no,
                eta: s.eta,
            })
            .collect(),
        payments: payments
            .into_iter()
            .map(|p| PaymentView {
                received_on: p.received_on,
                amount: format_minor(p.amount_minor),
                reference: p.reference,
            })
            .collect(),
        editable,
        placed: placed_views,
        factories,
        production,
        muted,
    })
}

/// Moves an order to `to`, if the viewer may take that step and nobody changed
/// the order since they loaded it (`version`). Confirming freezes the lines'
/// committed dates.
#[server(endpoint = "orders/move")]
pub async fn move_order_status(id: i32, to: String, version: i32) -> Result<(), ApiError> {
    use crate::domain::dates::LineDates;
    use crate::domain::order_status::{Mover, check_transition};
    use crate::ssr::app_state;
    use crate::ssr::auth::require_user;
    use crate::ssr::repo::orders;

    let user = require_user()?;
    let scope = crate::ssr::repo::orders::OrderScope::of_user(&user)?;
    let to = OrderStatus::parse(&to).ok_or_else(|| ApiError::invalid("to", "Unknown status."))?;
    let state = app_state()?;
    let order = orders::find(&state.db, scope, id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let from = crate::ssr::repo::orders::status_of(&order)?;
    let mover = Mover::for_role(user.role).ok_or(ApiError::Forbidden)?;
    // Judged against what the client saw: a step from a state that has since
    // changed is a conflict, not a wrong step.
    if order.version != version {
        return Err(stale_order());
    }
    check_transition(from, to, mover).map_err(|e| match e {
        crate::domain::order_status::TransitionError::NotYours { .. } => ApiError::Forbidden,
        other => ApiError::invalid("to", other.to_string()),
    })?;
    let now = state.now();
    let mut work = crate::ssr::work::UnitOfWork::begin(&state).await?;
    if !orders::set_status(&work.tx, order.id, version, to, now).await? {
        return Err(stale_order());
    }
    if to == OrderStatus::Cancelled {
        crate::ssr::repo::purchase_orders::cancel_for_order(&work.tx, order.id).await?;
    }
    if to == OrderStatus::Confirmed {
        for line in orders::lines_of(&work.tx, &[order.id]).await? {
            let dates = LineDates {
                requested: line.requested_date,
                committed: line.committed_date,
                forecast: line.forecast_date,
            }
            .confirm();
            orders::set_line_dates(&work.tx, line.id, dates.committed, dates.forecast).await?;
        }
    }
    work.record(
        orders::NewEvent {
            order_id: order.id,
            actor_user_id: Some(user.user_id),
            kind: "status",
            summary: format!("Status changed to {}", to.label()),
            before: Some(from.label().to_string()),
            after: Some(to.label().to_string()),
        },
        order.customer_company_id,
        now,
    )
    .await?;
    work.commit(&state).await?;
    Ok(())
}

/// Sales staff enter a new order (an inquiry) for a customer; returns its id.
/// Every problem is reported against its field (`lines[2].quantity`), and
/// nothing is written unless everything is valid.
#[server(endpoint = "orders/create")]
pub async fn create_order(
    customer_id: i32,
    currency: String,
    incoterm: String,
    payment_terms: String,
    ship_to: String,
    #[server(default)] lines: Vec<LineInput>,
) -> Result<i32, ApiError> {
    use crate::domain::company::CompanyKind;
    use crate::domain::order_input::{parse_currency, parse_incoterm};
    use crate::domain::policy::{Action, Area};
    use crate::ssr::auth::require_user;
    use crate::ssr::repo::{companies, orders};
    use crate::ssr::{app_state, guard};

    let user = require_user()?;
    let state = app_state()?;
    guard::check(&state, &user, Action::EnterArea(Area::Staff), "new order").await?;
    let today = state.now().date_naive();
    let mut problems = super::FieldErrors::default();
    let customer = companies::find(&state.db, customer_id)
        .await?
        .filter(|c| c.kind == CompanyKind::Customer.as_str());
    let customer = problems.keep("customer_id", customer.ok_or("Choose a customer."));
    let currency = problems.keep("currency", parse_currency(&currency));
    let incoterm = problems.keep("incoterm", parse_incoterm(&incoterm));
    let payment_terms = problems.keep(
        "payment_terms",
        crate::domain::order_input::required_text(&payment_terms, 100, "the payment terms"),
    );
    let ship_to = problems.keep(
        "ship_to",
        crate::domain::order_input::required_text(&ship_to, 500, "the ship-to address"),
    );
    let lines: Vec<_> = lines.into_iter().filter(|l| !l.is_blank()).collect();
    if lines.is_empty() {
        problems.add("lines", "Add at least one line.");
    }
    let parsed: Vec<_> = lines
        .iter()
        .enumerate()
        .filter_map(|(i, line)| server::parse_line(&mut problems, i, line, today))
        .collect();
    let (Some(customer), Some(currency), Some(incoterm), Some(payment_terms), Some(ship_to), true) = (
        customer,
        currency,
        incoterm,
        payment_terms,
        ship_to,
        problems.is_empty(),
    ) else {
        return Err(problems.into_error());
    };

    let now = state.now();
    let mut work = crate::ssr::work::UnitOfWork::begin(&state).await?;
    // Unique until the row has an id to number it by (fits the 32-character column).
    let provisional = format!("NEW-{}", &crate::ssr::auth::token::new_token()[..16]);
    let order = orders::insert_order(
        &work.tx,
        orders::NewOrder {
            number: &provisional,
            customer_company_id: customer.id,
            sales_owner_id: Some(user.user_id),
            currency,
            incoterm,
            payment_terms: &payment_terms,
            ship_to: &ship_to,
            status: OrderStatus::Inquiry,
        },
        now,
    )
    .await?;
    let number = format!("SO-{}-{:05}", now.format("%Y"), order.id);
    orders::set_number(&work.tx, order.id, &number).await?;
    for (i, line) in parsed.iter().enumerate() {
        orders::insert_line(&work.tx, line.as_new(order.id, i as i32 + 1)).await?;
    }
    work.record(
        orders::NewEvent {
            order_id: order.id,
            actor_user_id: Some(user.user_id),
            kind: "created",
            summary: "Order created".to_string(),
            before: None,
            after: Some(number),
        },
        customer.id,
        now,
    )
    .await?;
    work.commit(&state).await?;
    Ok(order.id)
}

#[cfg(feature = "ssr")]
fn stale_order() -> ApiError {
    ApiError::Conflict {
        message: "Someone changed this order since you opened it. Reload to see the change, then try again.".to_string(),
    }
}
