//! A customer asks for a change to one of its orders: the form is parsed
//! into a proposal, the proposal is compared with the order, the domain's
//! objections are put back on the form's fields, and the request is saved,
//! put on the timeline and sent to the house in one transaction.

// The use case takes one argument per form field, as its server function.
#![allow(clippy::too_many_arguments)]

use chrono::NaiveDate;
use sea_orm::{ActiveModelTrait, Set};

use super::notify::tell_deciders;
use super::{number, one_pending, order_state, summary};
use crate::domain::change_request::{
    ChangeItem, ChangeKind, ChangeStatus, LineProposal, NewLine, Problem, Proposal, check_request,
    diff,
};
use crate::domain::dates::{parse_coming_day, parse_day};
use crate::domain::order_input::parse_quantity;
use crate::domain::order_input::required_text as text;
use crate::domain::order_status::OrderStatus;
use crate::domain::policy::Action;
use crate::domain::refusal::Localize;
use crate::i18n::Locale;
use crate::ssr::auth::CurrentUser;
use crate::ssr::entities::{change_request, order, order_line};
use crate::ssr::notify::Mail;
use crate::ssr::repo::orders::{self, NewEvent, OrderScope};
use crate::ssr::work::UnitOfWork;
use crate::ssr::{AppState, db_error, guard};
use crate::wire::changes::{AddedLineInput, ChangeLineInput};
use crate::wire::{ApiError, FieldErrors};

/// Asks for a change to one of the customer's orders, against the `version`
/// of the order the customer saw. `lines[i]` restates an existing line (by
/// `line_no`) with the wanted values; `added` holds lines to add. Returns the
/// request's id.
pub async fn request(
    state: &AppState,
    user: &CurrentUser,
    order_id: i32,
    version: i32,
    note: String,
    ship_to: String,
    lines: Vec<ChangeLineInput>,
    added: Vec<AddedLineInput>,
) -> Result<i32, ApiError> {
    let (order, status) = order_to_change(state, user, order_id, version).await?;
    let today = state.today();
    let current_lines = orders::lines_of(&state.db, &[order.id]).await?;
    let form = parse_form(
        user.locale,
        &current_lines,
        &note,
        &ship_to,
        &lines,
        &added,
        today,
    )?;
    let current = order_state(&state.db, &order, status, &current_lines).await?;
    let items = diff(&current, &form.proposal);
    let problems = check_request(&current, &items, &note, today);
    if !problems.is_empty() {
        let mut fields = FieldErrors::default();
        for problem in problems {
            fields.add(field_of(&problem, &form.rows), problem.text(user.locale));
        }
        return Err(fields.into_error());
    }
    save(state, user, &order, &items, &note).await
}

/// The order the customer may ask to change, as the customer saw it: in
/// the customer's scope, open to their asking, at `version`, and with no
/// other request waiting.
async fn order_to_change(
    state: &AppState,
    user: &CurrentUser,
    order_id: i32,
    version: i32,
) -> Result<(order::Model, OrderStatus), ApiError> {
    let scope = OrderScope::of_user(user)?;
    let order = orders::find(&state.db, scope, order_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    guard::check(
        state,
        user,
        Action::AskChange {
            customer: order.customer_company_id,
        },
        "change request",
    )
    .await?;
    let status = order.status;
    if order.version != version {
        return Err(ApiError::Conflict {
            message: user.locale.t("err-change-order-moved"),
        });
    }
    let existing = crate::ssr::repo::changes::of_order(&state.db, order.id).await?;
    if existing.iter().any(|r| r.status.is_pending()) {
        return Err(one_pending(user.locale));
    }
    Ok((order, status))
}

/// The change form parsed: the customer's proposal, and for each existing
/// line the form row it came from, to name fields in errors.
struct Form {
    proposal: Proposal,
    /// Line number → index of its row in the form.
    rows: Vec<(i32, usize)>,
}

/// Parses the whole form, reporting every bad field at once.
fn parse_form(
    locale: Locale,
    current_lines: &[order_line::Model],
    note: &str,
    ship_to: &str,
    lines: &[ChangeLineInput],
    added: &[AddedLineInput],
    today: NaiveDate,
) -> Result<Form, ApiError> {
    let mut problems = FieldErrors::default();
    let ship_to = problems.keep(
        "ship_to",
        text(ship_to, 500, "input-what-ship-to").localized(locale),
    );
    if note.chars().count() > 2000 {
        problems.add("note", locale.t("progress-note-too-long"));
    }
    let (proposed, rows) = parse_lines(locale, current_lines, lines, &mut problems);
    let new_lines = parse_added(locale, added, today, &mut problems);
    let Some(ship_to) = ship_to else {
        return Err(problems.into_error());
    };
    if !problems.is_empty() {
        return Err(problems.into_error());
    }
    Ok(Form {
        proposal: Proposal {
            lines: proposed,
            ship_to,
            added: new_lines,
        },
        rows,
    })
}

/// The existing lines as restated on the form, with the row of each.
fn parse_lines(
    locale: Locale,
    current_lines: &[order_line::Model],
    lines: &[ChangeLineInput],
    problems: &mut FieldErrors,
) -> (Vec<LineProposal>, Vec<(i32, usize)>) {
    let mut proposed = Vec::new();
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
            problems.add(field("line_no"), locale.t("err-no-such-line"));
            continue;
        };
        if rows.iter().any(|(n, _)| *n == line.line_no) {
            problems.add(field("line_no"), locale.t("err-line-twice"));
            continue;
        }
        rows.push((line.line_no, i));
        if !input.cancel.trim().is_empty() {
            proposed.push(LineProposal {
                line_no: line.line_no,
                quantity: line.quantity,
                description: line.description.clone(),
                requested: line.requested_date,
                cancel: true,
            });
            continue;
        }
        let quantity = problems.keep(
            field("quantity"),
            parse_quantity(&input.quantity).localized(locale),
        );
        let description = problems.keep(
            field("description"),
            text(&input.description, 2000, "input-what-description").localized(locale),
        );
        let requested = problems.keep(
            field("requested"),
            parse_day(&input.requested).map_err(|e| locale.t(e.key())),
        );
        if let (Some(quantity), Some(description), Some(requested)) =
            (quantity, description, requested)
        {
            proposed.push(LineProposal {
                line_no: line.line_no,
                quantity,
                description,
                requested,
                cancel: false,
            });
        }
    }
    (proposed, rows)
}

