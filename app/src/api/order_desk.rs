//! What the trading house does to one order after entering it: change its
//! terms and lines while that is still allowed, place purchase orders with the
//! factories for its lines, and record shipments and payments. Every change
//! claims the order's version, so two people editing the same version cannot
//! both win, and lands on the timeline.

// Server functions take one argument per form field.
#![allow(clippy::too_many_arguments)]

use leptos::prelude::*;

use super::ApiError;
use super::orders::LineInput;

#[cfg(feature = "ssr")]
mod server {
    use chrono::NaiveDate;

    use crate::api::ApiError;
    use crate::domain::order_status::OrderStatus;
    use crate::domain::policy::{Action, Area};
    use crate::ssr::AppState;
    use crate::ssr::auth::CurrentUser;
    use crate::ssr::entities::order;
    use crate::ssr::guard;
    use crate::ssr::repo::orders::{self, OrderScope};
    use crate::ssr::work::UnitOfWork;

    /// The signed-in staff member and the order they act on.
    pub async fn staff_and_order(
        state: &AppState,
        id: i32,
        what: &str,
    ) -> Result<(CurrentUser, order::Model, OrderStatus), ApiError> {
        let user = crate::ssr::auth::require_user()?;
        guard::check(state, &user, Action::EnterArea(Area::Staff), what).await?;
        let order = orders::find(&state.db, OrderScope::All, id)
            .await?
            .ok_or(ApiError::NotFound)?;
        let status = OrderStatus::parse(&order.status)
            .ok_or_else(|| ApiError::internal("order status", &order.status))?;
        Ok((user, order, status))
    }

    /// Starts the change's unit of work by claiming the order at the
    /// version the client saw; someone else's change since then is a conflict.
    pub async fn claim(
        state: &AppState,
        order_id: i32,
        version: i32,
    ) -> Result<UnitOfWork, ApiError> {
        UnitOfWork::claim_order(state, order_id, version, stale).await
    }

    /// A timeline entry of the change.
    pub struct Entry {
        pub summary: String,
        pub before: Option<String>,
        pub after: Option<String>,
    }

    /// Writes the change's timeline entries, commits, and tells open pages.
    pub async fn finish(
        state: &AppState,
        mut work: UnitOfWork,
        order: &order::Model,
        user_id: i32,
        kind: &str,
        entries: Vec<Entry>,
    ) -> Result<(), ApiError> {
        for entry in entries {
            work.record(
                orders::NewEvent {
                    order_id: order.id,
                    actor_user_id: Some(user_id),
                    kind,
                    summary: entry.summary,
                    before: entry.before,
                    after: entry.after,
                },
                order.customer_company_id,
                state.now(),
            )
            .await?;
        }
        work.commit(state).await
    }

    pub fn stale() -> ApiError {
        ApiError::Conflict {
            message: "Someone changed this order since you opened it. Reload to see the change, then try again.".to_string(),
        }
    }

    pub fn closed(what: &str, status: OrderStatus) -> ApiError {
        ApiError::Conflict {
            message: format!(
                "{what} is not possible while the order is {}.",
                status.label().to_lowercase()
            ),
        }
    }

    pub fn parse_date(raw: &str) -> Result<NaiveDate, &'static str> {
        crate::domain::dates::parse_day(raw).ok_or("Enter a date like 2027-03-31.")
    }
}

