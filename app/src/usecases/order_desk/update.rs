//! Changing an order's terms and, before confirmation, its lines.

// The use case takes one argument per form field.
#![allow(clippy::too_many_arguments)]

use chrono::NaiveDate;

use super::{Entry, claim, closed, finish, staff_order};
use crate::domain::order_edit::{Editable, earliest_requested, editable};
use crate::domain::order_input::format_minor;
use crate::i18n::Locale;
use crate::ssr::AppState;
use crate::ssr::auth::CurrentUser;
use crate::ssr::entities::{order, order_line};
use crate::ssr::repo::orders::{self, OrderTerms};
use crate::usecases::line_fields::LineFields;
use crate::usecases::orders::{self as order_forms, ParsedLine, Terms, parse_line, stale_order};
use crate::wire::orders::LineInput;
use crate::wire::{ApiError, FieldErrors};

/// A row of the form applied to the order: the existing line it changes
/// (`None` for a new line) and its new values (`None` to remove it).
type Edit<'a> = (Option<&'a order_line::Model>, Option<ParsedLine>);

/// Changes an order's terms and, before confirmation, its lines (`lines[i]`
/// with `line_no` for an existing line, empty for a new one, `remove` to drop
/// it). After confirmation only payment terms and ship-to can change here.
/// A form that changes nothing writes nothing.
pub async fn update(
    state: &AppState,
    user: &CurrentUser,
    id: i32,
    version: i32,
    currency: String,
    incoterm: String,
    payment_terms: String,
    ship_to: String,
    lines: Vec<LineInput>,
) -> Result<(), ApiError> {
    let (order, status) = staff_order(state, user, id, "order edit").await?;
    let open = editable(status);
    if !open.delivery {
        return Err(closed(user.locale, "err-action-edit-order", status));
    }
    if order.version != version {
        return Err(stale_order(user.locale));
    }
    let today = state.today();
    let mut problems = FieldErrors::default();
    let terms = editable_terms(
        &mut problems,
        user.locale,
        &order,
        open,
        &currency,
        &incoterm,
        &payment_terms,
        &ship_to,
        !lines.is_empty(),
    );
    let existing = orders::lines_of(&state.db, &[order.id]).await?;
    let edits = parse_edits(&mut problems, user.locale, &existing, &lines, today);
    let removed = edits.iter().filter(|(_, p)| p.is_none()).count();
    let added = edits.iter().filter(|(c, _)| c.is_none()).count();
    if open.commercial && existing.len() + added <= removed {
        problems.add("lines", user.locale.t("err-desk-one-line"));
    }
    let (Some(terms), true) = (terms, problems.is_empty()) else {
        return Err(problems.into_error());
    };
    let mut changes = Changes::default();
    changes.terms(&order, &terms);
    for edit in &edits {
        changes.line(edit);
    }
    if changes.0.is_empty() {
        return Ok(());
    }
    write(
        state, user, &order, version, &terms, &existing, &edits, changes,
    )
    .await
}

/// The order's own fields, checked; currency and incoterm (and the lines,
/// `has_lines`) are frozen once the order is confirmed.
fn editable_terms(
    problems: &mut FieldErrors,
    locale: Locale,
    order: &order::Model,
    open: Editable,
    currency: &str,
    incoterm: &str,
    payment_terms: &str,
    ship_to: &str,
    has_lines: bool,
) -> Option<Terms> {
    let terms =
        order_forms::parse_terms(problems, locale, currency, incoterm, payment_terms, ship_to);
    let frozen = locale.t("err-desk-frozen");
    if !open.commercial {
        if terms.as_ref().is_some_and(|t| t.currency != order.currency) {
            problems.add("currency", &frozen);
        }
        if terms.as_ref().is_some_and(|t| t.incoterm != order.incoterm) {
            problems.add("incoterm", &frozen);
        }
        if has_lines {
            problems.add("lines", &frozen);
        }
    }
    terms
}

