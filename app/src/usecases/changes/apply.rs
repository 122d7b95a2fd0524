//! The step that changes the order: an approved request or an accepted
//! counter-proposal is applied to the order as it is now, the factory lines
//! behind it change with it and the factories are asked to acknowledge,
//! the purchase orders left without a line are cancelled, and the timeline,
//! the forecasts and the customer hear of it — all in one transaction.

// A step states who takes it, from which status to which, and with what.
#![allow(clippy::too_many_arguments)]

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ConnectionTrait, Set};

use super::factory_lines::change_factories;
use super::notify::tell_requester;
use super::{already_decided, factory_problem, number, order_state, po_states};
use crate::domain::change_request::{
    ChangeItem, ChangeStatus, OrderState, Party, PoLineChange, apply, factory_changes,
};
use crate::domain::change_workflow::forecast_after_change;
use crate::i18n::Locale;
use crate::ssr::AppState;
use crate::ssr::again::again_when_refused;
use crate::ssr::alerts::AlertContext;
use crate::ssr::entities::{change_request, order, order_line};
use crate::ssr::production::follow_factory;
use crate::ssr::repo::orders::{self, NewEvent, OrderScope};
use crate::ssr::repo::purchase_orders::{self, PlacedLine};
use crate::ssr::repo::users;
use crate::ssr::work::UnitOfWork;
use crate::wire::ApiError;

/// Applies `items` to the order as it is now (conflicts are refused, never
/// overwritten), moves the request from `from` to `to`, changes the factory
/// lines behind the order and asks the factories to acknowledge, all in one
/// transaction. A refusal is worded for `party` in `locale`: the customer
/// never reads what the factory has done. Refused by the database to end a
/// deadlock (the order's factory lines move its customer's tallies), the
/// step is made again from the order as it is then.
pub(super) async fn apply_change(
    state: &AppState,
    actor_user_id: i32,
    request: &change_request::Model,
    from: ChangeStatus,
    to: ChangeStatus,
    items: &[ChangeItem],
    answer: Option<String>,
    counter_json: Option<String>,
    party: Party,
    locale: Locale,
) -> Result<(), ApiError> {
    let step = Step {
        actor_user_id,
        request,
        from,
        to,
        items,
        answer,
        counter_json,
        party,
        locale,
    };
    again_when_refused(|| apply_once(state, &step)).await
}

/// What one step of a change request applies, as [`apply_change`] takes it.
struct Step<'a> {
    actor_user_id: i32,
    request: &'a change_request::Model,
    from: ChangeStatus,
    to: ChangeStatus,
    items: &'a [ChangeItem],
    answer: Option<String>,
    counter_json: Option<String>,
    party: Party,
    locale: Locale,
}

/// One attempt at [`apply_change`].
async fn apply_once(state: &AppState, step: &Step<'_>) -> Result<(), ApiError> {
    let &Step {
        actor_user_id,
        request,
        from,
        to,
        items,
        party,
        locale,
        ..
    } = step;
    let now = state.now();
    let planned = plan(state, request, items, now, party, locale).await?;
    let mut work = UnitOfWork::begin(state).await?;
    if !crate::ssr::repo::changes::claim(
        &work.tx,
        request,
        from,
        to,
        (from == ChangeStatus::Open).then_some(actor_user_id),
        step.answer.clone().filter(|a| !a.is_empty()),
        step.counter_json.clone(),
        now,
    )
    .await?
    {
        return Err(already_decided(locale));
    }
    let order = &planned.order;
    let revision = write_order(&work.tx, order, &planned.next, now, locale).await?;
    write_lines(&work.tx, &planned).await?;
    let (placed, po_changes) = (&planned.placed, &planned.po_changes);
    let moved = change_factories(&work.tx, state, request.id, placed, po_changes, now, locale)
        .await
        .map_err(|error| worded_for(party, locale, error))?;
    let asked_factory = !planned.po_changes.is_empty();
    for event in timeline(request, actor_user_id, to, revision, items, asked_factory) {
        work.record(event, order.customer_company_id, now).await?;
    }
    if !moved.is_empty() {
        let alerts = AlertContext {
            now,
            ..state.alert_context()
        };
        follow_factory(&work.tx, &moved, &mut work.live, &alerts).await?;
    }
    if let Some(requester) = users::find(&work.tx, request.requested_by)
        .await?
        .filter(|u| u.active)
    {
        let answer = step.answer.clone().unwrap_or_default();
        tell_requester(
            &work.tx, state, &requester, request.id, order, to, items, answer,
        )
        .await?;
    }
    // Of what is kept, the order's pages, its customer's and those of its
    // factories (the lines it changed or cancelled included) show it.
    work.touches_order(order.id, order.customer_company_id)
        .await?;
    work.commit(state).await?;
    Ok(())
}

/// What the step works on: the order as it is now, its lines, the factory
/// lines behind them, and what the change makes of the order and of them.
struct Plan {
    order: order::Model,
    lines: Vec<order_line::Model>,
    placed: Vec<PlacedLine>,
    next: OrderState,
    po_changes: Vec<PoLineChange>,
}