/// Changes an order's terms and, before confirmation, its lines (`lines[i]`
/// with `line_no` for an existing line, empty for a new one, `remove` to drop
/// it). After confirmation only payment terms and ship-to can change here.
#[server(endpoint = "orders/update")]
pub async fn update_order(
    id: i32,
    version: i32,
    currency: String,
    incoterm: String,
    payment_terms: String,
    ship_to: String,
    #[server(default)] lines: Vec<LineInput>,
) -> Result<(), ApiError> {
    use crate::api::orders::server::{ParsedLine, parse_line};
    use crate::domain::order_edit::editable;
    use crate::domain::order_input::required_text as text;
    use crate::domain::order_input::{format_minor, parse_currency, parse_incoterm};
    use crate::ssr::app_state;
    use crate::ssr::repo::orders::{self, OrderTerms};

    let state = app_state()?;
    let (user, order, status) = server::staff_and_order(&state, id, "order edit").await?;
    let open = editable(status);
    if !open.delivery {
        return Err(server::closed("Changing the order", status));
    }
    if order.version != version {
        return Err(server::stale());
    }
    let today = state.now().date_naive();
    let mut problems = super::FieldErrors::default();
    let currency = problems.keep("currency", parse_currency(&currency));
    let incoterm = problems.keep("incoterm", parse_incoterm(&incoterm));
    let payment_terms = problems.keep(
        "payment_terms",
        text(&payment_terms, 100, "the payment terms"),
    );
    let ship_to = problems.keep("ship_to", text(&ship_to, 500, "the ship-to address"));
    let frozen = "Fixed since the order was confirmed; ask the customer for a change request.";
    if !open.commercial {
        if currency.is_some_and(|c| c != order.currency) {
            problems.add("currency", frozen);
        }
        if incoterm.is_some_and(|c| c != order.incoterm) {
            problems.add("incoterm", frozen);
        }
        if !lines.is_empty() {
            problems.add("lines", frozen);
        }
    }
    let existing = orders::lines_of(&state.db, &[order.id]).await?;
    // (existing line or None for a new one, parsed values or None to remove)
    let mut edits: Vec<(
        Option<&crate::ssr::entities::order_line::Model>,
        Option<ParsedLine>,
    )> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let current = match line.line_no.trim() {
            "" => None,
            raw => match existing
                .iter()
                .find(|l| raw.parse::<i32>().is_ok_and(|n| n == l.line_no))
            {
                Some(found) => Some(found),
                None => {
                    problems.add(format!("lines[{i}].line_no"), "No such line on this order.");
                    continue;
                }
            },
        };
        if !line.remove.trim().is_empty() {
            if let Some(existing) = current {
                if edits
                    .iter()
                    .any(|(c, _)| c.is_some_and(|c| c.id == existing.id))
                {
                    problems.add(
                        format!("lines[{i}].line_no"),
                        "This line appears twice in the form.",
                    );
                } else {
                    edits.push((current, None));
                }
            }
            continue;
        }
        if current.is_none() && line.is_blank() {
            continue;
        }
        if let Some(existing) = current
            && edits
                .iter()
                .any(|(c, _)| c.is_some_and(|c| c.id == existing.id))
        {
            problems.add(
                format!("lines[{i}].line_no"),
                "This line appears twice in the form.",
            );
            continue;
        }
        // A requested date already past may stay as it is; only a new one is checked.
        let earliest = current.map_or(today, |c| c.requested_date.min(today));
        if let Some(parsed) = parse_line(&mut problems, i, line, earliest) {
            edits.push((current, Some(parsed)));
        }
    }
    let removed = edits.iter().filter(|(_, p)| p.is_none()).count();
    let added = edits.iter().filter(|(c, _)| c.is_none()).count();
    if open.commercial && existing.len() + added <= removed {
        problems.add("lines", "An order keeps at least one line.");
    }
    let (Some(currency), Some(incoterm), Some(payment_terms), Some(ship_to), true) = (
        currency,
        incoterm,
        payment_terms,
        ship_to,
        problems.is_empty(),
    ) else {
        return Err(problems.into_error());
    };

    // What changed, field by field, for the timeline.
    let mut changes: Vec<(String, String, String)> = Vec::new();
    let mut compare = |what: String, before: String, after: String| {
        if before != after {
            changes.push((what, before, after));
        }
    };
    compare(
        "Currency".into(),
        order.currency.clone(),
        currency.to_string(),
    );
    compare(
        "Incoterm".into(),
        order.incoterm.clone(),
        incoterm.to_string(),
    );
    compare(
        "Payment terms".into(),
        order.payment_terms.clone(),
        payment_terms.clone(),
    );
    compare("Ship-to".into(), order.ship_to.clone(), ship_to.clone());
    for (current, parsed) in &edits {
        match (current, parsed) {
            (Some(old), Some(new)) => {
                let n = old.line_no;
                compare(
                    format!("Line {n} product"),
                    old.product_code.clone(),
                    new.product_code.clone(),
                );
                compare(
                    format!("Line {n} description"),
                    old.description.clone(),
                    new.description.clone(),
                );
                compare(
                    format!("Line {n} HS code"),
                    old.hs_code.clone(),
                    new.hs_code.clone(),
                );
                compare(
                    format!("Line {n} quantity"),
                    format!("{} {}", old.quantity, old.unit),
                    format!("{} {}", new.quantity, new.unit),
                );
                compare(
                    format!("Line {n} unit price"),
                    format_minor(old.unit_price_minor),
                    format_minor(new.unit_price_minor),
                );
                compare(
                    format!("Line {n} requested date"),
                    old.requested_date.to_string(),
                    new.requested.to_string(),
                );
            }
            (Some(old), None) => compare(
                format!("Line {} removed", old.line_no),
                old.product_code.clone(),
                String::new(),
            ),
            (None, Some(new)) => compare(
                "Line added".into(),
                String::new(),
                format!("{} × {} {}", new.product_code, new.quantity, new.unit),
            ),
            (None, None) => {}
        }
    }
    if changes.is_empty() {
        return Ok(());
    }

    let work = server::claim(&state, order.id, version).await?;
    orders::set_terms(
        &work.tx,
        order.id,
        OrderTerms {
            currency,
            incoterm,
            payment_terms: &payment_terms,
            ship_to: &ship_to,
        },
    )
    .await?;
    let mut next_no = existing.iter().map(|l| l.line_no).max().unwrap_or(0);
    for (current, parsed) in &edits {
        match (current, parsed) {
            (Some(old), Some(new)) => {
                orders::update_line(&work.tx, old.id, &new.as_new(order.id, old.line_no)).await?
            }
            (Some(old), None) => orders::delete_line(&work.tx, old.id).await?,
            (None, Some(new)) => {
                next_no += 1;
                orders::insert_line(&work.tx, new.as_new(order.id, next_no)).await?;
            }
            (None, None) => {}
        }
    }
    let entries = changes
        .into_iter()
        .map(|(what, before, after)| server::Entry {
            summary: format!("{what} changed"),
            before: (!before.is_empty()).then_some(before),
            after: (!after.is_empty()).then_some(after),
        })
        .collect();
    server::finish(&state, work, &order, user.user_id, "edit", entries).await?;
    Ok(())
}