/// The lines the customer asks to add (blank rows are skipped).
fn parse_added(
    locale: Locale,
    added: &[AddedLineInput],
    today: NaiveDate,
    problems: &mut FieldErrors,
) -> Vec<NewLine> {
    let mut new_lines = Vec::new();
    for (i, input) in added.iter().enumerate() {
        if input.is_blank() {
            continue;
        }
        let field = |name: &str| format!("added[{i}].{name}");
        let product_code = problems.keep(
            field("product_code"),
            text(&input.product_code, 40, "input-what-product-code").localized(locale),
        );
        let description = problems.keep(
            field("description"),
            text(&input.description, 2000, "input-what-description").localized(locale),
        );
        let quantity = problems.keep(
            field("quantity"),
            parse_quantity(&input.quantity).localized(locale),
        );
        let unit = problems.keep(
            field("unit"),
            text(&input.unit, 12, "input-what-unit").localized(locale),
        );
        let requested = problems.keep(
            field("requested"),
            parse_coming_day(&input.requested, today).map_err(|e| locale.t(e.key())),
        );
        if let (
            Some(product_code),
            Some(description),
            Some(quantity),
            Some(unit),
            Some(requested),
        ) = (product_code, description, quantity, unit, requested)
        {
            new_lines.push(NewLine {
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
    new_lines
}

/// The form field a domain objection belongs to: the row's field of the
/// line it names, else the ship-to, the added lines or the note.
fn field_of(problem: &Problem, rows: &[(i32, usize)]) -> String {
    let row = problem
        .line_no
        .and_then(|n| rows.iter().find(|(no, _)| *no == n).map(|(_, i)| *i));
    match (row, problem.kind) {
        (Some(i), Some(ChangeKind::Quantity)) => format!("lines[{i}].quantity"),
        (Some(i), Some(ChangeKind::Description)) => format!("lines[{i}].description"),
        (Some(i), Some(ChangeKind::RequestedDate)) => format!("lines[{i}].requested"),
        (Some(i), _) => format!("lines[{i}].cancel"),
        (None, Some(ChangeKind::ShipTo)) => "ship_to".to_string(),
        (None, Some(ChangeKind::AddLine)) => "added".to_string(),
        (None, Some(_)) => "lines".to_string(),
        (None, None) => "note".to_string(),
    }
}

/// Saves the request, puts it on the order's timeline and tells the house,
/// in one transaction. Returns the request's id.
async fn save(
    state: &AppState,
    user: &CurrentUser,
    order: &order::Model,
    items: &[ChangeItem],
    note: &str,
) -> Result<i32, ApiError> {
    let user_id = user.user_id;
    let now = state.now();
    let mut work = UnitOfWork::begin(state).await?;
    let saved = change_request::ActiveModel {
        order_id: Set(order.id),
        requested_by: Set(user_id),
        base_version: Set(order.version),
        status: Set(ChangeStatus::Open),
        items: Set(serde_json::to_string(items).map_err(|e| ApiError::internal("items", e))?),
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
        Some(sea_orm::SqlErr::UniqueConstraintViolation(_)) => one_pending(user.locale),
        _ => db_error("saving the request")(e),
    })?;
    // The timeline keeps its words in English; each mail names the changes
    // in its reader's language.
    let changes = summary(items, Locale::En);
    work.record(
        NewEvent {
            order_id: order.id,
            actor_user_id: Some(user_id),
            kind: "change",
            summary: format!("Change request {} made", number(saved.id)),
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
    let values = vec![("note", note.trim().to_string())];
    tell_deciders(
        &work.tx,
        state,
        Mail::ChangeRequested,
        saved.id,
        order,
        values,
        Some(items),
    )
    .await?;
    work.touches_order(order.id, order.customer_company_id)
        .await?;
    work.commit(state).await?;
    Ok(saved.id)
}
