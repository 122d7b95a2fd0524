//! Change requests: customers ask for a change to their order, the trading
//! house approves, rejects or counter-proposes, the customer answers a
//! counter-proposal, and an applied change reaches the factories as a change
//! to acknowledge. The rules are in `domain::change_request` and
//! `domain::change_workflow`; here each step loads the actor, checks the
//! policy, applies the rule and writes the request, the order, the factory
//! lines, the timeline and the mails in one transaction.
//!
//! One file per use case: `request` (the customer asks), `decide` (the house
//! decides), `answer` (the customer answers a counter-proposal or
//! withdraws), `apply` (the step that changes the order, with
//! `factory_lines` for the factory lines behind it), `acknowledge` (the
//! factories' list and acknowledgement), `view` (what the pages show) and
//! `notify` (the workflow mails). The small helpers they share are here.

mod acknowledge;
mod answer;
mod apply;
mod decide;
mod factory_lines;
mod notify;
mod request;
mod view;

pub use acknowledge::{acknowledge, factory_list};
pub use answer::{answer, withdraw};
pub use decide::decide;
pub use request::request;
pub use view::{get, inbox, view};

use fluent_bundle::FluentValue;
use sea_orm::ConnectionTrait;

use crate::domain::change_request::{
    ChangeItem, ChangeStatus, FactoryProblem, LineState, OrderState, Party, PoLineState, Step,
    StepError, next_status,
};
use crate::domain::order_status::OrderStatus;
use crate::i18n::Locale;
use crate::ssr::AppState;
use crate::ssr::auth::CurrentUser;
use crate::ssr::entities::{change_request, order, order_line};
use crate::ssr::notify::Mail;
use crate::ssr::repo::orders::{self, NewEvent, OrderScope};
use crate::ssr::repo::purchase_orders::PlacedLine;
use crate::ssr::repo::users;
use crate::ssr::work::UnitOfWork;
use crate::wire::ApiError;

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
        let applied = match request.status {
            ChangeStatus::Approved => Some(request.items.as_str()),
            ChangeStatus::Accepted => request.counter_items.as_deref(),
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

/// The factory lines behind the order's lines, as the change rules see them.
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

/// A step the request does not take, told in `locale`.
fn step_error(locale: Locale, error: StepError) -> ApiError {
    match error {
        StepError::NotYours => ApiError::Forbidden,
        StepError::Closed(_) => ApiError::Conflict {
            message: error.text(locale),
        },
    }
}

/// The number people read for a request.
pub fn number(id: i32) -> String {
    format!("CR-{id}")
}

/// The items in words, one per line, in `locale`: for mails in the
/// reader's language, and in English for the timeline, which stores them.
pub fn summary(items: &[ChangeItem], locale: Locale) -> String {
    items
        .iter()
        .map(|item| {
            let (what, before, after) = item.describe(locale);
            let key = match (before.is_empty(), after.is_empty()) {
                (true, _) => "cr-words-summary-added",
                (_, true) => "cr-words-summary-removed",
                _ => "cr-words-summary-changed",
            };
            locale.t_with(
                key,
                &[
                    ("what", what.into()),
                    ("from", before.into()),
                    ("to", after.into()),
                ],
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A change the factory behind a line can no longer take, in words for
/// `party` (see `FactoryProblem::key_for`): only the house's carry the
/// factory's figure, which the customer's message is never even given.
fn factory_problem(problem: &FactoryProblem, party: Party, locale: Locale) -> String {
    let line = ("line", FluentValue::from(problem.line_no));
    match party {
        Party::House => locale.t_with(
            problem.key_for(party),
            &[line, ("done", FluentValue::from(problem.made))],
        ),
        Party::Customer => locale.t_with(problem.key_for(party), &[line]),
    }
}

fn already_decided(locale: Locale) -> ApiError {
    ApiError::Conflict {
        message: locale.t("err-change-already-answered"),
    }
}

fn one_pending(locale: Locale) -> ApiError {
    ApiError::Conflict {
        message: locale.t("err-change-one-pending"),
    }
}

/// A timeline entry, the mail to the customer (if any: the request, its
/// new status and the changes it names) and the commit of a step that does
/// not change the order. The unit of work watches its notifications; of
/// what is kept, what shows the order is dropped.
async fn record_step(
    state: &AppState,
    mut work: UnitOfWork,
    order: &order::Model,
    actor_user_id: i32,
    summary: String,
    after: Option<String>,
    tell_customer: Option<(&change_request::Model, ChangeStatus, &[ChangeItem])>,
) -> Result<(), ApiError> {
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
        notify::tell_requester(
            &work.tx, state, &requester, request.id, order, status, changes, answer,
        )
        .await?;
    }
    work.touches_order(order.id, order.customer_company_id)
        .await?;
    work.commit(state).await
}

/// How a customer ends a request without changing the order.
#[derive(Clone, Copy)]
enum Ending {
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

    fn mail(self) -> Mail {
        match self {
            Ending::Withdrawn => Mail::ChangeWithdrawn,
            Ending::CounterDeclined => Mail::CounterDeclined,
        }
    }
}

/// The customer's own ending of a request: the request moves unless
/// someone moved it first (told in `locale`), the timeline says so, and
/// the house people it went to are told.
async fn close(
    state: &AppState,
    user_id: i32,
    locale: Locale,
    request: &change_request::Model,
    order: &order::Model,
    ending: Ending,
) -> Result<(), ApiError> {
    let from = request.status;
    let to = next_status(from, ending.step(), Party::Customer)
        .map_err(|error| step_error(locale, error))?;
    let work = UnitOfWork::begin(state).await?;
    if !crate::ssr::repo::changes::claim(&work.tx, request, from, to, None, None, None, state.now())
        .await?
    {
        return Err(already_decided(locale));
    }
    let values = vec![("request", number(request.id))];
    let mail = ending.mail();
    notify::tell_deciders(&work.tx, state, mail, request.id, order, values, None).await?;
    let summary = ending.summary(request.id);
    record_step(state, work, order, user_id, summary, None, None).await
}

fn step_of(locale: Locale, raw: &str) -> Result<Step, ApiError> {
    Step::parse(raw)
        .ok_or_else(|| ApiError::invalid("decision", locale.t("err-change-choose-decision")))
}

/// Loads a request with its order for the signed-in person: the house sees
/// every request, a customer its own company's; anyone else gets 404.
async fn request_for(
    state: &AppState,
    user: &CurrentUser,
    id: i32,
) -> Result<(change_request::Model, order::Model), ApiError> {
    let scope = OrderScope::of_user(user)?;
    let request = crate::ssr::repo::changes::find(&state.db, id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let order = orders::find(&state.db, scope, request.order_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok((request, order))
}