/// Places a purchase order with a factory for some of the order's lines (by
/// line number), each to be ready by `ready_by`. Returns the PO number.
#[server(endpoint = "orders/place-po")]
pub async fn place_purchase_order(
    order_id: i32,
    version: i32,
    #[server(default)] supplier_id: i32,
    ready_by: String,
    #[server(default)] line_nos: Vec<i32>,
) -> Result<String, ApiError> {
    use crate::domain::company::CompanyKind;
    use crate::domain::order_edit::{check_ready_by, editable};
    use crate::domain::progress::Milestone;
    use crate::ssr::app_state;
    use crate::ssr::repo::purchase_orders::{self, NewPoLine};
    use crate::ssr::repo::{companies, orders};

    let state = app_state()?;
    let (user, order, status) = server::staff_and_order(&state, order_id, "purchase order").await?;
    if !editable(status).purchasing {
        return Err(server::closed("Placing a purchase order", status));
    }
    if order.version != version {
        return Err(server::stale());
    }
    let today = state.now().date_naive();
    let mut problems = super::FieldErrors::default();
    let supplier = companies::find(&state.db, supplier_id)
        .await?
        .filter(|c| c.kind == CompanyKind::Supplier.as_str());
    let supplier = problems.keep("supplier_id", supplier.ok_or("Choose a factory."));
    let ready_by = problems.keep("ready_by", server::parse_date(&ready_by));
    let lines = orders::lines_of(&state.db, &[order.id]).await?;
    let placed =
        purchase_orders::placed_lines(&state.db, &lines.iter().map(|l| l.id).collect::<Vec<_>>())
            .await?;
    let mut chosen = Vec::new();
    for no in &line_nos {
        match lines.iter().find(|l| l.line_no == *no) {
            None => problems.add("line_nos", format!("Line {no} is not on this order.")),
            Some(line) => match placed.iter().find(|p| p.order_line_id == line.id) {
                Some(p) => problems.add(
                    "line_nos",
                    format!("Line {no} is already on {}.", p.po.number),
                ),
                None if !chosen
                    .iter()
                    .any(|c: &&crate::ssr::entities::order_line::Model| c.id == line.id) =>
                {
                    chosen.push(line)
                }
                None => {}
            },
        }
    }
    if line_nos.is_empty() {
        problems.add("line_nos", "Choose at least one line.");
    }
    if let Some(ready_by) = ready_by {
        let committed: Vec<_> = chosen
            .iter()
            .map(|l| (l.line_no, l.committed_date))
            .collect();
        if let Err(message) = check_ready_by(ready_by, today, &committed) {
            problems.add("ready_by", message);
        }
    }
    let (Some(supplier), Some(ready_by), true) = (supplier, ready_by, problems.is_empty()) else {
        return Err(problems.into_error());
    };

    let now = state.now();
    // Claiming the order serialises placements, so no line lands on two POs.
    let work = server::claim(&state, order.id, version).await?;
    let provisional = format!("NEW-{}", &crate::ssr::auth::token::new_token()[..16]);
    let po = purchase_orders::insert_po(&work.tx, &provisional, supplier.id, now).await?;
    let number = format!("PO-{}-{:05}", now.format("%Y"), po.id);
    purchase_orders::set_po_number(&work.tx, po.id, &number).await?;
    for (i, line) in chosen.iter().enumerate() {
        purchase_orders::insert_po_line(
            &work.tx,
            NewPoLine {
                purchase_order_id: po.id,
                line_no: i as i32 + 1,
                product_code: &line.product_code,
                description: &line.description,
                quantity: line.quantity,
                quantity_done: 0,
                committed_ready: ready_by,
                forecast_ready: Some(ready_by),
                milestone: Milestone::NotStarted.as_str(),
                last_progress_at: None,
            },
            &[line.id],
        )
        .await?;
    }
    let line_list = chosen
        .iter()
        .map(|l| l.line_no.to_string())
        .collect::<Vec<_>>()
        .join(", ");
    server::finish(
        &state,
        work,
        &order,
        user.user_id,
        "purchase",
        vec![server::Entry {
            // The customer sees the timeline: neither the factory nor its
            // ready date (which would expose the planned transit time).
            summary: format!("Production ordered for line(s) {line_list}"),
            before: None,
            after: None,
        }],
    )
    .await?;
    Ok(number)
}

