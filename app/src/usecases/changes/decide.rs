//! The house decides an open request: approve it (the order changes), reject
//! it with a reason, or counter-propose other values for the customer to
//! answer. Added lines are priced with the decision.

use chrono::NaiveDate;

use super::apply::apply_change;
use super::{
    already_decided, factory_problem, items_of, number, order_state, po_states, record_step,
    request_for, step_error, step_of, summary,
};
use crate::domain::change_request::{
    ChangeItem, ChangeStatus, NewLine, Party, Step, apply, factory_changes, next_status,
};
use crate::domain::change_workflow::counter_changes_something;
use crate::domain::dates::parse_coming_day;
use crate::domain::order_input::required_text as text;
use crate::domain::order_input::{parse_hs_code, parse_quantity, parse_unit_price};
use crate::domain::policy::Action;
use crate::domain::refusal::Localize;
use crate::i18n::Locale;
use crate::ssr::auth::CurrentUser;
use crate::ssr::entities::{change_request, order};
use crate::ssr::repo::{orders, purchase_orders};
use crate::ssr::work::UnitOfWork;
use crate::ssr::{AppState, guard};
use crate::wire::changes::ItemDecisionInput;
use crate::wire::{ApiError, FieldErrors};

/// The house decides an open request: `decision` is `approve`, `reject`
/// (with a reason in `answer`) or `counter` (with counter values in
/// `items[i].counter`, in the order of the request's items, and an optional
/// message). Added lines need `items[i].unit_price` to approve or counter.
pub async fn decide(
    state: &AppState,
    user: &CurrentUser,
    id: i32,
    decision: String,
    answer: String,
    items: Vec<ItemDecisionInput>,
) -> Result<(), ApiError> {
    let today = state.today();
    let (request, order) = request_for(state, user, id).await?;
    guard::check(
        state,
        user,
        Action::DecideChange {
            customer: order.customer_company_id,
        },
        "change decision",
    )
    .await?;
    let step = step_of(user.locale, &decision)?;
    let from = request.status;
    let to = next_status(from, step, Party::House).map_err(|e| step_error(user.locale, e))?;
    let asked = items_of(&request.items)?;
    let answer = answer.trim().to_string();
    let decided = read_decision(user.locale, step, &answer, &asked, &items, today)?;
    if step == Step::Counter {
        check_counter_fits(state, &order, &decided, today, user.locale).await?;
    }
    match step {
        Step::Approve => {
            apply_change(
                state,
                user.user_id,
                &request,
                from,
                to,
                &decided,
                Some(answer),
                None,
                Party::House,
                user.locale,
            )
            .await
        }
        Step::Reject | Step::Counter => {
            let taken = Decision {
                step,
                from,
                to,
                answer,
                asked,
                decided,
            };
            answer_without_change(state, user, request, &order, taken).await
        }
        _ => Err(ApiError::Forbidden),
    }
}

/// The request's items as the decision would apply them: prices and HS
/// codes for added lines, the counter values where the house counters.
/// Every bad field is reported at once.
fn read_decision(
    locale: Locale,
    step: Step,
    answer: &str,
    asked: &[ChangeItem],
    inputs: &[ItemDecisionInput],
    today: NaiveDate,
) -> Result<Vec<ChangeItem>, ApiError> {
    let mut problems = FieldErrors::default();
    if answer.chars().count() > 2000 {
        problems.add(
            "answer",
            locale.t_with("err-answer-too-long", &[("max", 2000.into())]),
        );
    }
    if step == Step::Reject && answer.is_empty() {
        problems.add("answer", locale.t("err-reject-needs-reason"));
    }
    let mut decided = Vec::with_capacity(asked.len());
    for (i, item) in asked.iter().enumerate() {
        let input = inputs.get(i).cloned().unwrap_or_default();
        let counter = input.counter.trim();
        let mut item = item.clone();
        if step == Step::Counter && !counter.is_empty() {
            let field = format!("items[{i}].counter");
            take_counter(locale, &mut item, counter, &field, today, &mut problems);
        }
        if let ChangeItem::AddLine(new) = &mut item
            && step != Step::Reject
        {
            price_new_line(locale, new, &input, i, &mut problems);
        }
        decided.push(item);
    }
    if step == Step::Counter && problems.is_empty() && !counter_changes_something(&decided, asked) {
        problems.add("items", locale.t("err-counter-changes-nothing"));
    }
    if !problems.is_empty() {
        return Err(problems.into_error());
    }
    Ok(decided)
}