/// The form's rows as edits of the order's lines: untouched new rows are
/// skipped, and a line named twice or not on the order is a problem.
fn parse_edits<'a>(
    problems: &mut FieldErrors,
    locale: Locale,
    existing: &'a [order_line::Model],
    lines: &[LineInput],
    today: NaiveDate,
) -> Vec<Edit<'a>> {
    let mut edits: Vec<Edit<'a>> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let current = match line.line_no.trim() {
            "" => None,
            raw => match existing
                .iter()
                .find(|l| raw.parse::<i32>().is_ok_and(|n| n == l.line_no))
            {
                Some(found) => Some(found),
                None => {
                    problems.add(format!("lines[{i}].line_no"), locale.t("err-no-such-line"));
                    continue;
                }
            },
        };
        let removing = !line.remove.trim().is_empty();
        if current.is_none() && (removing || line.is_blank()) {
            continue;
        }
        if let Some(existing) = current
            && listed(&edits, existing)
        {
            problems.add(format!("lines[{i}].line_no"), locale.t("err-line-twice"));
            continue;
        }
        if removing {
            edits.push((current, None));
            continue;
        }
        let earliest = earliest_requested(current.map(|c| c.requested_date), today);
        if let Some(parsed) = parse_line(LineFields::new(problems, i, locale), line, earliest) {
            edits.push((current, Some(parsed)));
        }
    }
    edits
}

/// The line is already edited by an earlier row of the form.
fn listed(edits: &[Edit<'_>], line: &order_line::Model) -> bool {
    edits
        .iter()
        .any(|(c, _)| c.is_some_and(|c| c.id == line.id))
}

/// What changed, field by field, for the timeline: (what, before, after).
#[derive(Default)]
struct Changes(Vec<(String, String, String)>);

impl Changes {
    fn compare(&mut self, what: String, before: String, after: String) {
        if before != after {
            self.0.push((what, before, after));
        }
    }

    fn terms(&mut self, order: &order::Model, terms: &Terms) {
        self.compare(
            "Currency".into(),
            order.currency.clone(),
            terms.currency.to_string(),
        );
        self.compare(
            "Incoterm".into(),
            order.incoterm.clone(),
            terms.incoterm.to_string(),
        );
        self.compare(
            "Payment terms".into(),
            order.payment_terms.clone(),
            terms.payment_terms.clone(),
        );
        self.compare(
            "Ship-to".into(),
            order.ship_to.clone(),
            terms.ship_to.clone(),
        );
    }

    fn line(&mut self, edit: &Edit<'_>) {
        match edit {
            (Some(old), Some(new)) => self.changed_line(old, new),
            (Some(old), None) => self.compare(
                format!("Line {} removed", old.line_no),
                old.product_code.clone(),
                String::new(),
            ),
            (None, Some(new)) => self.compare(
                "Line added".into(),
                String::new(),
                format!("{} × {} {}", new.product_code, new.quantity, new.unit),
            ),
            (None, None) => {}
        }
    }

    fn changed_line(&mut self, old: &order_line::Model, new: &ParsedLine) {
        let n = old.line_no;
        self.compare(
            format!("Line {n} product"),
            old.product_code.clone(),
            new.product_code.clone(),
        );
        self.compare(
            format!("Line {n} description"),
            old.description.clone(),
            new.description.clone(),
        );
        self.compare(
            format!("Line {n} HS code"),
            old.hs_code.clone(),
            new.hs_code.clone(),
        );
        self.compare(
            format!("Line {n} quantity"),
            format!("{} {}", old.quantity, old.unit),
            format!("{} {}", new.quantity, new.unit),
        );
        self.compare(
            format!("Line {n} unit price"),
            format_minor(old.unit_price_minor),
            format_minor(new.unit_price_minor),
        );
        self.compare(
            format!("Line {n} requested date"),
            old.requested_date.to_string(),
            new.requested.to_string(),
        );
    }

    /// One timeline entry per changed field.
    fn into_entries(self) -> Vec<Entry> {
        self.0
            .into_iter()
            .map(|(what, before, after)| Entry {
                summary: format!("{what} changed"),
                before: (!before.is_empty()).then_some(before),
                after: (!after.is_empty()).then_some(after),
            })
            .collect()
    }
}

/// Claims the order at `version`, writes the terms and line edits (new
/// lines numbered after the highest), and records the changes.
async fn write(
    state: &AppState,
    user: &CurrentUser,
    order: &order::Model,
    version: i32,
    terms: &Terms,
    existing: &[order_line::Model],
    edits: &[Edit<'_>],
    changes: Changes,
) -> Result<(), ApiError> {
    let work = claim(state, user.locale, order.id, version).await?;
    orders::set_terms(
        &work.tx,
        order.id,
        OrderTerms {
            currency: terms.currency,
            incoterm: terms.incoterm,
            payment_terms: &terms.payment_terms,
            ship_to: &terms.ship_to,
        },
    )
    .await?;
    let mut next_no = existing.iter().map(|l| l.line_no).max().unwrap_or(0);
    for (current, parsed) in edits {
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
    finish(
        state,
        work,
        order,
        user.user_id,
        "edit",
        changes.into_entries(),
    )
    .await
}