/// Records a shipment of the order (departure, carrier, vessel, B/L, container, ETA).
#[server(endpoint = "orders/ship")]
pub async fn record_shipment(
    order_id: i32,
    version: i32,
    shipped_on: String,
    carrier: String,
    vessel: String,
    bl_number: String,
    #[server(default)] container_no: String,
    #[server(default)] eta: String,
) -> Result<(), ApiError> {
    use crate::domain::order_edit::{
        check_voyage, editable, parse_container_no, parse_transport_document,
    };
    use crate::domain::order_input::required_text as text;
    use crate::ssr::app_state;
    use crate::ssr::repo::fulfilment::{self, NewShipment};

    let state = app_state()?;
    let (user, order, status) = server::staff_and_order(&state, order_id, "shipment").await?;
    if !editable(status).shipments {
        return Err(server::closed("Recording a shipment", status));
    }
    if order.version != version {
        return Err(server::stale());
    }
    let today = state.now().date_naive();
    let mut problems = super::FieldErrors::default();
    let shipped_on = problems.keep("shipped_on", server::parse_date(&shipped_on));
    let eta = match eta.trim() {
        "" => Some(None),
        raw => problems.keep("eta", server::parse_date(raw)).map(Some),
    };
    let carrier = problems.keep("carrier", text(&carrier, 80, "the carrier"));
    let vessel = problems.keep("vessel", text(&vessel, 80, "the vessel or flight"));
    let bl_number = problems.keep("bl_number", parse_transport_document(&bl_number));
    let container_no = problems.keep("container_no", parse_container_no(&container_no));
    if let (Some(shipped_on), Some(eta)) = (shipped_on, eta)
        && let Err((field, message)) = check_voyage(shipped_on, eta, today)
    {
        problems.add(field, message);
    }
    let (
        Some(shipped_on),
        Some(eta),
        Some(carrier),
        Some(vessel),
        Some(bl_number),
        Some(container_no),
        true,
    ) = (
        shipped_on,
        eta,
        carrier,
        vessel,
        bl_number,
        container_no,
        problems.is_empty(),
    )
    else {
        return Err(problems.into_error());
    };
    let now = state.now();
    let work = server::claim(&state, order.id, version).await?;
    fulfilment::insert_shipment(
        &work.tx,
        NewShipment {
            order_id: order.id,
            shipped_on,
            carrier: &carrier,
            vessel: &vessel,
            bl_number: &bl_number,
            container_no: &container_no,
            eta,
        },
        now,
    )
    .await?;
    server::finish(
        &state,
        work,
        &order,
        user.user_id,
        "shipment",
        vec![server::Entry {
            summary: format!("Shipment recorded: {carrier}, {vessel}, B/L {bl_number}"),
            before: None,
            after: Some(match eta {
                Some(eta) => format!("departs {shipped_on}, arrives {eta}"),
                None => format!("departs {shipped_on}"),
            }),
        }],
    )
    .await?;
    Ok(())
}