/// Reads the order and the factory lines behind it and works out the
/// change; anything that no longer fits is a conflict, worded for `party`.
async fn plan(
    state: &AppState,
    request: &change_request::Model,
    items: &[ChangeItem],
    now: DateTime<Utc>,
    party: Party,
    locale: Locale,
) -> Result<Plan, ApiError> {
    let order = orders::find(&state.db, OrderScope::All, request.order_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let status = order.status;
    let lines = orders::lines_of(&state.db, &[order.id]).await?;
    let placed =
        purchase_orders::placed_lines(&state.db, &lines.iter().map(|l| l.id).collect::<Vec<_>>())
            .await?;
    let current = order_state(&state.db, &order, status, &lines).await?;
    let next = apply(&current, items, state.house_date(now), locale)
        .map_err(|found| changed_since(locale, found))?;
    let po_changes = factory_changes(items, &po_states(&lines, &placed)).map_err(|found| {
        let said = found.iter().map(|p| factory_problem(p, party, locale));
        changed_since(locale, said.collect())
    })?;
    Ok(Plan {
        order,
        lines,
        placed,
        next,
        po_changes,
    })
}

fn changed_since(locale: Locale, found: Vec<String>) -> ApiError {
    ApiError::Conflict {
        message: locale.t_with(
            "change-changed-since",
            &[("problem", found.join(" ").into())],
        ),
    }
}

/// A conflict the factory lines raised while the change was written, as
/// `party` may read it: the house learns that a factory reported meanwhile,
/// the customer only that the order moved.
fn worded_for(party: Party, locale: Locale, error: ApiError) -> ApiError {
    match (party, error) {
        (Party::Customer, ApiError::Conflict { .. }) => ApiError::Conflict {
            message: locale.t("change-moved-meanwhile"),
        },
        (_, error) => error,
    }
}

/// Claims the order at the version read and writes its own fields with the
/// next revision, which it returns.
async fn write_order(
    db: &impl ConnectionTrait,
    order: &order::Model,
    next: &OrderState,
    now: DateTime<Utc>,
    locale: Locale,
) -> Result<i32, ApiError> {
    if !orders::bump_version(db, order.id, order.version, now).await? {
        return Err(ApiError::Conflict {
            message: locale.t("change-moved-meanwhile"),
        });
    }
    let revision = order.revision + 1;
    order::ActiveModel {
        id: Set(order.id),
        ship_to: Set(next.ship_to.clone()),
        revision: Set(revision),
        ..Default::default()
    }
    .update(db)
    .await?;
    Ok(revision)
}

/// Writes the order's lines as they are after the change: cancelled lines
/// go, changed lines are updated, added lines are inserted.
async fn write_lines(db: &impl ConnectionTrait, plan: &Plan) -> Result<(), ApiError> {
    let Plan {
        order,
        lines,
        placed,
        next,
        ..
    } = plan;
    for line in lines {
        let Some(new) = next.lines.iter().find(|l| l.line_no == line.line_no) else {
            orders::delete_line(db, line.id).await?;
            continue;
        };
        let has_factory = placed.iter().any(|p| p.order_line_id == line.id);
        let mut row = order_line::ActiveModel {
            id: Set(line.id),
            quantity: Set(new.quantity),
            description: Set(new.description.clone()),
            requested_date: Set(new.requested),
            committed_date: Set(new.committed),
            ..Default::default()
        };
        // With a factory behind the line, the factories' dates are followed
        // after the factory lines change, inside this transaction.
        if let Some(forecast) =
            forecast_after_change(has_factory, line.committed_date, new.committed)
        {
            row.forecast_date = Set(forecast);
        }
        row.update(db).await?;
    }
    for new in next
        .lines
        .iter()
        .filter(|n| !lines.iter().any(|l| l.line_no == n.line_no))
    {
        orders::insert_line(
            db,
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
    Ok(())
}

/// The timeline entries of an applied change: the request's new status,
/// one entry per item, and whether the factory is asked to acknowledge.
fn timeline(
    request: &change_request::Model,
    actor_user_id: i32,
    to: ChangeStatus,
    revision: i32,
    items: &[ChangeItem],
    asked_factory: bool,
) -> Vec<NewEvent<'static>> {
    let event = |summary: String, before: Option<String>, after: Option<String>| NewEvent {
        order_id: request.order_id,
        actor_user_id: Some(actor_user_id),
        kind: "change",
        summary,
        before,
        after,
    };
    let mut events = vec![event(
        format!(
            "Change request {} {} (revision {revision})",
            number(request.id),
            to.label().to_lowercase()
        ),
        None,
        None,
    )];
    for item in items {
        // Stored, so in English like the rest of the timeline.
        let (what, before, after) = item.describe(Locale::En);
        // "Line 2 cancelled" and "New line" say what happened already.
        let entry = if before.is_empty() || after.is_empty() {
            what
        } else {
            format!("{what} changed")
        };
        events.push(event(
            entry,
            (!before.is_empty()).then_some(before),
            (!after.is_empty()).then_some(after),
        ));
    }
    if asked_factory {
        events.push(event(
            "The factory is asked to acknowledge the change".to_string(),
            None,
            None,
        ));
    }
    events
}
