//! Placing a purchase order with a factory for some of an order's lines.

use chrono::NaiveDate;

use super::{Entry, claim, closed, finish, parse_date, staff_order};
use crate::domain::company::CompanyKind;
use crate::domain::order_edit::{check_ready_by, editable, production_ordered};
use crate::i18n::Locale;
use crate::ssr::AppState;
use crate::ssr::auth::CurrentUser;
use crate::ssr::auth::token::new_token;
use crate::ssr::entities::{order, order_line, purchase_order};
use crate::ssr::repo::purchase_orders::{self, NewPoLine, PlacedLine};
use crate::ssr::repo::{companies, orders};
use crate::usecases::orders::stale_order;
use crate::wire::{ApiError, FieldErrors};

/// Places a purchase order with a factory for some of the order's lines (by
/// line number), each to be ready by `ready_by`. Returns the PO number.
pub async fn place_purchase_order(
    state: &AppState,
    user: &CurrentUser,
    order_id: i32,
    version: i32,
    supplier_id: i32,
    ready_by: String,
    line_nos: Vec<i32>,
) -> Result<String, ApiError> {
    let (order, status) = staff_order(state, user, order_id, "purchase order").await?;
    if !editable(status).purchasing {
        return Err(closed(user.locale, "err-action-place-po", status));
    }
    if order.version != version {
        return Err(stale_order(user.locale));
    }
    let today = state.today();
    let mut problems = FieldErrors::default();
    let supplier = companies::find(&state.db, supplier_id)
        .await?
        .filter(|c| c.kind == CompanyKind::Supplier);
    let supplier = problems.keep(
        "supplier_id",
        supplier.ok_or_else(|| user.locale.t("err-choose-factory")),
    );
    let ready_by = problems.keep("ready_by", parse_date(user.locale, &ready_by));
    let lines = orders::lines_of(&state.db, &[order.id]).await?;
    let line_ids: Vec<i32> = lines.iter().map(|l| l.id).collect();
    let placed = purchase_orders::placed_lines(&state.db, &line_ids).await?;
    let chosen = choose_lines(&mut problems, user.locale, &lines, &placed, &line_nos);
    if let Some(ready_by) = ready_by {
        let committed: Vec<_> = chosen
            .iter()
            .map(|l| (l.line_no, l.committed_date))
            .collect();
        if let Err(refusal) = check_ready_by(ready_by, today, &committed) {
            problems.add("ready_by", refusal.text(user.locale));
        }
    }
    let (Some(supplier), Some(ready_by), true) = (supplier, ready_by, problems.is_empty()) else {
        return Err(problems.into_error());
    };
    write(state, user, &order, version, supplier.id, ready_by, &chosen).await
}

/// The order's lines named in `line_nos`, each once; a line not on the
/// order or already on a purchase order is a problem, as is choosing none.
fn choose_lines<'a>(
    problems: &mut FieldErrors,
    locale: Locale,
    lines: &'a [order_line::Model],
    placed: &[PlacedLine],
    line_nos: &[i32],
) -> Vec<&'a order_line::Model> {
    let mut chosen: Vec<&'a order_line::Model> = Vec::new();
    for no in line_nos {
        match lines.iter().find(|l| l.line_no == *no) {
            None => problems.add(
                "line_nos",
                locale.t_with("err-line-not-on-order", &[("line", (*no).into())]),
            ),
            Some(line) => match placed.iter().find(|p| p.order_line_id == line.id) {
                Some(p) => problems.add(
                    "line_nos",
                    locale.t_with(
                        "err-line-already-placed",
                        &[("line", (*no).into()), ("po", p.po.number.clone().into())],
                    ),
                ),
                None if !chosen.iter().any(|c| c.id == line.id) => chosen.push(line),
                None => {}
            },
        }
    }
    if line_nos.is_empty() {
        problems.add("line_nos", locale.t("err-choose-line"));
    }
    chosen
}

/// Claims the order, writes the purchase order (numbered by its id) with
/// one PO line per chosen line, and records it on the timeline.
async fn write(
    state: &AppState,
    user: &CurrentUser,
    order: &order::Model,
    version: i32,
    supplier_id: i32,
    ready_by: NaiveDate,
    chosen: &[&order_line::Model],
) -> Result<String, ApiError> {
    let now = state.now();
    // Claiming the order serialises placements, so no line lands on two POs.
    let work = claim(state, user.locale, order.id, version).await?;
    let provisional = format!("NEW-{}", &new_token()[..16]);
    let po = purchase_orders::insert_po(&work.tx, &provisional, supplier_id, now).await?;
    let number = format!("PO-{}-{:05}", now.format("%Y"), po.id);
    purchase_orders::set_po_number(&work.tx, po.id, &number).await?;
    let mut placed = Vec::with_capacity(chosen.len());
    for (i, line) in chosen.iter().enumerate() {
        let placed_line = purchase_orders::insert_po_line(
            &work.tx,
            NewPoLine::filling(po.id, i as i32 + 1, line, ready_by),
            &[line.id],
        )
        .await?;
        placed.push(placed_line);
    }
    let po = purchase_order::Model {
        number: number.clone(),
        ..po
    };
    crate::usecases::news::po_placed(state, &work.tx, &po, &placed).await?;
    let line_nos: Vec<i32> = chosen.iter().map(|l| l.line_no).collect();
    let entry = Entry {
        summary: production_ordered(&line_nos),
        before: None,
        after: None,
    };
    finish(state, work, order, user.user_id, "purchase", vec![entry]).await?;
    Ok(number)
}