/// Records a payment received against the order, in the order's currency.
#[server(endpoint = "orders/pay")]
pub async fn record_payment(
    order_id: i32,
    version: i32,
    received_on: String,
    amount: String,
    reference: String,
) -> Result<(), ApiError> {
    use crate::domain::order_edit::{check_payment, editable};
    use crate::domain::order_input::required_text as text;
    use crate::domain::order_input::{format_minor, parse_unit_price};
    use crate::ssr::app_state;
    use crate::ssr::repo::{fulfilment, orders};

    let state = app_state()?;
    let (user, order, status) = server::staff_and_order(&state, order_id, "payment").await?;
    if !editable(status).payments {
        return Err(server::closed("Recording a payment", status));
    }
    if order.version != version {
        return Err(server::stale());
    }
    let today = state.now().date_naive();
    let mut problems = super::FieldErrors::default();
    let received_on = problems.keep("received_on", server::parse_date(&received_on));
    let amount = problems.keep(
        "amount",
        parse_unit_price(&amount).map_err(|_| "Enter the amount like 1250.00."),
    );
    let reference = problems.keep("reference", text(&reference, 80, "the bank reference"));
    let lines = orders::lines_of(&state.db, &[order.id]).await?;
    let total = crate::api::orders::order_value(&lines);
    let paid: i64 = fulfilment::payments_of(&state.db, order.id)
        .await?
        .iter()
        .map(|p| p.amount_minor)
        .sum();
    if let (Some(amount), Some(received_on)) = (amount, received_on)
        && let Err((field, message)) = check_payment(amount, received_on, today, total - paid)
    {
        problems.add(field, message);
    }
    let (Some(received_on), Some(amount), Some(reference), true) =
        (received_on, amount, reference, problems.is_empty())
    else {
        return Err(problems.into_error());
    };
    let now = state.now();
    // The version claim also keeps two payments from both fitting the same balance.
    let work = server::claim(&state, order.id, version).await?;
    fulfilment::insert_payment(&work.tx, order.id, received_on, amount, &reference, now).await?;
    server::finish(
        &state,
        work,
        &order,
        user.user_id,
        "payment",
        vec![server::Entry {
            summary: format!(
                "Payment received: {} {}",
                format_minor(amount),
                order.currency
            ),
            before: None,
            after: Some(format!("{received_on}, ref. {reference}")),
        }],
    )
    .await?;
    Ok(())
}