/// Puts the house's counter value into the item, or notes why it cannot
/// be taken under `field`.
fn take_counter(
    locale: Locale,
    item: &mut ChangeItem,
    counter: &str,
    field: &str,
    today: NaiveDate,
    problems: &mut FieldErrors,
) {
    match item {
        ChangeItem::Quantity { to, .. } => {
            if let Some(q) = problems.keep(field, parse_quantity(counter).localized(locale)) {
                *to = q;
            }
        }
        ChangeItem::Description { to, .. } => {
            if let Some(t) = problems.keep(
                field,
                text(counter, 2000, "input-what-description").localized(locale),
            ) {
                *to = t;
            }
        }
        ChangeItem::RequestedDate { to, .. } => {
            if let Some(d) = problems.keep(
                field,
                parse_coming_day(counter, today).map_err(|e| locale.t(e.key())),
            ) {
                *to = d;
            }
        }
        ChangeItem::ShipTo { to, .. } => {
            if let Some(t) = problems.keep(
                field,
                text(counter, 500, "input-what-ship-to").localized(locale),
            ) {
                *to = t;
            }
        }
        ChangeItem::AddLine(new) => {
            if let Some(q) = problems.keep(field, parse_quantity(counter).localized(locale)) {
                new.quantity = q;
            }
        }
        ChangeItem::CancelLine { .. } => problems.add(field, locale.t("err-cancel-as-is")),
    }
}

/// Gives an added line (item `i`) the unit price and HS code the house set.
fn price_new_line(
    locale: Locale,
    new: &mut NewLine,
    input: &ItemDecisionInput,
    i: usize,
    problems: &mut FieldErrors,
) {
    match parse_unit_price(&input.unit_price) {
        Ok(price) => new.unit_price_minor = Some(price),
        Err(_) => problems.add(
            format!("items[{i}].unit_price"),
            locale.t_with(
                "err-new-line-price",
                &[("product", new.product_code.clone().into())],
            ),
        ),
    }
    new.hs_code = problems.keep(
        format!("items[{i}].hs_code"),
        parse_hs_code(&input.hs_code).localized(locale),
    );
}

/// A counter-proposal the order could not take would only fail when the
/// customer accepts it, so it is refused now, in the house's words.
async fn check_counter_fits(
    state: &AppState,
    order: &order::Model,
    decided: &[ChangeItem],
    today: NaiveDate,
    locale: Locale,
) -> Result<(), ApiError> {
    let lines = orders::lines_of(&state.db, &[order.id]).await?;
    let placed =
        purchase_orders::placed_lines(&state.db, &lines.iter().map(|l| l.id).collect::<Vec<_>>())
            .await?;
    let status = order.status;
    let current = order_state(&state.db, order, status, &lines).await?;
    let mut found = apply(&current, decided, today, locale)
        .err()
        .unwrap_or_default();
    found.extend(
        factory_changes(decided, &po_states(&lines, &placed))
            .err()
            .unwrap_or_default()
            .iter()
            .map(|p| factory_problem(p, Party::House, locale)),
    );
    if !found.is_empty() {
        return Err(ApiError::Conflict {
            message: locale.t_with(
                "change-counter-does-not-fit",
                &[("problem", found.join(" ").into())],
            ),
        });
    }
    Ok(())
}

/// A decision that leaves the order as it is: a rejection or a
/// counter-proposal.
struct Decision {
    step: Step,
    from: ChangeStatus,
    to: ChangeStatus,
    answer: String,
    asked: Vec<ChangeItem>,
    decided: Vec<ChangeItem>,
}

/// Rejects or counters: the request moves, with the answer and the counter
/// values, unless someone moved it first; the timeline says so and the
/// customer is told, in one transaction.
async fn answer_without_change(
    state: &AppState,
    user: &CurrentUser,
    request: change_request::Model,
    order: &order::Model,
    decision: Decision,
) -> Result<(), ApiError> {
    let Decision {
        step,
        from,
        to,
        answer,
        asked,
        decided,
    } = decision;
    let user_id = user.user_id;
    let counter_json = (step == Step::Counter)
        .then(|| serde_json::to_string(&decided))
        .transpose()
        .map_err(|e| ApiError::internal("counter items", e))?;
    let now = state.now();
    let work = UnitOfWork::begin(state).await?;
    if !crate::ssr::repo::changes::claim(
        &work.tx,
        &request,
        from,
        to,
        Some(user_id),
        Some(answer.clone()),
        counter_json,
        now,
    )
    .await?
    {
        return Err(already_decided(user.locale));
    }
    let request = change_request::Model {
        answer: Some(answer.clone()),
        ..request
    };
    let (entry, changes) = if step == Step::Reject {
        (
            format!("Change request {} rejected", number(request.id)),
            asked.as_slice(),
        )
    } else {
        (
            format!("Counter-proposal on change request {}", number(request.id)),
            decided.as_slice(),
        )
    };
    // The timeline keeps its words in English; the customer's mail names
    // the changes in their language.
    let after = if answer.is_empty() {
        summary(changes, Locale::En).replace('\n', "; ")
    } else {
        answer.clone()
    };
    let tell_customer = Some((&request, to, changes));
    record_step(
        state,
        work,
        order,
        user_id,
        entry,
        Some(after),
        tell_customer,
    )
    .await
}
